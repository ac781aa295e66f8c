/**
 * A city's population in the forms releases write it: "8,16 Millionen Einwohner", "über 15 Mio.
 * Einwohnern", "870 000 Menschen leben in …", "Acht-Millionen-Stadt", "4,5-Millionen-Stadt",
 * "eine Einwohnerzahl von mehr als 8 Millionen", "some 15 million residents", with the qualifier
 * the number carries. Each form finds numbers; one assignment step decides whose they are.
 */
import type { CountQualifier } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import { QUALIFIER_SOURCE, qualifierOf } from '../counts/count-vocabulary.ts';
import { isGoverned } from '../places/governed.ts';
import { CARDINAL_SOURCE, parseCardinal } from '../text/number-words.ts';
import { antecedent } from './antecedent-city.ts';
import type { PushFinding } from './attribute-finding.ts';
import { alternation, MULTIPLIER_SOURCE, multiplierValue } from './attribute-vocabulary.ts';
import { allMatches } from '../text/all-matches.ts';
import { keywordGate } from '../text/keyword-gate.ts';

const INHABITANTS = alternation('inhabitants');
const PEOPLE = alternation('people');
const CITY_NOUNS = `(?:${alternation('cityNouns')})`;
// "immerhin 1,2 Millionen", "rund 870 000", "ca.30 Millionen": an adverb, then a qualifier, glued or not.
export const QUALIFIED = `(?:(?:${alternation('populationAdverbs')})\\s+)?(?:(?<qualifier>${QUALIFIER_SOURCE})\\s*)?`;
// Digits with German, English or spaced grouping ("8.160.000", "870 000"), or a decimal before a multiplier.
export const DIGITS = '(?<number>\\d{1,3}(?:[.,\\u00a0\\u202f ]\\d{3})+(?!\\d)|\\d+(?:[.,]\\d+)?)';
export const MULTIPLIER = `(?:(?<multiplier>${MULTIPLIER_SOURCE})(?![\\p{L}]))`;

/** One way a population is written; `number` (and `multiplier`, `qualifier`, `noun`) are its named groups. */
interface PopulationForm {
  name: 'stated' | 'words' | 'noun-of' | 'compound';
  pattern: RegExp;
  /** False only for texts the pattern cannot match (each match holds one of its keywords): most sentences skip the pattern. */
  gate: (text: string) => boolean;
}

// Every match of the stated and the words form ends in one of these nouns (`inhabitants`, `people` in the vocabulary).
const NOUN_GATE = keywordGate(['einwohner', 'bewohner', 'menschen', 'inhabitants', 'residents', 'people']);

