/**
 * The one publication-date cascade, after trafilatura/htmldate: a stage runs only when the ones
 * before found nothing plausible. Every reader (HTML, PDF, plain text) hands in what it saw and
 * this decides, so the crawl, `isa ingest`, `isa extract` and the eval store and print one date.
 *
 * 1. a date the operator stated (`isa ingest --published`);
 * 2. structured page metadata: JSON-LD `datePublished`, publication `<meta>`, `<time datetime>`;
 * 3. the clean text's own date line near its top or a labelled footer (`text-date-line.ts`);
 * 4. a date line the page shows outside the main text (beside the `<h1>`, a date-classed element,
 *    the first lines of a PDF page);
 * 5. the file's own dates (PDF info), which are often the conversion date, hence this late;
 * 6. a date in the URL path.
 *
 * A rung whose date is later than the fetch (or before 1990) is skipped with a warning.
 */
import type { PartialDate } from '../../core/claim.ts';
import { dateFromUrl, findDateLine, isPlausiblePublication, parseDateValue, partialDate } from './date-text.ts';
import { textDateLine } from './text-date-line.ts';

/** A machine-readable date value and where it was read (`json-ld`, `meta:…`, `time`, `pdf-info`). */
export interface DateValue {
  raw: string;
  source: string;
}

/** What a reader saw that may give the publication date; every field but `text` and `url` optional. */
export interface PublicationEvidence {
  /** A date someone stated for the document (`isa ingest --published`); wins when plausible. */
  stated?: PartialDate | null;
  /** Structured metadata values in the page's order of trust. */
  structured?: readonly DateValue[];
  /** The clean main text. */
  text: string;
  /** Short lines the page shows near its title outside the main text, in reading order. */
  pageLines?: readonly string[];
  /** The file's own dates, trusted less than its text (PDF CreationDate, ModDate). */
  fileDates?: readonly DateValue[];
  /** Final URL of the document, for `/2019/11/04/`-style paths. */
  url: string;
}

export interface PublicationDate {
  published: PartialDate | null;
  /** `stated`, `json-ld`, `meta:…`, `time`, `date-line`, `pdf-info…`, `url`, or null. */
  publishedSource: string | null;
}

/**
 * Runs the cascade over what one document showed. Never throws; implausible dates are recorded in
 * `warnings` and skipped.
 */
export function publicationDate(evidence: PublicationEvidence, fetchedAt: Date, warnings: string[]): PublicationDate {
  const accept = (date: PartialDate | null, source: string): PublicationDate | null => {
    if (!date) return null;
    if (isPlausiblePublication(date, fetchedAt)) return { published: date, publishedSource: source };
    warnings.push(`${source} gives ${date}, later than the fetch or implausibly early; ignored`);
    return null;
  };
  const rungs: Array<() => PublicationDate | null> = [
    () => accept(evidence.stated ?? null, 'stated'),
    () => firstValue(evidence.structured ?? [], accept),
    () => accept(textDateLine(evidence.text), 'date-line'),
    () => accept(evidence.pageLines && evidence.pageLines.length > 0 ? findDateLine(evidence.pageLines, 40) : null, 'date-line'),
    () => firstValue(evidence.fileDates ?? [], accept),
    () => accept(dateFromUrl(evidence.url)?.date ?? null, 'url'),
  ];
  for (const rung of rungs) {
    const found = rung();
    if (found) return found;
  }
  return { published: null, publishedSource: null };
}

function firstValue(values: readonly DateValue[], accept: (date: PartialDate | null, source: string) => PublicationDate | null): PublicationDate | null {
  for (const value of values) {
    const found = accept(parseDateValue(value.raw), value.source);
    if (found) return found;
  }
  return null;
}

/**
 * Checks a publication date someone typed (`isa ingest --published`): `YYYY-MM-DD`, `YYYY-MM` or
 * `YYYY`, a real calendar date, not after `now`. Returns the date, or the problem in words.
 */
export function checkStatedPublished(value: string, now: Date): { date: PartialDate } | { problem: string } {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  if (!match) return { problem: `"${value}" is not a date; write it as YYYY-MM-DD, YYYY-MM or YYYY` };
  const date = partialDate(Number(match[1]), match[2] ? Number(match[2]) : null, match[3] ? Number(match[3]) : null);
  if (!date) return { problem: `"${value}" is not a calendar date` };
  if (!isPlausiblePublication(date, now)) return { problem: `${date} is in the future or before 1990; give the date the document was published` };
  return { date };
}
