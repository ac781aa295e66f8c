import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshPglite } from '../../support/services.ts';
import type { Database } from '../../../sql/database.ts';
import { startRun } from '../../../sql/queries/runs.ts';
import { crawlSource } from '../../../pipelines/crawl/crawl-source.ts';
import { sourceSchema } from '../../../core/source-config.ts';
import { articlePage, listingPage, releaseText, startTestSite } from './test-site.ts';

const FAST = { hostDelayMs: 0, maxRetries: 1, retryBaseDelayMs: 5, maxRetryDelayMs: 20, connectTimeoutMs: 1_000, bodyTimeoutMs: 1_000 };

/** A loopback port nothing listens on: taken, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a source whose host is down', () => {
  let database: Database;
  let runId: string;
  beforeEach(async () => {
    database = await freshPglite();
    runId = await startRun(database.db, 'crawl-host-down', {});
  }, 180_000);
  afterEach(async () => {
    await database.close();
  });

  it('is a failed source, recorded, not a quiet night with nothing to do', async () => {
    const origin = `http://127.0.0.1:${await closedPort()}`;
    const source = sourceSchema.parse({ id: 'down', name: 'Down', organisation: 'Down', startUrls: [{ url: `${origin}/presse/`, type: 'listing' }, `${origin}/sitemap.xml`], allowPrivate: true });
    const result = await crawlSource({ db: database.db }, { runId, source, options: FAST });
    expect(result.status).toBe('failed');
    // Each start URL failed with the reason; the source failed on top of them.
    expect(result.counts).toMatchObject({ failed: 2, skipped: 0, new: 0 });
    expect(result.items.map((i) => i.outcome)).toEqual(['failed', 'failed']);
    expect(result.items.every((i) => /robots\.txt unreachable/.test(i.reason ?? ''))).toBe(true);
    const sourceError = result.errors.find((e) => e.url === 'source:down');
    expect(sourceError).toMatchObject({ stage: 'crawl', errorClass: 'RetryableError' });
    expect(sourceError!.reason).toMatch(/host looks down/);
    const recorded = await database.db.selectFrom('run_errors').select(['url', 'stage', 'message']).where('run_id', '=', runId).orderBy('id').execute();
    expect(recorded.map((r) => r.url)).toEqual([`${origin}/presse/`, `${origin}/sitemap.xml`, 'source:down']);
  });

  it('does not revisit the documents it holds one by one when the host is down', async () => {
    const site = await startTestSite({
      '/presse/': { body: listingPage('Presse', ['/presse/a.html']) },
      '/presse/a.html': { body: articlePage('Meldung A', releaseText('die Kooperation A', 1)) },
    });
    const source = sourceSchema.parse({ id: 'was-up', name: 'Was up', organisation: 'X', startUrls: [{ url: site.url('/presse/'), type: 'listing' }], follow: ['/presse/*.html'], allowPrivate: true });
    const first = await crawlSource({ db: database.db }, { runId, source, options: FAST });
    expect(first).toMatchObject({ status: 'succeeded', counts: { new: 1 } });
    await site.close();
    const second = await crawlSource({ db: database.db }, { runId, source, options: FAST });
    expect(second.status).toBe('failed');
    expect(second.counts).toMatchObject({ failed: 1, gone: 0, unchanged: 0 });
    // The held document is not marked gone: nobody answered.
    expect((await database.db.selectFrom('documents').select('status').executeTakeFirstOrThrow()).status).toBe('active');
  });

  it('a host that answers but refuses one page is no failed source', async () => {
    const site = await startTestSite({
      '/presse/': { body: listingPage('Presse', ['/presse/a.html', '/presse/b.html']) },
      '/presse/a.html': { body: articlePage('Meldung A', releaseText('die Kooperation A', 1)) },
      '/presse/b.html': { status: 503, body: 'busy' },
    });
    try {
      const source = sourceSchema.parse({ id: 'up', name: 'Up', organisation: 'X', startUrls: [{ url: site.url('/presse/'), type: 'listing' }], follow: ['/presse/*.html'], allowPrivate: true });
      const result = await crawlSource({ db: database.db }, { runId, source, options: FAST });
      expect(result.status).toBe('succeeded');
      expect(result.counts).toMatchObject({ new: 1, failed: 1 });
      expect(result.errors.map((e) => e.url)).toEqual([site.url('/presse/b.html')]);
    } finally {
      await site.close();
    }
  });
});
