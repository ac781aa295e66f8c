/**
 * A province, Land or capital said of a city that the clause does not name right before it: "Die
 * Stadt ist die Hauptstadt der Provinz Shandong", "Sie liegt in der ostchinesischen Provinz Anhui",
 * "It is the capital of Hubei province", "… und ist Hauptstadt der Provinz Jiangsu", "Jinan, mit
 * seiner 2600 Jahre alten Geschichte, ist die Hauptstadt …", and the province before its capital:
 * "die Provinz Shandong mit ihrer Hauptstadt Jinan", "Anhui's capital, Hefei". The gazetteer judges
 * which city is meant: the latest one talked about that lies in that province (or is its capital),
 * so a province phrase about something else ("die Delegation aus der Provinz") places no city.
 */
import type { CityAttributeName } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import { isGoverned } from '../places/governed.ts';
import { allMatches } from '../text/all-matches.ts';
import { admin1Of } from './admin1-of.ts';
import type { PushFinding } from './attribute-finding.ts';
import { alternation } from './attribute-vocabulary.ts';

const ADMIN1_NAME = '\\p{Lu}[\\p{L}]+(?:[-\\s]\\p{Lu}[\\p{L}]+){0,2}';
// Adjectives and possessives before the designator: "der ostchinesischen", "east China's", "the southern Chinese".
const DESCRIPTORS = "(?:(?:[\\p{Ll}][\\p{L}-]*|Chinese|German|(?:\\p{Ll}+\\s+)?China['’]s)\\s+){0,3}?";
const DESIGNATOR = '(?<designator>Provinz|Partnerprovinz|Bundesland(?:es)?|Landes|Freistaat(?:e?s)?|province\\s+of|state\\s+of)';
const ADMIN1 = `(?:${DESIGNATOR}\\s+)?(?<admin1>${ADMIN1_NAME})(?<after>\\s+[Pp]rovince)?(?![\\p{L}'’])`;
const CITY_NOUNS = `(?:${alternation('cityNouns')}|[\\d,]+-Millionen-\\p{L}+|\\p{Lu}\\p{Ll}+-Millionen-\\p{L}+)`;
// "ist sie die Hauptstadt", "liegt die Stadt in": a pronoun or city noun as the subject after the verb.
const INVERTED = `(?:(?<inverted>sie|es|die\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?${CITY_NOUNS})\\s+)?`;
// "ist zugleich", "ist seit 1949", "is also": words between the verb and its predicate.
const ADVERBS = '(?:(?:auch|zudem|außerdem|ebenfalls|heute|zugleich|gleichzeitig|bereits|schon|seit\\s+\\d{4}|seit\\s+\\p{Ll}+|also|today|now|since\\s+\\d{4})\\s+)*';
// "Hauptstadt", "Hauptstadt und größte Stadt", "Sitz der Provinzregierung", "capital city", "seat of the provincial government".
const CAPITAL_NOUN = '(?:Hauptstadt|Provinzhauptstadt|Landeshauptstadt|capital(?:\\s+city)?|provincial\\s+capital|Sitz\\s+der\\s+Provinzregierung|Regierungssitz|seat\\s+of\\s+the\\s+provincial\\s+government)'
  + '(?:\\s+(?:und|and)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+){0,2}(?:Stadt|city))?';
// "im Süden der Provinz …", "in the north of …": a part of the province.
const PART_OF = '(?:(?:Norden|Süden|Osten|Westen|Nordosten|Nordwesten|Südosten|Südwesten|Zentrum|Herzen|Mitte|north|south|east|west|north-east|north-west|south-east|south-west|northeast|northwest|southeast|southwest|heart|centre|center|middle)\\s+(?:der|des|of)\\s+(?:the\\s+)?)?';
// "ist die Hauptstadt der …", "is the capital of …", "gilt als Hauptstadt …".
const CAPITAL_PREDICATE = new RegExp(
  `(?<![\\p{L}])(?:ist|war|wurde|is|was|became|serves\\s+as|gilt\\s+als)\\s+${INVERTED}${ADVERBS}(?:die\\s+|the\\s+)?(?:[\\p{Ll}][\\p{L}-]*\\s+)?`
  + `${CAPITAL_NOUN}\\s+(?:(?:der|des|von|of)\\s+(?:the\\s+)?)?${DESCRIPTORS}${ADMIN1}`, 'gu');
