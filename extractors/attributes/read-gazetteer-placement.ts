/**
 * A city and the province or Land it lies in, named close together in one clause, joined by
 * whatever the writer chose: "Qingdao, Shandong", "aus Qingdao/Shandong", "Shandongs Hafenstadt
 * Qingdao", "Qingdao – eine Stadt in Shandong". The phrase rules of this folder read the joins they
 * know; this one reads the rest where the gazetteer places the city there, so it never asserts what
 * the gazetteer does not (a wrong placement stays the phrase rules' to report) and never overrides
 * them: it runs last and adds nothing for a city already placed.
 *
 * The same for a capital: a capital word next to a city the gazetteer knows as the capital of the
 * admin1 named beside it ("die Hauptstadt Hefei (Anhui)", "Anhui's capital Hefei").
 */
import type { CityAttributeClaim } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import type { PushFinding } from './attribute-finding.ts';
import { GERMAN_PLACEMENT_WORDS, ENGLISH_PLACEMENT_WORDS } from './attribute-vocabulary.ts';

// How far apart the two names may stand, in characters and words: a bracket, a comma, a short
// apposition ("in east China's"), never a clause with its own verb ("included companies from the").
const MAX_GAP = 30;
const MAX_GAP_WORDS = 3;
// A gap that is no join: clause punctuation, a quotation mark (a title ends), a number (a distance, a date).
const NO_JOIN = /[;:!?„“”"«»]|\.\s|\d/u;
const CAPITAL_WORD = new RegExp(`(?<![\\p{L}])(?:${[...GERMAN_PLACEMENT_WORDS.capitals, ...ENGLISH_PLACEMENT_WORDS.capitals].join('|')})(?![\\p{L}])`, 'u');
// Words that make the two names two separate things rather than one placed in the other:
// "zwischen Qingdao und Shandong", "Qingdao sowie die Provinz Shandong", "from Qingdao to Shandong".
const SEPARATING = new RegExp(`(?<![\\p{L}])(?:${[...GERMAN_PLACEMENT_WORDS.separating, ...ENGLISH_PLACEMENT_WORDS.separating].join('|')})(?![\\p{L}])`, 'u');

export function readGazetteerPlacement(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], found: readonly CityAttributeClaim[], push: PushFinding): void {
  const admin1s = doc.admin1Mentions.filter((a) => a.start >= sentence.start && a.end <= sentence.end);
  if (admin1s.length === 0) return;
  const placed = new Set(found.filter((c) => c.attribute === 'province' || c.attribute === 'state').map((c) => c.city));
  const capitals = new Set(found.filter((c) => c.attribute === 'capital_of').map((c) => c.city));
  for (const city of cities) {
    const admin1 = city.place.admin1;
    if (!admin1 || city.name === admin1 || city.place.type === 'province' || city.place.type === 'state') continue;
    const named = nearest(doc, city, admin1s.filter((a) => a.name === admin1 && a.country === city.country), cities, admin1s);
    if (!named) continue;
    const start = Math.min(city.start, named.start);
    const end = Math.max(city.end, named.end);
    // "Kunshan, a county-level city under Suzhou in east China's Jiangsu Province": a phrase rule gave
    // the province to the appositive's head; the city inside the appositive is not placed by it again.
    if (found.some((c) => c.value === admin1 && c.city !== city.name && c.evidence.start <= start && c.evidence.end >= end)) continue;
    // A capital word in the join or right before the city ("Düsseldorf, die Hauptstadt von
    // Nordrhein-Westfalen", "die Hauptstadt Hefei (Anhui)") says the capital, as the capital rules
    // read it: the capital, not a second claim of where it lies.
    const lead = doc.text.slice(Math.max(sentence.start, city.start - 25), city.start);
    const capitalWord = CAPITAL_WORD.test(doc.text.slice(start, end)) || CAPITAL_WORD.test(lead);
    if (capitalWord) {
      if (city.place.capitalOf === admin1 && !capitals.has(city.name)) {
        capitals.add(city.name);
        const leadAt = city.start - lead.length + Math.max(0, lead.search(CAPITAL_WORD));
        push({ city: city.name, attribute: 'capital_of', value: admin1, start: Math.min(start, leadAt), end, rule: 'city-attribute/capital-by-gazetteer' });
      }
      continue;
    }
    if (!placed.has(city.name)) {
      placed.add(city.name);
      push({ city: city.name, attribute: city.country === 'CN' ? 'province' : 'state', value: admin1, start, end, rule: 'city-attribute/placed-by-gazetteer' });
    }
  }
}

/** The mention of the city's own admin1 next to it: no other place, clause break or separating word between. */
function nearest(doc: AnalysedDocument, city: CityMention, own: CityMention[], cities: CityMention[], admin1s: CityMention[]): CityMention | null {
  for (const candidate of own) {
    const [from, to] = candidate.start >= city.end ? [city.end, candidate.start] : [candidate.end, city.start];
    if (to < from || to - from > MAX_GAP) continue;
    const gap = doc.text.slice(from, to);
    if (NO_JOIN.test(gap) || SEPARATING.test(gap) || (gap.match(/[\p{L}’']+/gu)?.length ?? 0) > MAX_GAP_WORDS) continue;
    const between = [...cities, ...admin1s].some((other) => other !== city && other !== candidate && other.start >= from && other.end <= to);
    if (!between) return candidate;
  }
  return null;
}
