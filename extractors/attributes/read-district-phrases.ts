/**
 * Districts a text names with their city, also where the gazetteer knows no such district (renamed
 * or merged ones, Berlin's Bezirke): "Jianggan ist ein Stadtbezirk von Hangzhou", "den Stadtbezirken
 * Hangzhou-Jianggan, Chengdu-Dayi und Chengdu-Pixian", "dem Bezirk Charlottenburg-Wilmersdorf der
 * Stadt Berlin". An unknown district keeps its written name; the reconciler flags names it cannot resolve.
 */
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import type { PushFinding } from './attribute-finding.ts';

const NAME = "\\p{Lu}[\\p{L}'’]+(?:-\\p{Lu}[\\p{L}'’]+)*";
const DISTRICT_NOUN = '(?:Stadtbezirk|Bezirk|Distrikt|Kreis|Landkreis|district|urban\\s+district|county)';
// Words that open a sentence and are no district: "Das ist ein Stadtbezirk von …".
const NOT_A_NAME = /^(?:Das|Dies|Dieser|Diese|Er|Sie|Es|Hier|Dort|This|It|That|There|Here|Die|Der)$/u;
// "Jianggan ist ein Stadtbezirk von Hangzhou", "Nanhai is a district of Foshan".
const COPULA_DISTRICT = new RegExp(`(?<![\\p{L}])(?<district>${NAME})\\s+(?:ist|is|war|was)\\s+(?:ein|eine|einer|a|an|one)\\s+(?:(?:der\\s+)?\\p{Ll}[\\p{L}-]*\\s+)?${DISTRICT_NOUN}\\s+(?:von|of|der\\s+Stadt|in)\\s+$`, 'u');
// "dem Bezirk Charlottenburg-Wilmersdorf der Stadt Berlin", "Bezirk Dongcheng von Beijing".
const NOUN_NAME_OF = new RegExp(`(?<![\\p{L}])${DISTRICT_NOUN}\\s+(?<district>${NAME})\\s+(?:der\\s+Stadt|der\\s+Metropole|der\\s+Hauptstadt|von|of|in)\\s+$`, 'u');
// "den Stadtbezirken Hangzhou-Jianggan, Chengdu-Dayi und Chengdu-Pixian": a plural district noun before city-district compounds.
const PLURAL_DISTRICT_NOUN = /(?<![\p{L}])(?:Stadtbezirke|Stadtbezirken|Bezirke|Bezirken|Distrikte|Distrikten|districts)\s+$/u;
const COMPOUND_TAIL = /^-(?<district>\p{Lu}[\p{L}'’]+)(?![\p{L}-])/u;
const RUN_GAP = /^\s*(?:,|und|and|sowie)\s*$/u;

export function readDistrictPhrases(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  const known = (start: number, end: number) => doc.cities.find((c) => c.start === start && c.end === end);
  for (const city of cities) {
    const before = doc.text.slice(Math.max(sentence.start, city.start - 90), city.start);
    for (const pattern of [COPULA_DISTRICT, NOUN_NAME_OF]) {
      const m = pattern.exec(before);
      const written = m?.groups?.['district'];
      if (!m || !written || NOT_A_NAME.test(written)) continue;
      const start = city.start - before.length + m.index + m[0].indexOf(written);
      const district = known(start, start + written.length)?.name ?? written;
      // A district the gazetteer knows is read by the district rules with its own checks.
      if (district === city.name || known(start, start + written.length)) continue;
      push({ city: district, attribute: 'district_of', value: city.name, start, end: city.end, rule: 'city-attribute/district-named' });
    }
  }
  // City-district compounds after a plural district noun, the first one and those coordinated with it.
  let inRun = false;
  let previousEnd = -1;
  for (const city of cities) {
    const tail = COMPOUND_TAIL.exec(doc.text.slice(city.end, city.end + 40));
    const opens = PLURAL_DISTRICT_NOUN.test(doc.text.slice(Math.max(sentence.start, city.start - 30), city.start));
    inRun = tail !== null && (opens || (inRun && RUN_GAP.test(doc.text.slice(previousEnd, city.start))));
    if (!tail || !inRun) continue;
    const district = tail.groups?.['district'] ?? '';
    previousEnd = city.end + tail[0].length;
    push({ city: district, attribute: 'district_of', value: city.name, start: city.start, end: previousEnd, rule: 'city-attribute/district-compound' });
  }
}
