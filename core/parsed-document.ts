/**
 * What the parse stage makes of a fetched body (HTML, PDF or plain text): the clean main text
 * that every claim's offsets point into, plus the metadata found around it.
 */
import type { PartialDate } from './claim.ts';

export type DocumentFormat = 'html' | 'pdf' | 'text';

export interface ParsedDocument {
  format: DocumentFormat;
  title: string | null;
  /** Publication date by the one cascade in `pipelines/parse/publication-date.ts`. */
  published: PartialDate | null;
  /** Where `published` came from: `stated`, `json-ld`, `meta:article:published_time`, `time`, `date-line` (the text's or the page's), `pdf-info`, `url`. */
  publishedSource: string | null;
  /** `de`, `en`, … from `<html lang>`, the source's hint, or the text itself. */
  language: string;
  /** Clean main text: no navigation, cookie notices, share bars, comment forms, repeated PDF blocks. */
  text: string;
  /** Photo captions and credits, kept apart from the body. */
  captions: string[];
  /** Links found in the document (absolute URLs), for discovery. */
  links: string[];
  /** Non-fatal problems worth recording ("charset header said UTF-8 but body is windows-1252"). */
  warnings: string[];
  /** Page count for PDFs. */
  pages?: number;
  /** The reader that made this (`read-…`, `pipelines/parse/parser-version.ts`); stored with the version. */
  parserVersion?: string;
}

export interface ParseInput {
  body: Uint8Array;
  /** Final URL (after redirects) or file path; used to resolve links and read URL dates. */
  url: string;
  /** HTTP Content-Type header, if any. */
  contentType: string | null;
  /** Fetch time: no publication date may be later. */
  fetchedAt: Date;
  /** Source hints. */
  languageHint?: string | null;
  /** CSS selectors for the main content, from the source file. */
  contentSelectors?: string[];
  /**
   * A publication date someone stated for the document (`isa ingest --published` for a mailed
   * file); it wins over everything the document shows, unless it is later than the fetch.
   */
  published?: PartialDate | null;
}
