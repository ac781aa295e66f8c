/**
 * City mentions in a text through the gazetteer, one chosen place per mention. Provinces and
 * Bundesländer are not cities here, except China's four municipalities directly governed,
 * which are both.
 */
import type { Country } from '../claim.ts';
import type { Gazetteer, Place, PlaceMention } from '../gazetteer/gazetteer-types.ts';

export interface CityMention {
  start: number;
  end: number;
  raw: string;
  /** Canonical name of the chosen place. */
  name: string;
  country: Country;
  place: Place;
  candidates: Place[];
}

const CITY_TYPES = new Set(['municipality', 'prefecture_city', 'county_city', 'city_district', 'region']);
// Beijing, Shanghai, Tianjin and Chongqing are province-level units and cities at once.
const CITY_PROVINCES = new Set(['Beijing', 'Shanghai', 'Tianjin', 'Chongqing']);

/** Whether a gazetteer place is a city (or district or region) a claim may name. */
export function isCityLike(place: Place): boolean {
  return CITY_TYPES.has(place.type) || (place.type === 'province' && CITY_PROVINCES.has(place.name));
}

/** Pick the most plausible city among a mention's candidates, preferring `country` when given. */
export function chooseCity(candidates: readonly Place[], country: Country | null = null): Place | null {
  const cities = candidates.filter(isCityLike);
  if (!cities.length) return null;
  const ranked = [...cities].sort((a, b) => rank(b, country) - rank(a, country));
  return ranked[0] ?? null;
}

function rank(place: Place, country: Country | null): number {
  let score = 0;
  if (country && place.country === country) score += 100;
  // A town over its Kreis or district namesake; a prefecture city over a county of the same name.
  if (place.type === 'municipality' || place.type === 'prefecture_city' || place.type === 'province') score += 10;
  if (place.type === 'city_district') score += 2;
  score += Math.min(9, Math.log10((place.population ?? 1) + 1));
  return score;
}

/** City mentions in `text`, in text order. */
export function findCities(text: string, gazetteer: Gazetteer): CityMention[] {
  const cities: CityMention[] = [];
  for (const mention of gazetteer.findMentions(text)) {
    if (!/^\p{Lu}/u.test(mention.raw)) continue; // "essen", "hof": lower case is a word, not a place
    // A weak mention ("Essen", "Wesel") is a place only in lists, which resolve their items themselves.
    if (mention.weak) continue;
    const place = chooseCity(mention.candidates);
    if (!place) continue;
    cities.push(toCityMention(mention, place));
  }
  return cities.sort((a, b) => a.start - b.start);
}

function toCityMention(mention: PlaceMention, place: Place): CityMention {
  return { start: mention.start, end: mention.end, raw: mention.raw, name: place.name, country: place.country, place, candidates: mention.candidates };
}
