/**
 * A province or Land given to a city noun without a name: "Zu der Stadt in der südchinesischen
 * Provinz Guangdong pflegt Ingolstadt Kontakte", "the city in Hubei province": the city the text
 * talked about before (of the province's country). A designator must name the province.
 */
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import { admin1Of } from './admin1-of.ts';
import { antecedentOfCountry } from './antecedent-city.ts';
import type { PushFinding } from './attribute-finding.ts';
import { allMatches } from '../text/all-matches.ts';

const ADMIN1_NAME = '\\p{Lu}[\\p{L}]+(?:[-\\s]\\p{Lu}[\\p{L}]+){0,2}';
const NOUN_IN_ADMIN1 = new RegExp(
  `(?<![\\p{L}])(?:Die|Der|Zu\\s+der|die|der|den|dem|The|the)\\s+(?:[\\p{Ll}][\\p{L}-]*\\s+)?(?<noun>Stadt|Partnerstadt|Metropole|Hafenstadt|Industriestadt|city|town)\\s+(?:in|im)\\s+(?:(?:der|dem|the)\\s+)?(?:[\\p{Ll}][\\p{L}-]*\\s+){0,2}`
  + `(?:(?:Provinz|Bundesland|Freistaat|province\\s+of|state\\s+of)\\s+(?<after>${ADMIN1_NAME})|(?<before>${ADMIN1_NAME})\\s+[Pp]rovince)`,
  'gu',
);

export function readAnaphorAdmin1(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  for (const m of allMatches(NOUN_IN_ADMIN1, sentence.text)) {
    const start = sentence.start + m.index;
    // "die Stadt Ingolstadt in …" is named (the city rules read it); so is a phrase after a city of the sentence.
    if (cities.some((c) => c.end <= start)) continue;
    const admin1 = admin1Of(doc, m.groups?.['after'] ?? m.groups?.['before'] ?? '', true);
    if (!admin1) continue;
    const city = antecedentOfCountry(doc, sentence, admin1.country);
    if (!city || city.name === admin1.name) continue;
    const attribute = admin1.country === 'CN' ? 'province' : 'state';
    push({ city: city.name, attribute, value: admin1.name, start, end: start + m[0].length, rule: `city-attribute/${attribute}-of-anaphor`, implied: ['city'] });
  }
}