const FORMS: readonly PopulationForm[] = [
  // "rund 246.000 Einwohnern", "über 15 Mio. Einwohnern", "some 15 million residents".
  { name: 'stated', gate: NOUN_GATE, pattern: new RegExp(`(?<![\\p{L}\\p{N}.,])${QUALIFIED}${DIGITS}\\s*${MULTIPLIER}?\\s+(?<noun>${INHABITANTS}|${PEOPLE})(?![\\p{L}])`, 'giu') },
  // "knapp drei Millionen Einwohnern", "some two million residents": a number word needs its multiplier.
  { name: 'words', gate: NOUN_GATE, pattern: new RegExp(`(?<![\\p{L}\\p{N}])${QUALIFIED}(?<number>${CARDINAL_SOURCE})\\s+${MULTIPLIER}\\s+(?<noun>${INHABITANTS}|${PEOPLE})(?![\\p{L}])`, 'giu') },
  // "eine Einwohnerzahl von mehr als 8 Millionen", "a population of about 4.5 million".
  { name: 'noun-of', gate: keywordGate(['einwohnerzahl', 'bevölkerung', 'population']), pattern: new RegExp(`(?<![\\p{L}])(?:${alternation('populationNouns')})\\s+(?:(?:${alternation('populationLinks')})\\s+)${QUALIFIED}${DIGITS}\\s*${MULTIPLIER}?`, 'giu') },
  // "Die Acht-Millionen-Stadt", "der 4,5-Millionen-Stadt Yangzhou", "Die 32-Millionen-Metropole".
  { name: 'compound', gate: keywordGate(['mio', 'million']), pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?<number>\\d+(?:,\\d+)?|${CARDINAL_SOURCE})-(?<multiplier>Millionen|Million|Mio\\.?)-(?<noun>${alternation('compoundHeads')})(?![\\p{L}])`, 'giu') },
];

interface FoundPopulation {
  form: PopulationForm['name'];
  value: number;
  qualifier: CountQualifier;
  noun: string;
  start: number;
  end: number;
}

// Numbers a population is never: a year without a multiplier ("Bevölkerung ist 2019 …"), a handful.
const SMALLEST_POPULATION = 100;
const YEAR = /^(?:1[89]|20)\d\d$/u;

/** Every population written in the sentence, once each (a span read by two forms counts once). */
export function findPopulations(doc: AnalysedDocument, sentence: Sentence): FoundPopulation[] {
  const found: FoundPopulation[] = [];
  for (const form of FORMS) {
    if (!form.gate(sentence.text)) continue;
    for (const m of allMatches(form.pattern, sentence.text)) {
      const groups = m.groups ?? {};
      const written = groups['number'] ?? '';
      if (form.name === 'words' && /^\d/u.test(written)) continue; // digits are the stated form's
      const multiplier = groups['multiplier'];
      if (!multiplier && YEAR.test(written)) continue;
      const compact = written.replace(/[\s\u00a0\u202f]/gu, '');
      const n = parseCardinal(compact, /[.,]\d{3}(?!\d)/u.test(compact) ? doc.language : 'de');
      if (n === null) continue;
      const value = Math.round(n * multiplierValue(multiplier));
      if (value < SMALLEST_POPULATION) continue;
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ form: form.name, value, qualifier: qualifierOf(groups['qualifier']), noun: groups['noun'] ?? '', start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// "people" and "Menschen" are a population only where the text says they live there.
const PEOPLE_NOUN = new RegExp(`^(?:${PEOPLE})$`, 'iu');
const PEOPLE_CONTEXT = /(?:home\s+to|city\s+of|metropolis\s+of|town\s+of|Stadt\s+mit|Metropole\s+mit|leben|wohnen|lebten|live|living)\s[^.;]{0,40}$/iu;
const LIVING = alternation('livingVerbs');
// "870 000 Menschen leben in Laizhou": the city after the verb.
const LIVING_IN_AFTER = new RegExp(`^\\s+(?:${LIVING})\\s+(?:(?:heute|derzeit|today)\\s+)?(?:in|im)\\s+(?:(?:der|dem|the)\\s+)?(?:${CITY_NOUNS}\\s+)?$`, 'iu');
// "In Laizhou leben rund …": the place before the verb; "In der Hauptstadt selbst leben rund 3 Mio. Einwohner": a noun for it.
const LIVING_GAP = new RegExp(`^\\s+(?:(?:selbst|allein|heute|derzeit)\\s+)?(?:${LIVING})\\s+$`, 'iu');
const LIVING_IN_NOUN = new RegExp(`(?:^|\\s)(?:In|Im|in|im)\\s+(?:(?:der|dem|the)\\s+)?(?<noun>${CITY_NOUNS})\\s+(?:(?:selbst|allein|heute|derzeit)\\s+)?(?:${LIVING})\\s+$`, 'u');
const IN_BEFORE = /(?:^|\s)(?:In|Im|in|im)\s+(?:(?:der|dem|the)\s+)?(?:Stadt\s+|city\s+of\s+)?$/u;
// "die 8 Mio. Einwohner zählende Küstenmetropole", "das … zählende Weihai": the noun or city after the participle.
const PARTICIPLE_AFTER = new RegExp(`^\\s+(?:${alternation('populationParticiples')})\\s+`, 'iu');
const NOUN_AFTER_PARTICIPLE = new RegExp(`^(?:[\\p{L}-]+\\s+)?(?<noun>${CITY_NOUNS})(?![\\p{L}])`, 'u');
// "Foshan, einer Stadt mit 9,6 Mio. Einwohnern", "Kelsterbach, a town of about 17,000 residents": the city before the comma.
const APPOSITIVE_BEFORE = /,\s*(?:eine[rm]?|a|an|the|die|der)\s+(?:[\p{L}-]+\s+){0,3}?(?:mit|of|with)\s*$/u;
// "With about 1.1 million inhabitants, Cologne …": the city after the comma.
const LEADING_WITH = /^\s*(?:Mit|With|Home\s+to|Heimat\s+von)\s/u;
const ANAPHOR_SUBJECT = new RegExp(`^(?:\\s*[„“"]?)(?:Die|Der|Das|The|Diese|Dieser|This)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?(?<noun>${CITY_NOUNS})(?![\\p{L}])|^(?:\\s*)(?:Sie|It|Its|Ihre|Seine)\\s`, 'u');
// "Für die Stadt mit ihren rund 246.000 Einwohnern", "zu einer Mega-Metropole mit über 15 Mio.": the noun right before the number.
// "Für den Kreis mit seinen neun Städten und rund 325.000 Einwohnern": other parts may be counted before the population.
const ANAPHOR_WITH_BEFORE = new RegExp(`(?:^|[\\s„“"(])(?:die|der|das|den|dem|the|eine|einer|einem|a|an)\\s+(?:[\\p{L}][\\p{L}-]*\\s+)?(?<noun>${CITY_NOUNS}),?\\s+(?:mit|with)\\s+(?:(?:ihren|seinen|its)\\s+)?(?:[^,.;:]{1,40}?\\s+(?:und|and)\\s+)?$`, 'u');
const PREPOSITION_BEFORE = /(?:in|im|nach|aus|von|of|at|to|Westen|Osten|Norden|Süden)\s+(?:der|dem|the)?\s*$/u;

/** The populations of the sentence, each given to the city it belongs to (or to none). */
export function readPopulation(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  for (const f of findPopulations(doc, sentence)) {
    const owner = ownerOf(doc, sentence, cities, f);
    if (!owner) continue;
    push({
      city: owner.city.name,
      attribute: 'population',
      value: f.value,
      qualifier: f.qualifier,
      start: owner.implied ? Math.min(sentence.start, f.start) : Math.min(owner.city.start, f.start),
      end: Math.max(f.end, owner.city.end <= sentence.end ? owner.city.end : f.end),
      rule: `city-attribute/population-${f.form}`,
      ...(owner.implied ? { implied: ['city'] } : {}),
    });
  }
}

interface Owner {
  city: CityMention;
  implied: boolean;
}

/** Whose population `f` is: the named city the phrase attaches to, else the city an anaphor refers back to. */
function ownerOf(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], f: FoundPopulation): Owner | null {
  const named = (city: CityMention | null | undefined): Owner | null => (city ? { city, implied: false } : null);
  // "Frankfurt schenkte der 16-Millionen-Metropole …": a noun phrase after the sentence's own cities refers to none of them.
  const spoken = new Set(cities.filter((c) => c.end <= f.start).map((c) => c.name));
  const referred = (noun: string, phrase: string): Owner | null => {
    const city = antecedent(doc, sentence, noun, phrase, spoken);
    return city ? { city, implied: true } : null;
  };
  const before = doc.text.slice(sentence.start, f.start);
  const after = doc.text.slice(f.end, Math.min(sentence.end, f.end + 80));
  const cityAt = (offset: number, gap: RegExp) => cities.find((c) => c.start >= offset && gap.test(doc.text.slice(offset, c.start)));

  if (f.form === 'compound') {
    // "der 4,5-Millionen-Stadt Yangzhou": the name after; "Die 32-Millionen-Metropole gilt …": the city before.
    return named(cityAt(f.end, /^\s*$/u)) ?? referred(f.noun, doc.text.slice(sentence.start, f.end));
  }
  const participle = PARTICIPLE_AFTER.exec(after);
  if (participle) {
    const from = f.end + participle[0].length;
    const city = cityAt(from, /^(?:[\p{L}-]+\s+){0,2}$/u);
    if (city && city.start - from < 40) return named(city);
    const noun = NOUN_AFTER_PARTICIPLE.exec(doc.text.slice(from, from + 60));
    return noun ? referred(noun.groups?.['noun'] ?? '', doc.text.slice(sentence.start, from + noun[0].length)) : null;
  }
  const livingAfter = cities.find((c) => c.start >= f.end && LIVING_IN_AFTER.test(doc.text.slice(f.end, c.start)));
  if (livingAfter) return named(livingAfter);
  if (PEOPLE_NOUN.test(f.noun) && !PEOPLE_CONTEXT.test(before)) return null;
  const livingIn = [...cities].reverse().find((c) => c.end <= f.start && LIVING_GAP.test(doc.text.slice(c.end, f.start))
    && IN_BEFORE.test(doc.text.slice(Math.max(sentence.start, c.start - 20), c.start)));
  if (livingIn) return named(livingIn);
  const livingInNoun = LIVING_IN_NOUN.exec(before);
  if (livingInNoun) return referred(livingInNoun.groups?.['noun'] ?? '', before);

  const appositive = [...cities].reverse().find((c) => c.end <= f.start && APPOSITIVE_BEFORE.test(doc.text.slice(c.end, f.start)));
  if (appositive) return named(appositive);
  if (LEADING_WITH.test(sentence.text) && sentence.start + sentence.text.search(LEADING_WITH) <= f.start && !cities.some((c) => c.end <= f.start)) {
    return named(cities.find((c) => c.start >= f.end && !isGoverned(doc, c, sentence.start)));
  }
  const anaphor = ANAPHOR_SUBJECT.exec(sentence.text);
  if (anaphor) {
    // "Die Stadt Qingdao heißt …": a name right after the noun is no anaphor.
    const nounEnd = sentence.start + anaphor.index + anaphor[0].length;
    const namedRight = cities.find((c) => c.start >= nounEnd && /^\s*$/u.test(doc.text.slice(nounEnd, c.start)));
    if (namedRight && namedRight.end <= f.start) return named(namedRight);
    return referred(anaphor.groups?.['noun'] ?? '', sentence.text.slice(0, anaphor.index + anaphor[0].length));
  }
  const withBefore = ANAPHOR_WITH_BEFORE.exec(before);
  if (withBefore) {
    // A city named in the sentence before the noun phrase is its subject ("Für Gelsenkirchen, die Stadt mit …").
    const subject = cities.find((c) => c.end <= f.start && !isGoverned(doc, c, sentence.start));
    return named(subject) ?? referred(withBefore.groups?.['noun'] ?? '', before);
  }
  return named([...cities].reverse().find((c) => c.end <= f.start && !PREPOSITION_BEFORE.test(doc.text.slice(Math.max(sentence.start, c.start - 20), c.start))));
}

