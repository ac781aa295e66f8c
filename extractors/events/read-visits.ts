/**
 * Visits of delegations: who travels (the city a delegation comes from — "eine Delegation aus
 * Weihai", "die Lahrer Delegation", "a delegation from Jieyang", "a Hangzhou delegation" — else the
 * document's own city when its people travel abroad) and where to (the place after a trip word —
 * "reiste nach Foshan", "Delegationsreise nach China", "visited Huzhou", "zu Gast im chinesischen
 * Foshan" — else a city of the other country named "in" the sentence, else the document's own city
 * when a delegation from abroad comes to it). A visit needs both and two different places.
 */
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import { demonymCity } from '../places/demonym-city.ts';
import type { Sentence } from '../text/segment-text.ts';
import { mentionsWithin } from '../parser.ts';
import { eventAlternation, eventSources, FAIR_PLACES } from './event-vocabulary.ts';
import { vocabularyGate } from '../text/keyword-gate.ts';

const DELEGATION = new RegExp(`(?<![\\p{L}])(?:${eventAlternation('delegationNouns')})(?![\\p{L}])`, 'u');
const TRIP_TO = new RegExp(`(?<![\\p{L}])(?:${eventAlternation('tripTo')})(?![\\p{L}])`, 'iu');
const VISIT_VERB = new RegExp(`(?<![\\p{L}])(?:${eventAlternation('visitVerbs')})(?![\\p{L}])`, 'iu');
const GUEST_IN = new RegExp(`(?<![\\p{L}])(?:${eventAlternation('guestIn')})(?![\\p{L}])`, 'iu');
// "eine Delegation nach Jiaxing", "a delegation to Yichang": the destination right after the group.
const DELEGATION_TO = new RegExp(`(?<![\\p{L}])(?:${eventAlternation('delegationNouns')})(?:\\s+[\\p{L}-]+){0,6}?\\s+(?:nach|to)(?![\\p{L}])`, 'u');
const OFFICIAL = new RegExp(`(?<![\\p{L}])(?:${eventAlternation('officials')})(?![\\p{L}])`, 'u');
const VISIT_NOUN = new RegExp(`(?<![\\p{L}])(?:${eventAlternation('visitNouns')})(?![\\p{L}])`, 'u');
// Words one of the cues above contains: most sentences have none, and then no cue pattern need scan them.
const CUE_GATE = vocabularyGate(eventSources('tripTo', 'visitVerbs', 'guestIn', 'visitNouns', 'delegationNouns'));
const OFFICIAL_GATE = vocabularyGate(eventSources('officials'));
// What may stand between the noun and its city: "aus", "der Stadt", "of representatives from", then an article and up to two words ("der 4,5-Millionen-Stadt").
const ORIGIN_GAP = /^\s+(?:(?:of|von)\s+\p{L}+\s+)?(?:aus|from|der|des|of)\s+(?:(?:der|dem|des|the)\s+)?(?:[\p{L}\d][\p{L}\d,.-]*\s+){0,2}?$/u;
// "Hangzhou delegation", "Jieyang business delegation": an English city right before the noun.
const CITY_BEFORE_NOUN = /^\s+(?:(?:business|trade|economic|government|official|high-level|\d+-member)\s+)*$/u;
// A nationality adjective instead of an origin: "eine chinesische Delegation", "A German delegation".
const NATIONALITY = /(?<![\p{L}])(?<adjective>chinesische[nmrs]?|deutsche[nmrs]?|Chinese|German)\s+(?:[\p{L}-]+\s+)?$/u;
// Where to after a trip or visit word: an article, adjectives and a city noun may stand before the name.
const DESTINATION_GAP = /^\s*(?:(?:die|den|der|dem|das|the|in|im|nach|to)\s+)?(?:(?:chinesische[nmrs]?|deutsche[nmrs]?|Chinese|German|\p{Ll}[\p{L}-]*)\s+){0,2}?(?:(?:Stadt|Städte|Partnerstadt|Metropole|city|town|towns|of)\s+){0,2}$/u;
const COUNTRY_PLACE = /^\s*(?:(?:die|das|the)\s+)?(?<country>China|Deutschland|Germany|Volksrepublik(?:\s+China)?)(?![\p{L}])/u;
const IN_BEFORE = /(?:^|\s)(?:in|im|nach|to)\s+(?:(?:der|dem|die|the)\s+)?(?:(?:chinesische[nmrs]?|deutsche[nmrs]?|Chinese|German|\p{Ll}[\p{L}-]*)\s+)?(?:(?:Stadt|city|of)\s+)?$/u;

export interface VisitFinding {
  /** Who visits: a canonical city, or the written phrase where the text names only a nationality. */
  visitors: string;
  place: string;
  /** Where the cue stands, for the date nearest to it. */
  at: number;
}

