/**
 * PDF body → ParsedDocument. pdf-parse (pdf.js) runs in a worker thread with a size cap, a page
 * cap, a heap cap and a time limit, so a malformed, encrypted or hostile PDF fails this one
 * document with a `BadInputError` instead of hanging or crashing the run.
 */
import { Worker } from 'node:worker_threads';
import type { PartialDate } from '../../core/claim.ts';
import { BadInputError } from '../../core/errors.ts';
import { cleanPdfPages } from './clean-pdf-text.ts';
import { findDateLine, partialDate } from './date-text.ts';
import { publicationDate } from './publication-date.ts';
import { guessLanguage, normaliseLanguage } from './guess-language.ts';
import type { ResolvedParseOptions } from './parse-options.ts';
import type { ParsedDocument, ParseInput } from '../../core/parsed-document.ts';
import { pdfMagicOffset } from './sniff-format.ts';

/** What `pdf-worker.mjs` answers. */
export type PdfWorkerResult =
  | { ok: true; total: number; pages: string[]; links: string[]; info: { title: string | null; creationDate: string | null; modDate: string | null } }
  | { ok: false; kind: 'encrypted' | 'invalid' | 'format' | 'too-many-pages' | 'unknown'; message: string; total?: number };

const PDF_WORKER_ENTRY = new URL('./pdf-worker.mjs', import.meta.url);

/**
 * Starts a PDF worker thread with its heap capped. It always has an `error` listener: pdf.js may
 * reject a promise after the worker has answered (a wrong `/Length` → XRefEntryException), and an
 * `error` event nobody listens to would kill the whole process, not the worker.
 */
function spawnPdfWorker(maxHeapMb: number, entry: URL = PDF_WORKER_ENTRY): Worker {
  const worker = new Worker(entry, {
    // Plain Node: the entry is JavaScript, so no loader (tsx, vitest) needs to follow it in.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    stdout: true,
    stderr: true,
  });
  worker.on('error', () => {
    // A worker that failed is finished: askPdfWorker reports it if a document was in hand; a pool
    // drops it on exit. Terminating is idempotent.
    void worker.terminate();
  });
  return worker;
}

/**
 * Asks a worker to parse one PDF. Resolves with its answer; rejects with `BadInputError` on timeout,
 * crash or exit, and then the worker has been terminated: a failed worker is never reused.
 */
function askPdfWorker(worker: Worker, body: Uint8Array, url: string, options: ResolvedParseOptions): Promise<PdfWorkerResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const onMessage = (result: PdfWorkerResult) => finish(() => resolve(result), false);
    const onError = (error: Error) =>
      finish(() => reject(new BadInputError(`PDF worker crashed on ${url}: ${error.message} (a hostile or huge PDF?)`, { input: url, cause: error })), true);
    const onExit = (code: number) =>
      finish(() => reject(new BadInputError(`PDF worker exited with code ${code} before answering for ${url}`, { input: url })), true);
    const timer = setTimeout(() => {
      finish(
        () => reject(new BadInputError(`PDF parsing took longer than ${options.pdfTimeoutMs / 1000} s for ${url}; the worker was stopped. Raise pdfTimeoutMs only if the PDF is known to be good`, { input: url })),
        true,
      );
    }, options.pdfTimeoutMs);
    function finish(action: () => void, failed: boolean): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (failed) void worker.terminate();
      action();
    }
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    // Copy, so transferring the buffer does not detach the caller's body. Not `body.slice()`:
    // on a Node Buffer that is a view of the same memory, and the caller's bytes would vanish.
    const data = new Uint8Array(body);
    worker.postMessage({ data, maxPages: options.pdfMaxPages }, [data.buffer]);
  });
}

/**
 * Runs pdf-parse on `body` in a worker thread and stops it after `timeoutMs`: a pooled worker when
 * `options.pdfWorkers` is set, else a fresh one that ends with the document.
 */
export async function runPdfWorker(body: Uint8Array, url: string, options: ResolvedParseOptions): Promise<PdfWorkerResult> {
  if (options.pdfWorkers) return options.pdfWorkers.run(body, url, options);
  const worker = spawnPdfWorker(options.pdfMaxHeapMb);
  try {
    return await askPdfWorker(worker, body, url, options);
  } finally {
    void worker.terminate();
  }
}

export interface PdfWorkerPoolOptions {
  /** Idle workers kept for the next PDF. @defaultValue 2 */
  maxIdle?: number;
  /** PDFs one worker parses before it is replaced, bounding what pdf.js may leak. @defaultValue 50 */
  maxUsesPerWorker?: number;
  /** The worker script. @defaultValue `pdf-worker.mjs` beside this file (tests pass a misbehaving one) */
  workerEntry?: URL;
}

/**
 * Reuses PDF worker threads across documents: starting one costs a few hundred milliseconds. A
 * worker that times out, crashes or exits is terminated, never reused. Idle workers do not keep
 * the process alive; `close()` ends them.
 */
export class PdfWorkerPool {
  readonly #idle: Worker[] = [];
  readonly #uses = new WeakMap<Worker, number>();
  readonly #maxIdle: number;
  readonly #maxUses: number;
  readonly #entry: URL;
  #closed = false;

  constructor(options: PdfWorkerPoolOptions = {}) {
    this.#maxIdle = options.maxIdle ?? 2;
    this.#maxUses = options.maxUsesPerWorker ?? 50;
    this.#entry = options.workerEntry ?? PDF_WORKER_ENTRY;
  }

  /** Idle workers right now (a worker that failed while idle is no longer one). */
  get idleWorkers(): number {
    return this.#idle.length;
  }

  #spawn(maxHeapMb: number): Worker {
    const worker = spawnPdfWorker(maxHeapMb, this.#entry);
    // A worker that dies while idle (an error pdf.js raised after answering) leaves the pool.
    worker.once('exit', () => {
      const at = this.#idle.indexOf(worker);
      if (at >= 0) this.#idle.splice(at, 1);
    });
    return worker;
  }

  async run(body: Uint8Array, url: string, options: ResolvedParseOptions): Promise<PdfWorkerResult> {
    const worker = this.#idle.pop() ?? this.#spawn(options.pdfMaxHeapMb);
    worker.ref();
    const result = await askPdfWorker(worker, body, url, options);
    const uses = (this.#uses.get(worker) ?? 0) + 1;
    this.#uses.set(worker, uses);
    if (this.#closed || uses >= this.#maxUses || this.#idle.length >= this.#maxIdle) {
      void worker.terminate();
    } else {
      worker.unref();
      this.#idle.push(worker);
    }
    return result;
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#idle.splice(0).map((worker) => worker.terminate()));
  }
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
  const fileDates = [
    { raw: parsePdfDate(result.info.creationDate), source: 'pdf-info' },
    { raw: parsePdfDate(result.info.modDate), source: 'pdf-info:ModDate' },
  ].flatMap((d) => (d.raw ? [{ raw: d.raw, source: d.source }] : []));
  const { published, publishedSource } = publicationDate(
    { stated: input.published, text, pageLines: dateLine ? [dateLine] : [], fileDates, url },
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
