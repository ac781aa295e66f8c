/**
 * Count phrases in a sentence: "[qualifier] number [adjectives] unit", also where one noun
 * serves two numbers — "elf chinesischen (…) und sieben deutschen Städten (…)", "zehn deutsche
 * und vierzehn chinesische Städte", "eleven Chinese and seven German founding cities" — and
 * elliptic counts that take the noun of a count before them ("18 cities, eleven from China",
 * "24 member cities, 14 of them in China", "62 members, 30 of them German and 32 Chinese").
 * Each phrase remembers the bracket or colon list right after it: where press releases put
 * the names of what was counted.
 */
import type { CountQualifier, Country, MemberUnit } from '../../core/claim.ts';
import { CARDINAL_SOURCE, mayHoldCardinal, parseCardinal } from '../text/number-words.ts';
import { QUALIFIER_SOURCE, UNIT_AT_END, UNIT_SOURCE, countryOfWords, impliedCountryOfUnit, qualifierOf, sideAfter, sideBefore, unitOf } from './count-vocabulary.ts';
import { allMatches } from '../text/all-matches.ts';
import { keywordGate } from '../text/keyword-gate.ts';

export interface CountPhrase {
  /** Offsets into the document. */
  start: number;
  end: number;
  count: number;
  /** Word or digits as written. */
  countRaw: string;
  qualifier: CountQualifier;
  unit: MemberUnit;
  /** How the unit was found: after the number, from a later number (shared noun), or from an earlier count (ellipsis). */
  unitFrom: 'own' | 'shared' | 'elliptic';
  country: Country | null;
  /** "aus 8 Bundesländern", "from eleven member cities": where members come from, not how many there are. */
  origin: boolean;
  /** "seine acht Städte": a member's own parts. */
  possessive: boolean;
  /** The list right after the phrase (bracket, colon, or examples after "darunter"), as offsets of its content. */
  list: { start: number; end: number; kind: 'bracket' | 'colon' | 'copula' | 'partial' } | null;
}

