/**
 * Predictions for a directory of gold documents, in the shape `score.mjs` reads: plain text is
 * extracted as is (its publication date from the text), HTML and PDF go through the parse
 * stage first. Shared by the seeds test and the command-line scorer below.
 *
 *   npx tsx test/extractors/support/predict-gold.ts GOLD_DIR OUT_DIR
 */
import { existsSync, readdirSync, readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Extraction } from '../../../extractors/claim.ts';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extractClaims, detectLanguage, effectivePublished } from '../../../extractors/extract-claims.ts';
import { parseDocument } from '../../../pipelines/parse/parse-document.ts';

// A fixed "now" keeps predictions reproducible.
const NOW = new Date('2026-01-01T00:00:00Z');

/** Extraction for one document file. */
export async function predictFile(file: string, gazetteer: Gazetteer): Promise<Extraction> {
  let text: string;
  let published: string | null = null;
  let language: string;
  let title: string | null = null;
  if (file.endsWith('.txt')) {
    text = readFileSync(file, 'utf8');
    language = detectLanguage(text);
  } else {
    const parsed = await parseDocument({ body: readFileSync(file), url: pathToFileURL(file).href, contentType: null, fetchedAt: NOW });
    text = parsed.text;
    published = parsed.published;
    language = parsed.language === 'en' || parsed.language === 'de' ? parsed.language : detectLanguage(text);
    title = parsed.title;
  }
  const context = { gazetteer, published, language, now: NOW };
  const claims = extractClaims(text, context);
  return { document: { source: file, title, published: effectivePublished(text, context), language, text }, claims };
}

export interface PredictResult {
  written: string[];
  /** Documents that could not be parsed or extracted, with the error; they count as missing predictions. */
  failed: Array<{ document: string; error: string }>;
}

/** Write `NAME.json` predictions for every gold file in `goldDir` into `outDir`; never throws midway. */
export async function predictGoldDir(goldDir: string, outDir: string, gazetteer: Gazetteer): Promise<PredictResult> {
  mkdirSync(outDir, { recursive: true });
  const result: PredictResult = { written: [], failed: [] };
  for (const goldFile of readdirSync(goldDir).filter((f) => f.endsWith('.json')).sort()) {
    const name = goldFile.replace(/\.json$/, '');
    const doc = ['txt', 'html', 'htm', 'pdf'].map((ext) => join(goldDir, `${name}.${ext}`)).find((f) => existsSync(f));
    if (!doc) continue;
    try {
      const extraction = await predictFile(doc, gazetteer);
      writeFileSync(join(outDir, goldFile), JSON.stringify(extraction, null, 2));
      result.written.push(goldFile);
    } catch (error) {
      result.failed.push({ document: doc, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [goldDir, outDir] = process.argv.slice(2);
  if (!goldDir || !outDir) {
    console.error('usage: npx tsx test/extractors/support/predict-gold.ts GOLD_DIR OUT_DIR');
    process.exit(2);
  }
  const { loadGazetteer } = await import('../../../extractors/gazetteer/load-gazetteer.ts');
  const { written, failed } = await predictGoldDir(goldDir, outDir, loadGazetteer());
  console.log(`${written.length} predictions in ${outDir}`);
  for (const f of failed) console.log(`failed: ${f.document}: ${f.error}`);
}
