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
import { isPlausiblePopulation } from './plausible-population.ts';

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
  name: 'stated' | 'words' | 'noun-of' | 'compound' | 'label' | 'city-of';
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
  // A fact line: "Einwohner: 9,4 Mio.", "Population: 7.5 million", "Einwohnerzahl (2020): 1,2 Millionen".
  { name: 'label', gate: keywordGate(['einw', 'bevölkerung', 'pop', 'inhabitants']), pattern: new RegExp(`(?<![\\p{L}])(?:(?:Einwohner(?:zahl)?|Bevölkerung(?:szahl)?|[Pp]opulation|[Ii]nhabitants)\\s*(?:\\(\\s*(?:Stand\\s+|as\\s+of\\s+)?\\d{4}\\s*\\)\\s*)?:|(?<=\\(\\s*)(?:pop\\.|Einw\\.:?))\\s*${QUALIFIED}${DIGITS}\\s*${MULTIPLIER}?`, 'gu') },
  // "a city of 9 million", "a metropolis of some 15 million": the number after a city noun, with its multiplier and no noun of its own.
  { name: 'city-of', gate: keywordGate(['million', 'mio']), pattern: new RegExp(`(?<=(?:city|metropolis|town|Stadt|Metropole|Millionenstadt)\\s+(?:of|von)\\s+)${QUALIFIED}${DIGITS}\\s*${MULTIPLIER}(?=\\s*(?:[,.;)–—]|in\\s|on\\s|and\\s|und\\s|im\\s|$))`, 'giu') },
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

