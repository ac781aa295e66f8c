/**
 * Plain-text body → ParsedDocument: line endings normalised, paragraphs kept, repeated page
 * furniture (from an earlier PDF-to-text conversion) removed, the date line near the top read.
 */
import { BadInputError } from '../../core/errors.ts';
import { decodeBody } from './decode-body.ts';
import { findDateLine } from './date-text.ts';
import { publicationDate } from './publication-date.ts';
import { guessLanguage, normaliseLanguage } from './guess-language.ts';
import type { ParsedDocument, ParseInput } from '../../core/parsed-document.ts';
import { removeRepeatedBlocks } from './remove-repeated-blocks.ts';

/** Normalises a text: LF line ends, no trailing spaces, single spaces, at most one blank line in a row. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .split('\n')
    .map((line) => line.replace(/[\t \u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Parses a plain-text body. Throws `BadInputError` when there is no text. */
export function textToDocument(input: ParseInput): ParsedDocument {
  const decoded = decodeBody(input.body, input.contentType, false);
  const warnings = [...decoded.warnings];
  const normalised = normaliseText(decoded.text);
  const paragraphs = normalised.split('\n\n');
  const cleaned = removeRepeatedBlocks(paragraphs);
  if (cleaned.removed) warnings.push(`removed ${cleaned.copies} copies of a repeated block: "${cleaned.removed.slice(0, 80)}"`);
  const text = cleaned.paragraphs.join('\n\n');
  if (text === '') throw new BadInputError(`no text in ${input.url}: the body is empty`, { input: input.url });

  const lines = text.split('\n').filter((line) => line !== '');
  const { published, publishedSource } = publicationDate({ stated: input.published, text, pageLines: lines.slice(0, 6), url: input.url }, input.fetchedAt, warnings);
  // The first line is a title only when it is short and not the date line.
  const firstTextLine = lines.find((line) => findDateLine([line], 1) === null) ?? null;
  const title = firstTextLine && firstTextLine.length <= 200 && lines.indexOf(firstTextLine) <= 2 ? firstTextLine : null;
  return {
    format: 'text',
    title,
    published,
    publishedSource,
    language: normaliseLanguage(input.languageHint) ?? guessLanguage(text) ?? 'und',
    text,
    captions: [],
    links: [],
    warnings,
  };
}
