/**
 * The clean text's own release date line (a rung of `publication-date.ts`'s cascade): a date standing
 * alone on a line near the top ("4. November 2019"), alone in one segment of a byline
 * ("Jiangmen Daily | April 26, 2016", "30.06.2022 – Pressestelle der Stadt Hagen"), after a
 * label ("Stand:", "Published:", "Pressemitteilung 312/2021 vom …") or after a place
 * ("Lahr, 28.05.2018", "Jiaozuo, den 20. Juni 2016"), or a labelled "Stand:" line in the footer.
 */
import type { PartialDate } from '../../core/claim.ts';
import { findDates } from '../../extractors/dates/find-dates.ts';

// How far into the text a release date line may stand.
const HEAD_LINES = 15;
const HEAD_CHARS = 1500;

// Byline segments: a bar, bullet or dash between blanks, or a column gap of several blanks or a tab ("Updated: 2017-04-27   Source: …").
const SEGMENT_SEPARATOR = /\s+[|·•–—]\s+|\s+-\s+|[ \u00a0]{3,}|\t+/u;
const LABEL = /^(?:stand|datum|date|(?:release|publication|issue)\s+date|erscheinungsdatum|veröffentlichungsdatum|posted(?:\s+on)?|issued(?:\s+on)?|veröffentlicht(?:\s+am)?|published(?:\s+on)?|erschienen(?:\s+am)?|(?:pressemitteilung|presseinformation|pressemeldung|press\s+release|news)(?:\s+(?:nr\.\s*)?[\d/.-]+)?(?:\s+(?:vom|of|from))?|aktualisiert(?:\s+am)?|(?:last\s+)?updated(?:\s+on)?|zuletzt\s+(?:geändert|aktualisiert)(?:\s+am)?)\s*:?\s*/iu;
const PLACE = /^\p{Lu}[\p{L}.'’\-/ ]{1,40}(?:\s*\([^)]{1,30}\))?,\s*(?:(?:den|the|am)(?:\s+|$))?/u;

// "Gelsenkirchen, 9. März 2018. Gelsenkirchen sucht …": a dateline that opens the first paragraph, cut where the year ends it.
const DATELINE_HEAD = /^(\p{Lu}[\p{L}.'’\-/ ]{1,40}(?:\s*\([^)]{1,30}\))?,\s*(?:den\s+|am\s+)?[^\n]{4,30}?(?:19|20)\d{2})(?:\.\s|\s+[–—-]\s)/u;
// A page footer "Stand: Januar 2025", "Last updated: 3 May 2021": a label is required, a bare date at the bottom is no release date.
const FOOTER_LINES = 6;
const FOOTER_LABEL = /^(?:stand|zuletzt\s+(?:aktualisiert|geändert)|letzte\s+(?:Aktualisierung|Änderung)|last\s+(?:updated|modified|changed)|updated|aktualisiert)\s*(?:am|on)?\s*:?\s/iu;

const TIME_OF_DAY = /^,?\s*\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*(?:Uhr|h|am|pm|a\.m\.|p\.m\.|CET|CEST|MEZ|MESZ|UTC|GMT|\+\d{2}:?\d{2}))?(?=\s|$)/iu;
// The next field of a byline: a short capitalised label and a colon ("Source:", "Quelle:", "Von:").
const SOURCE_FIELD = /^[|·•–—]?\s*(?:Source|Quelle|Autor|Autorin|Author|Von|By|Editor|Redaktion|Herausgeber|Publisher)\s*:/u;
const NEXT_FIELD = /^[|·•–—]?\s*\p{Lu}[\p{L}.-]*(?:\s\p{L}[\p{L}.-]*){0,2}\s*:/u;

/** Date the text itself gives as its publication date, or null. Day or month precision only. */
export function textDateLine(text: string): PartialDate | null {
  const head = text.slice(0, HEAD_CHARS);
  let lines = 0;
  for (const line of head.split('\n')) {
    if (!line.trim()) continue;
    if (++lines > HEAD_LINES) break;
    const dateline = DATELINE_HEAD.exec(line.trim());
    for (const segment of [...line.split(SEGMENT_SEPARATOR), ...(dateline ? [dateline[1]!] : [])]) {
      const date = dateAlone(segment.trim());
      if (date) return date;
    }
  }
  const tail = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(-FOOTER_LINES);
  for (const line of tail.reverse()) {
    if (!FOOTER_LABEL.test(line)) continue;
    const date = dateAlone(line);
    if (date) return date;
  }
  return null;
}

/** The date when `segment` is a date with at most a label or a place before it. */
function dateAlone(segment: string): PartialDate | null {
  const dates = findDates(segment, null).filter((d) => d.value && !d.relative && d.precision !== 'year');
  const first = dates[0];
  if (!first || dates.length > 1) return null;
  const before = segment.slice(0, first.start).trim();
  // "2017-04-26 09:41", "14.03.2022, 10:30 Uhr": a time of day after the date belongs to it.
  const after = segment.slice(first.end).trim().replace(TIME_OF_DAY, '').replace(/^[,.:;]+/, '').trim();
  const labelled = LABEL.test(before);
  // A labelled date may share its line with the byline's next field, however it is spaced:
  // "Updated: 2017-04-26 09:41 Source: Foreign Affairs Office", "Datum: 04.11.2019 Autor: Pressestelle".
  // Unlabelled, the date must open the line and the next field must name the source or author ("2020-11-24 09:30  Source: Shiyan Daily").
  if (after !== '' && !(labelled && NEXT_FIELD.test(after)) && !(before === '' && SOURCE_FIELD.test(after))) return null;
  const rest = before.replace(LABEL, '').replace(PLACE, '').replace(LABEL, '').replace(/^[\s,.:–—|-]+|[\s,.:–—|-]+$/gu, '');
  return rest === '' ? first.value : null;
}
