import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { effectivePublished, extractClaims } from '../../extractors/extract-claims.ts';
import type { Extraction } from '../../core/claim.ts';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import { parseDocument } from '../parse/parse-document.ts';
import type { ParsedDocument } from '../../core/parsed-document.ts';
import type { PdfWorkerPool } from '../parse/pdf-to-document.ts';
import type { Fetcher } from '../crawl/fetcher.ts';
import { contentTypeFromExtension } from '../crawl/ingest-document.ts';
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

/** Reads one document (no database), parses it and extracts its claims: `isa extract`. */
export async function extractDocument(deps: ExtractDocumentDeps, input: ExtractDocumentInput): Promise<Extraction> {
  const { body, url, contentType, fetchedAt } = await readSource(deps, input);
  const parsed = await parseDocument({ body, url, contentType, fetchedAt }, { pdfWorkers: deps.pdfWorkers ?? null });
  const context = { gazetteer: deps.gazetteer, published: parsed.published, language: parsed.language, now: fetchedAt };
  const claims = extractClaims(parsed.text, context);
  const published = releaseDate(parsed, effectivePublished(parsed.text, context));
  return {
    document: { source: input.source, title: parsed.title, published, language: parsed.language, text: parsed.text },
    claims,
  };
}

async function readSource(deps: ExtractDocumentDeps, input: ExtractDocumentInput) {
  if (/^https?:\/\//i.test(input.source)) {
    if (!deps.fetcher) throw new BadInputError(`cannot fetch ${input.source}: no fetcher configured`, { input: input.source });
    const response = await deps.fetcher.fetch({ url: input.source, allowPrivate: input.allowPrivate ?? false });
    if (response.status >= 400) throw new BadInputError(`${input.source} answered HTTP ${response.status}`, { input: input.source });
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

/** Rungs of the parse stage's date cascade that read structured metadata rather than guess from text. */
const STRUCTURED_DATE_SOURCES = /^(json-ld|meta|time|pdf-info)/;

/**
 * The document's release date: structured metadata (JSON-LD, meta tags, <time>, the PDF's info)
 * first; then the date the extractors read in the text (a byline, "Pressemitteilung vom …",
 * a dateline), which knows more shapes than the parse stage's date line; then that date line.
 */
export function releaseDate(parsed: Pick<ParsedDocument, 'published' | 'publishedSource'>, fromText: string | null): string | null {
  if (parsed.published && STRUCTURED_DATE_SOURCES.test(parsed.publishedSource ?? '')) return parsed.published;
  return fromText ?? parsed.published;
}
