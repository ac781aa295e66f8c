/**
 * Every date a German or English press release states, with its offsets, cut to the precision
 * the text gives. Relative dates ("im vergangenen Jahr", "this year") resolve against the
 * publication date, or to null without one. Phone numbers, postcodes, legal references,
 * percentages, times and programme names ("Made in China 2025") are not dates: see
 * `test/extractors/dates/negative-cases.ts`.
 */
import type { PartialDate } from '../../core/claim.ts';
import { MONTH_FIRST_LETTERS, MONTH_SOURCE, WEEKDAY_FIRST_LETTERS, WEEKDAY_SOURCE, monthNumber, weekdayNumber } from './month-names.ts';
import { parseCardinal, CARDINAL_SOURCE } from '../text/number-words.ts';
import { allMatches } from '../text/all-matches.ts';
import { keywordGate } from '../text/keyword-gate.ts';

export type DatePrecision = 'day' | 'month' | 'year';

export interface WeekdayCheck {
  /** The weekday as written ("Montag"). */
  stated: string;
  /** Whether it is the weekday of the stated date. */
  matches: boolean;
}

export interface DateMention {
  start: number;
  end: number;
  raw: string;
  /** ISO date at the precision given; null when a relative date has nothing to resolve against. */
  value: PartialDate | null;
  precision: DatePrecision;
  /** Resolved against the publication date ("letztes Jahr", "im April" without a year). */
  relative: boolean;
  /** Introduced by "seit" / "since": the start of a state, not the time of an event. */
  since: boolean;
  /** "Anfang", "Mitte", "Ende", "early", "mid", "late": the value is the enclosing period. */
  approximate: boolean;
  /** Present when the text names a weekday next to the date. */
  weekday?: WeekdayCheck;
  /** Rule that matched, for provenance. */
  rule: string;
}

const L = '(?<![\\p{L}\\p{N}])';
const R = '(?![\\p{L}\\p{N}])';
const M = `(${MONTH_SOURCE})`;
const WD = `(?:(${WEEKDAY_SOURCE}),?\\s+(?:(?:den|the)\\s+)?)?`;
const APPROX = '(?:(anfang|mitte|ende|early|mid|late|mid-)\\s*)?';
const WEEKDAY_FIRST = WEEKDAY_FIRST_LETTERS;
const MONTH_FIRST = MONTH_FIRST_LETTERS;

