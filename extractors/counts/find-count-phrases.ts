/**
 * Count phrases in a sentence: "[qualifier] number [adjectives] unit", also the shared-noun
 * shape "elf chinesischen (…) und sieben deutschen Städten (…)" where the first number takes
 * its noun from the second. Each phrase remembers the parenthesis right after it, which is
 * where press releases put the list of what was counted.
 */
import type { CountQualifier, Country, MemberUnit } from '../claim.ts';
import { CARDINAL_SOURCE, parseCardinal } from '../text/number-words.ts';
import { QUALIFIER_SOURCE, UNIT_SOURCE, countryOfWords, qualifierOf, unitOf } from './count-vocabulary.ts';

export interface CountPhrase {
  /** Offsets into the text the sentence came from. */
  start: number;
  end: number;
  count: number;
  /** Word or digits as written. */
  countRaw: string;
  qualifier: CountQualifier;
  unit: MemberUnit;
  /** The unit came from a later number's noun (shared-noun shape). */
  unitShared: boolean;
  country: Country | null;
  /** "aus 8 Bundesländern": the count says where members come from. */
  origin: boolean;
  /** Parenthesis directly after the phrase, without the brackets. */
  list: { start: number; end: number } | null;
}

const ADJECTIVE = "(?:[\\p{Ll}][\\p{L}\\-]*|German|Chinese|Sino-German|Deutsche[nr]?|Chinesische[nr]?)";
const HEAD = new RegExp(
  `(?<![\\p{L}\\p{N}.,])(?:(${QUALIFIER_SOURCE})\\s+)?(${CARDINAL_SOURCE})(?![\\p{L}\\p{N}]|[.,]\\d)\\s+((?:${ADJECTIVE}\\s+){0,3}?)(?:(${UNIT_SOURCE})(?![\\p{L}])((?:\\s+(?:aus|from|in)\\s+(?:Deutschland|China|Germany))?)|(?=\\())`,
  'giu',
);
const JOIN = /^\s*(?:,\s*)?(?:und|sowie|and|as\s+well\s+as|plus)?\s*/iu;
// Words between a number and its noun that show the number is not a count of things.
const NOT_ADJECTIVE = /^(?:jahre?n?|years?|prozent|percent|mal|times|uhr|mio|millionen|million|mrd|milliarden|euro|km|meter|minuten|stunden|tage|wochen|monate)$/iu;

/** Count phrases in `sentence`, whose first character sits at `offset` in the document. */
export function findCountPhrases(sentence: string, offset: number, language: 'de' | 'en'): CountPhrase[] {
  const phrases: CountPhrase[] = [];
  HEAD.lastIndex = 0;
  for (const m of sentence.matchAll(HEAD)) {
    const phrase = readPhrase(sentence, m, language, 0);
    if (phrase) phrases.push({ ...phrase, start: phrase.start + offset, end: phrase.end + offset, list: phrase.list && { start: phrase.list.start + offset, end: phrase.list.end + offset } });
  }
  return phrases;
}

function readPhrase(sentence: string, m: RegExpMatchArray, language: 'de' | 'en', depth: number): CountPhrase | null {
  const start = m.index ?? 0;
  const count = parseCardinal(m[2]!, language);
  if (count === null || !Number.isInteger(count) || count <= 0) return null;
  // "ein", "eine", "one" are articles far more often than counts.
  if (count === 1 && !/^\d/.test(m[2]!)) return null;
  const adjectives = m[3] ?? '';
  if (adjectives.split(/\s+/).some((w) => NOT_ADJECTIVE.test(w))) return null;
  const before = sentence.slice(Math.max(0, start - 12), start);
  const origin = /(?:aus|from|in)\s+$/iu.test(before);
  let unitRaw = m[4];
  let end = start + m[0].length;
  let list: { start: number; end: number } | null = null;
  let unitShared = false;
  let country = countryOfWords(`${adjectives} ${m[5] ?? ''}`);
  if (unitRaw) {
    const paren = parenthesisAt(sentence, end);
    if (paren) list = paren;
  } else {
    // Shared noun: "elf chinesischen (…) und sieben deutschen Städten (…)".
    const paren = parenthesisAt(sentence, end);
    if (!paren || depth > 2) return null;
    list = paren;
    const afterParen = paren.end + 1;
    const join = JOIN.exec(sentence.slice(afterParen));
    const nextAt = afterParen + (join?.[0].length ?? 0);
    HEAD.lastIndex = 0;
    const next = new RegExp(HEAD.source, 'iu').exec(sentence.slice(nextAt));
    if (!next || next.index !== 0) return null;
    const shifted = Object.assign([...next], { index: nextAt, input: sentence }) as unknown as RegExpMatchArray;
    const nextPhrase = readPhrase(sentence, shifted, language, depth + 1);
    if (!nextPhrase) return null;
    unitRaw = undefined;
    unitShared = true;
    return finish(start, end, count, m, nextPhrase.unit, unitShared, country, origin, list);
  }
  const unit = unitOf(unitRaw.replace(/\s+/g, ' '));
  if (!unit) return null;
  if (!country) country = null;
  return finish(start, end, count, m, unit, unitShared, country, origin, list);
}

function finish(start: number, end: number, count: number, m: RegExpMatchArray, unit: MemberUnit, unitShared: boolean, country: Country | null, origin: boolean, list: { start: number; end: number } | null): CountPhrase {
  return { start, end, count, countRaw: m[2]!, qualifier: qualifierOf(m[1]), unit, unitShared, country, origin, list };
}

/** The parenthesis opening at `at` (after blanks), as the span inside the brackets. */
function parenthesisAt(sentence: string, at: number): { start: number; end: number } | null {
  let i = at;
  while (i < sentence.length && /\s/.test(sentence[i] ?? '')) i++;
  if (sentence[i] !== '(') return null;
  let depth = 0;
  for (let j = i; j < sentence.length; j++) {
    if (sentence[j] === '(') depth++;
    else if (sentence[j] === ')' && --depth === 0) return { start: i + 1, end: j };
  }
  return null;
}
