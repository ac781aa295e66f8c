/**
 * One key per spelling family: "Köln", "Koeln", "KÖLN" → `koeln`; "Ma'anshan", "Ma’anshan",
 * "Maanshan" → `maanshan`. Both the index and the text go through the same functions.
 */
import { allMatches } from '../text/all-matches.ts';

/** Apostrophe-like characters seen in pinyin and English possessives (ASCII, typographic, modifier, accents). */
export const APOSTROPHES = "'’‘ʼʻ`´′";

const APOSTROPHE_RE = new RegExp(`[${APOSTROPHES}]`, 'gu');
const DASH_RE = /[‐‑‒–—―−]/gu;
const ASCII = /^[\x00-\x7f]*$/;
const ASCII_APOSTROPHE_RE = /['`]/g;

/** Word pattern for text: letters/marks/digits, with apostrophes allowed inside (Ma'anshan, Bao’an). */
export const WORD_RE = new RegExp(`[\\p{L}\\p{M}\\p{N}]+(?:[${APOSTROPHES}][\\p{L}\\p{M}]+)*`, 'gu');

/**
 * Normalised key of one word: lower case, German umlauts and ß transliterated (so `Koeln` meets
 * `Köln`), apostrophes dropped, other diacritics removed (ü in pinyin Lüliang → `lueliang`).
 */
export function normalizeWord(word: string): string {
  // Most words are plain ASCII: lower case and ASCII apostrophes are all the work there is (the same key, ~10× faster).
  if (ASCII.test(word)) return word.toLowerCase().replace(ASCII_APOSTROPHE_RE, '');
  const lower = word.normalize('NFC').toLowerCase().replace(APOSTROPHE_RE, '');
  const folded = lower.replace(/ä/gu, 'ae').replace(/ö/gu, 'oe').replace(/ü/gu, 'ue').replace(/ß/gu, 'ss');
  // Remaining accents (é, ā, ǎ in toned pinyin) carry no identity for place names.
  return folded.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** A token of text: a word with its offsets; punctuation is kept as one-char tokens. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** `normalizeWord(text)` for words; the punctuation char itself (dashes as `-`) otherwise. */
  key: string;
  isWord: boolean;
}

/**
 * Split text into words and single punctuation tokens (whitespace dropped). Hyphens become
 * tokens so "Rhein-Kreis Neuss" and "Köln-Ehrenfeld" split at them.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  const pushPunct = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const ch = text[i] ?? '';
      if (/\s/u.test(ch)) continue;
      tokens.push({ start: i, end: i + 1, text: ch, key: ch.replace(DASH_RE, '-'), isWord: false });
    }
  };
  for (const match of allMatches(WORD_RE, text)) {
    const start = match.index;
    pushPunct(last, start);
    tokens.push({ start, end: start + match[0].length, text: match[0], key: normalizeWord(match[0]), isWord: true });
    last = start + match[0].length;
  }
  pushPunct(last, text.length);
  return tokens;
}

/** Token keys of a name as the index stores it: words only, hyphens and other punctuation dropped except parentheses. */
export function nameKeys(name: string): string[] {
  return tokenize(name)
    .filter((t) => t.isWord || t.key === '(' || t.key === ')')
    .map((t) => t.key);
}

/** Whole-name key for exact lookups and edit distance: word keys joined without separators. */
export function compactKey(name: string): string {
  return tokenize(name)
    .filter((t) => t.isWord)
    .map((t) => t.key)
    .join('');
}
