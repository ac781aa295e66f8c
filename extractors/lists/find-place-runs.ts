/**
 * Runs of place mentions joined by list punctuation: "Aachen, Bottrop, Köln und Wuppertal sowie
 * der Rhein-Kreis Neuss", "Foshan und Jiangmen in der Provinz Guangdong, Zhuzhou in Hunan sowie
 * Liuzhou", one bullet line per place, "Tai'an and Dongying, both in Shandong province, and the
 * German city of Jena". A run is only a shape: whether it lists an alliance's members is for
 * the caller to decide from the words around it. Items may carry their province or state
 * ("in der Provinz X", "(Anhui)", ", Provinz Jiangxi"), and an article or city noun may lead
 * an item ("der Kreis", "the German city of"); anything else between two places ends the run.
 */
import type { Country } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';

export interface PlaceRun {
  places: CityMention[];
  /** For each place, whether the words before it start a new country ("the German city of", "aus China die Städte"). */
  countrySwitch: boolean[];
  start: number;
  end: number;
}

// A province, state or region name as written: one to three capitalised words ("North Rhine-Westphalia").
const ADMIN = "\\p{Lu}[\\p{L}'’-]*(?:\\s+\\p{Lu}[\\p{L}'’-]*){0,2}";
// What an item may carry after its name: its province or state, in brackets or with a preposition.
const TAIL = [
  '\\s*\\([^()\\n]{1,50}\\)',
  `,?\\s*(?:(?:both|beide|jeweils)\\s+)?(?:in|im|aus|from)\\s+(?:(?:der|dem|den|the)\\s+)?(?:\\p{Ll}[\\p{L}-]*\\s+)?(?:(?:Provinz|Autonomen\\s+Gebiet|Bundesland|Land|Freistaat|[Pp]rovince\\s+of|[Ss]tate\\s+of|[Aa]utonomous\\s+[Rr]egion\\s+of)\\s+)?(?<admin>${ADMIN})(?:\\s+(?:[Pp]rovince|[Aa]utonomous\\s+[Rr]egion))?`,
  `\\s*,\\s*(?:(?:Provinz|[Pp]rovince|Bundesland|Land)\\s+)?(?<adminComma>${ADMIN})(?:\\s+[Pp]rovince)?(?=\\s*(?:\\n|[,;]|\\s(?:und|sowie|and)\\s))`,
].join('|');
const CONJUNCTION = '(?:und|sowie|and|as\\s+well\\s+as|plus)';
// Between items: punctuation, a conjunction, a line break with or without a bullet.
const SEPARATOR = `\\s*(?:[,;/&]\\s*(?:${CONJUNCTION}\\s+)?|${CONJUNCTION}\\s+|\\n[ \\t]*(?:[-•–*·▪][ \\t]+)?(?:${CONJUNCTION}\\s+)?)`;
// What may lead the next item: a change of country, an article, an adjective with a city noun.
const SIDE = '(?:(?:aus|from)\\s+(?:China|Deutschland|Germany)\\s+|(?:auf|on\\s+the)\\s+(?:chinesischer|deutscher|Chinese|German)\\s+(?:Seite|side)\\s*,?\\s*)';
const CITY_NOUN = '(?:Stadt|Städte|Landkreis|Landkreise|Kreis|Kreise|Bezirk|Bezirke|Stadtbezirk|Region|Regionen|Kommune|Kommunen|Gemeinde|Gemeinden|city|cities|town|towns|district|districts|county|counties|region|regions|municipality|municipalities)';
// "die drei hessischen Kommunen": a number and an adjective may stand before the city noun.
const ITEM_LEAD = `${SIDE}?(?:(?:der|die|das|den|dem|the)\\s+)?(?:(?:\\p{L}[\\p{L}-]*\\s+){0,2}${CITY_NOUN}\\s+(?:of\\s+)?)?`;
const GAP = new RegExp(`^(?:${TAIL})?(?<separator>${SEPARATOR})(?<lead>${ITEM_LEAD})$`, 'u');
const COUNTRY_LEAD = /(?<![\p{L}])(?:aus|from)\s+(?:China|Deutschland|Germany)|(?:chinesisch\p{L}*|deutsch\p{L}*|Chinese|German)(?![\p{L}])/iu;
const COUNTRY_NAMES = /^(?:China|Deutschland|Germany|VR\s+China)$/u;
// Regions no gazetteer lists but press releases place members in: "aus den neuen Ländern", "aus dem Ruhrgebiet", "in the Ruhr area".
const REGIONS = /^(?:Ländern|Bundesländern|Ruhrgebiet|Ruhrgebiets|Rheinland|Osten|Westen|Norden|Süden|Nordosten|Nordwesten|Südosten|Südwesten|Ostdeutschland|Westdeutschland|Mitteldeutschland|Süddeutschland|Norddeutschland|Ruhr(?:\s+area)?|Rhineland|Yangtze\s+River\s+Delta|Pearl\s+River\s+Delta|Perlflussdelta|Jangtse-Delta)$/u;

