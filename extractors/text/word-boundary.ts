/**
 * The one word-boundary helper of the extractors' patterns: `\b` knows only ASCII letters, so a
 * word here starts and ends where no Unicode letter touches it ("Gründungsmitglied", "Ma'anshan").
 */

/** No letter right before. */
export const WORD_START = '(?<![\\p{L}])';
/** No letter right after. */
export const WORD_END = '(?![\\p{L}])';

/** `source` as a whole word: no letter touches it on either side. Use inside a `u` pattern. */
export function wholeWord(source: string): string {
  return `${WORD_START}(?:${source})${WORD_END}`;
}

/** Each source as a whole word, as one alternation. */
export function wholeWords(sources: readonly string[]): string {
  return sources.map(wholeWord).join('|');
}
