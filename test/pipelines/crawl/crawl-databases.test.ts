import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES } from '../../support/services.ts';
import type { Database } from '../../../sql/database.ts';
import { startRun } from '../../../sql/queries/runs.ts';
import { crawlSource } from '../../../pipelines/crawl/crawl-source.ts';
import { sourceSchema } from '../../../core/source-config.ts';
import { articlePage, listingPage, releaseText, startTestSite, type TestSite } from './test-site.ts';

// The same incremental crawl on both database modes: ids, hashes and the transaction per
// document behave alike on PGlite and on Postgres (fresh schema, dropped afterwards).
for (const mode of DATABASES) {
  describe.skipIf(!mode.available)(`crawlSource on ${mode.name}`, () => {
    let database: Database;
    let site: TestSite;

    beforeEach(async () => {
      database = await mode.open();
      site = await startTestSite({
        '/presse/': { body: listingPage('Presse', ['/presse/a.html', '/presse/b.html']) },
        '/presse/a.html': { body: articlePage('Meldung A', releaseText('die Kooperation A', 1)) },
        '/presse/b.html': { body: articlePage('Meldung B', releaseText('die Kooperation B', 2)) },
      });
    });
    afterEach(async () => {
      await site.close();
      await database.close();
    });

    it('stores new versions, adds none on an unchanged run and one on a change', async () => {
      const source = sourceSchema.parse({ id: 'db-test', name: 'DB', organisation: 'DB', startUrls: [{ url: site.url('/presse/'), type: 'listing' }], follow: ['/presse/*.html'], allowPrivate: true });
      const options = { hostDelayMs: 0 };
      const runId = await startRun(database.db, 'crawl', {});
      const first = await crawlSource({ db: database.db }, { runId, source, options });
      expect(first.counts).toMatchObject({ new: 2, failed: 0 });
      expect(first.versionIds.every((id) => typeof id === 'string')).toBe(true);
      const second = await crawlSource({ db: database.db }, { runId, source, options });
      expect(second.counts).toMatchObject({ new: 0, unchanged: 2 });
      site.pages.set('/presse/b.html', { body: articlePage('Meldung B, ergänzt', releaseText('die ergänzte Kooperation B', 3)) });
      const third = await crawlSource({ db: database.db }, { runId, source, options });
      expect(third.counts).toMatchObject({ changed: 1, unchanged: 1 });
      const versions = await database.db.selectFrom('document_versions').select(['id', 'run_id']).execute();
      expect(versions).toHaveLength(3);
      expect(versions.every((v) => String(v.run_id) === runId)).toBe(true);
    });
  });
}
