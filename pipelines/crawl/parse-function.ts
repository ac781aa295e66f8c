/**
 * The parse stage as the crawl calls it: `readDocument` (`pipelines/parse/read-document.ts`) in
 * production, injectable so tests and other readers can stand in.
 */
import type { ParsedDocument, ParseInput } from '../../core/parsed-document.ts';
import type { ParseOptions } from '../parse/parse-options.ts';

export type ParseFunction = (input: ParseInput, options?: ParseOptions) => Promise<ParsedDocument>;
