/**
 * A reader change re-reads stored bodies without refetching: the next extraction reads the stored
 * bytes through readDocument, replaces the stored text and date, and keeps the old reading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../extractors/gazetteer/load-gazetteer.ts';
import { ingestDocument } from '../../../pipelines/crawl/ingest-document.ts';
import { extractVersion } from '../../../pipelines/extract/extract-version.ts';
import { currentExtractorVersion } from '../../../pipelines/extract/extractor-version.ts';
import { currentParserVersion } from '../../../pipelines/parse/parser-version.ts';
import type { Database } from '../../../sql/database.ts';
import { DATABASES } from '../../support/services.ts';
import { startTestSite, type TestSite } from '../crawl/test-site.ts';

const PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Beitritt – Stadt Beispielhausen</title></head><body>
<nav><a href="/">Startseite</a> <a href="/rathaus">Rathaus</a></nav>
<main><article><h1>Beispielhausen tritt der Allianz bei</h1><p class="datum">Pressemitteilung vom 12. März 2021</p>
<p>Der Rat der Stadt Beispielhausen hat beschlossen, der Chinesisch-Deutschen Industriestädteallianz beizutreten.</p>
<p>Der Allianz gehören derzeit 14 deutsche Städte an, darunter Köln und Wuppertal.</p></article></main>
<footer>Impressum · Datenschutz</footer></body></html>`;

describe.each(DATABASES.filter((d) => d.available))('re-reading stored bodies ($name)', ({ open }) => {
  let database: Database;
  let site: TestSite;
  const gazetteer = loadGazetteer();
  const extractorVersion = currentExtractorVersion();
  beforeAll(async () => {
    database = await open();
    site = await startTestSite({ '/presse/beitritt.html': { body: PAGE } });
  });
  afterAll(async () => {
    await site.close();
    await database.close();
  });

  it('re-reads a version an older reader made, from its stored bytes, and keeps the old reading', async () => {
    const { versionId } = await ingestDocument({ db: database.db }, { runId: null, input: site.url('/presse/beitritt.html'), allowPrivate: true });
    expect(site.hits()).toBe(1);
    const stored = () => database.db.selectFrom('document_versions').select(['clean_text', 'published', 'published_source', 'parser_version']).where('id', '=', versionId).executeTakeFirstOrThrow();
    const fresh = await stored();
    expect(fresh).toMatchObject({ published: '2021-03-12', parser_version: currentParserVersion() });

    // The same reader: extraction reads nothing again.
    const first = await extractVersion({ db: database.db, gazetteer, extractorVersion }, { versionId, runId: null });
    expect(first).toMatchObject({ skipped: false });
    expect(first.reread).toBeUndefined();

    // As an older reader left it: other text, no date.
    const older = 'Beispielhausen tritt der Allianz bei\n\nStartseite Rathaus\n\nDer Allianz gehören derzeit 14 deutsche Städte an.';
    await database.db.updateTable('document_versions').set({ clean_text: older, published: null, published_source: null, parser_version: 'read-0000000000' }).where('id', '=', versionId).execute();
    const newer = `${extractorVersion.replace(/\.read-[0-9a-f]{10}$/, '')}.read-ffffffffff`;
    const again = await extractVersion({ db: database.db, gazetteer, extractorVersion: newer }, { versionId, runId: null });
    expect(again).toMatchObject({ skipped: false, reread: true });
    expect(await stored()).toEqual({ clean_text: fresh.clean_text, published: '2021-03-12', published_source: fresh.published_source, parser_version: 'read-ffffffffff' });
    expect(site.hits()).toBe(1);
    const history = await database.db.selectFrom('document_readings').select(['version_id', 'parser_version', 'superseded_by', 'clean_text', 'published']).execute();
    expect(history).toEqual([{ version_id: versionId, parser_version: 'read-0000000000', superseded_by: 'read-ffffffffff', clean_text: older, published: null }]);
    const claims = await database.db.selectFrom('claims').select(['extractor_version', 'quote']).where('version_id', '=', versionId).execute();
    expect(claims.filter((c) => c.extractor_version === newer).every((c) => fresh.clean_text.includes(c.quote))).toBe(true);
    expect(claims.some((c) => c.extractor_version === newer)).toBe(true);

    // Once read by a reader, the next extractor version of the same reader does not read again.
    const sameReader = await extractVersion({ db: database.db, gazetteer, extractorVersion: `0.0.0+0000000000.read-ffffffffff` }, { versionId, runId: null });
    expect(sameReader.reread).toBeUndefined();
    expect(await database.db.selectFrom('document_readings').select('id').execute()).toHaveLength(1);
  });

  it('keeps the date the sender stated when it reads the body again', async () => {
    const { versionId } = await ingestDocument({ db: database.db }, { runId: null, input: site.url('/presse/beitritt.html?mail=1'), allowPrivate: true, published: '2021-03-15' });
    await database.db.updateTable('document_versions').set({ parser_version: null, clean_text: 'alt' }).where('id', '=', versionId).execute();
    const result = await extractVersion({ db: database.db, gazetteer, extractorVersion }, { versionId, runId: null });
    expect(result.reread).toBe(true);
    expect(await database.db.selectFrom('document_versions').select(['published', 'published_source']).where('id', '=', versionId).executeTakeFirstOrThrow()).toEqual({ published: '2021-03-15', published_source: 'stated' });
  });
});