// "ist eine kreisfreie Stadt in der Provinz …", "ist die größte Stadt der Provinz …", "is a coastal city in east China's …",
// "is one of the largest cities of …": a predicate noun for a city, placed in the province.
const NOMINAL_PREDICATE_SOURCE = `(?<![\\p{L}])(?:ist|war|is|was)\\s+${INVERTED}${ADVERBS}(?:eine[rms]?\\s+der|one\\s+of\\s+the|eine?|a|an|die|the)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+){0,3}`
  + `(?:Stadt|Städte|Großstadt|Großstädte|Hafenstadt|Metropole|Metropolen|Industriestadt|city|cities|town|metropolis|port\\s+city|port)\\s+(?:(?:in|im|der|des|of|in\\s+der)\\s+)(?:(?:der|dem|the)\\s+)?${DESCRIPTORS}${ADMIN1}`;
// "liegt in der Provinz …", "befindet sich im Freistaat …", "gehört zur Provinz …", "lies in … province", "is located in …".
const NOMINAL_PREDICATE = new RegExp(NOMINAL_PREDICATE_SOURCE, 'gu');
const PLACEMENT_PREDICATE = new RegExp(
  `(?<![\\p{L}])(?:liegt|lag|befindet\\s+sich|gehört|zählt|lies|is\\s+located|is\\s+situated|located|situated|belongs)\\s+${INVERTED}${ADVERBS}(?:in|im|zu|zur|zum|to)\\s+(?:(?:der|dem|the)\\s+)?${PART_OF}${DESCRIPTORS}${ADMIN1}`, 'gu');
// "…, die in der Provinz Shandong liegt", "die im Süden der Provinz Anhui gelegene Stadt": the verb after its place.
const VERB_FINAL_PLACEMENT = new RegExp(`(?<![\\p{L}])(?:in|im)\\s+(?:(?:der|dem)\\s+)?${PART_OF}${DESCRIPTORS}${ADMIN1}\\s+(?<verb>liegt|lag|liegende\\p{L}*|gelegen\\p{L}*|befindet|befindliche\\p{L}*)(?![\\p{L}])`, 'gu');
// The frames a verb-final placement stands in: a relative clause after a city or city noun, or an attribute before one.
const RELATIVE_OPENER_BEFORE = /,\s*(?:die|der|das|welche[rs]?)\s+(?:(?:sich|heute|ebenfalls|auch)\s+)?$/u;
// "Die Hauptstadt der Provinz Anhui hat …", "The capital of Hubei province is …": the capital as the subject, named before.
const CAPITAL_SUBJECT = new RegExp(`^\\s*[„“"]?\\s*(?:Die|The|Der)\\s+${CAPITAL_NOUN}\\s+(?:der|des|von|of)\\s+(?:the\\s+)?${DESCRIPTORS}${ADMIN1}`, 'u');
// The subject before the predicate is an anaphor: "Die Stadt", "Die im Osten Chinas gelegene Hafenstadt", "Die Stadt mit
// 9 Millionen Einwohnern", "Die 9-Millionen-Metropole", "Sie", "It", "The city"; an adverbial may open the clause.
const ANAPHOR_SUBJECT = new RegExp(`^\\s*[„“"]?\\s*(?:(?:Heute|Today|Zudem|Außerdem|Also|Seit\\s+\\d{4},?|Since\\s+\\d{4},)\\s+)?(?:Sie|Es|It|(?:Die|Der|Das|The|Diese|Dieser|This)\\s+`
  + `(?:(?:im|am|an\\s+der|in\\s+der|in)\\s+\\p{Lu}[\\p{L}]+(?:\\s+\\p{Lu}[\\p{L}]+)?\\s+)?(?:[\\p{Ll}][\\p{L}-]*\\s+){0,2}(?<noun>${CITY_NOUNS}))(?![\\p{L}])`
  // "Die Stadt am Gelben Meer", "The city on the Yangtze": a place phrase after the noun.
  + `(?:\\s+(?:am|an\\s+der|im|in\\s+der|on\\s+the|in\\s+the)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?\\p{Lu}[\\p{L}-]+(?:\\s+\\p{Lu}[\\p{L}-]+)?)?`
  + `(?:\\s+(?:mit|with)\\s[^,;:.]{1,50}?|\\s*,[^,;:.]{1,80},)?\\s*(?:\\s(?:selbst|itself))?\\s*,?\\s*$`, 'u');
