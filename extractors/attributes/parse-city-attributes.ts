/**
 * What a text says about a city: its province or Bundesland ("Dongguan (Provinz Guangdong)",
 * "Ma'anshan in der Provinz Anhui", "Shenzhen, in Guangdong Province"), the capital it is
 * ("Düsseldorf, die Hauptstadt von Nordrhein-Westfalen", "Hefei, capital of Anhui"), the city
 * a district belongs to ("Bao'an (Bezirk der Stadt Shenzhen)", "Bezirk Nansha in Guangzhou"),
 * and its population ("8 Mio. Einwohner", "a population of 7.5 million"). What the text says
 * is reported even when it is wrong; the reconciler checks it against the gazetteer.
 */
import type { CityAttributeClaim, CityAttributeName } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import { evidenceOf, type Parser } from '../parser.ts';
import { antecedentOfCountry } from './antecedent-city.ts';
import type { PushFinding } from './attribute-finding.ts';
import { admin1Of } from './admin1-of.ts';
import { readPopulation } from './read-population.ts';
import { readEllipticPopulation, readGappedPopulation } from './read-elliptic-population.ts';
import { readAnaphorAdmin1 } from './read-anaphor-admin1.ts';
import { readPredicatedAdmin1 } from './read-predicated-admin1.ts';
import { readNationalCapital } from './read-national-capital.ts';
import { readRegion } from './read-region.ts';
import { readDistrictPhrases } from './read-district-phrases.ts';
import { readAdministrativeArea } from './read-administrative-area.ts';
import { readGazetteerPlacement } from './read-gazetteer-placement.ts';
import { isGoverned } from '../places/governed.ts';
import { allMatches } from '../text/all-matches.ts';

const COORDINATED = /^\s*(?:,|und|and|sowie)\s*$/u;

