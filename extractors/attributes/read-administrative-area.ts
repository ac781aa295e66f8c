/**
 * A county-level city or district placed in the administrative area of its prefecture city:
 * "Laizhou … gehört zum Verwaltungsgebiet der bezirksfreien Stadt Yantai", "Taicang, eine kreisfreie
 * Stadt im Verwaltungsgebiet von Suzhou", "Zum Verwaltungsgebiet Xiangtans gehört auch die Stadt
 * Shaoshan", "Kunshan … under the administration of Suzhou". Read as `district_of`, the parent city.
 */
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import { isGoverned } from '../places/governed.ts';
import type { Sentence } from '../text/segment-text.ts';
import type { PushFinding } from './attribute-finding.ts';

const AREA = '(?:Verwaltungsgebiet|Verwaltungsbereich|Stadtgebiet|administrative\\s+area|jurisdiction|administration)';
const PARENT_NOUN = '(?:(?:[\\p{Ll}][\\p{L}-]*\\s+)?(?:Stadt|Metropole|city|prefecture(?:-level\\s+city)?)\\s+(?:of\\s+)?)?';
// "… gehört zum Verwaltungsgebiet der bezirksfreien Stadt ": the parent follows; the sentence's subject is the part.
const BELONGS_TO_AREA = new RegExp(`(?:gehört|gehören|zählt|liegt|belongs|lies|is)\\s+(?:auch\\s+|also\\s+)?(?:zum|zur|im|to|under|in|within)\\s+(?:the\\s+)?${AREA}\\s+(?:der|des|von|of)\\s+(?:the\\s+)?${PARENT_NOUN}$`, 'u');
// "Taicang, eine kreisfreie Stadt im Verwaltungsgebiet von ": an appositive of the part.
const APPOSITIVE_AREA = new RegExp(`^\\s*,\\s*(?:eine|ein|einer|a|an)\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:im|in\\s+the|under\\s+the)\\s+${AREA}\\s+(?:von|der|des|of)\\s+${PARENT_NOUN}$`, 'u');
// "Zum Verwaltungsgebiet Xiangtans gehört auch die kreisfreie Stadt ": the parent first.
const AREA_BEFORE_PARENT = new RegExp(`(?:Zum|Zur|Im)\\s+${AREA}\\s+(?:von\\s+|der\\s+Stadt\\s+)?$`, 'u');
const PART_AFTER_PARENT = /^s?\s+(?:gehört|gehören|zählt|zählen|liegt|liegen)\s+(?:auch\s+)?(?:die|der|das)\s+(?:[\p{Ll}][\p{L}-]*\s+)?(?:Stadt|Kreis|Landkreis|Bezirk|Stadtbezirk)?\s*$/u;

export function readAdministrativeArea(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  cities.forEach((parent, i) => {
    const before = doc.text.slice(sentence.start, parent.start);
    const earlier = cities.slice(0, i);
    const part = BELONGS_TO_AREA.test(before) ? earlier.find((c) => !isGoverned(doc, c, sentence.start))
      : [...earlier].reverse().find((c) => APPOSITIVE_AREA.test(doc.text.slice(c.end, parent.start)));
    if (part && part.name !== parent.name && part.country === parent.country) {
      push({ city: part.name, attribute: 'district_of', value: parent.name, start: part.start, end: parent.end, rule: 'city-attribute/administrative-area' });
    }
    const next = cities[i + 1];
    if (next && AREA_BEFORE_PARENT.test(before) && PART_AFTER_PARENT.test(doc.text.slice(parent.end, next.start)) && next.country === parent.country && next.name !== parent.name) {
      push({ city: next.name, attribute: 'district_of', value: parent.name, start: parent.start, end: next.end, rule: 'city-attribute/administrative-area' });
    }
  });
}
