import type { PdfWorkerPool } from './pdf-to-document.ts';

/**
 * Limits and choices for the parse stage. Every field has a default, so `{}` is a valid value.
 */
export interface ParseOptions {
  /**
   * Largest PDF body handed to the parser; bigger bodies fail with `BadInputError` before any parsing.
   * @defaultValue 25 MB (26_214_400 bytes)
   */
  pdfMaxBytes?: number;
  /**
   * Most pages a PDF may have; longer PDFs (catalogues, budgets) fail instead of tying up a worker.
   * @defaultValue 200
   */
  pdfMaxPages?: number;
  /**
   * Wall-clock limit for parsing one PDF in its worker thread; the worker is terminated after it.
   * @defaultValue 20_000 (20 s)
   */
  pdfTimeoutMs?: number;
  /**
   * Heap cap of the PDF worker thread, so a hostile PDF exhausts the worker and not the run.
   * @defaultValue 512 (MB)
   */
  pdfMaxHeapMb?: number;
  /**
   * Largest HTML or text body parsed; bigger bodies fail with `BadInputError`.
   * @defaultValue 10 MB (10_485_760 bytes)
   */
  htmlMaxBytes?: number;
  /**
   * Deepest element nesting accepted in HTML (estimated from the tags before parsing); deeper pages
   * fail with `BadInputError`, since tree building slows down quadratically with depth.
   * @defaultValue 1000
   */
  htmlMaxDepth?: number;
  /**
   * Which main-content extractor reads HTML pages: the rules in `html-main-text.ts` (on the one htmlparser2 tree) or
   * Mozilla Readability over jsdom. See `bench/parse-compare.ts` for the measurement behind the default.
   * @defaultValue 'rules'
   */
  htmlExtractor?: 'rules' | 'readability';
  /**
   * Worker threads to reuse for PDFs (the caller owns and closes the pool); null starts a fresh
   * worker per PDF, which is slower but needs no closing.
   * @defaultValue null
   */
  pdfWorkers?: PdfWorkerPool | null;
}

export type ResolvedParseOptions = Required<ParseOptions>;

/** Fills in the defaults documented on {@link ParseOptions}. */
export function resolveParseOptions(options: ParseOptions = {}): ResolvedParseOptions {
  return {
    pdfMaxBytes: options.pdfMaxBytes ?? 25 * 1024 * 1024,
    pdfMaxPages: options.pdfMaxPages ?? 200,
    pdfTimeoutMs: options.pdfTimeoutMs ?? 20_000,
    pdfMaxHeapMb: options.pdfMaxHeapMb ?? 512,
    htmlMaxBytes: options.htmlMaxBytes ?? 10 * 1024 * 1024,
    htmlMaxDepth: options.htmlMaxDepth ?? 1000,
    htmlExtractor: options.htmlExtractor ?? 'rules',
    pdfWorkers: options.pdfWorkers ?? null,
  };
}