// "Im Osten der Provinz Shandong liegt die Hafenstadt Qingdao", "In der Provinz Shandong gelegen, ist die Stadt …": the place first.
const LOCATIVE_FIRST = new RegExp(`^\\s*(?:In|Im)\\s+(?:(?:der|dem)\\s+)?${PART_OF}${DESCRIPTORS}${ADMIN1}\\s+(?:liegt|lag|befindet\\s+sich|gelegen\\s*,?\\s*(?:ist|hat|zählt|gilt)?)\\s+`, 'u');
// "Als Hauptstadt der Provinz Shandong ist die Stadt …", "As the capital of Hubei, Wuhan …", "Located in Shandong province, the city …".
const LEADING_APPOSITION = new RegExp(`^\\s*(?:(?:Als|As)\\s+(?:die\\s+|the\\s+)?(?<capital>${CAPITAL_NOUN})\\s+(?:der|des|von|of)\\s+(?:the\\s+)?`
  + `|(?:Located|Situated|Gelegen)\\s+(?:in|im)\\s+(?:(?:der|dem|the)\\s+)?${PART_OF})${DESCRIPTORS}${ADMIN1}\\s*(?:,|(?=\\s+(?:ist|hat|zählt|gilt)\\s))`, 'u');
// "… hat 9 Millionen Einwohner und ist die Hauptstadt …": a predicate coordinated with the clause before, its subject left out.
const COORDINATED_PREDICATE = /\s(?:und|and|sowie)\s+$/u;
// "Jinan, mit seiner über 2600 Jahre alten Geschichte, ist …", "Hefei (Anhui) ist …": a named subject and an insertion.
const INSERTION = /^\s*(?:,[^;:]{1,120},|\([^()]{1,80}\))\s*$/u;
// What may stand before a named subject: "Die Stadt Jinan, …", "Die ostchinesische Metropole Jinan (…)".
const BEFORE_NAMED_SUBJECT = new RegExp(`^\\s*[„“"]?\\s*(?:(?:Die|Der|Das|The)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?(?:${alternation('cityNouns')})\\s+(?:of\\s+)?)?$`, 'u');
// "Jinan – die Hauptstadt der Provinz Shandong –", "Jinan (Hauptstadt der Provinz Shandong)", "Jinan, Hauptstadt von …": an apposition
// the phrase rules do not reach (a dash ends their clause).
const CAPITAL_APPOSITION = new RegExp(`^\\s*(?:[–—(]|,)\\s*(?:die\\s+|der\\s+|the\\s+)?(?:[\\p{Ll}][\\p{L}-]*\\s+)?${CAPITAL_NOUN}\\s+(?:(?:der|des|von|of)\\s+(?:the\\s+)?)?${DESCRIPTORS}${ADMIN1}`, 'u');
// "Jinan, Shandong's provincial capital", "Hefei, Anhuis Hauptstadt": the admin1 as a possessive after the city.
const POSSESSIVE_CAPITAL_AFTER = /^(?:['’]s|s)\s+(?:provincial\s+capital|capital(?:\s+city)?|Hauptstadt|Provinzhauptstadt|Landeshauptstadt)(?![\p{L}])/u;
// "die Provinz Shandong mit ihrer Hauptstadt Jinan", "Anhuis Hauptstadt Hefei", "Anhui's capital, Hefei", "deren Hauptstadt Jinan".
const CAPITAL_AFTER_ADMIN1 = /^(?:\s+[Pp]rovince)?(?:\s*,?\s+(?:mit\s+(?:ihrer|seiner|der)|deren|dessen|whose|with\s+its|and\s+its|und\s+(?:ihre|seine|deren))|['’]s|s)\s+(?:[\p{Ll}][\p{L}-]*\s+)?(?:Hauptstadt|Provinzhauptstadt|Landeshauptstadt|capital(?:\s+city)?|provincial\s+capital)\s*,?\s*$/u;
// How many sentences back an anaphor may reach for its city.
const SENTENCES_BACK = 2;

export function readPredicatedAdmin1(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  const subject = CAPITAL_SUBJECT.exec(sentence.text);
  const leading = LEADING_APPOSITION.exec(sentence.text);
  const locativeFirst = LOCATIVE_FIRST.exec(sentence.text);
  const predicates = [
    ...(subject && !cities.some((c) => c.start < sentence.start + subject[0].length) ? [{ m: subject, capital: true }] : []),
    ...(leading && !cities.some((c) => c.start < sentence.start + leading[0].length) ? [{ m: leading, capital: leading.groups?.['capital'] !== undefined }] : []),
    ...(locativeFirst && !cities.some((c) => c.start < sentence.start + locativeFirst[0].length) ? [{ m: locativeFirst, capital: false }] : []),
    ...allMatches(CAPITAL_PREDICATE, sentence.text).map((m) => ({ m, capital: true })),
    ...allMatches(PLACEMENT_PREDICATE, sentence.text).map((m) => ({ m, capital: false })),
    ...allMatches(NOMINAL_PREDICATE, sentence.text).map((m) => ({ m, capital: false })),
    ...allMatches(VERB_FINAL_PLACEMENT, sentence.text).map((m) => ({ m, capital: false })),
  ];
  for (const { m, capital } of predicates) {
    const groups = m.groups ?? {};
    const designated = groups['designator'] !== undefined || groups['after'] !== undefined;
    const admin1 = admin1Of(doc, groups['admin1'] ?? '', designated);
    if (!admin1) continue;
    const at = sentence.start + m.index;
    const end = at + m[0].length;
    const candidates = m === subject ? previousCities(doc, sentence, true)
      : m === leading || m === locativeFirst ? leadingCandidates(doc, sentence, cities, end)
        : groups['verb'] !== undefined ? verbFinalCandidates(doc, sentence, cities, at, end, groups['verb'])
          : subjectCandidates(doc, sentence, cities, at, groups['inverted'] !== undefined);
    const fits = (c: CityMention) => c.country === admin1.country && c.name !== admin1.name && c.place.type !== 'province' && c.place.type !== 'state'
      && (capital ? c.place.capitalOf === admin1.name : c.place.admin1 === admin1.name);
    const city = candidates.find(fits);
    if (!city) continue;
    const placement: CityAttributeName = admin1.country === 'CN' ? 'province' : 'state';
    const implied = city.end <= sentence.start ? { implied: ['city'] } : {};
    const start = city.end <= sentence.start ? at : city.start;
    if (capital) push({ city: city.name, attribute: 'capital_of', value: admin1.name, start, end, rule: 'city-attribute/capital-predicated', ...implied });
    // "Hauptstadt der Provinz Zhejiang" also names the province the city lies in; "Hauptstadt von Nordrhein-Westfalen" only the capital.
    if (!capital || designated) push({ city: city.name, attribute: placement, value: admin1.name, start, end, rule: `city-attribute/${placement}-predicated`, ...implied });
  }
  readCapitalAfterAdmin1(doc, sentence, cities, push);
  readCapitalApposition(doc, sentence, cities, push);
}

/** "Jinan – die Hauptstadt der Provinz Shandong –", "Jinan, Shandong's provincial capital": an apposition naming the capital. */
function readCapitalApposition(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  for (const city of cities) {
    if (city.place.type === 'province' || city.place.type === 'state') continue;
    const after = doc.text.slice(city.end, Math.min(sentence.end, city.end + 120));
    const m = CAPITAL_APPOSITION.exec(after);
    if (m) {
      const groups = m.groups ?? {};
      const designated = groups['designator'] !== undefined || groups['after'] !== undefined;
      const admin1 = admin1Of(doc, groups['admin1'] ?? '', designated);
      if (admin1 && admin1.country === city.country && admin1.name !== city.name) {
        const end = city.end + m[0].length;
        push({ city: city.name, attribute: 'capital_of', value: admin1.name, start: city.start, end, rule: 'city-attribute/capital-apposition' });
        if (designated) push({ city: city.name, attribute: admin1.country === 'CN' ? 'province' : 'state', value: admin1.name, start: city.start, end, rule: 'city-attribute/capital-apposition' });
      }
      continue;
    }
    const mention = doc.admin1Mentions.find((a) => a.start >= city.end && /^\s*,\s*(?:the\s+|die\s+)?$/u.test(doc.text.slice(city.end, a.start)));
    // The mention may hold the possessive itself ("Shandong's").
    const possessive = mention ? POSSESSIVE_CAPITAL_AFTER.exec((/(?:['’]s|s)$/u.exec(mention.raw)?.[0] ?? '') + doc.text.slice(mention.end, mention.end + 40)) : null;
    if (!mention || !possessive || mention.country !== city.country || mention.name === city.name) continue;
    const end = mention.end + possessive[0].length - (/(?:['’]s|s)$/u.exec(mention.raw)?.[0].length ?? 0);
    push({ city: city.name, attribute: 'capital_of', value: mention.name, start: city.start, end, rule: 'city-attribute/capital-apposition' });
    if (/provincial|Provinz/u.test(possessive[0])) push({ city: city.name, attribute: 'province', value: mention.name, start: city.start, end, rule: 'city-attribute/capital-apposition' });
  }
}

/** Who the predicate at `at` may be said of, nearest first; empty when the clause has a subject of its own that is no city. */
function subjectCandidates(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], at: number, inverted: boolean): CityMention[] {
  const before = doc.text.slice(sentence.start, at);
  const earlier = cities.filter((c) => c.end <= at);
  // "Seit 1949 ist sie die Hauptstadt …": the anaphor after the verb, an adverbial before it.
  if (inverted) return earlier.length === 0 && /^\s*[„“"]?\s*(?:[\p{Lu}][\p{Ll}]+(?:\s+\d{4})?\s+)?$/u.test(before) ? previousCities(doc, sentence, true) : [];
  const first = earlier[0];
  // A named subject with an insertion before its verb.
  if (first && BEFORE_NAMED_SUBJECT.test(doc.text.slice(sentence.start, first.start)) && INSERTION.test(doc.text.slice(first.end, at))) return [first];
  if (COORDINATED_PREDICATE.test(before)) {
    const subjects = earlier.filter((c) => !isGoverned(doc, c, sentence.start));
    return subjects.length > 0 ? subjects : previousCities(doc, sentence, earlier.length === 0);
  }
  if (earlier.length === 0 && ANAPHOR_SUBJECT.test(before)) return previousCities(doc, sentence, true);
  return [];
}

/** The city a verb-final placement is said of: the head of its relative clause, or the noun its participle modifies. */
function verbFinalCandidates(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], at: number, end: number, verb: string): CityMention[] {
  const before = doc.text.slice(sentence.start, at);
  const relative = RELATIVE_OPENER_BEFORE.exec(before);
  const nounBefore = new RegExp(`(?:^|\\s)(?:die|der|das|the)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?${CITY_NOUNS}\\s*$`, 'u');
  if (relative && /^(?:liegt|lag|befindet)$/u.test(verb)) {
    const head = before.slice(0, relative.index);
    // "Qingdao, die …": the city; "Die Hafenstadt, die …" with no name in the sentence: the city talked about.
    const named = [...cities].reverse().find((c) => c.end <= sentence.start + relative.index && /^\s*$/u.test(doc.text.slice(c.end, sentence.start + relative.index)));
    if (named) return [named];
    return !cities.some((c) => c.end <= at) && nounBefore.test(head) ? previousCities(doc, sentence, true) : [];
  }
  if (/^(?:gelegen|liegend|befindlich)/u.test(verb)) {
    // "die in der Provinz Anhui gelegene Stadt Hefei", "die … gelegene Hafenstadt": the noun after, with its name or without.
    const after = doc.text.slice(end, Math.min(sentence.end, end + 60));
    const noun = new RegExp(`^\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?(?:${CITY_NOUNS})(?![\\p{L}])`, 'u').exec(after);
    const named = cities.find((c) => c.start >= end && /^\s+(?:[\p{Ll}][\p{L}-]*\s+)?(?:\p{L}+\s+)?$/u.test(doc.text.slice(end, c.start)));
    if (named) return [named];
    return noun && !cities.some((c) => c.end <= at) && /(?:^|\s)(?:[Dd]ie|[Dd]er|[Dd]as|den|dem)\s+$/u.test(before) ? previousCities(doc, sentence, true) : [];
  }
  return [];
}

/** After a leading apposition: the subject named right after it, else the city an anaphor there refers to. */
function leadingCandidates(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], from: number): CityMention[] {
  const next = cities.find((c) => c.start >= from);
  const rest = doc.text.slice(from, next ? next.start : sentence.end);
  if (next && new RegExp(`^\\s*(?:(?:ist|is|hat|has|zählt|gilt|liegt)\\s+)?(?:(?:die|der|das|the)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?${CITY_NOUNS}\\s+)?$`, 'u').test(rest)) return [next];
  // "…, the city is a hub", "… ist die Stadt ein Zentrum", "…, it has".
  const anaphor = /^\s*(?:(?:ist|hat|zählt|gilt|liegt)\s+)?(?:it|sie|es|(?:die|der|das|the)\s+(?:[\p{Ll}][\p{L}-]*\s+)?(?:Stadt|Metropole|city|metropolis|\p{Lu}\p{Ll}*stadt|\p{Lu}\p{Ll}*metropole))(?![\p{L}])/iu;
  return anaphor.test(rest) ? previousCities(doc, sentence, true) : [];
}

/** Cities of the sentences just before, latest first (the document's own city last), within the paragraph or the one before. */
function previousCities(doc: AnalysedDocument, sentence: Sentence, allowed: boolean): CityMention[] {
  if (!allowed) return [];
  const from = doc.sentences[Math.max(0, sentence.index - SENTENCES_BACK)]!.start;
  const found = doc.cities.filter((c) => c.start >= from && c.end <= sentence.start).reverse();
  return doc.mainCity && doc.mainCity.start < sentence.start ? [...found, doc.mainCity] : found;
}

/** "die Provinz Shandong mit ihrer Hauptstadt Jinan": the province first, its capital named after it. */
function readCapitalAfterAdmin1(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  for (const mention of doc.admin1Mentions) {
    if (mention.start < sentence.start || mention.end > sentence.end) continue;
    const city = cities.find((c) => c.start >= mention.end && c.start - mention.end <= 50 && CAPITAL_AFTER_ADMIN1.test(doc.text.slice(mention.end, c.start)));
    if (!city || city.country !== mention.country || city.name === mention.name || city.place.type === 'province' || city.place.type === 'state') continue;
    const window = doc.text.slice(Math.max(sentence.start, mention.start - 20), mention.start);
    const lead = /(?:Provinz|Partnerprovinz|[Pp]rovince\s+of)\s+$/u.exec(window);
    const designated = lead !== null || /^\s+[Pp]rovince/u.test(doc.text.slice(mention.end, mention.end + 10));
    const start = lead ? mention.start - (window.length - lead.index) : mention.start;
    push({ city: city.name, attribute: 'capital_of', value: mention.name, start, end: city.end, rule: 'city-attribute/capital-after-admin1' });
    if (designated) push({ city: city.name, attribute: mention.country === 'CN' ? 'province' : 'state', value: mention.name, start, end: city.end, rule: 'city-attribute/province-of-capital' });
  }
}
