import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPglite } from '../../support/services.ts';
import type { Database } from '../../../sql/database.ts';
import { ConfigError } from '../../../core/errors.ts';
import { crawlSource } from '../../../pipelines/crawl/crawl-source.ts';
import { DEFAULT_USER_AGENT, resolveCrawlOptions } from '../../../pipelines/crawl/crawl-options.ts';
import { sourceSchema } from '../../../core/source-config.ts';
import { startFixtureServer } from '../../../fixtures/server/fixture-server.ts';
import { articlePage, releaseText } from './test-site.ts';

describe('resolveCrawlOptions', () => {
  it('takes the User-Agent and caps from env, the caller over env', () => {
    expect(resolveCrawlOptions({}, {}).userAgent).toBe(DEFAULT_USER_AGENT);
    expect(DEFAULT_USER_AGENT).toMatch(/^isa-pipeline\/[\d.]+ \(\+https?:\/\/\S+; contact: \S+\)$/);
    const fromEnv = resolveCrawlOptions({}, { ISA_USER_AGENT: 'isa-pipeline/0.2 (contact: presse@example.org)', ISA_MAX_BODY_BYTES: '1000' });
    expect(fromEnv).toMatchObject({ userAgent: 'isa-pipeline/0.2 (contact: presse@example.org)', maxBodyBytes: 1000 });
    expect(resolveCrawlOptions({ maxBodyBytes: 5 }, { ISA_MAX_BODY_BYTES: '1000' }).maxBodyBytes).toBe(5);
  });

  it('refuses nonsense with the field named', () => {
    expect(() => resolveCrawlOptions({ maxConcurrency: 0 })).toThrow(ConfigError);
    expect(() => resolveCrawlOptions({}, { ISA_HOST_DELAY_MS: 'bald' })).toThrow(/hostDelayMs/);
  });
});

describe('per-host concurrency', () => {
  let server: Server;
  let origin: string;
  let inFlight = 0;
  let maxInFlight = 0;
  let database: Database;

  beforeAll(async () => {
    database = await freshPglite();
    server = createServer((req, res) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      const n = Number(/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
      // Hold each answer a moment so overlapping requests would be seen.
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(`Meldung ${n}`, releaseText('die Kooperation', n)));
      }, 30);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.close();
  });

  it('never has more requests in flight to one host than allowed, whatever the total concurrency', async () => {
    const source = sourceSchema.parse({
      id: 'gate',
      name: 'Gate',
      organisation: 'Gate',
      startUrls: Array.from({ length: 8 }, (_, i) => ({ url: `${origin}/m/${i + 1}.html`, type: 'document' })),
      allowPrivate: true,
    });
    const result = await crawlSource({ db: database.db }, { runId: null, source, options: { hostDelayMs: 0, maxConcurrency: 6, perHostConcurrency: 2 } });
    expect(result.counts.new).toBe(8);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(maxInFlight).toBeGreaterThan(0);
  });
});

describe('the strict robots.txt variant', () => {
  it('skips the areas it disallows for every bot, with its Crawl-delay capped', async () => {
    const server = await startFixtureServer({ robots: 'crawl-delay' });
    const database = await freshPglite();
    try {
      const source = sourceSchema.parse({
        id: 'strict',
        name: 'Strict',
        organisation: 'Strict',
        startUrls: [
          { url: server.url('/nuernberg/presse/mitteilungen/berufsschueler-aus-shenzhen-zu-gast.html'), type: 'document' },
          { url: server.url('/koeln/presse/'), type: 'listing' },
          { url: server.url('/nuernberg/presse/archiv/pm-2016-04-26.html'), type: 'document' },
        ],
        allowPrivate: true,
      });
      // Crawl-delay: 2 is capped so the test stays quick; the cap is the option under test here.
      const result = await crawlSource({ db: database.db }, { runId: null, source, options: { maxCrawlDelayMs: 20 } });
      expect(result.counts).toMatchObject({ new: 1, skipped: 1 });
      expect(server.hits('/koeln/presse/')).toBe(0);
      expect(server.hits('/nuernberg/presse/archiv/pm-2016-04-26.html')).toBe(0);
      expect(server.hits('/robots.txt')).toBe(1);
    } finally {
      await database.close();
      await server.close();
    }
  });
});
