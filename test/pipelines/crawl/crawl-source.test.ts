import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase, type Database } from '../../../sql/database.ts';
import { startRun } from '../../../sql/queries/runs.ts';
import { crawlSource, type CrawlResult } from '../../../pipelines/crawl/crawl-source.ts';
import type { CrawlOptions } from '../../../pipelines/crawl/crawl-options.ts';
import { sourceSchema, type Source, type SourceInput } from '../../../core/source-config.ts';
import { articlePage, listingPage, releaseText, startTestSite, type TestSite } from './test-site.ts';

// A real PDF from the fixture sites: the parser sniffs the bytes, so a text file named .pdf is refused.
const PDF = readFileSync(new URL('../../../fixtures/sites/mainz/dokumente/pm-2019-11-04-isa-delegationsreise-foshan.pdf', import.meta.url));

const FAST: Partial<CrawlOptions> = { hostDelayMs: 0, retryBaseDelayMs: 5, maxRetryDelayMs: 50, connectTimeoutMs: 2_000, bodyTimeoutMs: 2_000 };

function source(site: TestSite, overrides: Partial<SourceInput> = {}): Source {
  return sourceSchema.parse({
    id: 'teststadt',
    name: 'Teststadt Presse',
    organisation: 'Stadt Teststadt',
    startUrls: [{ url: site.url('/presse/'), type: 'listing' }],
    follow: ['/presse/meldungen/*'],
    allowPrivate: true,
    ...overrides,
  });
}

function release(n: number): string {
  return articlePage(`Meldung ${n}: Zusammenarbeit mit Partnerstädten`, releaseText(`die Kooperation Nummer ${n}`, n));
}

