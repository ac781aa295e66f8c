/** The parse stage as the crawl calls it: injectable, so tests and other parsers can stand in. */
import type { ParsedDocument, ParseInput } from '../../core/parsed-document.ts';

export type ParseFunction = (input: ParseInput) => Promise<ParsedDocument>;