// Fewer people than this said of a city only by an anaphor ("… leben hier") are a group, not its population.
const SMALLEST_ANAPHORIC_PEOPLE = 10_000;
// "people" and "Menschen" are a population only where the text says they live there.
const PEOPLE_NOUN = new RegExp(`^(?:${PEOPLE})$`, 'iu');
const PEOPLE_CONTEXT = /(?:home\s+to|city\s+of|metropolis\s+of|town\s+of|Stadt\s+mit|Metropole\s+mit|leben|wohnen|lebten|live|living)\s[^.;]{0,40}$/iu;
const LIVING = alternation('livingVerbs');
// "The city has 9 million people", "Qingdao counts some 9 million people": a verb of having right before the number.
const HAS_BEFORE = /(?:^|\s)(?:has|had|have|counts|hat|zählt)\s+$/u;
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
const DESIGNATOR_BEFORE = /(?:Provinz|Partnerprovinz|Bundesland|Freistaat|Land|[Pp]rovince\s+of|[Ss]tate\s+of)\s+$/u;
// "Wuhu, a prefecture-level city in … Province with", "Qingdao is a major seaport in … province with": a noun phrase describing the city.
const CITY_APPOSITIVE_TO_PLACE = /^\s*(?:,\s*|\s+(?:is|ist|was|war)\s+)(?:a|an|eine|einer|ein|the|die)\s+[^,;()]*?\s(?:in|im)\s[^,;()]*$/u;
const METRO_NOUNS = `(?:${alternation('metroNouns')})`;
// "Qingdao, in deren Großraum knapp 7 Millionen Einwohner leben", "Hefei, where 9 million people live",
// "Hefei, whose population exceeds": a clause opened right after a place is about that place.
const RELATIVE_AFTER_PLACE = new RegExp(`^\\s*(?:\\([^()]{0,40}\\)\\s*)?,\\s*(?:${alternation('relativeOpeners')})\\s[^,;:()]*$`, 'iu');
// "die Provinz Anhui mit 60 Millionen Einwohnern", "Anhui province (population 60 million)": the population of the province named last.
const ATTACHED_TO_PLACE = new RegExp(`^\\s*(?:[Pp]rovince\\s*)?(?:\\(\\s*(?:[^()]{0,20}\\s)?|,?\\s+(?:mit|with)\\s+(?:(?:ihren|seinen|its|a|an|einer)\\s+)?(?:[^,;:()]{0,30}?\\s)?)$`, 'u');
// "Im Großraum leben rund 7 Millionen", "In the metropolitan area live …": the area of the city talked about.
const LIVING_IN_METRO = new RegExp(`(?:^|\\s)(?:In|Im|in|im)\\s+(?:(?:der|dem|the|deren|dessen|ihrem|seinem|its)\\s+)?(?:gesamten\\s+|ganzen\\s+|whole\\s+|entire\\s+)?(?:${METRO_NOUNS})\\s+(?:(?:selbst|allein|heute|derzeit|insgesamt)\\s+)?(?:${LIVING})\\s+$`, 'u');
// "Heute hat die Stadt rund 8 Millionen Einwohner", "Insgesamt leben in der Metropole …", "Mit 8 Millionen Einwohnern ist die Stadt …",
// "Today the city has …": a city noun as the clause's subject or place, after an adverbial or the verb, no name in the sentence.
const ANAPHOR_IN_CLAUSE = new RegExp(`^\\s*(?:(?:Located|Situated|Gelegen)\\s+[^,;]{1,60},\\s*)?(?:[\\p{Lu}][\\p{Ll}]+\\s+){0,2}?(?:(?:hat|zählt|umfasst|beherbergt|ist|war|besitzt|leben|wohnen|has|had|is|was|counts|the)\\s+)?(?:in\\s+)?(?:die|der|das|dem|the)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?(?<noun>${CITY_NOUNS}|${METRO_NOUNS})(?![\\p{L}])(?:\\s+(?:selbst|allein|heute|derzeit|insgesamt|today|now))?\\s+(?:(?:hat|zählt|umfasst|beherbergt|leben|wohnen|has|had|counts|is\\s+home\\s+to)\\s+)?$`, 'u');
// "Die Einwohnerzahl liegt bei 8 Millionen", "The population of the city is …", "Ihre Bevölkerung beträgt …": a population noun as the subject.
const POPULATION_NOUN_SUBJECT = new RegExp(`^\\s*(?:Die|The|Ihre|Seine|Its|Deren|Dessen)\\s+(?:gesamte\\s+|total\\s+)?(?:${alternation('populationNouns')})(?:\\s+(?:der|des|of\\s+the)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?(?<noun>${CITY_NOUNS}|${METRO_NOUNS}))?(?![\\p{L}])`, 'u');
// "Rund 8 Millionen Menschen leben hier", "8 million people live there": a place adverb after the verb.
// "Rund 9 Millionen Einwohner hat die Stadt", "9 million people live in the city": the city noun after the number.
const ANAPHOR_AFTER_NUMBER = new RegExp(`^\\s*(?:(?:hat|zählt|umfasst|beherbergt|has)\\s+|(?:leben|wohnen|live|lived|living)\\s+(?:heute\\s+|today\\s+)?(?:in|im)\\s+)(?:(?:die|der|das|dem|the)\\s+)?(?:[\\p{Ll}][\\p{L}-]*\\s+)?(?<noun>${CITY_NOUNS}|${METRO_NOUNS})(?![\\p{L}])`, 'u');
// "Insgesamt leben hier rund 9 Millionen Menschen": a place adverb before the number.
const LIVING_HERE_BEFORE = new RegExp(`^\\s*(?:[\\p{Lu}][\\p{Ll}]+\\s+){0,2}?(?:${LIVING})\\s+(?:(?:heute|derzeit|insgesamt|today|now)\\s+)?(?:hier|dort|here|there)\\s+(?:(?:heute|derzeit|insgesamt|today|now)\\s+)?$`, 'u');
const LIVING_HERE = new RegExp(`^\\s+(?:${LIVING})\\s+(?:(?:heute|derzeit|today|now)\\s+)?(?:hier|dort|da|here|there)(?![\\p{L}])`, 'iu');