/** The visit a sentence reports, or null. */
export function readVisit(doc: AnalysedDocument, sentence: Sentence): VisitFinding | null {
  const text = sentence.text;
  if (!CUE_GATE(text)) return null;
  const cues = [TRIP_TO, VISIT_VERB, GUEST_IN, VISIT_NOUN, DELEGATION].map((p) => p.exec(text)).filter((m): m is RegExpExecArray => m !== null);
  if (!cues.length) return null;
  const delegation = DELEGATION.exec(text);
  // Without a delegation, a trip is a city's visit only where one of its officials travels ("zu Gast" alone may be pupils or artists).
  if (!delegation && !(OFFICIAL_GATE(text) && OFFICIAL.test(text))) return null;
  const cities = mentionsWithin(doc.cities, sentence.start, sentence.end);
  const origin = delegation ? originOf(doc, sentence, cities, sentence.start + delegation.index, sentence.start + delegation.index + delegation[0].length) : null;
  const destination = destinationOf(doc, sentence, cities, origin);
  const main = doc.mainCity;
  let visitors = origin?.name ?? null;
  let place = destination?.name ?? null;
  if (!visitors && place && main && main.name !== place && (destination!.country !== main.country)) visitors = main.name;
  if (!visitors || !place || visitors === place) return null;
  const at = sentence.start + Math.min(...cues.map((m) => m.index));
  return { visitors, place, at };
}

interface Origin {
  name: string;
  city: CityMention | null;
  /** The country a nationality adjective names ("eine chinesische Delegation"), where no city is named. */
  country?: string;
}

/** Where the delegation comes from: "aus X", "der Stadt X", "Lahrer Delegation", "X delegation", else a nationality phrase. */
function originOf(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], nounStart: number, nounEnd: number): Origin | null {
  const after = cities.find((c) => c.start >= nounEnd && c.start - nounEnd < 80 && ORIGIN_GAP.test(doc.text.slice(nounEnd, c.start)));
  if (after) return { name: after.name, city: after };
  const before = doc.text.slice(Math.max(sentence.start, nounStart - 40), nounStart);
  const adjective = /(?<demonym>\p{Lu}[\p{L}-]+er)\s+(?:[\p{Ll}][\p{L}-]*\s+)?$/u.exec(before);
  const named = adjective ? demonymCity(doc.gazetteer, adjective.groups?.['demonym'] ?? '') : null;
  if (named) {
    const mention = doc.cities.find((c) => c.name === named.name) ?? null;
    return { name: named.name, city: mention ?? { start: nounStart, end: nounStart, raw: named.name, name: named.name, country: named.country, place: named, candidates: [named] } };
  }
  const compound = /^\p{Lu}\p{L}+(?=-?[Dd]elegation)/u.exec(doc.text.slice(nounStart, nounEnd));
  const glued = compound ? demonymCity(doc.gazetteer, compound[0]) : null;
  if (glued) return { name: glued.name, city: doc.cities.find((c) => c.name === glued.name) ?? null };
  const cityBefore = [...cities].reverse().find((c) => c.end <= nounStart && CITY_BEFORE_NOUN.test(doc.text.slice(c.end, nounStart)));
  if (cityBefore) return { name: cityBefore.name, city: cityBefore };
  const nationality = NATIONALITY.exec(before);
  if (nationality) {
    // The phrase as a reader names it, in the nominative: "einer chinesischen Delegation" → "chinesische Delegation".
    const adjective = nationality.groups?.['adjective'] ?? '';
    const noun = doc.text.slice(nounStart, nounEnd);
    const chinese = /^(?:chinesisch|Chinese)/u.test(adjective);
    const name = /^(?:Chinese|German)$/u.test(adjective) ? `${adjective} ${noun}` : `${chinese ? 'chinesische' : 'deutsche'} ${noun}`;
    return { name, city: null, country: chinese ? 'CN' : 'DE' };
  }
  return null;
}

interface Destination {
  name: string;
  country: string;
}

/** Where the visit goes: the place after a trip or visit word, else a city of the other country named "in" the sentence. */
function destinationOf(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], origin: Origin | null): Destination | null {
  const text = sentence.text;
  for (const [pattern, place] of FAIR_PLACES) if (pattern.test(text) && (VISIT_VERB.test(text) || GUEST_IN.test(text))) return { name: place, country: 'DE' };
  // "die Frankfurter Partnerstadt": a demonym before a noun names whose partner is visited, not the place.
  const foreign = (c: CityMention) => c.name !== origin?.name && (!origin?.city || c.country !== origin.city.country)
    && !(/er$/u.test(c.raw) && /^\s+\p{Lu}/u.test(doc.text.slice(c.end, c.end + 3)));
  for (const pattern of [TRIP_TO, DELEGATION_TO, VISIT_VERB, GUEST_IN]) {
    const m = pattern.exec(text);
    if (!m) continue;
    const from = sentence.start + m.index + m[0].length;
    const city = cities.find((c) => c.start >= from && c.start - from < 60 && foreign(c) && DESTINATION_GAP.test(doc.text.slice(from, c.start)));
    if (city) return { name: city.name, country: city.country };
    const country = COUNTRY_PLACE.exec(doc.text.slice(from, sentence.end));
    if (country) return { name: country.groups?.['country'] === 'Germany' || country.groups?.['country'] === 'Deutschland' ? 'Deutschland' : 'China', country: country.groups?.['country'] === 'Germany' || country.groups?.['country'] === 'Deutschland' ? 'DE' : 'CN' };
  }
  if (!origin) return null;
  // A delegation from abroad came to the document's own city, unless a trip word said where it went.
  const main = doc.mainCity;
  const originCountry = origin.city?.country ?? origin.country;
  if (originCountry && main && main.country !== originCountry) return { name: main.name, country: main.country };
  const named = cities.find((c) => foreign(c) && IN_BEFORE.test(doc.text.slice(Math.max(sentence.start, c.start - 40), c.start)));
  return named ? { name: named.name, country: named.country } : null;
}
