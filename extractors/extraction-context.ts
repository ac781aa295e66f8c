import type { PartialDate } from '../core/claim.ts';
import type { Gazetteer } from './gazetteer/gazetteer-types.ts';

/** Everything an extractor may know besides the text: no I/O, no clock. */
export interface ExtractionContext {
  gazetteer: Gazetteer;
  /** Publication date of the document, if known; relative dates resolve against it. */
  published: PartialDate | null;
  /** `de` or `en` (others are treated as `de`-or-`en` by content). */
  language: string;
  /** "Now", passed in: the fetch time for crawled documents, the wall clock for `isa extract`. */
  now: Date;
}

/**
 * Release number of the extractors. Stored claims carry it with a hash of the extractor sources
 * and data (`pipelines/extract/extractor-version.ts`), so a rule change is noticed without a bump.
 */
export const EXTRACTOR_VERSION = '0.1.0';
