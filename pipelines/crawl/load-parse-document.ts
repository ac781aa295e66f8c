/**
 * The parse stage as the crawl calls it, loaded when first needed so the crawl module loads
 * (and its tests run) with an injected parser too.
 */
import type { ParsedDocument, ParseInput } from '../parse/parsed-document.ts';

export type ParseFunction = (input: ParseInput) => Promise<ParsedDocument>;

/** Returns `parseDocument` from `pipelines/parse/parse-document.ts`. */
export async function loadParseDocument(): Promise<ParseFunction> {
  // Resolved at call time so the crawl stage loads without the parse stage (tests inject one).
  const specifier = '../parse/parse-document.ts';
  const module = (await import(specifier)) as { parseDocument: ParseFunction };
  return module.parseDocument;
}