const ADMIN1_NAME = "\\p{Lu}[\\p{L}]+(?:[-\\s]\\p{Lu}[\\p{L}]+){0,2}";
// Province or Bundesland phrases after a city, within its clause.
const ADMIN1_PHRASES: RegExp[] = [
  // "(Provinz Guangdong)", "(Hubei Province)", "(beide Guangxi)" — the last shared by the cities before.
  new RegExp(`^\\s*\\(\\s*(?:beide|both|alle|all)?\\s*(?<admin1>(?:Provinz|Province|Bundesland|Land|Freistaat|Autonome\\s+Region)?\\s*${ADMIN1_NAME}(?:\\s+(?:Province|province))?)\\s*\\)`, 'u'),
  // "Provinz Guandong" (misspelt, the designator says what it is), "Bayerns Partnerprovinz Shandong", "der ostchinesischen Region Shandong".
  new RegExp(`(?<![\\p{L}])(?:(?<designator>\\p{Lu}\\p{Ll}*provinz|Provinz|[Pp]rovince\\s+of)|[Ss]tate\\s+of|Bundesland|Bundeslandes|Freistaat|Freistaats|Autonomen\\s+Region|Autonome\\s+Region|[Aa]utonomous\\s+[Rr]egion\\s+of|Region)\\s+(?<admin1>${ADMIN1_NAME})`, 'u'),
  new RegExp(`(?<admin1>${ADMIN1_NAME})\\s+(?<designator>Province|province)`, 'u'),
  // "in northern Jiangsu", "in central Shandong", "im nördlichen Sachsen": a part of the province or Land.
  new RegExp(`(?:^|\\s)(?:in|im|aus)\\s+(?:(?:the|dem)\\s+)?(?:(?:northern|southern|eastern|western|central|north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|southwestern|nördlichen|südlichen|östlichen|westlichen)\\s+)?(?<admin1>${ADMIN1_NAME})(?![\\p{L}])`, 'u'),
];
// What may stand between a city and its province phrase for the phrase to be the city's own:
// "Yangzhou in der ostchinesischen Provinz Jiangsu", "Foshan in south China's Guangdong Province".
const ATTACHED_GAP = /^\s*,?\s*(?:(?:in|im|aus|of|from)\s+(?:(?:der|dem|des|the)\s+)?)?(?:(?:[\p{Ll}][\p{L}-]*|(?:\p{Lu}\p{Ll}+[’']s)|German|Chinese)\s+){0,4}$/u;
// "Taicang, a county-level city under Suzhou in east China's Jiangsu Province": everything up to the
// province phrase is an appositive of the city before the comma (a verb particle may stand between).
const APPOSITIVE_GAP = /^(?:\s+\p{Ll}+)?\s*,\s*(?:a|an|one\s+of(?:\s+the)?|ein|eine|einer|einem|eines|der|die|das|the)\s(?:[^,;()–—]|(?<=\d),(?=\d))*$/u;
// "the Hunan city of Xiangyang", "the Guangdong city of Foshan": a province as a modifier before the city.
const ADMIN1_MODIFIER_BEFORE = new RegExp(`(?:the|a)\\s+(${ADMIN1_NAME})\\s+(?:city|town|district|county|prefecture|metropolis)\\s+of\\s+$`, 'u');
// "die drittgrößte Stadt Sachsen-Anhalts", "die größte Stadt Bayerns", "the largest city of Saxony": the Land of the city meant.
const CITY_NOUN_OF_ADMIN1 = new RegExp(`(?<![\\p{L}])(?:die|der|the)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?(?:Stadt|Großstadt|Kommune|Metropole|Industriestadt|city)\\s+(?:of\\s+)?(${ADMIN1_NAME})(?![\\p{L}])`, 'gu');
// "die thüringische Stadt Eisenach", "the Bavarian city of Ingolstadt": a Land as an adjective before the city noun.
const STATE_ADJECTIVES: Array<[RegExp, string]> = [
  [/^niedersächs/iu, 'Niedersachsen'], [/^(?:sachsen-anhaltisch|anhaltisch)/iu, 'Sachsen-Anhalt'], [/^(?:sächs|saxon)/iu, 'Sachsen'],
  [/^(?:thüring|thuringian)/iu, 'Thüringen'], [/^(?:bayer|bavarian)/iu, 'Bayern'], [/^(?:hessisch|hessian)/iu, 'Hessen'], [/^saarländ/iu, 'Saarland'],
  [/^brandenburg/iu, 'Brandenburg'], [/^baden-württemberg/iu, 'Baden-Württemberg'], [/^rheinland-pfälz/iu, 'Rheinland-Pfalz'],
  [/^nordrhein-westfäl/iu, 'Nordrhein-Westfalen'], [/^schleswig-holstein/iu, 'Schleswig-Holstein'], [/^mecklenburg/iu, 'Mecklenburg-Vorpommern'],
];
const ADJECTIVE_BEFORE_CITY = /(?<![\p{L}])(?:die|der|das|den|dem|des|the|a|an|eine|einer|einem|eines)\s+([\p{L}-]+)\s+(?:Stadt|Kreisstadt|Großstadt|Kommune|Gemeinde|Landkreis|Kreis|city|town|district)\s+(?:of\s+)?$/u;
// "der erste baden-württembergische Landkreis", "die zweite sächsische Stadt im Netzwerk": a noun phrase naming no city after it.
const COPULA_AFTER = /^\s+(?:ist|war|wird|wurde|is|was|becomes|became)\s+(?:\p{Ll}+\s+){0,2}$/u;
const COPULA_BEFORE = /(?:^|\s)(?:ist|war|wird|wurde|is|was)\s+$/u;
const ADJECTIVE_NOUN_PHRASE = /(?<![\p{L}])(?:der|die|das|the)\s+(?:(?:erste|zweite|dritte|vierte|fünfte|einzige|first|second|third|fourth|fifth|only)\p{L}*\s+)([\p{L}-]+)\s+(?:Stadt|Großstadt|Kommune|Landkreis|Kreis|Mitgliedsstadt|Mitglied|city|town|district|county|member)(?![\p{L}])(?!\s+(?:of\s+)?\p{Lu})/gu;
// "als erstes Mitglied aus dem Saarland", "the first member from Saxony": the Land of the city talked about.
const FIRST_FROM_ADMIN1 = new RegExp(`(?<![\\p{L}])(?:erstes|erste|ersten|einziges|first|only)\\s+(?:\\p{L}+\\s+)?(?:Mitglied|Stadt|Kommune|Landkreis|member|city|town|district)\\s+(?:aus|from)\\s+(?:(?:dem|der|the)\\s+)?(${ADMIN1_NAME})(?![\\p{L}])`, 'gu');
// "im Westen Thüringens", "in the heart of Saxony": a part of a Land placing the city the sentence is about.
const PART_OF_ADMIN1 = new RegExp(`(?<![\\p{L}])(?:im|in\\s+the)\\s+(?:Westen|Osten|Norden|Süden|Nordwesten|Nordosten|Südwesten|Südosten|Herzen|Zentrum|west|east|north|south|north-west|north-east|south-west|south-east|heart|centre|center)\\s+(?:of\\s+)?(${ADMIN1_NAME})(?![\\p{L}])`, 'gu');
// "die Hauptstadt der chinesischen Provinz Zhejiang", "the capital of the southern Chinese province of Sichuan".
const CAPITAL = new RegExp(`(?:Hauptstadt|Provinzhauptstadt|Landeshauptstadt|capital|provincial\\s+capital)\\s+(?:(?:der|des|von|of)\\s+(?:the\\s+)?)?(?:(?:[\\p{Ll}][\\p{L}-]*|Chinese|German|(?:\\p{Ll}+\\s+)?China['’]s)\\s+){0,3}?(?:(?:Provinz|Bundeslandes|Landes|Freistaats|Freistaates|province\\s+of|state\\s+of)\\s+)?(?<admin1>(?!(?:Chinese|German)\\s)(?:Provinz\\s+)?${ADMIN1_NAME}(?:\\s+(?:Province|province))?)(?![\\p{L}'’])`, 'u');
const DISTRICT_AFTER = /^\s*(?:\(|,)\s*(?:ein|eine|einem|der|a|the)?\s*(?:Stadt)?(?:bezirk|Bezirk|district|District|Distrikt)\s+(?:der\s+Stadt|der\s+Metropole|von|of|in)\s+$/u;
// "Bezirk Nansha in Guangzhou", "Bezirk Jiangning der ostchinesischen Metropole Nanjing" (a genitive).
const DISTRICT_BEFORE_IN = /^(?:\s+(?:District|district|Bezirk))?\s+(?:in|of|von|der\s+(?:[\p{Ll}][\p{L}-]*\s+)?(?:Stadt|Metropole|Millionenmetropole|Millionenstadt|Provinzhauptstadt|Hauptstadt))\s+$/u;
// "Longgang District, Shenzhen": the city after a comma.
const DISTRICT_BRACKET = /^(?:\s+(?:District|district))?\s*\(\s*$/u;
const DISTRICT_COMMA_CITY = /^\s+(?:District|district|Bezirk)\s*,\s*$/u;
// "Nanhai, one of Foshan's five districts", "Nansha, einer der Bezirke von Guangzhou".
const ONE_OF_DISTRICTS_BEFORE = /^\s*,\s*(?:one\s+of(?:\s+the)?|einer\s+der|eines\s+der|eine\s+der)\s+(?:(?:\p{Ll}[\p{L}-]*|\d+)\s+){0,2}?(?:(?:Stadtbezirke|Bezirke|districts)\s+(?:von|of|der\s+Stadt)\s+)?$/u;
const ONE_OF_DISTRICTS_AFTER = /^(?:['’]s)?\s+(?:(?:\p{Ll}[\p{L}-]*|\d+)\s+){0,2}(?:urban\s+)?(?:districts|Stadtbezirke|Bezirke)(?![\p{L}])/u;
// "Provinzhauptstadt Zhengzhou", "Hefei, the provincial capital": the province named before.
const PROVINCIAL_CAPITAL_BEFORE = /(?:Provinzhauptstadt|provincial\s+capital|Hauptstadt\s+der\s+Provinz)\s+$/u;
const PROVINCIAL_CAPITAL_AFTER = /^\s*,\s*(?:the|die|der)\s+(?:[\p{Ll}]+\s+)?(?:Provinzhauptstadt|provincial\s+capital)(?![\p{L}])/u;

export const cityAttributeParser: Parser = {
  name: 'city-attribute',
  parse(doc) {
    const claims: CityAttributeClaim[] = [];
    const pushFinding: PushFinding = (f) => {
      claims.push({
        kind: 'city_attribute', city: f.city, attribute: f.attribute, value: f.value, ...(f.qualifier ? { qualifier: f.qualifier } : {}),
        evidence: evidenceOf(doc, f.start, f.end), provenance: { rule: f.rule, ...(f.implied?.length ? { implied: f.implied } : {}) },
      });
    };
    const push: Push = (city, attribute, value, start, end, rule, implied = false) => pushFinding({ city, attribute, value, start, end, rule, ...(implied ? { implied: ['city'] } : {}) });
    for (const sentence of doc.sentences) {
      const cities = doc.cities.filter((c) => c.start >= sentence.start && c.end <= sentence.end);
      const subject = cities.find((c) => !isGoverned(doc, c, sentence.start)) ?? null;
      cities.forEach((city, i) => {
        const next = cities[i + 1];
        const clauseEnd = Math.min(next ? next.start : sentence.end, clauseEndAfter(doc, city.end, sentence.end));
        // "… ist nach Mainz und Ludwigshafen die drittgrößte Stadt in Rheinland-Pfalz": what follows an object city describes the subject.
        const owner = subject && subject !== city && isGoverned(doc, cities[i - 1] && COORDINATED.test(doc.text.slice(cities[i - 1]!.end, city.start)) ? cities[i - 1]! : city, sentence.start) ? subject : city;
        readAdmin1(doc, { sentence, cities, index: i }, owner, doc.text.slice(city.end, clauseEnd), push);
        readAdmin1Modifier(doc, city, push);
        readDistrict(doc, city, cities, push);
        readProvincialCapital(doc, city, push);
      });
      readPopulation(doc, sentence, cities, pushFinding);
      readEllipticPopulation(doc, sentence, cities, pushFinding);
      readGappedPopulation(doc, sentence, cities, pushFinding);
      readCityNounOfAdmin1(doc, sentence, cities, push);
      readAnaphorAdmin1(doc, sentence, cities, pushFinding);
      readPredicatedAdmin1(doc, sentence, cities, pushFinding);
      readNationalCapital(doc, sentence, cities, pushFinding);
      readRegion(doc, sentence, cities, pushFinding);
      readDistrictPhrases(doc, sentence, cities, pushFinding);
      readAdministrativeArea(doc, sentence, cities, pushFinding);
      // Last: it only adds placements the phrase rules above did not read.
      readGazetteerPlacement(doc, sentence, cities, claims, pushFinding);
    }
    return claims;
  },
};

type Push = (city: string, attribute: CityAttributeName, value: string | number, start: number, end: number, rule: string, implied?: boolean) => void;

/** Where a city's clause ends: a semicolon, a dash, or "und"/"and" before another clause. */
function clauseEndAfter(doc: AnalysedDocument, from: number, limit: number): number {
  const window = doc.text.slice(from, Math.min(limit, from + 140));
  const m = /;|\s[–—]\s|\.\s/u.exec(window);
  return from + (m ? m.index : window.length);
}

interface CityInSentence {
  sentence: Sentence;
  cities: CityMention[];
  index: number;
}

function readAdmin1(doc: AnalysedDocument, at: CityInSentence, owner: CityMention, after: string, push: Push): void {
  const city = at.cities[at.index]!;
  const capital = CAPITAL.exec(after);
  if (capital && capital.index < 60) {
    const admin1 = admin1Of(doc, capital.groups?.['admin1'] ?? '', /Provinz|province/u.test(capital[0]));
    if (admin1 && admin1.country === city.country) {
      const end = city.end + capital.index + capital[0].length;
      push(city.name, 'capital_of', admin1.name, city.start, end, 'city-attribute/capital-of');
      // "die Hauptstadt der Provinz Zhejiang" also names the province the city lies in (read below); "von Nordrhein-Westfalen" only the capital.
    }
  }
  for (const [index, pattern] of ADMIN1_PHRASES.entries()) {
    const m = pattern.exec(after);
    if (!m) continue;
    const gap = after.slice(0, m.index);
    const head = appositiveHead(doc, at, city.end + m.index);
    // Only the bracket may follow directly; the other forms stay close to the city, or inside its appositive.
    if (index === 0 ? m.index !== 0 : m.index > (head ? 130 : 70)) continue;
    const written = m.groups?.['admin1'] ?? '';
    const admin1 = admin1Of(doc, written, m.groups?.['designator'] !== undefined || /^(?:Provinz|Province)\s/u.test(written));
    if (!admin1) continue;
    // "in Guangzhou" names a city; only a province or Bundesland is an admin1 here.
    if (index === 3 && doc.cities.some((c) => c.start === city.end + m.index + m[0].indexOf(written) && c.place.type !== 'province')) continue;
    const attribute: CityAttributeName = admin1.country === 'CN' ? 'province' : 'state';
    // An appositive's phrase belongs to its head; a phrase attached to the city ("in der ostchinesischen
    // Provinz Jiangsu") to the city; a phrase further on to the clause's subject. Never across countries.
    const attached = index === 0 || m.index < 4 || ATTACHED_GAP.test(gap);
    const target = [head, attached ? city : owner, city].find((c): c is CityMention => c !== null && c.country === admin1.country);
    if (!target || target.name === admin1.name) continue;
    const end = city.end + m.index + m[0].length;
    push(target.name, attribute, admin1.name, Math.min(target.start, city.start), end, `city-attribute/${attribute}`);
    // "Köln und Aachen in Nordrhein-Westfalen", "Liuzhou und Nanning (beide Guangxi)": the phrase is shared by the run before.
    if (target === city && attached) {
      for (let k = at.index - 1; k >= 0; k--) {
        const previous = at.cities[k]!;
        if (!COORDINATED.test(doc.text.slice(previous.end, at.cities[k + 1]!.start)) || previous.country !== admin1.country) break;
        // "the Shandong city of Zibo, Huai'an in northern Jiangsu": an item with its own descriptor keeps it.
        if (ADMIN1_MODIFIER_BEFORE.test(doc.text.slice(Math.max(0, previous.start - 60), previous.start)) || ADJECTIVE_BEFORE_CITY.test(doc.text.slice(Math.max(0, previous.start - 60), previous.start))) break;
        push(previous.name, attribute, admin1.name, previous.start, end, `city-attribute/${attribute}-shared`);
      }
    }
    return;
  }
}

/** The city whose appositive (", a county-level city under Suzhou in …") runs from it to `at`, if any. */
function appositiveHead(doc: AnalysedDocument, at: CityInSentence, to: number): CityMention | null {
  for (let k = at.index; k >= 0; k--) {
    const head = at.cities[k]!;
    if (APPOSITIVE_GAP.test(doc.text.slice(head.end, to))) return head;
  }
  return null;
}

/** "the Hunan city of Xiangyang": the province modifies the city after it. */
function readAdmin1Modifier(doc: AnalysedDocument, city: CityMention, push: Push): void {
  const before = doc.text.slice(Math.max(0, city.start - 60), city.start);
  const m = ADMIN1_MODIFIER_BEFORE.exec(before);
  const modifier = m ? admin1Of(doc, m[1]!) : null;
  if (m && modifier) {
    const admin1 = modifier;
    if (admin1.country !== city.country) return;
    push(city.name, admin1.country === 'CN' ? 'province' : 'state', admin1.name, city.start - before.length + m.index, city.end, 'city-attribute/admin1-modifier');
    return;
  }
  const adjective = ADJECTIVE_BEFORE_CITY.exec(before);
  const state = adjective ? stateOfAdjective(adjective[1]!) : null;
  const admin1 = state ? admin1Of(doc, state) : null;
  if (!adjective || !admin1 || admin1.country !== city.country) return;
  push(city.name, 'state', admin1.name, city.start - before.length + adjective.index, city.end, 'city-attribute/state-adjective');
}

/** "Für die drittgrößte Stadt Sachsen-Anhalts": the Land of the sentence's subject or of the city talked about. */
function readCityNounOfAdmin1(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: Push): void {
  // Only "die … Stadt Bayerns" compares after a preposition ("in jeder anderen Stadt Bayerns"); the other forms place.
  const found = [
    ...allMatches(CITY_NOUN_OF_ADMIN1, sentence.text).map((m) => ({ m, written: m[1]!, guarded: true })),
    ...[...allMatches(PART_OF_ADMIN1, sentence.text), ...allMatches(FIRST_FROM_ADMIN1, sentence.text)].map((m) => ({ m, written: m[1]!, guarded: false })),
  ];
  // "ist … die zweite sächsische Stadt in dem Netzwerk", "der erste baden-württembergische Landkreis": the adjective's Land.
  for (const m of allMatches(ADJECTIVE_NOUN_PHRASE, sentence.text)) {
    const state = stateOfAdjective(m[1]!);
    if (state) found.push({ m, written: state, guarded: true });
  }
  for (const { m, written, guarded } of found) {
    const admin1 = admin1Of(doc, written);
    if (!admin1) continue;
    const at = sentence.start + m.index;
    // The noun phrase must not follow a preposition ("in jeder anderen Stadt Bayerns" compares, it does not place).
    if (guarded && /(?:^|\s)(?:in|im|als|than|in|wie|jeder|jede)\s+$/iu.test(doc.text.slice(Math.max(sentence.start, at - 12), at))) continue;
    // "Nach A, B und C ist Wetzlar die vierte hessische Kommune": the city right before the copula is the one described.
    // "X ist die …", inverted "… ist X die …".
    const predicated = [...cities].reverse().find((c) => c.end <= at && (COPULA_AFTER.test(doc.text.slice(c.end, at)) || (/^\s+$/u.test(doc.text.slice(c.end, at)) && COPULA_BEFORE.test(doc.text.slice(Math.max(0, c.start - 12), c.start)))));
    // A copula whose subject is no city we know ("… ist Wetzlar die vierte …" with Wetzlar unread) describes none of the others.
    if (!predicated && /(?:^|\s)\p{Lu}[\p{L}-]*\s+(?:ist|war|wird|wurde|is|was|becomes|became)\s+(?:\p{Ll}+\s+){0,2}$/u.test(doc.text.slice(Math.max(sentence.start, at - 60), at))) continue;
    if (!predicated && /\s(?:ist|war|wird|wurde|is|was)\s+\p{Lu}[\p{L}-]*\s+$/u.test(doc.text.slice(Math.max(sentence.start, at - 60), at))) continue;
    const subject = predicated ?? cities.find((c) => c.end <= at && !isGoverned(doc, c, sentence.start));
    const anaphoric = !subject && !cities.some((c) => c.end <= at);
    const city = subject ?? (anaphoric ? antecedentOfCountry(doc, sentence, admin1.country) : null);
    if (!city || city.country !== admin1.country || city.name === admin1.name) continue;
    push(city.name, admin1.country === 'CN' ? 'province' : 'state', admin1.name, subject ? Math.min(subject.start, at) : at, at + m[0].length, 'city-attribute/city-of-admin1', !subject);
  }
}

/** The Land an adjective names ("thüringische", "Bavarian"), or null. */
function stateOfAdjective(adjective: string): string | null {
  return STATE_ADJECTIVES.find(([stem]) => stem.test(adjective))?.[1] ?? null;
}


/** "Provinzhauptstadt Zhengzhou", "Hefei, the provincial capital": capital of the province named last before. */
function readProvincialCapital(doc: AnalysedDocument, city: CityMention, push: Push): void {
  const before = doc.text.slice(Math.max(0, city.start - 40), city.start);
  const after = doc.text.slice(city.end, city.end + 60);
  const lead = PROVINCIAL_CAPITAL_BEFORE.exec(before);
  const trail = PROVINCIAL_CAPITAL_AFTER.exec(after);
  if (!lead && !trail) return;
  // "Provinzhauptstadt Nanjing (Jiangsu)": a bracket right after names the province.
  const bracket = lead ? /^\s*\(\s*(?:Provinz\s+)?([^()]{2,40}?)(?:\s+[Pp]rovince)?\s*\)/u.exec(after) : null;
  const inBracket = bracket ? admin1Of(doc, bracket[1]!) : null;
  const province = inBracket?.country === 'CN' ? inBracket.name : lastProvinceBefore(doc, city.start - (lead ? lead[0].length : 0));
  if (!province) return;
  const end = inBracket?.country === 'CN' && bracket ? city.end + bracket[0].length : trail ? city.end + trail[0].length : city.end;
  const start = lead ? city.start - lead[0].length : city.start;
  push(city.name, 'capital_of', province, start, end, 'city-attribute/provincial-capital');
}

function lastProvinceBefore(doc: AnalysedDocument, at: number): string | null {
  const window = doc.text.slice(Math.max(0, at - 800), at);
  const words = allMatches(/\p{Lu}[\p{L}]+/gu, window).reverse();
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
    const oneOf = ONE_OF_DISTRICTS_BEFORE.test(gap) && (/(?:districts|Bezirke)\s+(?:von|of|der\s+Stadt)\s+$/u.test(gap) || ONE_OF_DISTRICTS_AFTER.test(doc.text.slice(other.end, other.end + 40)));
    const commaCity = DISTRICT_COMMA_CITY.test(gap) && district.place.type === 'city_district' && other.place.type === 'prefecture_city';
    // "Bao'an District (Shenzhen)", "Bezirk Nansha (Guangzhou)": the city in the bracket right after a named district.
    const bracketCity = DISTRICT_BRACKET.test(gap) && (precededByBezirk || /^\s+(?:District|district)/u.test(gap)) && other.place.type === 'prefecture_city'
      && /^\s*\)/u.test(doc.text.slice(other.end, other.end + 3));
    if (DISTRICT_AFTER.test(gap) || oneOf || commaCity || bracketCity || ((precededByBezirk || /^\s+(?:District|district)/u.test(gap)) && DISTRICT_BEFORE_IN.test(gap))) {
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
