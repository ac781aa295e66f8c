/** Month and weekday names as German and English press releases write them, full and abbreviated. */

export const MONTHS: Record<string, number> = {
  januar: 1, jänner: 1, jaenner: 1, jan: 1, january: 1,
  februar: 2, feber: 2, feb: 2, february: 2,
  märz: 3, maerz: 3, mär: 3, mrz: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mai: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, october: 10, oct: 10,
  november: 11, nov: 11,
  dezember: 12, dez: 12, december: 12, dec: 12,
};

/** Day of week as `Date.getUTCDay()` numbers it (Sunday 0). */
export const WEEKDAYS: Record<string, number> = {
  sonntag: 0, montag: 1, dienstag: 2, mittwoch: 3, donnerstag: 4, freitag: 5, samstag: 6, sonnabend: 6,
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  so: 0, mo: 1, di: 2, mi: 3, do: 4, fr: 5, sa: 6,
};

const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length);

/** Source matching a month name; abbreviations take an optional dot. Use with the `iu` flags. */
export const MONTH_SOURCE = `(?:${byLength(Object.keys(MONTHS).filter((m) => m.length > 3 || m === 'mai' || m === 'may')).join('|')}|(?:${byLength(
  Object.keys(MONTHS).filter((m) => m.length <= 4 && m !== 'mai' && m !== 'may'),
).join('|')})\\.?)`;

/** Source matching a full weekday name (abbreviations only with a dot: "Mo."). */
export const WEEKDAY_SOURCE = `(?:${byLength(Object.keys(WEEKDAYS).filter((d) => d.length > 2)).join('|')}|(?:mo|di|mi|do|fr|sa|so)\\.)`;

export function monthNumber(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

export function weekdayNumber(word: string): number | null {
  return WEEKDAYS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

/** The letters a month name starts with, as a character class body. */
export const MONTH_FIRST_LETTERS = [...new Set(Object.keys(MONTHS).map((m) => m[0]!))].join('');

/** The letters a weekday name starts with, as a character class body. */
export const WEEKDAY_FIRST_LETTERS = [...new Set(Object.keys(WEEKDAYS).map((d) => d[0]!))].join('');
