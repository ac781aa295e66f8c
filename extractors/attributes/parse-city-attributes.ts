/**
 * What a text says about a city: its province or Bundesland ("Dongguan (Provinz Guangdong)",
 * "Ma'anshan in der Provinz Anhui", "Shenzhen, in Guangdong Province"), the capital it is
 * ("Düsseldorf, die Hauptstadt von Nordrhein-Westfalen", "Hefei, capital of Anhui"), the city
 * a district belongs to ("Bao'an (Bezirk der Stadt Shenzhen)", "Bezirk Nansha in Guangzhou"),
 * and its population ("8 Mio. Einwohner", "a population of 7.5 million"). What the text says
 * is reported even when it is wrong; the reconciler checks it against the gazetteer.
 */
import type { CityAttributeClaim, CityAttributeName } from '../claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import { evidenceOf, type Parser } from '../parser.ts';
import { parseCardinal } from '../text/number-words.ts';
import { isGoverned } from '../places/governed.ts';

const COORDINATED = /^\s*(?:,|und|and|sowie)\s*$/u;

const ADMIN1_NAME = "\\p{Lu}[\\p{L}]+(?:[-\\s]\\p{Lu}[\\p{L}]+){0,2}";
// Province or Bundesland phrases after a city, within its clause.
const ADMIN1_PHRASES: RegExp[] = [
  new RegExp(`^\\s*\\(\\s*((?:Provinz|Province|Bundesland|Land|Freistaat|Autonome\\s+Region)?\\s*${ADMIN1_NAME}(?:\\s+(?:Province|province))?)\\s*\\)`, 'u'),
  new RegExp(`(?:Provinz|Province\\s+of|Bundesland|Bundeslandes|Freistaat|Freistaats|Autonomen\\s+Region|Autonome\\s+Region)\\s+(${ADMIN1_NAME})`, 'u'),
  new RegExp(`(${ADMIN1_NAME})\\s+(?:Province|province)`, 'u'),
  new RegExp(`(?:^|\\s)(?:in|im|aus)\\s+(${ADMIN1_NAME})(?![\\p{L}])`, 'u'),
];
const CAPITAL = new RegExp(`(?:Hauptstadt|Provinzhauptstadt|Landeshauptstadt|capital|provincial\\s+capital)\\s+(?:(?:der\\s+Provinz|des\\s+Landes|des\\s+Bundeslandes|des\\s+Freistaats|von|of|der|the)\\s+)?((?:Provinz\\s+)?${ADMIN1_NAME}(?:\\s+(?:Province|province))?)`, 'u');
const DISTRICT_AFTER = /^\s*(?:\(|,)\s*(?:ein|eine|einem|der|a|the)?\s*(?:Stadt)?(?:bezirk|Bezirk|district|District|Distrikt)\s+(?:der\s+Stadt|der\s+Metropole|von|of|in)\s+$/u;
const DISTRICT_BEFORE_IN = /^(?:\s+(?:District|district|Bezirk))?\s+(?:in|of|der\s+Stadt|von)\s+$/u;
const POPULATION = /(?<![\p{L}\p{N}.,])(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(Mio\.|Millionen|Million|million|Mrd\.|Milliarden|billion|Tsd\.|Tausend|thousand)?\s+(Einwohner\p{L}*|inhabitants|residents|people|Menschen)(?![\p{L}])/gu;
const POPULATION_OF = /(?:population|Bevölkerung|Einwohnerzahl)\s+(?:of|von|is|was|stands\s+at|totals|liegt\s+bei|beträgt|umfasst)\s+(?:about|around|some|approximately|roughly|rund|etwa|über|more\s+than|nearly|almost|knapp|gut|ca\.)?\s*(\d{1,3}(?:[.,]\d{3})+|\d+(?:[.,]\d+)?)\s*(million|Millionen|Mio\.|billion|thousand)?/gu;
// "Foshan, einer Stadt mit 9,6 Mio. Einwohnern", "Kelsterbach, a town of about 17,000 residents": the city before the comma.
const APPOSITIVE_BEFORE = /,\s*(?:eine[rm]?|a|an|the|die|der)\s+(?:[\p{L}-]+\s+){0,3}?(?:mit|of|with)\s+(?:about|around|some|rund|etwa|knapp|über|more\s+than|nearly|gut|ca\.)?\s*$/u;
// "With about 1.1 million inhabitants, Cologne …": the city after the comma.
const LEADING_WITH = /^\s*(?:Mit|With)\s/u;
// "Provinzhauptstadt Zhengzhou", "Hefei, the provincial capital": the province named before.
const PROVINCIAL_CAPITAL_BEFORE = /(?:Provinzhauptstadt|provincial\s+capital|Hauptstadt\s+der\s+Provinz)\s+$/u;
const PROVINCIAL_CAPITAL_AFTER = /^\s*,\s*(?:the|die|der)\s+(?:[\p{Ll}]+\s+)?(?:Provinzhauptstadt|provincial\s+capital)(?![\p{L}])/u;
// "people" and "Menschen" are a population only where the text says they live there.
const PEOPLE_CONTEXT = /(?:home\s+to|city\s+of|metropolis\s+of|town\s+of|Stadt\s+mit|Metropole\s+mit|leben|wohnen|lebten|live|living)\s[^.;]{0,40}$/iu;
const ANAPHOR_SUBJECT = /^(?:\s*[„“"]?)(?:Die|Der|Das|The|Diese|Dieser|This)\s+(?:[\p{Ll}][\p{L}-]*\s+)?(Stadt|Metropole|Millionenmetropole|Stadtbezirk|Bezirk|Provinzhauptstadt|Hafenstadt|city|metropolis|district|town)(?![\p{L}])|^(?:\s*)(?:Sie|It|Its|Ihre|Seine)\s/u;
const MULTIPLIER: Record<string, number> = {
  'mio.': 1e6, millionen: 1e6, million: 1e6, 'mrd.': 1e9, milliarden: 1e9, billion: 1e9, 'tsd.': 1e3, tausend: 1e3, thousand: 1e3,
};

export const cityAttributeParser: Parser = {
  name: 'city-attribute',
  parse(doc) {
    const claims: CityAttributeClaim[] = [];
    const push = (city: string, attribute: CityAttributeName, value: string | number, start: number, end: number, rule: string, implied = false) => {
      claims.push({ kind: 'city_attribute', city, attribute, value, evidence: evidenceOf(doc, start, end), provenance: { rule, ...(implied ? { implied: ['city'] } : {}) } });
    };
    for (const sentence of doc.sentences) {
      const cities = doc.cities.filter((c) => c.start >= sentence.start && c.end <= sentence.end);
      const subject = cities.find((c) => !isGoverned(doc, c, sentence.start)) ?? null;
      cities.forEach((city, i) => {
        const next = cities[i + 1];
        const clauseEnd = Math.min(next ? next.start : sentence.end, clauseEndAfter(doc, city.end, sentence.end));
        // "… ist nach Mainz und Ludwigshafen die drittgrößte Stadt in Rheinland-Pfalz": what follows an object city describes the subject.
        const owner = subject && subject !== city && isGoverned(doc, cities[i - 1] && COORDINATED.test(doc.text.slice(cities[i - 1]!.end, city.start)) ? cities[i - 1]! : city, sentence.start) ? subject : city;
        readAdmin1(doc, city, owner, doc.text.slice(city.end, clauseEnd), push);
        readDistrict(doc, city, cities, push);
        readProvincialCapital(doc, city, push);
      });
      readPopulation(doc, sentence, cities, push);
    }
    return claims;
  },
};

type Push = (city: string, attribute: CityAttributeName, value: string | number, start: number, end: number, rule: string, implied?: boolean) => void;

/** Where a city's clause ends: a semicolon, a dash, or "und"/"and" before another clause. */
function clauseEndAfter(doc: AnalysedDocument, from: number, limit: number): number {
  const window = doc.text.slice(from, Math.min(limit, from + 100));
  const m = /;|\s[–—]\s|\.\s/u.exec(window);
  return from + (m ? m.index : window.length);
}

function readAdmin1(doc: AnalysedDocument, city: CityMention, owner: CityMention, after: string, push: Push): void {
  const capital = CAPITAL.exec(after);
  if (capital && capital.index < 60) {
    const admin1 = admin1Of(doc, capital[1]!);
    if (admin1) {
      push(city.name, 'capital_of', admin1.name, city.start, city.end + capital.index + capital[0].length, 'city-attribute/capital-of');
      return;
    }
  }
  for (const [index, pattern] of ADMIN1_PHRASES.entries()) {
    const m = pattern.exec(after);
    if (!m) continue;
    // Only the bracket may follow directly; the other forms must stay close to the city.
    if (index === 0 ? m.index !== 0 : m.index > 70) continue;
    const admin1 = admin1Of(doc, m[1]!);
    if (!admin1) continue;
    // "in Guangzhou" names a city; only a province or Bundesland is an admin1 here.
    if (index === 3 && doc.cities.some((c) => c.start === city.end + m.index + m[0].indexOf(m[1]!) && c.place.type !== 'province')) continue;
    const attribute: CityAttributeName = admin1.country === 'CN' ? 'province' : 'state';
    // Directly attached phrases belong to the city itself, a phrase further on to the clause's subject.
    const target = index === 0 || m.index < 4 ? city : owner;
    if (target.name === admin1.name) continue;
    push(target.name, attribute, admin1.name, Math.min(target.start, city.start), city.end + m.index + m[0].length, `city-attribute/${attribute}`);
    return;
  }
}

/** An admin1 as written, trying shorter forms: "Guangdong Province", "North Rhine-Westphalia", "Guangxis". */
function admin1Of(doc: AnalysedDocument, written: string): { name: string; country: 'DE' | 'CN' } | null {
  const words = written.replace(/\s+(?:Province|province)$/u, '').split(/\s+/u);
  for (let n = words.length; n >= 1; n--) {
    const form = words.slice(0, n).join(' ');
    const found = doc.gazetteer.admin1(form) ?? (/s$/u.test(form) ? doc.gazetteer.admin1(form.slice(0, -1)) : null);
    if (found) return found;
  }
  return null;
}

/** "Provinzhauptstadt Zhengzhou", "Hefei, the provincial capital": capital of the province named last before. */
function readProvincialCapital(doc: AnalysedDocument, city: CityMention, push: Push): void {
  const before = doc.text.slice(Math.max(0, city.start - 40), city.start);
  const after = doc.text.slice(city.end, city.end + 60);
  const lead = PROVINCIAL_CAPITAL_BEFORE.exec(before);
  const trail = PROVINCIAL_CAPITAL_AFTER.exec(after);
  if (!lead && !trail) return;
  const province = lastProvinceBefore(doc, city.start - (lead ? lead[0].length : 0));
  if (!province) return;
  push(city.name, 'capital_of', province, lead ? city.start - lead[0].length : city.start, trail ? city.end + trail[0].length : city.end, 'city-attribute/provincial-capital');
}

function lastProvinceBefore(doc: AnalysedDocument, at: number): string | null {
  const window = doc.text.slice(Math.max(0, at - 800), at);
  const words = [...window.matchAll(/\p{Lu}[\p{L}]+/gu)].reverse();
  for (const w of words) {
    const found = doc.gazetteer.admin1(w[0]);
    if (found && found.country === 'CN' && !doc.cities.some((c) => c.name === found.name && c.place.type !== 'province')) return found.name;
  }
  return null;
}

function readDistrict(doc: AnalysedDocument, district: CityMention, cities: CityMention[], push: Push): void {
  for (const other of cities) {
    if (other === district || other.start < district.end) continue;
    const gap = doc.text.slice(district.end, other.start);
    if (gap.length > 40) break;
    const precededByBezirk = /(?:Bezirk|Stadtbezirk|Distrikt)\s+$/u.test(doc.text.slice(Math.max(0, district.start - 12), district.start));
    if (DISTRICT_AFTER.test(gap) || ((precededByBezirk || /^\s+(?:District|district)/u.test(gap)) && DISTRICT_BEFORE_IN.test(gap))) {
      push(district.name, 'district_of', other.name, district.start, other.end, 'city-attribute/district-of');
      return;
    }
  }
  // "Shenzhen … its Bao'an District", "Shenzhens Bezirk Bao'an": the owner stands before.
  const before = doc.text.slice(Math.max(0, district.start - 30), district.start);
  const owner = /(?:its|seinen|seinem|ihren|ihrem)\s+$/u.test(before) && /^\s+(?:District|district|Bezirk)/u.test(doc.text.slice(district.end, district.end + 10))
    ? [...cities].reverse().find((c) => c.end <= district.start && c !== district)
    : null;
  if (owner && owner.name !== district.name) push(district.name, 'district_of', owner.name, owner.start, district.end + 9, 'city-attribute/district-of-possessive');
}

function readPopulation(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: Push): void {
  const found: Array<{ value: number; start: number; end: number }> = [];
  for (const pattern of [POPULATION, POPULATION_OF]) {
    pattern.lastIndex = 0;
    for (const m of sentence.text.matchAll(pattern)) {
      const noun = pattern === POPULATION ? m[3]! : 'Einwohner';
      if (/^(?:people|Menschen)$/u.test(noun) && !PEOPLE_CONTEXT.test(sentence.text.slice(0, m.index))) continue;
      const n = parseCardinal(m[1]!, /[.,]\d{3}(?!\d)/.test(m[1]!) ? doc.language : 'de');
      if (n === null) continue;
      const mult = m[2] ? MULTIPLIER[m[2].toLowerCase()] ?? 1 : 1;
      found.push({ value: Math.round(n * mult), start: sentence.start + m.index, end: sentence.start + m.index + m[0].length });
    }
  }
  for (const f of found) {
    const anaphor = ANAPHOR_SUBJECT.exec(sentence.text);
    let city: CityMention | null | undefined = null;
    let implied = false;
    const appositive = [...cities].reverse().find((c) => c.end <= f.start && APPOSITIVE_BEFORE.test(doc.text.slice(c.end, f.start)));
    if (appositive) {
      city = appositive;
    } else if (LEADING_WITH.test(sentence.text) && sentence.start + sentence.text.search(LEADING_WITH) <= f.start && !cities.some((c) => c.end <= f.start)) {
      city = cities.find((c) => c.start >= f.end && !isGoverned(doc, c, sentence.start));
    } else if (anaphor) {
      city = antecedent(doc, sentence, anaphor[1] ?? '', sentence.text.slice(0, anaphor.index + anaphor[0].length));
      implied = true;
    } else {
      city = [...cities].reverse().find((c) => c.end <= f.start && !/(?:in|im|nach|aus|von|of|at|to|Westen|Osten|Norden|Süden)\s+(?:der|dem|the)?\s*$/u.test(doc.text.slice(Math.max(sentence.start, c.start - 20), c.start)));
    }
    if (city) push(city.name, 'population', f.value, implied ? sentence.start : Math.min(city.start, f.start), f.end, 'city-attribute/population', implied);
  }
}

/**
 * The city "Die Stadt" / "Der Stadtbezirk" / "Die ostchinesische Metropole" refers back to: the
 * latest city that was a subject (no preposition governs it) of a sentence before.
 */
function antecedent(doc: AnalysedDocument, sentence: Sentence, noun: string, phrase: string): CityMention | null {
  const wantDistrict = /bezirk|district/iu.test(noun);
  const country = /chines|chinese/iu.test(phrase) ? 'CN' : /deutsch|german/iu.test(phrase) ? 'DE' : null;
  const earlier = doc.cities.filter((c) => c.end <= sentence.start && c.start >= sentence.start - 1500 && (wantDistrict || !isGoverned(doc, c)));
  for (let i = earlier.length - 1; i >= 0; i--) {
    const c = earlier[i]!;
    if (wantDistrict && c.place.type !== 'city_district') continue;
    if (country && c.country !== country) continue;
    return c;
  }
  return null;
}