describe('crawlSource', () => {
  let database: Database;
  let site: TestSite;
  let runId: string;
  const crawl = (src: Source, options: Partial<CrawlOptions> = {}): Promise<CrawlResult> =>
    crawlSource({ db: database.db }, { runId, source: src, options: { ...FAST, ...options } });

  beforeEach(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    const migrated = await migrate(database.db);
    expect(migrated.error).toBeNull();
    runId = await startRun(database.db, 'crawl-test', {});
    site = await startTestSite({
      '/presse/': { body: listingPage('Pressemitteilungen', ['/presse/meldungen/1.html', '/presse/meldungen/2.html?utm_source=nl#top', '/impressum', '/presse/meldungen/bild.jpg'], '<nav class="pagination"><a href="/presse/?seite=2">2</a> <a href="/presse/?seite=2">weiter</a></nav>') },
      '/presse/?seite=2': { body: listingPage('Pressemitteilungen – Seite 2', ['/presse/meldungen/3.html', '/presse/meldungen/2.html'], '<a rel="next" href="/presse/?seite=3">›</a>') },
      '/presse/?seite=3': { body: listingPage('Pressemitteilungen – Seite 3', ['/presse/meldungen/4.pdf', 'http://elsewhere.invalid/presse/meldungen/9.html']) },
      '/presse/meldungen/1.html': { body: release(1) },
      '/presse/meldungen/2.html': { body: release(2) },
      '/presse/meldungen/3.html': { body: release(3) },
      '/presse/meldungen/4.pdf': { body: PDF, type: 'application/pdf' },
    });
  });

  afterEach(async () => {
    await site.close();
    await database.close();
  });

  it('walks a paginated listing, stores one version per document and returns them to extract', async () => {
    const result = await crawl(source(site));
    expect(result.errors).toEqual([]);
    expect(result.counts).toMatchObject({ new: 4, changed: 0, unchanged: 0, gone: 0, failed: 0 });
    expect(result.versionIds).toHaveLength(4);
    // Tracking parameters and fragments make no second document, and are not sent.
    expect(site.hits('/presse/meldungen/2.html')).toBe(1);
    expect(site.hits('/presse/meldungen/2.html?utm_source=nl')).toBe(0);
    // Follow patterns: navigation and images are not fetched.
    expect(site.hits('/impressum')).toBe(0);
    expect(site.hits('/presse/meldungen/bild.jpg')).toBe(0);
    const documents = await database.db.selectFrom('documents').select(['url', 'status', 'etag']).orderBy('url').execute();
    expect(documents.map((d) => d.url)).toEqual([1, 2, 3].map((n) => site.url(`/presse/meldungen/${n}.html`)).concat(site.url('/presse/meldungen/4.pdf')).sort());
    expect(documents.every((d) => d.status === 'active' && d.etag)).toBe(true);
    const version = await database.db.selectFrom('document_versions').selectAll().where('id', '=', result.versionIds[0]!).executeTakeFirstOrThrow();
    expect(version.clean_text).toMatch(/Industriestädteallianz/);
    expect(version.body_size).toBeGreaterThan(0);
    // The listing pages are discovery, not documents.
    expect(await database.db.selectFrom('documents').select('url').where('url', 'like', '%/presse/?%').execute()).toEqual([]);
  });

  it('second run over unchanged input: conditional requests, no new version, no version or claim row touched', async () => {
    const first = await crawl(source(site));
    const versionId = first.versionIds[0]!;
    await database.db
      .insertInto('claims')
      .values({ version_id: versionId, extractor_version: 'test', ordinal: 0, kind: 'event', subject: null, payload: '{}', quote: 'x', start_offset: 0, end_offset: 1, rule: null })
      .execute();
    const versionsBefore = await database.db.selectFrom('document_versions').select(['id', 'content_hash', 'fetched_at', 'clean_text']).orderBy('id').execute();
    const claimsBefore = await database.db.selectFrom('claims').selectAll().orderBy('id').execute();

    const second = await crawl(source(site));
    expect(second.counts).toMatchObject({ new: 0, changed: 0, unchanged: 4, gone: 0, failed: 0 });
    expect(second.versionIds).toEqual([]);
    const conditional = site.requests.filter((r) => r.path.startsWith('/presse/meldungen/') && r.headers['if-none-match']);
    expect(conditional).toHaveLength(4);
    expect(await database.db.selectFrom('document_versions').select(['id', 'content_hash', 'fetched_at', 'clean_text']).orderBy('id').execute()).toEqual(versionsBefore);
    expect(await database.db.selectFrom('claims').selectAll().orderBy('id').execute()).toEqual(claimsBefore);
    const outcomes = await database.db.selectFrom('fetches').select(['outcome']).where('outcome', '=', 'unchanged').execute();
    expect(outcomes).toHaveLength(4);
    // A 304 keeps the stored validators; the fetch log says what the server answered.
    const documents = await database.db.selectFrom('documents').select(['etag']).execute();
    expect(documents.every((d) => d.etag !== null)).toBe(true);
    const unchanged = await database.db.selectFrom('fetches').select(['http_status']).where('outcome', '=', 'unchanged').execute();
    expect(unchanged.map((f) => f.http_status)).toEqual([304, 304, 304, 304]);
  });

  it('an unchanged body without validators costs no version either', async () => {
    for (const page of site.pages.values()) page.etag = false;
    await crawl(source(site));
    const second = await crawl(source(site));
    expect(second.counts).toMatchObject({ new: 0, unchanged: 4 });
    expect(await database.db.selectFrom('document_versions').select('id').execute()).toHaveLength(4);
  });

  it('a changed page becomes a new version with the old one kept; 404 and 410 mark documents gone', async () => {
    await crawl(source(site));
    site.pages.set('/presse/meldungen/1.html', { body: articlePage('Meldung 1 (aktualisiert)', releaseText('die erweiterte Kooperation', 41)) });
    site.pages.set('/presse/meldungen/3.html', { status: 410, body: 'Gone' });
    site.pages.delete('/presse/meldungen/4.pdf');
    const second = await crawl(source(site));
    expect(second.counts).toMatchObject({ new: 0, changed: 1, unchanged: 1, gone: 2, failed: 0 });
    expect(second.versionIds).toHaveLength(1);
    const doc1 = await database.db.selectFrom('documents').select('id').where('url', '=', site.url('/presse/meldungen/1.html')).executeTakeFirstOrThrow();
    const versions = await database.db.selectFrom('document_versions').select(['id', 'title']).where('document_id', '=', doc1.id).orderBy('id').execute();
    expect(versions).toHaveLength(2);
    expect(versions[1]!.id).toBe(second.versionIds[0]);
    const gone = await database.db.selectFrom('documents as d').innerJoin('fetches as f', 'f.document_id', 'd.id')
      .select(['d.url', 'd.status', 'd.gone_at', 'f.http_status as last_http_status']).where('d.status', '=', 'gone').where('f.outcome', '=', 'gone').orderBy('d.url').execute();
    expect(gone.map((d) => d.last_http_status).sort()).toEqual([404, 410]);
    expect(gone.every((d) => d.gone_at !== null)).toBe(true);
    // History kept: the gone documents still have their versions.
    expect(await database.db.selectFrom('document_versions').select('id').execute()).toHaveLength(5);
  });

  it('a page we hold that turns into a "Seite nicht gefunden" template is gone, and recorded', async () => {
    await crawl(source(site));
    site.pages.set('/presse/meldungen/2.html', {
      body: '<!DOCTYPE html><html lang="de"><head><title>Seite nicht gefunden</title></head><body><main><h1>Seite nicht gefunden</h1><p>Die aufgerufene Seite wurde leider nicht gefunden.</p></main></body></html>',
    });
    const second = await crawl(source(site));
    expect(second.counts).toMatchObject({ gone: 1, failed: 0 });
    expect(second.errors).toEqual([expect.objectContaining({ stage: 'parse', url: site.url('/presse/meldungen/2.html') })]);
    const doc = await database.db.selectFrom('documents').select(['status']).where('url', '=', site.url('/presse/meldungen/2.html')).executeTakeFirstOrThrow();
    expect(doc.status).toBe('gone');
  });

  it('a page that comes back to an earlier body is that version again, not a duplicate', async () => {
    await crawl(source(site));
    const original = site.pages.get('/presse/meldungen/1.html')!;
    site.pages.set('/presse/meldungen/1.html', { body: articlePage('Meldung 1 korrigiert', releaseText('die korrigierte Kooperation', 7)) });
    await crawl(source(site));
    site.pages.set('/presse/meldungen/1.html', original);
    const third = await crawl(source(site));
    expect(third.counts.changed).toBe(1);
    expect(await database.db.selectFrom('document_versions').select('id').execute()).toHaveLength(5);
  });

  it('respects the page budget and counts the rest as skipped', async () => {
    const result = await crawl(source(site, { maxPages: 3 }));
    expect(result.pagesFetched).toBe(3);
    expect(result.counts.skipped).toBeGreaterThan(0);
    expect(result.counts.new).toBeLessThan(4);
  });

  it('obeys robots.txt for its own user agent, with Allow beating a shorter Disallow', async () => {
    site.pages.set('/robots.txt', {
      type: 'text/plain',
      body: 'User-agent: *\nDisallow: /\n\nUser-agent: isa-pipeline\nDisallow: /presse/meldungen/\nAllow: /presse/meldungen/2.html\nCrawl-delay: 0\n',
    });
    const result = await crawl(source(site));
    expect(site.hits('/presse/meldungen/1.html')).toBe(0);
    expect(site.hits('/presse/meldungen/3.html')).toBe(0);
    expect(site.hits('/presse/meldungen/2.html')).toBe(1);
    expect(result.counts).toMatchObject({ new: 1, skipped: 3 });
    expect(site.hits('/robots.txt')).toBe(1);
  });

  it('retries 503 and 429 with backoff (Retry-After capped) and records what still fails', async () => {
    let calls = 0;
    site.pages.set('/presse/meldungen/1.html', {
      get status() {
        calls += 1;
        return calls <= 2 ? 503 : 200;
      },
      body: release(1),
    });
    site.pages.set('/presse/meldungen/3.html', { status: 429, headers: { 'retry-after': '3600' }, body: 'slow down' });
    const result = await crawl(source(site), { maxRetries: 2 });
    expect(result.counts).toMatchObject({ new: 3, failed: 1 });
    expect(site.hits('/presse/meldungen/1.html')).toBe(3);
    expect(site.hits('/presse/meldungen/3.html')).toBe(3);
    expect(result.errors).toEqual([expect.objectContaining({ url: site.url('/presse/meldungen/3.html'), stage: 'fetch', errorClass: 'RetryableError' })]);
    const recorded = await database.db.selectFrom('run_errors').selectAll().execute();
    expect(recorded).toEqual([expect.objectContaining({ url: site.url('/presse/meldungen/3.html'), stage: 'fetch', run_id: runId })]);
    expect(recorded[0]!.message).toMatch(/HTTP 429/);
  });

  it('reads sitemap indexes and skips URLs whose lastmod is not newer than our last fetch', async () => {
    const lastmod = (iso: string, path: string) => `<url><loc>${site.url(path)}</loc><lastmod>${iso}</lastmod></url>`;
    site.pages.set('/sitemap.xml', {
      type: 'application/xml',
      body: `<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site.url('/sitemap-presse.xml')}</loc></sitemap></sitemapindex>`,
    });
    const presse = (iso: string) =>
      `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${lastmod('2020-01-01', '/presse/meldungen/1.html')}${lastmod(iso, '/presse/meldungen/2.html')}<url><loc>${site.url('/presse/meldungen/3.html')}</loc></url></urlset>`;
    site.pages.set('/sitemap-presse.xml', { type: 'application/xml', body: presse('2020-01-01') });
    const src = source(site, { startUrls: [site.url('/sitemap.xml')] });
    const first = await crawl(src);
    expect(first.counts).toMatchObject({ new: 3, skipped: 0 });
    site.pages.set('/sitemap-presse.xml', { type: 'application/xml', body: presse('2999-01-01') });
    const second = await crawl(src);
    expect(second.counts).toMatchObject({ skipped: 1, unchanged: 2 });
    expect(site.hits('/presse/meldungen/1.html')).toBe(1);
    expect(site.hits('/presse/meldungen/2.html')).toBe(2);
    expect(site.hits('/presse/meldungen/3.html')).toBe(2);
  });

  it('reads RSS and Atom feeds', async () => {
    site.pages.set('/feed.rss', {
      type: 'application/rss+xml',
      body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Presse</title><item><title>1</title><link>${site.url('/presse/meldungen/1.html')}</link></item><item><title>2</title><link>${site.url('/presse/meldungen/2.html')}</link></item></channel></rss>`,
    });
    site.pages.set('/feed.atom', {
      type: 'application/atom+xml',
      body: `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Presse</title><entry><title>3</title><link rel="alternate" href="${site.url('/presse/meldungen/3.html')}"/></entry></feed>`,
    });
    const result = await crawl(source(site, { startUrls: [site.url('/feed.rss'), { url: site.url('/feed.atom'), type: 'feed' }] }));
    expect(result.counts).toMatchObject({ new: 3, failed: 0 });
  });

  it('follows a document to its PDF attachment and stays on the source hosts', async () => {
    const other = await startTestSite({ '/presse/meldungen/x.html': { body: release(9) } });
    try {
      site.pages.set('/presse/meldungen/1.html', {
        body: articlePage('Meldung 1', releaseText('die Kooperation', 1), `<p><a href="/dokumente/anhang.pdf">Anhang (PDF)</a> <a href="${other.url('/presse/meldungen/x.html')}">Partner</a></p>`),
      });
      site.pages.set('/dokumente/anhang.pdf', { body: PDF, type: 'application/pdf' });
      const result = await crawl(source(site, { follow: [] , startUrls: [{ url: site.url('/presse/meldungen/1.html'), type: 'document' }] }));
      expect(site.hits('/dokumente/anhang.pdf')).toBe(1);
      expect(other.hits()).toBe(0);
      expect(result.counts.new).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('is idempotent when the same crawl runs twice at once (a retried job)', async () => {
    const [a, b] = await Promise.all([crawl(source(site)), crawl(source(site))]);
    expect(a.counts.failed + b.counts.failed).toBe(0);
    expect(await database.db.selectFrom('document_versions').select('id').execute()).toHaveLength(4);
    expect(await database.db.selectFrom('documents').select('id').execute()).toHaveLength(4);
  });

  it('refuses a loopback source that does not allow private targets, recording why, with zero hits', async () => {
    const result = await crawl(source(site, { allowPrivate: false }));
    expect(site.hits()).toBe(0);
    expect(result.counts).toMatchObject({ new: 0, failed: 1 });
    expect(result.errors).toEqual([expect.objectContaining({ url: site.url('/presse/'), stage: 'fetch', errorClass: 'RefusedError' })]);
  });

  it('leaves no crawlee storage on disk', async () => {
    const before = existsSync('storage');
    await crawl(source(site));
    expect(existsSync('storage')).toBe(before);
  });
});