// "neben Aachen die Städte Wuppertal, …": the place after "neben" opens the list the city noun continues.
export const BESIDES_BEFORE = /(?<![\p{L}])(?:neben|außer|besides|apart\s+from|in\s+addition\s+to)\s+(?:(?:der|dem|the)\s+)?(?:(?:Stadt|city\s+of)\s+)?$/iu;
const BESIDES_GAP = /^\s+(?:(?:(?:auch|also|unter\s+anderem|u\.\s?a\.|among\s+others)\s+)?(?:die|the)\s+(?:[\p{L}-]+\s+){0,2}(?:Städte|Kommunen|Gemeinden|cities|towns|municipalities)\s+(?:of\s+)?|(?:unter\s+anderem|u\.\s?a\.|among\s+others|etwa)\s+)$/u;
const TAIL_ONLY = new RegExp(`^(?:${TAIL})?\\s*[.;!]?\\s*$`, 'u');

/** Whether the text after a run's last place ends its item and sentence ("… Salzgitter aus Niedersachsen."), adding no clause. */
export function endsEnumeration(doc: Pick<AnalysedDocument, 'gazetteer'>, rest: string): boolean {
  const m = TAIL_ONLY.exec(rest);
  const admin = m?.groups?.admin ?? m?.groups?.adminComma;
  return m !== null && (!admin || COUNTRY_NAMES.test(admin) || REGIONS.test(admin) || doc.gazetteer.admin1(admin) !== null);
}

/** How the text between two places joins them: null when it is no list gap. */
export function joinGap(doc: Pick<AnalysedDocument, 'gazetteer'>, gap: string): { countrySwitch: boolean } | null {
  if (gap.length > 90) return null;
  const m = GAP.exec(gap);
  if (!m?.groups) return null;
  // A tail must name a province, state or country; "Foshan in Halle 9" is no item with its province.
  const admin = m.groups.admin ?? m.groups.adminComma;
  if (admin && !COUNTRY_NAMES.test(admin) && !REGIONS.test(admin) && !doc.gazetteer.admin1(admin)) return null;
  return { countrySwitch: COUNTRY_LEAD.test(m.groups.lead ?? '') };
}

/** Whether a mention is an inflected form ("Hagener", "Remscheids", "Wuhu's"), an adjective or genitive rather than the place itself. */
export function isInflected(city: CityMention): boolean {
  if (/['’]s$/u.test(city.raw)) return true;
  const stem = /^(.*?)(?:er|s)$/u.exec(city.raw)?.[1];
  return stem !== undefined && city.raw !== city.name && city.name.startsWith(stem);
}

/** Every run of at least two places in the document, in text order; a place belongs to one run at most. */
export function findPlaceRuns(doc: AnalysedDocument, mentions: readonly CityMention[] = [...doc.cities, ...doc.weakCities]): PlaceRun[] {
  const places = mentions.filter((c) => !isInflected(c)).sort((a, b) => a.start - b.start);
  const runs: PlaceRun[] = [];
  let current: PlaceRun | null = null;
  for (const place of places) {
    const previous = current?.places[current.places.length - 1];
    const gap = current && previous && place.start >= previous.end ? doc.text.slice(previous.end, place.start) : null;
    const besides = current?.places.length === 1 && gap !== null && BESIDES_GAP.test(gap) && BESIDES_BEFORE.test(doc.text.slice(Math.max(0, current.start - 30), current.start));
    // "Bochum, Ulm Erfurt und Hagen": inside a running enumeration, two towns glued by a missing comma are two items.
    const glued = current !== null && current.places.length >= 2 && gap === ' ' && doc.cities.includes(place) && doc.cities.includes(previous!);
    const join = gap === null ? null : besides ? { countrySwitch: COUNTRY_LEAD.test(gap) } : glued ? { countrySwitch: false } : joinGap(doc, gap);
    if (current && join) {
      current.places.push(place);
      current.countrySwitch.push(join.countrySwitch);
      current.end = place.end;
      continue;
    }
    if (current && current.places.length >= 2) runs.push(current);
    current = { places: [place], countrySwitch: [false], start: place.start, end: place.end };
  }
  if (current && current.places.length >= 2) runs.push(current);
  return runs;
}

/** The run cut where the text names a new country: "Tai'an and Dongying … and the German city of Jena" is two groups. */
export function groupsByCountry(run: PlaceRun): CityMention[][] {
  const groups: CityMention[][] = [];
  run.places.forEach((place, i) => {
    if (i === 0 || run.countrySwitch[i]) groups.push([place]);
    else groups[groups.length - 1]!.push(place);
  });
  return groups;
}

/** Consecutive places of one country: a run of coordinated subjects from both countries is one group per country. */
export function groupsBySameCountry(places: readonly CityMention[]): CityMention[][] {
  const groups: CityMention[][] = [];
  places.forEach((place, i) => {
    if (i === 0 || places[i - 1]!.country !== place.country) groups.push([place]);
    else groups[groups.length - 1]!.push(place);
  });
  return groups;
}

/** The one country all places share, else null. */
export function sharedCountry(places: readonly CityMention[]): Country | null {
  const countries = new Set(places.map((p) => p.country));
  return countries.size === 1 ? places[0]!.country : null;
}