interface DateRule {
  name: string;
  pattern: RegExp;
  /**
   * Every character a match can start with (a character class body, matched with the pattern's own
   * flags): a lookahead on it lets the scan skip other positions before the costly lookbehind runs.
   */
  first?: string;
  /** Words every match contains: a text without any is not scanned (the big `iu` patterns cost per character). */
  gate?: (text: string) => boolean;
  build(match: RegExpExecArray, published: PartialDate | null): Omit<DateMention, 'start' | 'end' | 'raw' | 'rule' | 'since'> | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function fullYear(raw: string): number {
  const n = Number(raw);
  if (raw.length === 2) return n <= 49 ? 2000 + n : 1900 + n;
  return n;
}

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function dayValue(year: number, month: number, day: number, weekdayRaw: string | undefined) {
  if (!validDay(year, month, day)) return null;
  const value = `${year}-${pad(month)}-${pad(day)}`;
  const result: Omit<DateMention, 'start' | 'end' | 'raw' | 'rule' | 'since'> = {
    value, precision: 'day', relative: false, approximate: false,
  };
  if (weekdayRaw) {
    const stated = weekdayNumber(weekdayRaw);
    const actual = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    result.weekday = { stated: weekdayRaw, matches: stated === actual };
  }
  return result;
}

function publishedYear(published: PartialDate | null): number | null {
  const m = published ? /^(\d{4})/.exec(published) : null;
  return m ? Number(m[1]) : null;
}

function relativeYear(offset: number, approximate = false) {
  return (_m: RegExpExecArray, published: PartialDate | null) => {
    const year = publishedYear(published);
    return { value: year === null ? null : String(year + offset), precision: 'year' as const, relative: true, approximate };
  };
}

// Where a bare year is a count or part of a name, not a date.
const YEAR_COUNT_BEFORE = /(?:rund|etwa|ca\.|circa|über|mehr als|knapp|fast|bis zu|mindestens|about|around|over|more than|nearly|almost|up to|at least|€|\$|nr\.|no\.|az\.|§|abs\.|art\.)\s*$/i;
const YEAR_COUNT_AFTER = /^\s*(?:einwohner|besucher|mitarbeiter|beschäftigte|unternehmen|firmen|menschen|personen|teilnehmer|gäste|euro|eur|dollar|usd|yuan|rmb|km|meter|m²|qm|hektar|tonnen|stück|städte|kommunen|mitglieder|people|visitors|employees|residents|inhabitants|companies|firms|participants|guests|cities|members|mio|millionen|million|mrd|milliarden|billion|%|prozent|percent|uhr)(?![\p{L}])/iu;
// Programme and strategy names that end in a year ("Made in China 2025", "Agenda 2030").
const PROGRAMME_BEFORE_YEAR = /(?:made in china|china|agenda|vision|horizon|horizont|strategie|strategy|europa|europe|mission|programm|program|plan|initiative|ziele|ziel)[\s-]*$/i;

const RULES: DateRule[] = [
  {
    // "vom 14. bis 19. Oktober 2024", "14.–19. Oktober", "from 7 to 10 May 2018": the range starts the event.
    name: 'date/day-range',
    pattern: new RegExp(`${L}(?:(?:vom|from)\\s+)?(\\d{1,2})\\.?\\s*(?:bis(?:\\s+zum)?|–|-|to|until)\\s*(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*${M}(?:\\s*,?\\s*(\\d{4}))?${R}`, 'giu'),
    build: (m, published) => {
      const month = monthNumber(m[3]!);
      const year = m[4] ? Number(m[4]) : publishedYear(published);
      if (month === null || Number(m[1]) > Number(m[2])) return null;
      if (year === null) return { value: null, precision: 'day', relative: true, approximate: false };
      const d = dayValue(year, month, Number(m[1]), undefined);
      return d ? { ...d, relative: !m[4] } : null;
    },
  },
  {
    name: 'date/day-month-year',
    first: `\\d${WEEKDAY_FIRST}`,
    pattern: new RegExp(`${L}${WD}(\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*${M}\\s*,?\\s*(\\d{4})${R}`, 'giu'),
    build: (m) => {
      const month = monthNumber(m[3]!);
      return month === null ? null : dayValue(Number(m[4]), month, Number(m[2]), m[1]);
    },
  },
  {
    name: 'date/month-day-year',
    first: `${WEEKDAY_FIRST}${MONTH_FIRST}`,
    pattern: new RegExp(`${L}${WD}${M}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${R}`, 'giu'),
    build: (m) => {
      const month = monthNumber(m[2]!);
      return month === null ? null : dayValue(Number(m[4]), month, Number(m[3]), m[1]);
    },
  },
  {
    // 20.07.2022, 20.07.22 — never inside a longer run of dotted digits (versions, IPs).
    name: 'date/numeric',
    first: `\\d${WEEKDAY_FIRST}`,
    pattern: new RegExp(`${WD}(?<![\\d.,])(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?![\\d]|\\.\\d|,\\d)`, 'giu'),
    // A year outside 1900–2099 makes it a file number ("Aktenzeichen 12.3.4567"), not a date.
    build: (m) => (plausibleNumericYear(fullYear(m[4]!)) ? dayValue(fullYear(m[4]!), Number(m[3]), Number(m[2]), m[1]) : null),
  },
  {
    // 10/10/2022: only when day and month cannot be confused (equal, or one above 12).
    name: 'date/slashed',
    pattern: /(?<![\d/.])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g,
    build: (m) => {
      const a = Number(m[1]);
      const b = Number(m[2]);
      if (a !== b && a <= 12 && b <= 12) return null;
      return a > 12 ? dayValue(Number(m[3]), b, a, undefined) : dayValue(Number(m[3]), a, b, undefined);
    },
  },
  {
    name: 'date/iso',
    pattern: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])/g,
    build: (m) => dayValue(Number(m[1]), Number(m[2]), Number(m[3]), undefined),
  },
  {
    // "24. April" without a year: the publication year.
    name: 'date/day-month',
    first: `\\d${WEEKDAY_FIRST}`,
    pattern: new RegExp(`${L}${WD}(\\d{1,2})(?:\\.|st|nd|rd|th)\\s*${M}${R}(?!\\s*,?\\s*\\d)`, 'giu'),
    build: (m, published) => {
      const month = monthNumber(m[3]!);
      const year = publishedYear(published);
      if (month === null) return null;
      if (year === null) return { value: null, precision: 'day', relative: true, approximate: false };
      const d = dayValue(year, month, Number(m[2]), m[1]);
      return d ? { ...d, relative: true } : null;
    },
  },
  {
    // "on June 15", "from May 7 to 10" without a year: the publication year.
    name: 'date/month-day',
    first: `${WEEKDAY_FIRST}${MONTH_FIRST}`,
    pattern: new RegExp(`${L}${WD}${M}\\s+(\\d{1,2})(?:st|nd|rd|th)?${R}(?!\\s*,?\\s*\\d{4})(?!\\s*[.:]\\d)`, 'giu'),
    build: (m, published) => {
      const month = monthNumber(m[2]!);
      const year = publishedYear(published);
      if (month === null || Number(m[3]) > 31) return null;
      if (year === null) return { value: null, precision: 'day', relative: true, approximate: false };
      const d = dayValue(year, month, Number(m[3]), m[1]);
      return d ? { ...d, relative: true } : null;
    },
  },
  {
    // "am Donnerstag vergangener Woche", "last week on Thursday": that weekday in the week before publication.
    name: 'date/weekday-last-week',
    gate: keywordGate(['woche', 'week']),
    pattern: new RegExp(`(?<![\\p{L}])(?:(?:am|on)\\s+)?(?:(${WEEKDAY_SOURCE})\\s+(?:(?:der\\s+)?(?:vergangenen|letzten|vorigen)\\s+Woche|vergangener\\s+Woche|letzter\\s+Woche|voriger\\s+Woche|of\\s+last\\s+week)|last\\s+week\\s+on\\s+(${WEEKDAY_SOURCE}))(?![\\p{L}])`, 'giu'),
    build: (m, published) => {
      const day = weekdayNumber(m[1] ?? m[2]!);
      if (day === null) return null;
      if (!published || published.length !== 10) return { value: null, precision: 'day', relative: true, approximate: false };
      const date = new Date(`${published}T00:00:00Z`);
      // Monday of the publication week, back one week, then forward to the weekday.
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) - 7 + ((day + 6) % 7));
      return { value: date.toISOString().slice(0, 10), precision: 'day', relative: true, approximate: false };
    },
  },
  {
    // "im vergangenen Dezember", "last October", "im kommenden März": the nearest such month before or after publication.
    name: 'date/month-relative',
    gate: keywordGate(['vergangen', 'letzt', 'vorig', 'last', 'kommend', 'chst', 'next']),
    pattern: new RegExp(`(?<![\\p{L}])(?:(?:im|in)\\s+)?(vergangenen|letzten|vorigen|last|kommenden|nächsten|next)\\s+${M}(?![\\p{L}])(?!\\s*,?\\s*\\d)`, 'giu'),
    build: (m, published) => {
      const month = monthNumber(m[2]!);
      if (month === null) return null;
      if (!published || published.length < 7) return { value: null, precision: 'month', relative: true, approximate: false };
      const year = Number(published.slice(0, 4));
      const current = Number(published.slice(5, 7));
      const past = /^(?:vergangenen|letzten|vorigen|last)$/iu.test(m[1]!);
      const y = past ? (month < current ? year : year - 1) : month > current ? year : year + 1;
      return { value: `${y}-${pad(month)}`, precision: 'month', relative: true, approximate: false };
    },
  },
  {
    // "im kommenden Monat", "last month": the month before or after publication.
    name: 'date/month-next-last',
    gate: keywordGate(['monat', 'month']),
    pattern: /(?<![\p{L}])(?:(?:im\s+)?(vergangenen|letzten|vorigen|kommenden|nächsten)\s+Monat|(last|next)\s+month)(?![\p{L}])/giu,
    build: (m, published) => {
      if (!published || published.length < 7) return { value: null, precision: 'month', relative: true, approximate: false };
      const step = /^(?:kommenden|nächsten|next)$/iu.test(m[1] ?? m[2]!) ? 1 : -1;
      const date = new Date(Date.UTC(Number(published.slice(0, 4)), Number(published.slice(5, 7)) - 1 + step, 1));
      return { value: date.toISOString().slice(0, 7), precision: 'month', relative: true, approximate: false };
    },
  },
  {
    // "gestern", "am gestrigen Dienstag", "yesterday", "heute", "today": a day counted from the publication date.
    name: 'date/day-relative',
    gate: keywordGate(['gestri', 'heut', 'gestern', 'yesterday', 'today']),
    pattern: new RegExp(`(?<![\\p{L}])(?:(?:am\\s+)?(vorgestrigen|gestrigen|heutigen)(?:\\s+(${WEEKDAY_SOURCE}))?|(vorgestern|gestern|heute|yesterday|today)(?:\\s+(${WEEKDAY_SOURCE}))?)(?:morgen|vormittag|mittag|nachmittag|abend|nacht)?(?![\\p{L}])`, 'giu'),
    build: (m, published) => {
      const word = (m[1] ?? m[3]!).toLowerCase();
      const back = word.startsWith('vorgest') ? 2 : word.startsWith('gest') || word === 'yesterday' ? 1 : 0;
      if (!published || published.length !== 10) return { value: null, precision: 'day', relative: true, approximate: false };
      const date = new Date(`${published}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() - back);
      const value = date.toISOString().slice(0, 10);
      const weekdayRaw = m[2] ?? m[4];
      const result: Omit<DateMention, 'start' | 'end' | 'raw' | 'rule' | 'since'> = { value, precision: 'day', relative: true, approximate: false };
      if (weekdayRaw) result.weekday = { stated: weekdayRaw, matches: weekdayNumber(weekdayRaw) === date.getUTCDay() };
      return result;
    },
  },
  {
    // "vergangene Woche", "in der letzten Woche", "last week": some day of the week before publication, so its month, approximately.
    name: 'date/last-week',
    gate: keywordGate(['woche', 'week']),
    pattern: /(?<![\p{L}])(?:(?:in\s+der\s+)?(?:vergangenen|letzten|vorigen)\s+Woche|(?:vergangene|letzte|vorige)\s+Woche|last\s+week|the\s+previous\s+week)(?![\p{L}])/giu,
    build: (_m, published) => {
      if (!published || published.length !== 10) return { value: null, precision: 'month', relative: true, approximate: true };
      const date = new Date(`${published}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() - 7);
      return { value: date.toISOString().slice(0, 7), precision: 'month', relative: true, approximate: true };
    },
  },
  {
    // "im Herbst des Vorjahres", "im Frühjahr des vergangenen Jahres", "last autumn", "im vergangenen Sommer": the year before publication.
    name: 'date/season-last-year',
    gate: keywordGate(['hjahr', 'hling', 'sommer', 'herbst', 'winter', 'spring', 'summer', 'autumn', 'fall']),
    pattern: /(?<![\p{L}])(?:(?:im\s+)?(?:Frühjahr|Frühling|Sommer|Herbst|Winter)\s+(?:des\s+Vorjahres|des\s+vergangenen\s+Jahres|des\s+letzten\s+Jahres|letzten\s+Jahres|vergangenen\s+Jahres)|(?:im\s+)?(?:vergangenen|letzten|vorigen)\s+(?:Frühjahr|Frühling|Sommer|Herbst|Winter)|last\s+(?:spring|summer|autumn|fall|winter))(?![\p{L}])/giu,
    build: relativeYear(-1, true),
  },
  {
    // "this July", "diesen Juli", "im Juli dieses Jahres": that month of the publication year.
    name: 'date/this-month',
    gate: keywordGate(['this', 'diese', 'jahres']),
    pattern: new RegExp(`(?<![\\p{L}])(?:(?:this|diesen|dieses|diesem)\\s+${M}|(?:im\\s+)?${M}\\s+(?:dieses|des\\s+laufenden)\\s+Jahres)(?![\\p{L}])`, 'giu'),
    build: (m, published) => {
      const month = monthNumber(m[1] ?? m[2]!);
      const year = publishedYear(published);
      if (month === null) return null;
      return { value: year === null ? null : `${year}-${pad(month)}`, precision: 'month', relative: true, approximate: false };
    },
  },
  {
    // "am Montag", "on Monday", "vergangenen Dienstag", "seit Dienstag": the latest such day up to the publication date.
    name: 'date/weekday',
    first: 'aolvts',
    // "am Donnerstagabend", "on Tuesday evening": a part of the day changes nothing.
    pattern: new RegExp(`(?<![\\p{L}])(?:am|on|last|vergangenen|letzten|this\\s+past|seit|since)\\s+(${WEEKDAY_SOURCE})(?:morgen|vormittag|mittag|nachmittag|abend|nacht)?(?![\\p{L}])(?!,?\\s*(?:den\\s+|the\\s+)?\\d)`, 'giu'),
    build: (m, published) => {
      const day = weekdayNumber(m[1]!);
      if (day === null) return null;
      if (!published || published.length !== 10) return { value: null, precision: 'day', relative: true, approximate: false };
      const date = new Date(`${published}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() - day + 7) % 7));
      return { value: date.toISOString().slice(0, 10), precision: 'day', relative: true, approximate: false };
    },
  },
  {
    // "in dieser Woche", "this week": a week has no ISO form here, so the month it falls in.
    name: 'date/this-week',
    gate: keywordGate(['woche', 'week']),
    pattern: /(?<![\p{L}])(?:in\s+dieser\s+Woche|diese\s+Woche|this\s+week|earlier\s+this\s+week)(?![\p{L}])/giu,
    build: (_m, published) => ({ value: published && published.length >= 7 ? published.slice(0, 7) : null, precision: 'month', relative: true, approximate: true }),
  },
  {
    name: 'date/month-year',
    first: `amel${MONTH_FIRST}`,
    pattern: new RegExp(`${L}${APPROX}${M}\\s*(?:of\\s+)?(\\d{4})${R}`, 'giu'),
    build: (m) => {
      const month = monthNumber(m[2]!);
      return month === null ? null : { value: `${m[3]}-${pad(month)}`, precision: 'month', relative: false, approximate: Boolean(m[1]) };
    },
  },
  {
    name: 'date/season-year',
    first: 'amebfshwl',
    pattern: new RegExp(`${L}(anfang|mitte|ende|beginn|frühjahr|frühling|sommer|herbst|winter|early|mid|late|spring|summer|autumn|fall|winter)[\\s-]+(?:des\\s+jahres\\s+|of\\s+)?(\\d{4})${R}`, 'giu'),
    build: (m) => ({ value: m[2]!, precision: 'year', relative: false, approximate: true }),
  },
  {
    // "Mitte März", "im April" without a year: the publication year.
    name: 'date/month-only',
    pattern: new RegExp(`${L}(anfang|mitte|ende|im|in|seit|since|bis|ab|early|mid|late)\\s+${M}${R}(?!\\s*\\d)`, 'giu'),
    build: (m, published) => {
      const month = monthNumber(m[2]!);
      const year = publishedYear(published);
      if (month === null) return null;
      return { value: year === null ? null : `${year}-${pad(month)}`, precision: 'month', relative: true, approximate: /^(anfang|mitte|ende|early|mid|late)$/i.test(m[1]!) };
    },
  },
  {
    // "tritt zum Jahresende aus", "at the end of the year": the last day of the year (given, else of publication), when a change takes effect.
    name: 'date/year-end',
    gate: keywordGate(['jahr', 'year']),
    pattern: /(?<![\p{L}])(?:(?:zum|zu|bis\s+zum|mit\s+dem|am)\s+(?:Jahresende|Jahreswechsel|Ende\s+(?:des|dieses)\s+Jahres)|(?:at|by)\s+(?:the\s+)?(?:end\s+of\s+(?:the|this)\s+year|year[-\s]end))(?:\s+((?:19|20)\d{2}))?(?![\p{L}\p{N}])/giu,
    build: (m, published) => {
      const year = m[1] ? Number(m[1]) : publishedYear(published);
      return { value: year === null ? null : `${year}-12-31`, precision: 'day', relative: !m[1], approximate: false };
    },
  },
  { name: 'date/this-year', gate: keywordGate(['jahr', 'year']), pattern: /(?<![\p{L}])(?:(?:noch\s+)?(?:in\s+diesem|im\s+laufenden|im\s+aktuellen|dieses|diesen|des\s+laufenden)\s+Jahr(?:es)?|(?:earlier\s+|later\s+)?this\s+year)(?![\p{L}])/giu, build: relativeYear(0) },
  { name: 'date/last-year', gate: keywordGate(['jahr', 'year']), pattern: /(?<![\p{L}])(?:(?:im|des)\s+(?:vergangenen|letzten|vorigen)\s+Jahr(?:es)?|(?:vergangenes|letztes|voriges)\s+Jahr|im\s+Vorjahr|last\s+year|the\s+previous\s+year)(?![\p{L}])/giu, build: relativeYear(-1) },
  { name: 'date/next-year', gate: keywordGate(['jahr', 'year']), pattern: /(?<![\p{L}])(?:(?:im|des)\s+(?:nächsten|kommenden)\s+Jahr(?:es)?|(?:nächstes|kommendes)\s+Jahr|next\s+year)(?![\p{L}])/giu, build: relativeYear(1) },
  {
    // "seit 40 Jahren", "for 40 years now": a start that many years before publication.
    name: 'date/years-since',
    gate: keywordGate(['jahren', 'years']),
    pattern: new RegExp(`(?<![\\p{L}])(?:seit\\s+(?:nunmehr\\s+|mittlerweile\\s+|inzwischen\\s+|über\\s+|mehr\\s+als\\s+|fast\\s+|knapp\\s+|rund\\s+)?(${CARDINAL_SOURCE})\\s+Jahren|for\\s+(?:more\\s+than\\s+|over\\s+|nearly\\s+|almost\\s+|some\\s+)?(${CARDINAL_SOURCE})\\s+years)(?![\\p{L}])`, 'giu'),
    build: (m, published) => {
      const n = parseCardinal(m[1] ?? m[2] ?? '');
      const year = publishedYear(published);
      if (n === null || !Number.isInteger(n) || n <= 0 || n > 100) return null;
      const approximate = /(?:über|mehr|fast|knapp|rund|more|over|nearly|almost|some)\s/iu.test(m[0]);
      return { value: year === null ? null : String(year - n), precision: 'year', relative: true, approximate };
    },
  },
  {
    name: 'date/years-ago',
    gate: keywordGate(['jahren', 'year']),
    pattern: new RegExp(`(?<![\\p{L}])(?:vor\\s+(${CARDINAL_SOURCE})\\s+Jahren|(${CARDINAL_SOURCE})\\s+years?\\s+ago)(?![\\p{L}])`, 'giu'),
    build: (m, published) => {
      const n = parseCardinal(m[1] ?? m[2] ?? '');
      const year = publishedYear(published);
      if (n === null || !Number.isInteger(n) || n > 100) return null;
      return { value: year === null ? null : String(year - n), precision: 'year', relative: true, approximate: false };
    },
  },
  {
    // "im Herbst desselben Jahres", "later that year": the year of the last dated mention before.
    name: 'date/same-year',
    gate: keywordGate(['jahr', 'year']),
    pattern: /(?<![\p{L}])(?:desselben\s+Jahres|im\s+(?:selben|gleichen)\s+Jahr|des\s+gleichen\s+Jahres|(?:later|earlier)\s+that\s+year|(?:in|of)\s+the\s+same\s+year)(?![\p{L}])/giu,
    build: () => ({ value: null, precision: 'year', relative: true, approximate: false }),
  },
  {
    name: 'date/year',
    pattern: /(?<![\p{L}\p{N}.,:/\-_@§©])(19[5-9]\d|20\d\d)(?![\p{L}\p{N}]|[.,]\d|\/\d|-\d|:\d|%|\s*%)/gu,
    build: (m) => ({ value: m[1]!, precision: 'year', relative: false, approximate: false }),
  },
];

// The same patterns with their first-character lookahead: the same matches, fewer positions tried.
const SCANNED_RULES: readonly DateRule[] = RULES.map((rule) => (rule.first ? { ...rule, pattern: new RegExp(`(?=[${rule.first}])${rule.pattern.source}`, rule.pattern.flags) } : rule));

// "Version 2.1.10" and "v4.0.22" are software versions, not dates.
const VERSION_BEFORE = /(?:version|release|update|ver\.|v)\s*$/i;
// "seit 2012", "since 1997"; not "from May 7 to 10", a range.
const SINCE_BEFORE = /(?:seit|since)\s+(?:(?:dem|the)\s+)?(?:jahr(?:e)?|year)?\s*$/i;

/** All dates in `text`, in text order, without overlaps (the more specific rule wins). */
function plausibleNumericYear(year: number): boolean {
  return year >= 1900 && year <= 2099;
}

export function findDates(text: string, published: PartialDate | null): DateMention[] {
  const taken = new TakenSpans();
  const found: DateMention[] = [];
  const overlaps = (s: number, e: number) => taken.overlaps(s, e);
  for (const rule of SCANNED_RULES) {
    if (rule.gate && !rule.gate(text)) continue;
    rule.pattern.lastIndex = 0;
    for (const m of allMatches(rule.pattern, text)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      if (rule.name === 'date/year' && !plausibleYear(text, start, end)) continue;
      if (rule.name === 'date/numeric' && VERSION_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
      const built = rule.build(m as RegExpExecArray, published);
      if (!built) {
        // An impossible full date ("30. Februar 2020") is no date at all, not a month and a year.
        if (rule.name === 'date/day-month-year' || rule.name === 'date/numeric' || rule.name === 'date/month-day-year') taken.add(start, end);
        continue;
      }
      taken.add(start, end);
      const before = text.slice(Math.max(0, start - 20), start);
      found.push({ ...built, start, end, raw: m[0], rule: rule.name, since: SINCE_BEFORE.test(before) || /^(seit|since)\s/i.test(m[0]) || rule.name === 'date/years-since' });
    }
  }
  found.sort((a, b) => a.start - b.start);
  found.forEach((d, i) => {
    if (d.rule !== 'date/same-year') return;
    const previous = found.slice(0, i).reverse().find((p) => p.value && !p.relative && p.rule !== 'date/same-year');
    d.value = previous?.value?.slice(0, 4) ?? null;
  });
  return found;
}

/**
 * The spans matched so far, which never overlap one another: kept in text order, so whether a new
 * span overlaps one is a binary search, not a scan of all of them (a 50 KB page has hundreds of dates).
 */
class TakenSpans {
  #starts: number[] = [];
  #ends: number[] = [];

  /** Whether [start, end) overlaps a taken span. */
  overlaps(start: number, end: number): boolean {
    // Disjoint spans in text order: the last one starting before `end` ends last of all such spans.
    const i = this.#firstStartingAt(end) - 1;
    return i >= 0 && this.#ends[i]! > start;
  }

  add(start: number, end: number): void {
    const i = this.#firstStartingAt(start);
    this.#starts.splice(i, 0, start);
    this.#ends.splice(i, 0, end);
  }

  #firstStartingAt(offset: number): number {
    let lo = 0;
    let hi = this.#starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#starts[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function plausibleYear(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 24);
  if (YEAR_COUNT_BEFORE.test(before) || YEAR_COUNT_AFTER.test(after)) return false;
  if (PROGRAMME_BEFORE_YEAR.test(before)) return false;
  if (/(?:©|\(c\)|copyright)\s*$/iu.test(before)) return false;
  // Digit groups on either side separated by blanks: a phone or fax number, an account number.
  if (/\d[ \t/]+$/.test(before) || /^[ \t/]+\d/.test(after)) return false;
  if (/(?:tel(?:efon)?|fax|telefax|phone|mobil|plz|postfach|az|aktenzeichen|nr|no)\.?:?\s*[\d\s+()/-]*$/i.test(before)) return false;
  return true;
}
