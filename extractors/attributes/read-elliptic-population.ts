/**
 * A population given by comparison with the one stated just before, its noun left out: "Rund
 * 900 000 Menschen leben in A. In B sind es gerade mal 120 000.", "A has 2 million inhabitants; in B,
 * the figure is 300,000." The place opens the sentence; the number needs a population in the
 * sentence before it in the same paragraph, else "sind es 20" could count anything.
 */
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import { CARDINAL_SOURCE, parseCardinal } from '../text/number-words.ts';
import { qualifierOf } from '../counts/count-vocabulary.ts';
import type { PushFinding } from './attribute-finding.ts';
import { alternation, MULTIPLIER_SOURCE, multiplierValue } from './attribute-vocabulary.ts';
import { DIGITS, findPopulations, MULTIPLIER, QUALIFIED } from './read-population.ts';
import { isPlausiblePopulation } from './plausible-population.ts';

const INHABITANTS = `(?:${alternation('inhabitants')}|${alternation('people')})`;
// "In B sind es gerade mal 120 000", "Im Landkreis B leben dagegen 150 000", "In B, the figure is about 300,000".
const ELLIPSIS_AFTER_PLACE = new RegExp(`^\\s*,?\\s+(?:(?:dagegen|hingegen|nur|lediglich|by\\s+contrast|however)\\s+)?(?:${alternation('ellipticCopulas')})\\s+(?:(?:dagegen|hingegen|nur|lediglich|only)\\s+)?${QUALIFIED}(?:${DIGITS}|(?<word>${CARDINAL_SOURCE})(?=\\s+(?:${MULTIPLIER_SOURCE})))\\s*${MULTIPLIER}?(?:\\s+(?<noun>${INHABITANTS}))?\\s*[.;!]?\\s*$`, 'iu');
// "Ulm hat 126.000 Einwohner, Qingdao rund 9 Millionen", "A has 2 million inhabitants and B about 300,000": a second
// place right after a population, with its number and no noun of its own.
const GAPPED_AFTER_POPULATION = /^\s*(?:,|;|\s[–—])?\s*(?:(?:und|and|while|während|whereas)\s+)?(?:(?:die|der|das|the)\s+(?:Stadt|Partnerstadt|Landkreis|Kreis|city\s+of)\s+)?$/u;
const GAPPED_NUMBER = new RegExp(`^\\s+(?:(?:hat|has|zählt|counts|mit|with|nur|only|dagegen|by\\s+contrast)\\s+)*${QUALIFIED}(?:${DIGITS}|(?<word>${CARDINAL_SOURCE})(?=\\s+(?:${MULTIPLIER_SOURCE})))\\s*${MULTIPLIER}?(?=\\s*(?:[.;,)]|$|\\s(?:und|and)\\s))`, 'iu');
const PLACE_OPENS = /^\s*(?:In|Im|in|im)\s+(?:(?:der|dem|the)\s+)?$/u;

export function readEllipticPopulation(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  const place = cities[0];
  if (!place || !PLACE_OPENS.test(doc.text.slice(sentence.start, place.start).replace(/(?:Stadt|Landkreis|Kreis|Bezirk|city\s+of)\s+$/u, ''))) return;
  const m = ELLIPSIS_AFTER_PLACE.exec(doc.text.slice(place.end, sentence.end));
  if (!m) return;
  const groups = m.groups ?? {};
  // A noun of its own makes it a stated population, read by the stated forms.
  if (groups['noun']) return;
  const previous = doc.sentences[sentence.index - 1];
  if (!previous || previous.paragraph !== sentence.paragraph || findPopulations(doc, previous).length === 0) return;
  const written = (groups['number'] ?? groups['word'] ?? '').replace(/[\s\u00a0\u202f]/gu, '');
  const n = parseCardinal(written, /[.,]\d{3}(?!\d)/u.test(written) ? doc.language : 'de');
  if (n === null) return;
  const value = Math.round(n * multiplierValue(groups['multiplier']));
  if (value < 100) return;
  push({
    city: place.name, attribute: 'population', value, qualifier: qualifierOf(groups['qualifier']),
    start: place.start, end: place.end + m[0].trimEnd().length, rule: 'city-attribute/population-elliptic',
  });
}

/** "Ulm hat 126.000 Einwohner, Qingdao rund 9 Millionen": the place after a stated population, its noun left out. */
export function readGappedPopulation(doc: AnalysedDocument, sentence: Sentence, cities: CityMention[], push: PushFinding): void {
  for (const f of findPopulations(doc, sentence)) {
    const place = cities.find((c) => c.start >= f.end && GAPPED_AFTER_POPULATION.test(doc.text.slice(f.end, c.start)));
    if (!place || place.place.type === 'province' || place.place.type === 'state') continue;
    const m = GAPPED_NUMBER.exec(doc.text.slice(place.end, sentence.end));
    if (!m) continue;
    const groups = m.groups ?? {};
    const written = (groups['number'] ?? groups['word'] ?? '').replace(/[\s\u00a0\u202f]/gu, '');
    const n = parseCardinal(written, /[.,]\d{3}(?!\d)/u.test(written) ? doc.language : 'de');
    if (n === null) continue;
    const value = Math.round(n * multiplierValue(groups['multiplier']));
    // "…, Ulm 2019": a year or a handful is no population.
    if (value < 1000 || (!groups['multiplier'] && /^(?:1[89]|20)\d\d$/u.test(written))) continue;
    if (!isPlausiblePopulation(place.place, value)) continue;
    push({
      city: place.name, attribute: 'population', value, qualifier: qualifierOf(groups['qualifier']),
      start: place.start, end: place.end + m[0].length, rule: 'city-attribute/population-gapped',
    });
  }
}
