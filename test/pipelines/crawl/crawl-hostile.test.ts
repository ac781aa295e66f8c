import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/server/fixture-server.ts';
import { migrate, openDatabase, type Database } from '../../../sql/database.ts';
import { startRun } from '../../../sql/queries/runs.ts';
import { crawlSource, type CrawlResult } from '../../../pipelines/crawl/crawl-source.ts';
import { sourceSchema } from '../../../core/source-config.ts';

// Every hostile route of the fixture server in one crawl: each bad URL is recorded with its URL,
// stage and reason, and the good ones around them are still stored.
describe('crawlSource over hostile input', () => {
  let server: FixtureServer;
  let database: Database;
  let runId: string;
  let result: CrawlResult;
  const GOOD = '/mainz/aktuelles/pressemitteilungen/mainz-will-der-industriestaedteallianz-beitreten.php';
  const routes = {
    stall: '/hostile/stall',
    trickle: '/hostile/trickle',
    reset: '/hostile/reset',
    loop: '/hostile/redirect-loop/a',
    chain: '/hostile/redirect-chain?hops=12',
    huge: '/hostile/huge?mb=30&chunked=1',
    bomb: '/hostile/gzip-bomb?mb=64',
    empty: '/hostile/empty',
    soft404: '/hostile/soft-404',
    pdfAsHtml: '/hostile/pdf-as-html',
    htmlAsPdf: '/hostile/html-as-pdf',
    invalidUtf8: '/hostile/invalid-utf8',
    rateLimited: '/hostile/rate-limited?k=crawl',
    unavailable: '/hostile/unavailable?k=crawl',
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    database = await openDatabase({ dataDir: 'memory://' });
    expect((await migrate(database.db)).error).toBeNull();
    runId = await startRun(database.db, 'crawl-hostile', {});
    const source = sourceSchema.parse({
      id: 'hostile',
      name: 'Hostile routes',
      organisation: 'Fixture server',
      startUrls: [GOOD, ...Object.values(routes)].map((path) => ({ url: server.url(path), type: 'document' })),
      allowPrivate: true,
    });
    result = await crawlSource(
      { db: database.db },
      { runId, source, options: { hostDelayMs: 0, maxRetries: 2, retryBaseDelayMs: 5, maxRetryDelayMs: 50, connectTimeoutMs: 1_000, bodyTimeoutMs: 800, maxBodyBytes: 4 * 1024 * 1024 } },
    );
  });
  afterAll(async () => {
    await database.close();
    await server.close();
  });

  const errorFor = (path: string) => result.errors.find((e) => e.url === server.url(path));

  it('finishes and stores the good pages among the bad', () => {
    expect(result.counts.new).toBeGreaterThanOrEqual(4);
    expect(errorFor(GOOD)).toBeUndefined();
  });

  it.each([
    ['stall', 'fetch', 'RetryableError', /Timed out/],
    ['trickle', 'fetch', 'RetryableError', /Timed out/],
    ['reset', 'fetch', 'RetryableError', /Network error|closed/],
    ['loop', 'fetch', 'BadInputError', /Redirect loop/],
    ['chain', 'fetch', 'BadInputError', /Too many redirects/],
    ['huge', 'fetch', 'BadInputError', /over the cap/],
    ['bomb', 'fetch', 'BadInputError', /compression bomb/],
    ['empty', 'fetch', 'BadInputError', /Empty body/],
    ['soft404', 'parse', 'NotFoundPageError', /not found|nicht gefunden|soft 404/i],
  ] as const)('records %s with its stage and reason', (name, stage, errorClass, reason) => {
    const error = errorFor(routes[name]);
    expect(error).toMatchObject({ stage, errorClass });
    expect(error?.reason).toMatch(reason);
  });

  it('retries throttling and outages until they answer', () => {
    expect(errorFor(routes.rateLimited)).toBeUndefined();
    expect(errorFor(routes.unavailable)).toBeUndefined();
    expect(server.hits('/hostile/unavailable')).toBe(3);
  });

  it('lets the parser sniff lying Content-Types', async () => {
    expect(errorFor(routes.pdfAsHtml)).toBeUndefined();
    expect(errorFor(routes.htmlAsPdf)).toBeUndefined();
    const formats = await database.db
      .selectFrom('document_versions')
      .select(['url', 'format'])
      .where('url', 'in', [server.url(routes.pdfAsHtml), server.url(routes.htmlAsPdf)])
      .orderBy('url')
      .execute();
    expect(formats.map((f) => f.format).sort()).toEqual(['html', 'pdf']);
  });

  it('does not fail at fetch on invalid UTF-8 (decoding is the parser’s)', () => {
    expect(errorFor(routes.invalidUtf8)?.stage ?? 'stored').not.toBe('fetch');
  });

  it('writes every failure to run_errors and the fetch log', async () => {
    const recorded = await database.db.selectFrom('run_errors').select(['url', 'stage', 'error_class', 'message']).where('run_id', '=', runId).execute();
    expect(recorded).toHaveLength(result.errors.length);
    for (const error of result.errors) {
      expect(recorded).toContainEqual({ url: error.url, stage: error.stage, error_class: error.errorClass, message: error.reason });
    }
    const failed = await database.db.selectFrom('fetches').select('url').where('outcome', '=', 'failed').execute();
    expect(failed).toHaveLength(result.counts.failed);
  });
});
