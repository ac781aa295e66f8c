import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocumentWorkerPool } from '../../../pipelines/run/document-worker-pool.ts';
import { readDocument } from '../../../pipelines/parse/read-document.ts';
import { extractClaims } from '../../../extractors/extract-claims.ts';
import { loadGazetteer } from '../../../extractors/gazetteer/load-gazetteer.ts';
import { BadInputError } from '../../../core/errors.ts';
import { crawlSource } from '../../../pipelines/crawl/crawl-source.ts';
import { sourceSchema } from '../../../core/source-config.ts';
import { runErrors, startRun } from '../../../sql/queries/runs.ts';
import { freshPglite } from '../../support/services.ts';
import { startTestSite } from '../crawl/test-site.ts';

// Sentences written for this test.
const RELEASE = `<html lang="de"><head><title>Partnerschaft besiegelt</title></head><body><main><article>
<h1>Partnerschaft besiegelt</h1><p>Mainz, 12. März 2021</p>
<p>Die Stadt Mainz ist seit 2017 Mitglied der Chinesisch-Deutschen Industriestädteallianz.</p>
<p>Oberbürgermeister und Gäste aus Wuhan unterzeichneten am Freitag eine Vereinbarung über eine Städtepartnerschaft.</p>
</article></main></body></html>`;
const NOW = new Date('2021-03-13T08:00:00Z');
const input = (body: string | Buffer, url = 'http://127.0.0.1/release.html') => ({ body: typeof body === 'string' ? Buffer.from(body) : body, url, contentType: 'text/html; charset=utf-8', fetchedAt: NOW });

// A flat page near the 10 MB cap: its DOM needs far more than a 48 MB heap.
function hugePage(): string {
  const cell = '<p>Zeile</p>';
  return `<html><body>${cell.repeat(Math.floor((9 * 1024 * 1024) / cell.length))}</body></html>`;
}
// Megabytes of membership sentences: tens of CPU seconds of extraction work.
function longText(): string {
  const cities = ['Mainz', 'Köln', 'Wuhan', 'Hefei', 'Duisburg', 'Chengdu', 'Leipzig', 'Shenyang'];
  const parts: string[] = [];
  for (let i = 0, length = 0; length < 4 * 1024 * 1024; i++) {
    const sentence = `Die Stadt ${cities[i % cities.length]} trat im Jahr ${2010 + (i % 12)} der Industriestädteallianz bei, die damit ${20 + (i % 30)} Mitglieder zählt. `;
    parts.push(sentence);
    length += sentence.length;
  }
  return parts.join('');
}

describe('DocumentWorkerPool', () => {
  const pool = new DocumentWorkerPool({ maxWorkers: 1 });
  // A worker starting from the TypeScript sources compiles them first: long on a loaded machine.
  beforeAll(() => pool.warm(), 300_000);
  afterAll(() => pool.close());

  it('reads a page as readDocument does in this thread', async () => {
    expect(await pool.read(input(RELEASE))).toEqual(await readDocument(input(RELEASE)));
  }, 300_000);

  it('extracts the claims extractClaims finds in this thread', async () => {
    const text = (await readDocument(input(RELEASE))).text;
    const context = { published: '2021-03-12', language: 'de', now: NOW };
    const claims = await pool.extract(text, context, 'http://127.0.0.1/release.html');
    expect(claims.length).toBeGreaterThan(0);
    expect(claims).toEqual(extractClaims(text, { ...context, gazetteer: loadGazetteer() }));
  }, 300_000);

  it("passes the reader's own errors on as their class, and the worker stays", async () => {
    const binary = { ...input(Buffer.from([0, 1, 2, 3, 0, 255, 0, 7])), contentType: 'application/octet-stream' };
    await expect(pool.read(binary)).rejects.toBeInstanceOf(BadInputError);
    expect((await pool.read(input(RELEASE))).title).toBe('Partnerschaft besiegelt');
  });
});

describe('DocumentWorkerPool limits', () => {
  it('fails a page that exhausts its heap, then reads the next one', async () => {
    const pool = new DocumentWorkerPool({ maxWorkers: 1, maxHeapMb: 48, timeoutMs: 600_000 });
    try {
      await pool.warm();
      const error = await pool.read(input(hugePage(), 'http://127.0.0.1/huge.html')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).message).toMatch(/http:\/\/127\.0\.0\.1\/huge\.html .*memory limit of 48 MB/);
      expect((error as BadInputError).input).toBe('http://127.0.0.1/huge.html');
      expect((await pool.read(input(RELEASE))).title).toBe('Partnerschaft besiegelt');
    } finally {
      await pool.close();
    }
  }, 300_000);

  it('stops an extraction past its time limit, then extracts the next document', async () => {
    const pool = new DocumentWorkerPool({ maxWorkers: 1, timeoutMs: 5_000 });
    try {
      await pool.warm();
      const context = { published: null, language: 'de', now: NOW };
      const error = await pool.extract(longText(), context, 'http://127.0.0.1/long.html').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadInputError);
      expect((error as BadInputError).message).toMatch(/extracting claims from http:\/\/127\.0\.0\.1\/long\.html took longer than its limit of 5 s/);
      const claims = await pool.extract('Die Stadt Mainz ist seit 2017 Mitglied der Chinesisch-Deutschen Industriestädteallianz.', context, 'http://127.0.0.1/short.html');
      expect(claims.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 300_000);
});

describe('a crawl reading through the pool', () => {
  const site = startTestSite({ '/huge.html': { body: hugePage() }, '/release.html': { body: RELEASE } });
  const database = freshPglite();
  // The time limit is far off, so the heap cap is what this page meets, however loaded the machine.
  const pool = new DocumentWorkerPool({ maxWorkers: 1, maxHeapMb: 48, timeoutMs: 600_000 });
  let runId: string;
  let result: Awaited<ReturnType<typeof crawlSource>>;
  beforeAll(async () => {
    const { db } = await database;
    const { url } = await site;
    runId = await startRun(db, 'test', {});
    const source = sourceSchema.parse({ id: 'poison', name: 'Poison', organisation: 'Test', startUrls: [url('/huge.html'), url('/release.html')].map((u) => ({ url: u, type: 'document' })), allowPrivate: true });
    result = await crawlSource({ db, documentWorkers: pool, env: {} }, { runId, source, options: { hostDelayMs: 0, maxConcurrency: 1, maxBodyBytes: 12 * 1024 * 1024 } });
  }, 600_000);
  afterAll(async () => {
    await pool.close();
    await (await site).close();
    await (await database).close();
  });

  it('records the page that blew the memory limit with its URL, stage and reason', async () => {
    const { url } = await site;
    const rows = await runErrors((await database).db, runId);
    expect(rows.map((r) => ({ url: r.url, stage: r.stage, error_class: r.error_class }))).toEqual([{ url: url('/huge.html'), stage: 'parse', error_class: 'BadInputError' }]);
    expect(rows[0]!.message).toMatch(/memory limit of 48 MB/);
  });

  it('stores the next document', () => {
    expect(result.counts).toMatchObject({ new: 1, failed: 1 });
  });
});
