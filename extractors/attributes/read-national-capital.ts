/**
 * The capital of a country named beside it: "die Hauptstadt Beijing", "in der chinesischen Hauptstadt
 * Peking", "Chinas Hauptstadt Peking", "Beijing, the capital of China", "Peking ist die Hauptstadt der
 * Volksrepublik", "die Bundeshauptstadt Berlin". Only the city that is the country's capital is read
 * (a capital word beside another city names a province's or Land's capital, read elsewhere), and a
 * former capital ("die ehemalige Hauptstadt Bonn", "the former capital Nanjing") is history, not read.
 */
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import type { PushFinding } from './attribute-finding.ts';

/** Each country's capital and the value a claim gives for the country. */
const NATIONAL_CAPITALS: Record<'CN' | 'DE', { city: string; country: string }> = {
  CN: { city: 'Beijing', country: 'China' },
  DE: { city: 'Berlin', country: 'Deutschland' },
};

const COUNTRY_ADJECTIVE = '(?:chinesische[nmrs]?|deutsche[nmrs]?|Chinese|German)';
const COUNTRY_GENITIVE = "(?:Chinas|China['’]s|Deutschlands|Germany['’]s|der\\s+Volksrepublik(?:\\s+China)?|der\\s+Bundesrepublik(?:\\s+Deutschland)?|of\\s+(?:the\\s+People['’]s\\s+Republic\\s+of\\s+)?China|of\\s+Germany)";
const CAPITAL_WORD = '(?:Hauptstadt|Bundeshauptstadt|capital(?:\\s+city)?)';
// "die Hauptstadt ", "der chinesischen Hauptstadt ", "Chinas Hauptstadt ", "the Chinese capital of ": right before the city.
const CAPITAL_BEFORE = new RegExp(`(?:^|[\\s(])(?:(?:die|der|the|${COUNTRY_GENITIVE})\\s+)?(?:${COUNTRY_ADJECTIVE}\\s+)?${CAPITAL_WORD}\\s+(?:of\\s+)?$`, 'u');
// ", the capital of China", " ist die Hauptstadt Chinas", " (Hauptstadt der Volksrepublik)": right after the city.
const CAPITAL_AFTER = new RegExp(`^\\s*(?:,|\\(|[–—]|\\s(?:ist|is|war|was))\\s*(?:(?:die|the)\\s+)?(?:${COUNTRY_ADJECTIVE}\\s+)?${CAPITAL_WORD}(?:\\s+${COUNTRY_GENITIVE})?(?!\\s*(?:der|des|von|of|und|and)\\s)(?![\\p{L}])`, 'u');
const FORMER = /(?:ehemalig|früher|einstig|damalig|alte[nr]?\s|former|old\s|one-time)\S*\s+(?:\S+\s+)?$/iu;

export function readNationalCapital(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  for (const city of cities) {
    const capital = city.country === 'CN' || city.country === 'DE' ? NATIONAL_CAPITALS[city.country] : null;
    if (!capital || city.name !== capital.city) continue;
    const before = doc.text.slice(Math.max(sentence.start, city.start - 60), city.start);
    const lead = CAPITAL_BEFORE.exec(before);
    const trail = CAPITAL_AFTER.exec(doc.text.slice(city.end, Math.min(sentence.end, city.end + 80)));
    if (!lead && !trail) continue;
    const leadStart = lead ? city.start - before.length + lead.index : city.start;
    if (FORMER.test(doc.text.slice(Math.max(sentence.start, leadStart - 30), lead ? leadStart + lead[0].length : city.end + (trail?.[0].length ?? 0)).replace(/\s*$/u, ' '))) continue;
    // A country named with the capital word must be the city's own.
    const words = (lead?.[0] ?? '') + (trail?.[0] ?? '');
    if (city.country === 'CN' ? /deutsch|German/u.test(words) : /chines|Chin/u.test(words)) continue;
    push({
      city: city.name, attribute: 'capital_of', value: capital.country, start: leadStart, end: trail ? city.end + trail[0].length : city.end,
      rule: 'city-attribute/national-capital',
    });
  }
}