/** The populations of the sentence, each given to the city it belongs to (or to none). */
export function readPopulation(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  const found = findPopulations(doc, sentence);
  for (const f of found) {
    const owner = ownerOf(doc, sentence, cities, f);
    if (!owner) continue;
    const second = secondFigure(doc, sentence, f, found);
    if (second && isPlausiblePopulation(owner.city.place, second.value)) {
      push({
        city: owner.city.name, attribute: 'population', value: second.value, qualifier: second.qualifier, start: f.start, end: second.end,
        rule: 'city-attribute/population-second-figure', ...(owner.implied ? { implied: ['city'] } : {}),
      });
    }
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

// "…, im Großraum leben 10 Millionen", "…, davon 4 Millionen in der Kernstadt", "…, with 4 million in the urban area":
// a second figure for the same city, its area or core named, its noun left out.
const SMALLEST_SECOND_FIGURE = 10_000;
const AREA_CUES = `(?:${METRO_NOUNS}|Kernstadt|Innenstadt|Stadtkern|Stadtzentrum|Kerngebiet|Umland|davon|city\\s+proper|urban\\s+core|of\\s+whom|of\\s+which)`;
const SECOND_FIGURE = new RegExp(`^\\s*(?:,|;|\\s[–—]|\\()\\s*(?=[^.;]{0,60}?(?<![\\p{L}])${AREA_CUES}(?![\\p{L}]))[^.;]{0,60}?(?<![\\p{L}\\p{N}.,])${QUALIFIED}${DIGITS}\\s*${MULTIPLIER}?(?<rest>\\s*[\\p{L}-]+)?`, 'u');
// What may follow the second number: nothing, a verb of living, a preposition, or a population noun.
const AFTER_SECOND = new RegExp(`^\\s*(?:in|im|leben|wohnen|live|living|sind|are|of|und|and|${INHABITANTS}|${PEOPLE})$`, 'iu');

/** A second population in the clause after `f`, for the same city (its metropolitan area or its core), if any. */
function secondFigure(doc: AnalysedDocument, sentence: Sentence, f: FoundPopulation, found: readonly FoundPopulation[]): { value: number; qualifier: CountQualifier; end: number } | null {
  const m = SECOND_FIGURE.exec(doc.text.slice(f.end, sentence.end));
  if (!m) return null;
  const groups = m.groups ?? {};
  const rest = groups['rest'];
  if (rest !== undefined && !AFTER_SECOND.test(rest)) return null;
  const end = f.end + m[0].length - (rest?.length ?? 0);
  // A number with its own noun is a population of its own, read and owned by the forms.
  if (found.some((o) => o !== f && o.start < end && f.end < o.end)) return null;
  const written = (groups['number'] ?? '').replace(/[\s\u00a0\u202f]/gu, '');
  const n = parseCardinal(written, /[.,]\d{3}(?!\d)/u.test(written) ? doc.language : 'de');
  if (n === null) return null;
  const value = Math.round(n * multiplierValue(groups['multiplier']));
  // Without a noun, only a figure of a city's size is read: "500" after "im Umland" counts anything.
  if (value < SMALLEST_SECOND_FIGURE || (!groups['multiplier'] && YEAR.test(written))) return null;
  return { value, qualifier: qualifierOf(groups['qualifier']), end };
}

interface Owner {
  city: CityMention;
  implied: boolean;
}

/** Whose population `f` is: the named city the phrase attaches to, else the city an anaphor refers back to. */
function ownerOf(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], f: FoundPopulation): Owner | null {
  // The gazetteer judges the guesses: a population far from a place's known one is another place's.
  const plausible = (city: CityMention) => isPlausiblePopulation(city.place, f.value);
  const named = (city: CityMention | null | undefined): Owner | null => (city ? { city, implied: false } : null);
  const guessed = (city: CityMention | null | undefined): Owner | null => (city && plausible(city) ? { city, implied: false } : null);
  // "Frankfurt schenkte der 16-Millionen-Metropole …": a noun phrase after the sentence's own cities refers to none of them.
  const spoken = new Set(cities.filter((c) => c.end <= f.start).map((c) => c.name));
  const referred = (noun: string, phrase: string): Owner | null => {
    // "Rund 200 Menschen leben hier vom Tourismus": a few people said of a city talked about are no population.
    if (PEOPLE_NOUN.test(f.noun) && f.value < SMALLEST_ANAPHORIC_PEOPLE) return null;
    const city = antecedent(doc, sentence, noun, phrase, spoken, plausible);
    return city ? { city, implied: true } : null;
  };
  const before = doc.text.slice(sentence.start, f.start);
  const after = doc.text.slice(f.end, Math.min(sentence.end, f.end + 80));
  const cityAt = (offset: number, gap: RegExp) => cities.find((c) => c.start >= offset && gap.test(doc.text.slice(offset, c.start)));

  if (f.form === 'compound') {
    // "der 4,5-Millionen-Stadt Yangzhou": the name after; "Die 32-Millionen-Metropole gilt …": the city before.
    if (/Provinz/u.test(f.noun)) return null;
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
  const livingInNoun = new RegExp(`^\\s*(?:${LIVING})\\s`, 'iu').test(after) && !cities.some((c) => c.end <= f.start) ? ANAPHOR_AFTER_NUMBER.exec(after) : null;
  if (livingInNoun && /^\s*[„“"]?\s*$/u.test(before)) return referred(livingInNoun.groups?.['noun'] ?? 'Stadt', doc.text.slice(sentence.start, f.end + livingInNoun[0].length));
  if (PEOPLE_NOUN.test(f.noun) && !PEOPLE_CONTEXT.test(before) && !HAS_BEFORE.test(before) && !LIVING_HERE.test(after)) return null;
  const livingIn = [...cities].reverse().find((c) => c.end <= f.start && LIVING_GAP.test(doc.text.slice(c.end, f.start))
    && IN_BEFORE.test(doc.text.slice(Math.max(sentence.start, c.start - 20), c.start)));
  if (livingIn) return named(livingIn);
  const livingInNounBefore = LIVING_IN_NOUN.exec(before);
  if (livingInNounBefore) return referred(livingInNounBefore.groups?.['noun'] ?? '', before);

  // The place named last before the number decides where a clause or a "mit" ties the number to it.
  const places = [...cities, ...doc.admin1Mentions.filter((a) => a.start >= sentence.start && a.end <= f.start)]
    .filter((c) => c.end <= f.start)
    .sort((a, b) => a.start - b.start);
  const last = places.at(-1);
  // Only a province written as one ("Provinz Anhui", "Anhui province") owns the number; "a city in Guangdong with a population of" is the city's.
  const designated = (c: CityMention) => DESIGNATOR_BEFORE.test(doc.text.slice(Math.max(0, c.start - 30), c.start)) || /^\s*[Pp]rovince(?![\p{L}])/u.test(doc.text.slice(c.end, c.end + 10));
  // "Wuhu, a prefecture-level city in east China's Anhui Province with a population of …": the city noun of an appositive owns it.
  const inCityAppositive = (c: CityMention) => [...cities].reverse().some((city) => city.end <= c.start && CITY_APPOSITIVE_TO_PLACE.test(doc.text.slice(city.end, c.start)));
  if (last && (last.place.type === 'province' || last.place.type === 'state') && designated(last) && !inCityAppositive(last)
    && (ATTACHED_TO_PLACE.test(doc.text.slice(last.end, f.start)) || RELATIVE_AFTER_PLACE.test(doc.text.slice(last.end, f.start)))) return null;
  const relative = [...places].reverse().find((c) => RELATIVE_AFTER_PLACE.test(doc.text.slice(c.end, f.start)));
  if (relative) return relative.place.type === 'province' || relative.place.type === 'state' ? null : guessed(relative);
  const livingInMetro = LIVING_IN_METRO.exec(before);
  if (livingInMetro && !cities.some((c) => c.end <= f.start)) return referred('Stadt', before);

  const appositive = [...cities].reverse().find((c) => c.end <= f.start && APPOSITIVE_BEFORE.test(doc.text.slice(c.end, f.start)));
  if (appositive) return named(appositive);
  if (LEADING_WITH.test(sentence.text) && sentence.start + sentence.text.search(LEADING_WITH) <= f.start && !cities.some((c) => c.end <= f.start)) {
    const subject = cities.find((c) => c.start >= f.end && !isGoverned(doc, c, sentence.start));
    if (subject) return named(subject);
    // "Mit rund 8 Millionen Einwohnern ist die Stadt …", "With 8 million people, the city …": the noun after.
    const noun = new RegExp(`^[^.;:]{0,30}?(?:die|der|das|the)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?(?<noun>${CITY_NOUNS})(?![\\p{L}])`, 'u').exec(after);
    return noun && cities.length === 0 ? referred(noun.groups?.['noun'] ?? '', doc.text.slice(sentence.start, f.end + noun[0].length)) : null;
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
  if (!cities.some((c) => c.end <= f.start)) {
    // No place named before the number: a city noun or a population noun as the subject, or "… leben hier".
    const numberFirst = /^\s*[„“"]?\s*$/u.test(before) ? ANAPHOR_AFTER_NUMBER.exec(after) : null;
    if (numberFirst) return referred(numberFirst.groups?.['noun'] ?? 'Stadt', doc.text.slice(sentence.start, f.end + numberFirst[0].length));
    if (LIVING_HERE_BEFORE.test(before)) return referred('Stadt', before);
    if (f.form === 'label') return referred('Stadt', before);
    const inClause = ANAPHOR_IN_CLAUSE.exec(before);
    if (inClause) return referred(inClause.groups?.['noun'] ?? 'Stadt', before);
    // The noun-of form starts at its noun: "Die " or "Ihre " is all that stands before it.
    const populationNoun = f.form === 'noun-of' && /^\s*(?:Die|The|Ihre|Seine|Its|Deren|Dessen)\s+(?:gesamte\s+|total\s+)?$/u.test(before) ? POPULATION_NOUN_SUBJECT.exec(doc.text.slice(sentence.start, f.end)) : null;
    if (populationNoun) return referred(populationNoun.groups?.['noun'] ?? 'Stadt', before);
    if (LIVING_HERE.test(after) && /^\s*(?:(?:\p{Lu}\p{Ll}+|\p{Ll}+)\s+){0,2}$/u.test(before.replace(/\s*$/u, ' '))) return referred('Stadt', before);
  }
  return guessed([...cities].reverse().find((c) => c.end <= f.start && !PREPOSITION_BEFORE.test(doc.text.slice(Math.max(sentence.start, c.start - 20), c.start))));
}

