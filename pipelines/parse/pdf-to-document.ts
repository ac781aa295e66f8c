/**
 * PDF body → ParsedDocument. pdf-parse (pdf.js) runs in a worker thread with a size cap, a page
 * cap, a heap cap and a time limit, so a malformed, encrypted or hostile PDF fails this one
 * document with a `BadInputError` instead of hanging or crashing the run.
 */
import { Worker } from 'node:worker_threads';
import type { PartialDate } from '../../extractors/claim.ts';
import { BadInputError } from '../errors.ts';
import { cleanPdfPages } from './clean-pdf-text.ts';
import { dateFromUrl, findDateLine, firstPlausiblePublication, partialDate } from './date-text.ts';
import { guessLanguage, normaliseLanguage } from './guess-language.ts';
import type { ResolvedParseOptions } from './parse-options.ts';
import type { ParsedDocument, ParseInput } from './parsed-document.ts';
import { pdfMagicOffset } from './sniff-format.ts';

/** What `pdf-worker.mjs` answers. */
export type PdfWorkerResult =
  | { ok: true; total: number; pages: string[]; links: string[]; info: { title: string | null; creationDate: string | null; modDate: string | null } }
  | { ok: false; kind: 'encrypted' | 'invalid' | 'format' | 'too-many-pages' | 'unknown'; message: string; total?: number };

/**
 * Runs pdf-parse on `body` in a fresh worker thread and terminates it after `timeoutMs`.
 * Resolves with the worker's answer; rejects only with `BadInputError` (timeout, crash).
 */
export function runPdfWorker(body: Uint8Array, url: string, options: ResolvedParseOptions): Promise<PdfWorkerResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pdf-worker.mjs', import.meta.url), {
      // Plain Node: the entry is JavaScript, so no loader (tsx, vitest) needs to follow it in.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: options.pdfMaxHeapMb },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      // The worker is one-shot: end it whatever happened, so no thread outlives its document.
      void worker.terminate();
    };
    const timer = setTimeout(() => {
      finish(() =>
        reject(new BadInputError(`PDF parsing took longer than ${options.pdfTimeoutMs / 1000} s for ${url}; the worker was stopped. Raise pdfTimeoutMs only if the PDF is known to be good`, { input: url })),
      );
    }, options.pdfTimeoutMs);
    worker.once('message', (result: PdfWorkerResult) => finish(() => resolve(result)));
    worker.once('error', (error) =>
      finish(() => reject(new BadInputError(`PDF worker crashed on ${url}: ${error.message} (a hostile or huge PDF?)`, { input: url, cause: error }))),
    );
    worker.once('exit', (code) =>
      finish(() => reject(new BadInputError(`PDF worker exited with code ${code} before answering for ${url}`, { input: url }))),
    );
    // Copy, so transferring the buffer does not detach the caller's body.
    const data = body.slice();
    worker.postMessage({ data, maxPages: options.pdfMaxPages }, [data.buffer]);
  });
}

/** Reads a PDF date string ("D:20191104093000+01'00'") as the calendar day written, without UTC shifts. */
export function parsePdfDate(value: string | null): PartialDate | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec((value ?? '').trim());
  if (!m) return null;
  return partialDate(Number(m[1]), m[2] ? Number(m[2]) : null, m[3] ? Number(m[3]) : null);
}

/** Absolute http(s) URLs, deduplicated, fragments dropped. */
function absoluteLinks(raw: readonly string[], base: string): string[] {
  const links: string[] = [];
  for (const href of raw) {
    try {
      const url = new URL(href, base);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      url.hash = '';
      if (!links.includes(url.href)) links.push(url.href);
    } catch {
      // a malformed link annotation is skipped
    }
  }
  return links;
}

const JUNK_TITLE = /^(?:microsoft (?:word|powerpoint|excel)\b|untitled|unbenannt|ohne titel|dokument\d*$|document\d*$|titel$|title$|vorlage)|\.(?:docx?|pdf|odt|rtf|pptx?|indd)$/i;

function pickTitle(infoTitle: string | null, paragraphs: readonly string[], dateLine: string | null): string | null {
  const title = infoTitle?.replace(/\s+/g, ' ').trim() ?? '';
  if (title.length >= 4 && !JUNK_TITLE.test(title)) return title;
  for (const paragraph of paragraphs.slice(0, 4)) {
    if (paragraph === dateLine) continue;
    if (paragraph.length <= 200) return paragraph;
    break;
  }
  return null;
}

/** Parses a PDF body. Throws `BadInputError` for bodies over the caps, encrypted, broken or empty PDFs. */
export async function pdfToDocument(input: ParseInput, options: ResolvedParseOptions): Promise<ParsedDocument> {
  const { url } = input;
  if (input.body.length > options.pdfMaxBytes) {
    const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);
    throw new BadInputError(`PDF is ${mb(input.body.length)} MB, cap is ${mb(options.pdfMaxBytes)} MB: ${url}; raise pdfMaxBytes if it is wanted`, { input: url });
  }
  if (pdfMagicOffset(input.body) < 0) {
    throw new BadInputError(`not a PDF: ${url} has no %PDF- header (served as ${input.contentType ?? 'unknown type'})`, { input: url });
  }
  const result = await runPdfWorker(input.body, url, options);
  if (!result.ok) {
    switch (result.kind) {
      case 'encrypted':
        throw new BadInputError(`PDF is encrypted: ${url} needs a password to open; it cannot be read`, { input: url });
      case 'too-many-pages':
        throw new BadInputError(`PDF has ${result.total ?? '?'} pages, cap is ${options.pdfMaxPages}: ${url}; raise pdfMaxPages if it is wanted`, { input: url });
      default:
        throw new BadInputError(`PDF is broken (${result.kind}: ${result.message}): ${url}; a truncated download or not a PDF`, { input: url });
    }
  }
  const cleaned = cleanPdfPages(result.pages);
  const text = cleaned.paragraphs.join('\n\n');
  if (text.trim() === '') {
    throw new BadInputError(`PDF has no text layer: ${url} (${result.total} page(s)) is probably scanned; it needs OCR`, { input: url });
  }
  const warnings: string[] = [];
  if (cleaned.removed.length > 0) {
    warnings.push(`removed ${cleaned.removed.length} running header/footer line(s) repeated across pages, e.g. "${cleaned.removed[0]}"`);
  }

  // The release date printed at the top of page 1 wins over the file's own dates.
  const dateLineIndex = cleaned.firstPageLines.slice(0, 8).findIndex((line) => findDateLine([line], 1) !== null);
  const dateLine = dateLineIndex >= 0 ? (cleaned.firstPageLines[dateLineIndex] ?? null) : null;
  const { published, publishedSource } = firstPlausiblePublication(
    [
      [dateLine ? findDateLine([dateLine], 1) : null, 'date-line'],
      [parsePdfDate(result.info.creationDate), 'pdf-info'],
      [parsePdfDate(result.info.modDate), 'pdf-info:ModDate'],
      [dateFromUrl(url)?.date ?? null, 'url'],
    ],
    input.fetchedAt,
    warnings,
  );
  return {
    format: 'pdf',
    title: pickTitle(result.info.title, cleaned.paragraphs, dateLine),
    published,
    publishedSource,
    language: normaliseLanguage(input.languageHint) ?? guessLanguage(text) ?? 'und',
    text,
    captions: [],
    links: absoluteLinks(result.links, url),
    warnings,
    pages: result.total,
  };
}
