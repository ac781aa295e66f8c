/**
 * The region a text places a city in: "Dalian im Nordosten Chinas", "Shenzhen, gelegen im
 * südchinesischen Perlflussdelta", "Nanjing liegt im Osten der Volksrepublik", "Liyang, im
 * Yangtse-Delta", "Suzhou lies in the Yangtze River Delta". The value is the gazetteer's canonical
 * region ("Südchina"), so two sources placing one city can be compared. An adjective ("die
 * südchinesische Metropole Guangzhou", "in der ostchinesischen Provinz Jiangsu") is read as a
 * descriptor, not a placement: the gold sets annotate it nowhere, and a province the city lies in
 * carries its region in the gazetteer.
 */
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import type { PushFinding } from './attribute-finding.ts';
import { REGION_WORDS } from './attribute-vocabulary.ts';

const LOCATIVES = REGION_WORDS.flatMap((w) => w.locatives).join('|');
const PREPOSITIONS = REGION_WORDS.flatMap((w) => w.prepositions).join('|');
// What stands between a city and its region phrase: ", gelegen im", " liegt im", ", located in the", " im".
const REGION_GAP = new RegExp(`^\\s*,?\\s*(?:(?:${LOCATIVES})\\s+)?(?:(?:heute|today|also|auch)\\s+)?(?:${PREPOSITIONS})\\s+$`, 'u');
const LOCATIVE_VERB = new RegExp(`(?:${LOCATIVES})\\s`, 'u');
const PREPOSITION_AFTER = new RegExp(`^\\s*,?\\s*(?:(?:${LOCATIVES})\\s+)?(?:(?:heute|today|also|auch)\\s+)?(?:${PREPOSITIONS})\\s+`, 'u');
// Up to five words of a region noun phrase, stopping at punctuation: "Osten der Volksrepublik China", "Yangtze River Delta".
const REGION_WORDS_AFTER = /^[\p{L}\p{M}'’-]+(?:\s+[\p{L}\p{M}'’-]+){0,4}/u;

export function readRegion(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  if (!doc.gazetteer.region) return;
  const subjects = [...cities, ...doc.admin1Mentions.filter((a) => a.start >= sentence.start && a.end <= sentence.end && a.country === 'CN')]
    .filter((c) => c.country === 'CN')
    .sort((a, b) => a.start - b.start);
  for (const city of subjects) {
    const located = regionAfter(doc, city, sentence, city.place.type === 'province');
    if (located) push({ city: city.name, attribute: 'region', value: located.region, start: city.start, end: located.end, rule: 'city-attribute/region' });
  }
}

/** The region named right after a city ("im Nordosten Chinas"), with the end of its phrase. */
function regionAfter(doc: AnalysedDocument, city: CityMention, sentence: Sentence, needsVerb: boolean): { region: string; end: number } | null {
  const after = doc.text.slice(city.end, Math.min(sentence.end, city.end + 120));
  const lead = PREPOSITION_AFTER.exec(after);
  if (!lead || !REGION_GAP.test(lead[0])) return null;
  // "Provinz Guangdong, im Delta des Perlflusses" follows a city the sentence is about; a province is placed only by a verb.
  if (needsVerb && !LOCATIVE_VERB.test(lead[0])) return null;
  const rest = after.slice(lead[0].length);
  // "im südchinesischen Perlflussdelta": one adjective may stand before the region noun.
  const adjective = /^(?:\p{Ll}[\p{L}-]*\s+)?/u.exec(rest)?.[0] ?? '';
  for (const skip of adjective ? ['', adjective] : ['']) {
    const words = REGION_WORDS_AFTER.exec(rest.slice(skip.length))?.[0].split(/\s+/u) ?? [];
    for (let n = words.length; n >= 1; n--) {
      const phrase = words.slice(0, n).join(' ');
      // "in east China's Jiangsu Province": a region before a province is the province's.
      if (/['’]s$/u.test(phrase)) continue;
      const region = doc.gazetteer.region!(phrase);
      if (region) return { region: region.name, end: city.end + lead[0].length + skip.length + phrase.length };
    }
  }
  return null;
}
