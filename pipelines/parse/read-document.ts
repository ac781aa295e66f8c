/**
 * The one way from bytes to text: the crawl, `isa ingest`, `isa extract`, the eval and the
 * re-reading of stored bodies all call `readDocument`. It sniffs what a fetched body really is,
 * hands it to the HTML, PDF or plain-text reader, and every reader ends in the one
 * publication-date cascade (`publication-date.ts`). Its `text` is what every claim's offsets
 * point into.
 */
import { BadInputError } from '../../core/errors.ts';
import { type ParseOptions, resolveParseOptions } from './parse-options.ts';
import type { ParsedDocument, ParseInput } from '../../core/parsed-document.ts';
import { pdfToDocument } from './pdf-to-document.ts';
import { sniffFormat } from './sniff-format.ts';
import { parserVersionOnce } from './parser-version.ts';
import { textToDocument } from './text-to-document.ts';

/**
 * Reads one fetched body (plus its HTTP facts: final URL, Content-Type, fetch time, and a date
 * someone stated) into clean text, title, language, publication date with its source, and
 * captions. The format comes from the bytes (`%PDF-` magic,
 * HTML markup) before the Content-Type, so mislabelled bodies come out right; a mismatch is
 * recorded in `warnings`.
 *
 * @throws BadInputError for empty, oversized, binary, broken, encrypted or soft-404 bodies; the
 *   message names the URL and the problem. Never throws anything else for bad bytes.
 */
export async function readDocument(input: ParseInput, options: ParseOptions = {}): Promise<ParsedDocument> {
  const resolved = resolveParseOptions(options);
  if (input.body.length === 0) throw new BadInputError(`empty body: ${input.url} returned no bytes; fetch it again or drop it`, { input: input.url });
  const sniffed = sniffFormat(input.body, input.contentType, input.url);
  if (!sniffed) {
    const claimsPdf = /pdf/i.test(input.contentType ?? '') || /\.pdf(?:$|[?#])/i.test(input.url);
    throw new BadInputError(
      claimsPdf
        ? `not a PDF: ${input.url} is served as PDF but has no %PDF- header and is not HTML`
        : `unsupported body: ${input.url} (${input.contentType ?? 'no Content-Type'}) is neither HTML, PDF nor text`,
      { input: input.url },
    );
  }
  if (sniffed.format !== 'pdf' && input.body.length > resolved.htmlMaxBytes) {
    throw new BadInputError(`body of ${input.url} is ${input.body.length} bytes, cap is ${resolved.htmlMaxBytes}; raise htmlMaxBytes if it is wanted`, { input: input.url });
  }
  // The HTML reader (cheerio, htmlparser2) is imported when a page comes: a text or PDF needs none of it.
  const document =
    sniffed.format === 'pdf'
      ? await pdfToDocument(input, resolved)
      : sniffed.format === 'html'
        ? await (await import('./html-to-document.ts')).htmlToDocument(input, resolved)
        : textToDocument(input);
  if (sniffed.mismatch) document.warnings.unshift(sniffed.mismatch);
  document.parserVersion = parserVersionOnce();
  return document;
}
