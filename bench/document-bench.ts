/**
 * Document throughput as `isa extract` sees it: parse (HTML main text, or PDF text through the
 * worker pool) plus claim extraction, one document after another, HTML and PDF separately. The
 * corpus is generated from the gold texts (seeds, own, held-out sets): each text wrapped in a
 * municipal page with navigation, cookie notice, share bar and footer, or rendered as a
 * multi-page PDF with a press-office block on every page.
 *
 *   npx tsx bench/document-bench.ts [htmlDocuments=3000] [pdfDocuments=600]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { extractClaims } from '../extractors/extract-claims.ts';
import { loadGazetteer } from '../extractors/gazetteer/load-gazetteer.ts';
import { readDocument } from '../pipelines/parse/read-document.ts';
import { PdfWorkerPool } from '../pipelines/parse/pdf-to-document.ts';
import { escapeHtml } from '../fixtures/scripts/site-templates.ts';
import { renderPressReleasePdf } from '../fixtures/scripts/press-release-pdf.ts';

const HTML_DOCUMENTS = Number(process.argv[2] ?? 3000);
const PDF_DOCUMENTS = Number(process.argv[3] ?? 600);
const GOLD = fileURLToPath(new URL('../fixtures/gold/', import.meta.url));

const texts = readdirSync(GOLD, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join(GOLD, d.name)).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(GOLD, d.name, f), 'utf8')));

function page(text: string, n: number): string {
  const [title = '', ...rest] = text.split(/\n\s*\n/);
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>${escapeHtml(title)} – Stadt ${n}</title></head><body>
<a class="skip" href="#main">Inhalt anspringen</a>
<nav class="main-nav"><ul><li><a href="/rathaus/">Rathaus</a></li><li><a href="/wirtschaft/">Wirtschaft</a></li><li><a href="/presse/">Presse</a></li></ul></nav>
<main id="main"><article><h1>${escapeHtml(title)}</h1>
${rest.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}
</article>
<div class="share">Seite teilen: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">E-Mail</a></div></main>
<div class="cookie-notice">Wir verwenden Cookies und das Webanalysetool Matomo. <button>Akzeptieren</button></div>
<footer><a href="/impressum">Impressum</a> <a href="/datenschutz">Datenschutz</a> © Stadt ${n}</footer>
</body></html>`;
}

async function pdf(text: string): Promise<Buffer> {
  const paragraphs = text.split(/\n\s*\n/);
  const half = Math.ceil(paragraphs.length / 2);
  return renderPressReleasePdf({
    pages: [paragraphs.slice(0, half), paragraphs.slice(half)].filter((p) => p.length > 0),
    repeatedBlock: ['Stadtverwaltung', 'Presse- und Öffentlichkeitsarbeit', 'Rathausplatz 1, 12345 Musterstadt', 'Telefon 01234 56-789'],
    info: { creationDate: new Date('2024-03-01T09:00:00Z') },
  });
}

const gazetteer = loadGazetteer();
const fetchedAt = new Date('2026-01-01T00:00:00Z');

async function measure(label: string, bodies: readonly Uint8Array[], contentType: string, count: number, pdfWorkers: PdfWorkerPool | null): Promise<void> {
  // Warm up the JIT (and the worker pool) before timing.
  for (const body of bodies.slice(0, 5)) await readDocument({ body, url: 'file:///warm', contentType, fetchedAt }, { pdfWorkers });
  let claims = 0;
  let bytes = 0;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const body = bodies[i % bodies.length]!;
    bytes += body.length;
    const parsed = await readDocument({ body, url: `file:///bench/${i}`, contentType, fetchedAt }, { pdfWorkers });
    claims += extractClaims(parsed.text, { gazetteer, published: parsed.published, language: parsed.language, now: fetchedAt }).length;
  }
  const seconds = (performance.now() - start) / 1000;
  console.log(`${label}: ${count} documents (${(bytes / count / 1024).toFixed(1)} KiB on average), ${claims} claims — ${(count / seconds).toFixed(0)} documents/second (${((seconds * 1000) / count).toFixed(1)} ms each, parse + extract)`);
}

console.log(`corpus: ${texts.length} gold texts, wrapped as pages and rendered as PDFs`);
await measure('HTML', texts.map((t, i) => Buffer.from(page(t, i))), 'text/html; charset=utf-8', HTML_DOCUMENTS, null);
const pdfs = await Promise.all(texts.map((t) => pdf(t)));
const pool = new PdfWorkerPool({ maxIdle: 1 });
try {
  await measure('PDF ', pdfs, 'application/pdf', PDF_DOCUMENTS, pool);
} finally {
  await pool.close();
}
console.log('one document at a time: extraction on the main thread, pdf.js in one pooled worker thread');
