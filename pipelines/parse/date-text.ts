/**
 * Reads publication dates written by people and machines: ISO values from metadata, German and
 * English date lines ("4. November 2019", "24.04.2017", "November 4, 2019"), dates in URLs.
 * Results are partial ISO dates cut to the precision written (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`).
 */
import type { PartialDate } from '../../core/claim.ts';
import { findDates as findTextDates } from '../../extractors/dates/find-dates.ts';


export interface DateMatch {
  date: PartialDate;
  /** Offset and length of the matched date in the searched string. */
  index: number;
  length: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds a partial date, or null when the parts cannot be a real date. */
export function partialDate(year: number, month?: number | null, day?: number | null): PartialDate | null {
  if (!Number.isInteger(year) || year < 1000 || year > 2999) return null;
  if (month === undefined || month === null) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined || day === null) return `${year}-${pad(month)}`;
  if (day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * Parses a machine-readable date value (JSON-LD, `<meta content>`, `<time datetime>`): ISO 8601
 * with or without time, `YYYYMMDD`, or a human date as a fallback. The calendar date is taken as
 * written, never shifted through UTC, so "2017-04-24T00:30:00+02:00" stays the 24th.
 */
export function parseDateValue(value: string): PartialDate | null {
  const text = value.trim();
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:$|[T\s])/.exec(text);
  if (iso) {
    return partialDate(Number(iso[1]), iso[2] ? Number(iso[2]) : null, iso[3] ? Number(iso[3]) : null);
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:$|[T\s])/.exec(text);
  if (compact) return partialDate(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return findDates(text)[0]?.date ?? null;
}

/**
 * Finds every date in a string, in reading order, each at its most precise reading: the
 * extractors' date finder (with its negative cases: phone numbers, legal references, versions),
 * cut to absolute day and month dates, which is what a publication date is.
 */
export function findDates(text: string): DateMatch[] {
  return findTextDates(text, null)
    .filter((d) => d.value !== null && !d.relative && d.precision !== 'year')
    .map((d) => ({ date: d.value as PartialDate, index: d.start, length: d.end - d.start }));
}

/**
 * Latest calendar day a publication date may have: the fetch day in the easternmost time zone,
 * so a page published just after midnight in Berlin and fetched at 23:30 UTC still passes.
 */
export function latestAllowedDay(fetchedAt: Date): string {
  return new Date(fetchedAt.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

/** True when the date (at its earliest reading) is not after the fetch day, and not before 1990. */
export function isPlausiblePublication(date: PartialDate, fetchedAt: Date): boolean {
  const year = Number(date.slice(0, 4));
  if (year < 1990) return false;
  return date <= latestAllowedDay(fetchedAt).slice(0, date.length);
}

const WEEKDAYS = /\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\b\.?,?/giu;
const CUES = /\b(?:pressemitteilung|pressemeldung|pressenotiz|pressedienst|presseinformation|medieninformation|mitteilung|meldung|nachricht|news|veröffentlicht|erschienen|erstellt|datum|stand|aktualisiert|published|posted|updated|date|release|press release|vom|am|on|uhr|von|by)\b:?/giu;
const STRONG_CUE = /(?:veröffentlicht|erschienen|erstellt|pressemitteilung|pressemeldung|presseinformation|medieninformation|meldung|datum|published|posted|release)\s*(?:am|vom|on|:)?\s*:?\s*$/iu;

/**
 * Finds the document's own date line among its first lines: a short line that is mostly a date
 * ("24.04.2017", "Pressemitteilung vom 4. November 2019", "Veröffentlicht am …", "Mainz, 4.11.2019"),
 * or a date right after a publication cue. A date inside a running sentence does not count: "am
 * Montag, 24. April 2017, auf der Hannover Messe" is an event, not the release date.
 */
export function findDateLine(lines: readonly string[], maxLines = 12): PartialDate | null {
  for (const line of lines.slice(0, maxLines)) {
    const trimmed = line.trim();
    const dates = findDates(trimmed);
    const first = dates[0];
    if (!first) continue;
    if (STRONG_CUE.test(trimmed.slice(0, first.index))) return first.date;
    if (trimmed.length > 90) continue;
    let rest = trimmed;
    for (const d of [...dates].reverse()) rest = rest.slice(0, d.index) + ' ' + rest.slice(d.index + d.length);
    rest = rest
      .replace(WEEKDAYS, ' ')
      .replace(CUES, ' ')
      .replace(/\b\d{1,2}[:.]\d{2}\b/g, ' ')
      .replace(/[|,;:()\-–—/·•\s]+/g, ' ')
      .trim();
    // What is left may be a place or a byline ("Mainz", "Nr. 123", "rap"), not a sentence.
    if (rest === '' || rest.split(' ').length <= 3) return first.date;
  }
  return null;
}

/** Reads a date from a URL path: `/2017/04/24/`, `/2019-11-04-…`, `/20191104_…`, `/2017/04/`. */
export function dateFromUrl(url: string): { date: PartialDate; index: number } | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  const patterns: Array<[RegExp, (m: RegExpExecArray) => PartialDate | null]> = [
    [/(?:^|\/)((?:19|20)\d{2})\/(\d{1,2})\/(\d{1,2})(?=\/|$|[-_.])/, (m) => partialDate(Number(m[1]), Number(m[2]), Number(m[3]))],
    [/(?:^|[/_-])((?:19|20)\d{2})-(\d{2})-(\d{2})(?=\/|$|[-_.])/, (m) => partialDate(Number(m[1]), Number(m[2]), Number(m[3]))],
    [/(?:^|[/_-])((?:19|20)\d{2})(\d{2})(\d{2})(?=\/|$|[-_.])/, (m) => partialDate(Number(m[1]), Number(m[2]), Number(m[3]))],
    [/(?:^|\/)((?:19|20)\d{2})\/(\d{1,2})(?=\/)/, (m) => partialDate(Number(m[1]), Number(m[2]))],
  ];
  for (const [re, build] of patterns) {
    const m = re.exec(path);
    if (!m) continue;
    const date = build(m);
    if (date) return { date, index: m.index };
  }
  return null;
}
