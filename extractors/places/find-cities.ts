/**
 * City mentions in a text through the gazetteer, one chosen place per mention. Provinces and
 * Bundesländer are not cities here, except China's four municipalities directly governed,
 * which are both.
 */
import type { Country } from '../../core/claim.ts';
import type { Gazetteer, Place, PlaceMention } from '../gazetteer/gazetteer-types.ts';
import { VENUE_AFTER } from '../gazetteer/gazetteer.ts';
import { allMatches } from '../text/all-matches.ts';

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

// Kreise join alliances too ("Rhein-Kreis Neuss"), so a German district counts as a city here.
const CITY_TYPES = new Set(['municipality', 'prefecture_city', 'county_city', 'city_district', 'region', 'district']);
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
  return findCityMentions(text, gazetteer).cities;
}

/**
 * Cities, and the weak mentions ("Hagen", "Essen") no enumeration confirmed, for callers whose
 * context makes a place likely; and the provinces and Länder named (`admin1`), which partner and
 * are placed like cities but are none — misspelt ones too where a designator marks them
 * ("Provinz Guandong").
 */
export function findCityMentions(text: string, gazetteer: Gazetteer): { cities: CityMention[]; weak: CityMention[]; admin1: CityMention[] } {
  const strong: CityMention[] = [];
  const weak: CityMention[] = [];
  const admin1: CityMention[] = [];
  const districtRuns = new Set<CityMention>();
  for (const mention of gazetteer.findMentions(text)) {
    if (!/^\p{Lu}/u.test(mention.raw)) continue; // "essen", "hof": lower case is a word, not a place
    // "Hannover Messe", "Leipzig Airport": the venue, no place a claim or a "die Stadt" could mean.
    if (VENUE_AFTER.test(text.slice(mention.end, mention.end + 16))) continue;
    const unit = mention.candidates.find((p) => p.type === 'province' || p.type === 'state');
    // "Provinz Hebei", "Hebei province": the province, though a district elsewhere bears its name.
    if (unit && (ADMIN1_BEFORE.test(text.slice(Math.max(0, mention.start - 20), mention.start)) || ADMIN1_AFTER.test(text.slice(mention.end, mention.end + 12)))) {
      admin1.push(toCityMention(mention, unit));
      continue;
    }
    // "the German district of Kleve" is the Kreis, not its town; "die Landkreise Heidenheim und Schwäbisch Hall", "the districts of Kleve and Wesel": a plural district noun covers every item it coordinates.
    const before = text.slice(Math.max(0, mention.start - 30), mention.start);
    const previous = strong.at(-1);
    const plural = DISTRICT_PLURAL.test(before) || (previous !== undefined && districtRuns.has(previous) && ENUMERATION_GAP.test(text.slice(previous.end, mention.start)));
    const district = DISTRICT_OF.test(before) || plural || DISTRICT_BRACKET_AFTER.test(text.slice(mention.end, mention.end + 16)) ? mention.candidates.find((p) => p.type === 'district') : undefined;
    const place = district ?? chooseCity(mention.candidates);
    if (!place) {
      if (unit && !mention.weak) admin1.push(toCityMention(mention, unit));
      continue;
    }
    // Beijing, Shanghai: the municipality is a city and its own province at once.
    if (unit && place.type === 'province') admin1.push(toCityMention(mention, unit));
    const city = toCityMention(mention, place);
    // An item the plural noun reached passes it on: "die Kreise Kleve, Wesel und Viersen".
    if (plural && district) districtRuns.add(city);
    (mention.weak ? weak : strong).push(city);
  }
  // A weak mention ("Hagen", "Essen") is a place when it stands in an enumeration with a strong one.
  const all = [...strong, ...weak].sort((a, b) => a.start - b.start);
  const accepted = new Set(strong);
  for (let changed = true; changed; ) {
    changed = false;
    all.forEach((c, i) => {
      if (accepted.has(c)) return;
      const neighbours = [all[i - 1], all[i + 1]].filter((n): n is CityMention => n !== undefined && accepted.has(n));
      if (neighbours.some((n) => ENUMERATION_GAP.test(n.start < c.start ? text.slice(n.end, c.start) : text.slice(c.end, n.start)))) {
        accepted.add(c);
        changed = true;
      }
    });
  }
  admin1.push(...misspeltAdmin1(text, gazetteer, admin1));
  admin1.sort((a, b) => a.start - b.start);
  return { cities: all.filter((c) => accepted.has(c)), weak: all.filter((c) => !accepted.has(c)), admin1 };
}

// "Provinz Guandong", "Shangdon Province": a name a designator marks as a province, however spelt.
const DESIGNATED_ADMIN1 = /(?<![\p{L}])(?:(?:Provinz|Bundesland|Freistaat|[Pp]rovince\s+of)\s+(?<after>\p{Lu}[\p{Ll}]{3,})|(?<before>\p{Lu}[\p{Ll}]{3,})\s+(?:[Pp]rovince|Provinz))(?![\p{L}])/gu;

function misspeltAdmin1(text: string, gazetteer: Gazetteer, known: readonly CityMention[]): CityMention[] {
  if (!gazetteer.admin1Fuzzy) return [];
  const found: CityMention[] = [];
  for (const m of allMatches(DESIGNATED_ADMIN1, text)) {
    const raw = m.groups?.after ?? m.groups?.before ?? '';
    const start = (m.index ?? 0) + m[0].indexOf(raw);
    if (known.some((k) => k.start <= start && k.end > start) || gazetteer.admin1(raw)) continue;
    const unit = gazetteer.admin1Fuzzy(raw);
    const place = unit ? gazetteer.byName(unit.name, unit.country).find((p) => p.type === 'province' || p.type === 'state') : undefined;
    if (place) found.push({ start, end: start + raw.length, raw, name: place.name, country: place.country, place, candidates: [place] });
  }
  return found;
}

const ADMIN1_BEFORE = /(?<![\p{L}])(?:Provinz|Bundesland|Freistaat|[Pp]rovince\s+of|[Ss]tate\s+of)\s+$/u;
const ADMIN1_AFTER = /^\s+(?:[Pp]rovince|[Pp]rovinz)(?![\p{L}])/u;
const DISTRICT_OF = /(?<![\p{L}])(?:districts?|county|counties|rural\s+districts?)\s+of\s+(?:the\s+)?$/iu;
// "Esslingen (Landkreis)", "Kleve (district)": a bracket after the name says it is the Kreis.
const DISTRICT_BRACKET_AFTER = /^\s*\(\s*(?:Landkreis|Kreis|district|county)\s*\)/u;
// A plural district noun before or opening the first item: "die Landkreise", "Kreise", "the districts of".
const DISTRICT_PLURAL = /(?<![\p{L}])(?:Landkreise|Kreise|districts\s+of|counties\s+of)\s+(?:the\s+)?$/u;
const ENUMERATION_GAP = /^\s*(?:,|;|und|and|sowie|&|\/)\s*$/u;

function toCityMention(mention: PlaceMention, place: Place): CityMention {
  return { start: mention.start, end: mention.end, raw: mention.raw, name: place.name, country: place.country, place, candidates: mention.candidates };
}
