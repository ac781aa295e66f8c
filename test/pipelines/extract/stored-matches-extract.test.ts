/**
 * One way from bytes to text: for every gold document, what `isa ingest` stores (text and
 * publication date, in a real PGlite and Postgres) is what `isa extract` prints for the same file.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../../extractors/gazetteer/load-gazetteer.ts';
import { ingestDocument } from '../../../pipelines/crawl/ingest-document.ts';
import { extractDocument } from '../../../pipelines/extract/extract-document.ts';
import { PdfWorkerPool } from '../../../pipelines/parse/pdf-to-document.ts';
import { readDocument } from '../../../pipelines/parse/read-document.ts';
import type { Database } from '../../../sql/database.ts';
import { DATABASES } from '../../support/services.ts';

const GOLD = fileURLToPath(new URL('../../../fixtures/gold/', import.meta.url));
const DOCUMENT = /\.(?:txt|html?|pdf)$/;
const goldDocuments = readdirSync(GOLD, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => readdirSync(join(GOLD, entry.name)).filter((file) => DOCUMENT.test(file) && !/^README/i.test(file)).map((file) => join(GOLD, entry.name, file)))
  .sort();

describe.each(DATABASES.filter((d) => d.available))('stored documents agree with isa extract ($name)', ({ open }) => {
  let database: Database;
  const pdfWorkers = new PdfWorkerPool();
  const gazetteer = loadGazetteer();
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database.close();
    await pdfWorkers.close();
  });

  it(`on all ${goldDocuments.length} gold documents: same clean text, same published date`, async () => {
    expect(goldDocuments.length).toBeGreaterThan(50);
    const parse = (input: Parameters<typeof readDocument>[0]) => readDocument(input, { pdfWorkers });
    const disagreements: Array<{ file: string; stored: unknown; extracted: unknown }> = [];
    let dated = 0;
    for (const file of goldDocuments) {
      const { versionId } = await ingestDocument({ db: database.db, parse }, { runId: null, file });
      const stored = await database.db.selectFrom('document_versions').select(['clean_text', 'published']).where('id', '=', versionId).executeTakeFirstOrThrow();
      const { document } = await extractDocument({ gazetteer, pdfWorkers }, { source: file, now: new Date() });
      if (document.published) dated++;
      if (stored.clean_text !== document.text || stored.published !== document.published) {
        disagreements.push({ file: file.slice(GOLD.length), stored: { published: stored.published, text: stored.clean_text.slice(0, 80) }, extracted: { published: document.published, text: document.text.slice(0, 80) } });
      }
    }
    expect(disagreements).toEqual([]);
    // Most gold documents print a date; the agreement must not come from both sides reading none.
    expect(dated).toBeGreaterThan(goldDocuments.length / 2);
  });
});