// Adjectives between number and noun: German inflected forms, English ones from a closed set.
const ADJECTIVE = "(?:(?!(?:und|sowie|oder|and|or|of|from|aus|in)\\s)[\\p{Ll}][\\p{L}\\-]*(?:e|en|er|es|em)|weitere[n]?|neue[n]?|new|further|additional|other|more|German|Chinese|European|Sino-German|founding|member|industrial|partner|[\\p{Lu}][\\p{L}\\-]*(?:ian|ese|ish))";
const NUMBER = `(?:(${QUALIFIER_SOURCE})\\s+)?(${CARDINAL_SOURCE})(?![\\p{L}\\p{N}]|[.,]\\d)`;
const HEAD = new RegExp(
  `(?<![\\p{L}\\p{N}.,])${NUMBER}\\s+((?:${ADJECTIVE}\\s+){0,3}?)(?:(${UNIT_SOURCE})(?![\\p{L}])((?:\\s+(?:aus|from|in)\\s+(?:Deutschland|China|Germany)(?:\\s+(?:und|and)\\s+(?:Deutschland|China|Germany))?)?)|(?=\\()|(?=(?:und|sowie|and|as\\s+well\\s+as)\\s+${CARDINAL_SOURCE}\\s))`,
  'giu',
);
const HEAD_AT = new RegExp(`^${HEAD.source.replace('(?<![\\p{L}\\p{N}.,])', '')}`, 'iu');
const JOIN = /^\s*(?:,\s*)?(?:und|sowie|and|as\s+well\s+as|plus)?\s*/iu;
// "eleven from China", "14 of them in China", "30 of them German", "32 Chinese"; "zehn auf deutscher und 14 auf chinesischer Seite" shares the noun.
const ELLIPTIC = new RegExp(
  `(?<![\\p{L}\\p{N}.,])${NUMBER}\\s+(?:(?:of\\s+them|davon|darunter)\\s+(?:(?:are|were|sind|waren)\\s+)?)?(?:(?:from|aus|in)\\s+(China|Germany|Deutschland)|(German|Chinese|deutsche|chinesische)(?=\\s*(?:[,.;:)]|$|\\s(?:and|und|sowie|or|oder)\\s))|(?:on\\s+the\\s+(German|Chinese)(?:\\s+side|(?=\\s+and\\s+\\S+\\s+on\\s+the\\s+(?:German|Chinese)\\s+side))|auf\\s+(deutscher|chinesischer)(?:\\s+Seite|(?=\\s+(?:und|sowie)\\s+\\S+\\s+auf\\s+(?:deutscher|chinesischer)\\s+Seite))))(?![\\p{L}])`,
  'giu',
);
// "The number of member cities has thus risen to 57", "Die Zahl der Mitglieder ist damit auf 40 gestiegen":
// the count stands after the noun.
const NUMBER_OF = new RegExp(
  `(?<![\\p{L}])(?:(?:the\\s+)?(?:total\\s+)?number\\s+of\\s+((?:${ADJECTIVE}\\s+){0,2}?(?:${UNIT_SOURCE}))\\s+(?:[\\p{Ll}]+\\s+){0,3}?(?:risen|grown|increased|climbed|rose|grew|reached|stands\\s+at|stood\\s+at|is\\s+now|now\\s+stands\\s+at|totals|totalled|totaled)(?:\\s+to)?|(?:die\\s+)?(?:Gesamtzahl|Zahl|Anzahl)\\s+der\\s+((?:${ADJECTIVE}\\s+){0,2}?(?:${UNIT_SOURCE}))\\s+(?:[\\p{L}]+\\s+){0,3}?(?:auf|bei)|(?:die\\s+)?(Mitgliederzahl|Mitgliedszahl)\\s+(?:[\\p{L}]+\\s+){0,4}?(?:auf|bei|beträgt|von))\\s+${NUMBER}(?![\\p{L}\\p{N}])(?!\\s*(?:Prozent|percent|%))`,
  'giu',
);
// Words every match holds: "number of", "Zahl der"; a country or side ("from China", "German", "auf deutscher Seite").
const NUMBER_OF_GATE = keywordGate(['number', 'zahl']);  // "Mitgliederzahl" holds "zahl" too
const ELLIPTIC_GATE = keywordGate(['chin', 'german', 'deutsch']);
// A superset of the unit words (and the bracket a shared noun may stand before), as plain substrings.
const MAY_HOLD_UNIT = /st(?:ä|ae)dte|kommunen|gemeinden|metropolen|cities|towns|municipalit|bundesl|states|provinz|province|mitglied|members|regionen|regions|\(/i;
const NOT_ADJECTIVE = /^(?:jahre?n?|years?|prozent|percent|mal|times|uhr|mio|millionen|million|mrd|milliarden|euro|km|meter|minuten|stunden|tage|wochen|monate)$/iu;
// "seine acht Städte" (a member's own towns), "die beiden Städte", "the two cities" (a reference back).
const POSSESSIVE_BEFORE = /(?:^|\s)(?:seine|seinen|seinem|seiner|ihre|ihren|ihrem|ihrer|its|their|our|unsere|unseren|unserer|die|den|der|the|these|those|diese|beide|beiden|both)\s+$/iu;
const DEFINITE_BEFORE = /(?:^|\s)(?:die|the|Die|The)\s+$/u;
// "… sind Aachen, Ingolstadt und …", "… are Aachen, Ingolstadt and …": a copula followed by a name and a list comma or conjunction.
const COPULA_NAMES = /^\s+(?:sind|waren|are|were)\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?\s*(?:,|und\s|and\s|sowie\s)/u;
const OWNER_CLAUSE = /^\s+(?:of|der|des)\s+(?:the\s+)?(?:[\p{L}'’()-]+\s+){0,5}?[\p{L}'’()-]+(?=\s+(?:sind|waren|are|were)(?![\p{L}])|\s*:)/u;
const COMPOSED_OF_BEFORE = /(?:^|\s)(?:besteht|bestehen|bestand|bestanden|setzt\s+sich|setzte\s+sich)\s+(?:(?:derzeit|aktuell|heute|inzwischen|mittlerweile|nun|jetzt)\s+)?aus\s+(?:(?:insgesamt)\s+)?$/iu;
const OWNER_BEFORE = /(?:^|\s)(?:seine|seinen|ihre|ihren|its|their|unsere|unseren|our)\s+$/iu;
// "gehört zu den sieben deutschen Gründungsstädten", "one of the 18 founding cities": a membership among a counted group.
const AMONG_BEFORE = /(?:^|\s)(?:zu|unter|one\s+of|among)\s+(?:den|the)\s+$/iu;
// "aus 8 Bundesländern", "in elf Provinzen"; for cities only "aus"/"from" ("Vertreter aus elf Mitgliedsstädten").
const ORIGIN_BEFORE = /(?:^|\s)(?:aus|from|in)\s+(?:(?:den|the|insgesamt|total)\s+)?$/iu;

// What opens the list of the counted right after a count: a colon after a copula or the verb's particle, a dash, "namely".
const LIST_OPENER = /^\s*(?:(?:sind|waren|lauten|an|are|were)\s*)?(?::|[–—]\s*(?=\p{Lu})|,\s*(?:nämlich|und\s+zwar|namely|that\s+is|these\s+are)\s*:?\s+(?=\p{Lu}))/u;
// What opens examples of the counted: "darunter", "unter ihnen", "including", "among them".
const EXAMPLES_OPENER = /^\s*(?:an\s*)?(?:,|[–—]|:)?\s*(?:darunter|unter\s+ihnen|unter\s+anderem|u\.\s?a\.|including|among\s+them|among\s+others|such\s+as)\s+(?:(?:auch|also)\s+)?(?=\p{Lu}|die\s|the\s|der\s)/u;

/**
 * Count phrases in `sentence`, whose first character sits at `offset` in the document. `carried` is the last count of
 * the sentence before: "Eighteen cities … signed. Eleven of them are Chinese" takes its noun from there.
 */
export function findCountPhrases(sentence: string, offset: number, language: 'de' | 'en', carried: CountPhrase | null = null): CountPhrase[] {
  // Cheap checks before the big expressions: every phrase has a number, and one of its own needs a unit word.
  if (!mayHoldCardinal(sentence) || (carried === null && !MAY_HOLD_UNIT.test(sentence))) return [];
  const phrases: CountPhrase[] = [];
  HEAD.lastIndex = 0;
  for (const m of allMatches(HEAD, sentence)) {
    const phrase = readPhrase(sentence, m, m.index, language, 0);
    if (phrase && !phrases.some((p) => p.start === phrase.start)) phrases.push(phrase);
  }
  for (const m of NUMBER_OF_GATE(sentence) ? allMatches(NUMBER_OF, sentence) : []) {
    const count = parseCardinal(m[5]!, language);
    const noun = (m[1] ?? m[2] ?? '').trim();
    const unitWord = UNIT_AT_END.exec(noun)?.[0];
    // "Die Mitgliederzahl liegt bei 60": the noun names the members itself.
    const unit = m[3] !== undefined ? 'members' : unitWord ? unitOf(unitWord.replace(/\s+/g, ' ')) : null;
    if (count === null || !Number.isInteger(count) || count <= 0 || !unit) continue;
    phrases.push({
      start: m.index, end: m.index + m[0].length, count, countRaw: m[5]!, qualifier: qualifierOf(m[4]), unit,
      unitFrom: 'own', country: countryOfWords(noun), origin: false, possessive: false, list: null,
    });
  }
  for (const m of ELLIPTIC_GATE(sentence) ? allMatches(ELLIPTIC, sentence) : []) {
    if (phrases.some((p) => m.index >= p.start && m.index < p.end)) continue;
    const earlier = phrases.filter((p) => p.end <= m.index && p.unitFrom !== 'elliptic' && !p.origin);
    const base = earlier[earlier.length - 1] ?? (/(?:of\s+them|davon|darunter)/iu.test(m[0]) && m.index < 3 ? carried ?? undefined : undefined);
    const count = parseCardinal(m[2]!, language);
    if (!base || count === null || !Number.isInteger(count) || count <= 0) continue;
    const country = countryOfWords(m[3] ?? m[4] ?? m[5] ?? m[6]!);
    phrases.push({
      start: m.index, end: m.index + m[0].length, count, countRaw: m[2]!, qualifier: qualifierOf(m[1]), unit: base.unit,
      // "Eleven of them are Chinese: besides Jiaozuo, they are Foshan, …": a part of a count may present its names too.
      unitFrom: 'elliptic', country, origin: false, possessive: false, list: listAt(sentence, m.index + m[0].length),
    });
  }
  phrases.sort((a, b) => a.start - b.start);
  // "aus 20 chinesischen Provinzen und elf Bundesländern": a phrase coordinated with an origin is one too.
  phrases.forEach((p, i) => {
    const previous = phrases[i - 1];
    // Only places of origin coordinate so: "aus 8 Bundesländern und 23 chinesische Städte" counts the cities.
    if (previous?.origin && !p.origin && (p.unit === 'states' || p.unit === 'provinces') && /^\s*(?:,|und|and|sowie|as\s+well\s+as)\s*$/iu.test(sentence.slice(previous.end, p.start))) p.origin = true;
  });
  return phrases
    .map((p) => ({ ...p, country: p.country ?? conjunctCountry(sentence, phrases, p) ?? sideBefore(sentence, p.start), start: p.start + offset, end: p.end + offset, list: p.list && { ...p.list, start: p.list.start + offset, end: p.list.end + offset } }));
}

/**
 * The country a phrase's own conjunct gives it: a place of origin is German or Chinese by its noun (Bundesländer,
 * Provinzen); a count takes a side phrase closing its conjunct ("… auf deutscher Seite und 33 …") or the noun of the
 * origin it comes from ("27 Städte aus zehn Bundesländern"). The conjunct runs to the next count that is no origin.
 */
function conjunctCountry(sentence: string, phrases: CountPhrase[], phrase: CountPhrase): Country | null {
  if (phrase.origin) return impliedCountryOfUnit(phrase.unit) ?? sideAfter(sentence, phrase.end, nextCountAt(sentence, phrases, phrase));
  const to = nextCountAt(sentence, phrases, phrase);
  const side = sideAfter(sentence, phrase.end, to);
  if (side) return side;
  const origins = phrases.filter((o) => o.origin && o.start >= phrase.end && o.start < to).map((o) => impliedCountryOfUnit(o.unit));
  return origins.length && origins.every((c) => c && c === origins[0]) ? origins[0]! : null;
}

/** Where the next count that is no place of origin starts, or the sentence's end. */
function nextCountAt(sentence: string, phrases: CountPhrase[], phrase: CountPhrase): number {
  return phrases.find((o) => o.start >= phrase.end && !o.origin)?.start ?? sentence.length;
}

function readPhrase(sentence: string, m: RegExpMatchArray, start: number, language: 'de' | 'en', depth: number): CountPhrase | null {
  const count = parseCardinal(m[2]!, language);
  if (count === null || !Number.isInteger(count) || count <= 0) return null;
  // "ein", "eine", "one" are articles far more often than counts.
  if (count === 1 && !/^\d/.test(m[2]!)) return null;
  const adjectives = m[3] ?? '';
  if (adjectives.split(/\s+/).some((w) => NOT_ADJECTIVE.test(w))) return null;
  const before = sentence.slice(Math.max(0, start - 24), start);
  // "besteht aus 48 Städten": what the alliance is made of, not where members come from.
  const origin = ORIGIN_BEFORE.test(before) && !COMPOSED_OF_BEFORE.test(before);
  const end = start + m[0].length;
  // "Die sieben deutschen Gründungsstädte sind: …" presents the whole group; "die drei Städte wollen …" refers back.
  // "The seven German founding cities are Aachen, …": a copula naming places presents the group as well.
  const presentedBy = m[4] !== undefined ? listAt(sentence, end)?.kind : undefined;
  const presented = (presentedBy === 'colon' || presentedBy === 'copula' || (m[4] !== undefined && COPULA_NAMES.test(sentence.slice(end)))) && DEFINITE_BEFORE.test(before);
  // "mit ihren 17 deutschen Mitgliedern", "its 62 members": a possessive before a member noun is the alliance's own membership.
  const ownMembers = OWNER_BEFORE.test(before) && m[4] !== undefined && /mitglied|member/iu.test(m[4]);
  const possessive = POSSESSIVE_BEFORE.test(before) && !AMONG_BEFORE.test(before) && !presented && !ownMembers;
  let country = countryOfWords(`${adjectives} ${m[5] ?? ''}`);
  const base = { start, count, countRaw: m[2]!, qualifier: qualifierOf(m[1]), origin, possessive };
  if (m[4]) {
    const unit = unitOf(m[4].replace(/\s+/g, ' '));
    if (!unit) return null;
    return { ...base, end, unit, unitFrom: 'own', country, list: listAt(sentence, end) };
  }
  // Shared noun: the unit comes from the next number's phrase.
  if (depth > 2) return null;
  const paren = bracketAt(sentence, end);
  const afterOwn = paren ? paren.end + 1 : end;
  const join = JOIN.exec(sentence.slice(afterOwn));
  const nextAt = afterOwn + (join?.[0].length ?? 0);
  const next = HEAD_AT.exec(sentence.slice(nextAt));
  if (!next) return null;
  const nextPhrase = readPhrase(sentence, next, nextAt, language, depth + 1);
  if (!nextPhrase) return null;
  return { ...base, end: paren ? end : nextAt + next[0].length, unit: nextPhrase.unit, unitFrom: 'shared', country, list: paren ? { ...paren, kind: 'bracket' } : null };
}

/** A bracket or a colon list right after a phrase. */
function listAt(sentence: string, at: number): CountPhrase['list'] {
  const bracket = bracketAt(sentence, at);
  if (bracket) return { ...bracket, kind: 'bracket' };
  const rest = sentence.slice(at);
  // "Die sieben deutschen Gründungsstädte sind: …", "Der Allianz gehören zwölf Städte an: …", "12 Mitglieder – Aachen, …",
  // "zwölf Städte, nämlich …": a copula or the verb's particle may stand before the colon, a dash or "namely" may stand for it.
  const colon = LIST_OPENER.exec(rest);
  if (colon) return { start: at + colon[0].length, end: sentence.length, kind: 'colon' };
  // "The seven German founding cities are Aachen, Ingolstadt, …": names after a copula, as far as they look like names.
  const copula = COPULA_NAMES.exec(rest);
  if (copula) {
    const names = /^\s+(?:sind|waren|are|were)\s+/u.exec(rest)!;
    return { start: at + names[0].length, end: sentence.length, kind: 'copula' };
  }
  // "Die zwölf deutschen Mitgliedsstädte der ISA sind: …", "The twelve German member cities of the alliance are …": the owner may stand between.
  const owner = OWNER_CLAUSE.exec(rest);
  if (owner) {
    const after = listAt(sentence, at + owner[0].length);
    if (after && after.kind !== 'partial') return after;
  }
  // "30 Städte, darunter Aachen und Köln", "30 cities, including …": some of the counted, not all of them.
  const partial = EXAMPLES_OPENER.exec(rest);
  if (partial) return { start: at + partial[0].length, end: sentence.length, kind: 'partial' };
  return null;
}

/** The bracket opening at `at` (after blanks), as the span inside it. */
function bracketAt(sentence: string, at: number): { start: number; end: number } | null {
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
