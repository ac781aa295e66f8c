import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { extractClaims } from '../../extractors/extract-claims.ts';
import type { Extraction } from '../../core/claim.ts';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import { readDocument } from '../parse/read-document.ts';
import { classifyResponse, responseError } from '../crawl/classify-response.ts';
import type { PdfWorkerPool } from '../parse/pdf-to-document.ts';
import type { Fetcher } from '../crawl/fetcher.ts';
import { contentTypeFromExtension } from '../parse/content-type-from-extension.ts';
import { BadInputError } from '../../core/errors.ts';

export interface ExtractDocumentDeps {
  gazetteer: Gazetteer;
  /** Needed for URLs only. */
  fetcher?: Fetcher;
  /** PDF worker threads to reuse across documents (`isa eval` parses dozens). */
  pdfWorkers?: PdfWorkerPool;
}

export interface ExtractDocumentInput {
  /** A file path (.html, .htm, .pdf, .txt) or an http(s) URL. */
  source: string;
  /** Allow loopback and private-range URLs (`--allow-private`). */
  allowPrivate?: boolean;
  /** "Now" for a file; a URL uses its fetch time. */
  now: Date;
}

/**
 * Reads one document (no database) through `readDocument`, the crawl's and the ingest's reader,
 * and extracts its claims: `isa extract` and the eval. Text and publication date are what a stored
 * copy of the same bytes holds.
 */
export async function extractDocument(deps: ExtractDocumentDeps, input: ExtractDocumentInput): Promise<Extraction> {
  const { body, url, contentType, fetchedAt } = await readSource(deps, input);
  const parsed = await readDocument({ body, url, contentType, fetchedAt }, { pdfWorkers: deps.pdfWorkers ?? null });
  const claims = extractClaims(parsed.text, { gazetteer: deps.gazetteer, published: parsed.published, language: parsed.language, now: fetchedAt });
  return {
    document: { source: input.source, title: parsed.title, published: parsed.published, language: parsed.language, text: parsed.text },
    claims,
  };
}

async function readSource(deps: ExtractDocumentDeps, input: ExtractDocumentInput) {
  if (/^https?:\/\//i.test(input.source)) {
    if (!deps.fetcher) throw new BadInputError(`cannot fetch ${input.source}: no fetcher configured`, { input: input.source });
    const response = await deps.fetcher.fetch({ url: input.source, allowPrivate: input.allowPrivate ?? false });
    const refusal = responseError(classifyResponse(response.status, null), input.source);
    if (refusal) throw refusal;
    return { body: response.body, url: response.finalUrl, contentType: response.contentType, fetchedAt: response.fetchedAt };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input.source)) {
    throw new BadInputError(`${input.source}: only http(s) URLs and local files are supported`, { input: input.source });
  }
  const path = resolve(input.source);
  let body: Uint8Array;
  try {
    body = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadInputError(`cannot read ${input.source}: ${code === 'ENOENT' ? 'no such file' : code ?? String(error)}`, { input: input.source, cause: error });
  }
  const contentType = contentTypeFromExtension(path);
  return { body, url: `file://${path}`, contentType, fetchedAt: input.now };
}
