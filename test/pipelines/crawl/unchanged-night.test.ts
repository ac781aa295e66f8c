import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES, postgresUrl } from '../../support/services.ts';
import { openDatabase, type Database } from '../../../sql/database.ts';
import { startRun } from '../../../sql/queries/runs.ts';
import { crawlSource, type CrawlResult } from '../../../pipelines/crawl/crawl-source.ts';
import { sourceSchema } from '../../../core/source-config.ts';
import { articlePage, listingPage, releaseText, startTestSite, type TestSite } from './test-site.ts';
import { readTableWrites, RUN_LOG_TABLES, writesBetween } from './table-writes.ts';

// A night over sites that did not change writes no dataset row: Postgres's own counters
// (pg_stat_user_tables) are read before and after the second night; only the run logs grow.
for (const mode of DATABASES) {
  describe.skipIf(!mode.available)(`an unchanged night on ${mode.name}`, () => {
    let database: Database;
    let site: TestSite;

    beforeEach(async () => {
      database = await mode.open();
      const lastmod = (path: string) => `<url><loc>${site.url(path)}</loc><lastmod>2020-01-01</lastmod></url>`;
      site = await startTestSite({
        '/presse/': { body: listingPage('Presse', ['/presse/a.html', '/presse/b.html', '/presse/c.html', '/presse/weg.html']) },
        '/presse/a.html': { body: articlePage('Meldung A', releaseText('die Kooperation A', 1)) },
        '/presse/b.html': { body: articlePage('Meldung B', releaseText('die Kooperation B', 2)) },
        // No validators: the body is fetched again and found equal by its hash.
        '/presse/c.html': { body: articlePage('Meldung C', releaseText('die Kooperation C', 3)), etag: false },
        '/presse/weg.html': { body: articlePage('Meldung D', releaseText('die Kooperation D', 4)) },
        '/presse/alt.html': { body: articlePage('Meldung E', releaseText('die Kooperation E', 5)) },
      });
      site.pages.set('/sitemap.xml', { type: 'application/xml', body: `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${lastmod('/presse/alt.html')}</urlset>` });
    }, 180_000);
    afterEach(async () => {
      await site.close();
      await database.close();
    });

    // Each night on its own connections, as a nightly process would have (Postgres backends
    // report their counters when they end).
    const night = async (): Promise<CrawlResult> => {
      const connection = database.kind === 'pglite' ? database : await openDatabase({ databaseUrl: postgresUrl, schema: database.schema! });
      try {
        const source = sourceSchema.parse({ id: 'still', name: 'Still', organisation: 'Still', startUrls: [{ url: site.url('/presse/'), type: 'listing' }, site.url('/sitemap.xml')], follow: ['/presse/*.html'], allowPrivate: true });
        const runId = await startRun(connection.db, 'night', {});
        return await crawlSource({ db: connection.db }, { runId, source, options: { hostDelayMs: 0 } });
      } finally {
        if (connection !== database) await connection.close();
      }
    };

    it('writes nothing outside the run logs', async () => {
      const first = await night();
      expect(first.counts).toMatchObject({ new: 5, failed: 0 });
      // Gone before the next night: found gone once, then still gone (no row to change again).
      site.pages.delete('/presse/weg.html');
      const goneNight = await night();
      expect(goneNight.counts).toMatchObject({ gone: 1, unchanged: 3, skipped: 1 });

      const before = await readTableWrites(database, postgresUrl);
      const second = await night();
      const after = await readTableWrites(database, postgresUrl);
      // 304s, an equal hash, a sitemap lastmod not newer than our fetch, a page still gone.
      expect(second.counts).toEqual({ new: 0, changed: 0, unchanged: 3, skipped: 1, gone: 1, failed: 0 });
      const writes = writesBetween(before, after);
      const datasetWrites = Object.fromEntries(Object.entries(writes).filter(([table]) => !RUN_LOG_TABLES.has(table)));
      expect(datasetWrites).toEqual({});
      // The night is in the logs: what ran and what was fetched (when we last checked each page).
      expect(writes['runs']?.inserted).toBe(1);
      expect(writes['fetches']?.inserted).toBeGreaterThanOrEqual(5);
    });
  });
}
