/**
 * A cheap test that a case-insensitive (`iu`) pattern cannot match a text: when every match of the
 * pattern contains one of a few keywords, a text without any of them is skipped before the big
 * Unicode pattern scans it. The gate itself is case-blind without the `i` flag (explicit letter
 * classes, ~20× faster than the same words with `iu`), and exact: each ASCII letter's class holds
 * every character `iu` matching treats as that letter (K for k — the Kelvin sign — and ſ for s).
 */

// Characters that Unicode simple case folding maps onto an ASCII letter, besides its two cases.
const EXTRA_FOLDS: Readonly<Record<string, string>> = { k: '\u212a', s: '\u017f' };

/**
 * A test for "one of `keywords` occurs, ignoring case as an `iu` pattern does". Keywords are
 * lower-case ASCII letters and the umlauts ä, ö, ü (whose only other case is Ä, Ö, Ü).
 */
export function keywordGate(keywords: readonly string[]): (text: string) => boolean {
  const alternatives = keywords.map((word) => {
    if (!/^[a-zäöü]+$/u.test(word)) throw new Error(`keywordGate takes lower-case ASCII words and umlauts, not "${word}"`);
    return [...word].map((c) => `[${c}${c.toUpperCase()}${EXTRA_FOLDS[c] ?? ''}]`).join('');
  });
  const pattern = new RegExp(alternatives.join('|'), 'u');
  return (text) => pattern.test(text);
}
