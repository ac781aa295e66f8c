/**
 * Extraction throughput: generates a few thousand synthetic press releases (German and English,
 * cities drawn from the gazetteer data, varied numbers and phrasing), extracts claims from each
 * on one core, and prints documents per second and the gazetteer load time.
 *
 *   npx tsx bench/extract-bench.ts [documents=3000]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadGazetteer } from '../extractors/gazetteer/load-gazetteer.ts';
import type { PlacesFile } from '../extractors/gazetteer/gazetteer-data.ts';
import { extractClaims } from '../extractors/extract-claims.ts';

const DOCUMENTS = Number(process.argv[2] ?? 3000);

// A small deterministic generator, so every run measures the same texts.
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const places = (JSON.parse(readFileSync(new URL('../extractors/gazetteer/data/places.json', import.meta.url), 'utf8')) as PlacesFile).places;
const german = places.filter((p) => p[2] === 'DE' && p[3] === 'municipality' && (p[7] ?? 0) > 40_000).map((p) => p[1]);
const chinese = places.filter((p) => p[2] === 'CN' && p[3] === 'prefecture_city').map((p) => p[1]);
const provinces = [...new Set(places.filter((p) => p[2] === 'CN' && p[4]).map((p) => p[4]!))];

const DE_NUMBERS = ['zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'vierzehn', 'zwanzig', 'einundzwanzig'];
const EN_NUMBERS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fourteen', 'twenty'];
const MONTHS_DE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)]!;
}

function some<T>(rnd: () => number, items: readonly T[], n: number): T[] {
  return Array.from({ length: n }, () => pick(rnd, items));
}

function germanRelease(rnd: () => number): string {
  const city = pick(rnd, german);
  const partner = pick(rnd, chinese);
  const year = 2016 + Math.floor(rnd() * 8);
  const day = 1 + Math.floor(rnd() * 28);
  const month = Math.floor(rnd() * 12);
  const de = some(rnd, german, 4 + Math.floor(rnd() * 6));
  const cn = some(rnd, chinese, 3 + Math.floor(rnd() * 6));
  return [
    `${city} ${pick(rnd, ['tritt der Chinesisch-Deutschen Industriestädteallianz bei', 'wird Mitglied der Industriestädte-Allianz', 'beim Jahrestreffen der ISA'])}`,
    '',
    `${city}, ${day}. ${MONTHS_DE[month]} ${year}`,
    '',
    `Die Stadt ${city} ist am ${day}. ${MONTHS_DE[month]} ${year} der Chinesisch-Deutschen Industriestädteallianz (ISA) ${pick(rnd, ['beigetreten', 'als neues Mitglied beigetreten'])}. Die offizielle Aufnahme in das Netzwerk erfolgte bei der ${1 + Math.floor(rnd() * 8)}. Plenarversammlung auf der Hannover Messe.`,
    '',
    `Die Allianz wurde im April 2016 gegründet. ${pick(rnd, ['Mittlerweile', 'Inzwischen', 'Aktuell'])} gehören ihr ${pick(rnd, DE_NUMBERS)} deutsche Städte (${de.join(', ')}) sowie ${cn.length} chinesische Städte (${cn.join(', ')}) an. ${pick(rnd, ['Mehr als', 'Rund', 'Knapp'])} ${20 + Math.floor(rnd() * 50)} Städte aus ${3 + Math.floor(rnd() * 9)} Bundesländern und Provinzen sind im Austausch.`,
    '',
    `Seit ${2000 + Math.floor(rnd() * 20)} sind ${city} und ${partner} Partnerstädte. ${partner} (Provinz ${pick(rnd, provinces)}) hat rund ${(1 + rnd() * 9).toFixed(1).replace('.', ',')} Mio. Einwohner. Die Stadt unterzeichnete eine Kooperationsvereinbarung mit der chinesischen Metropole ${pick(rnd, chinese)}.`,
    '',
    `Pressekontakt: Presseamt der Stadt ${city}, Rathausplatz ${1 + Math.floor(rnd() * 40)}, ${10000 + Math.floor(rnd() * 89999)} ${city}, Telefon 0${Math.floor(rnd() * 9000 + 1000)} ${Math.floor(rnd() * 900 + 100)}-${Math.floor(rnd() * 9000)}`,
  ].join('\n');
}

function englishRelease(rnd: () => number): string {
  const city = pick(rnd, chinese);
  const year = 2016 + Math.floor(rnd() * 8);
  const month = Math.floor(rnd() * 12);
  const admitted = some(rnd, chinese, 2 + Math.floor(rnd() * 3));
  return [
    `${city} hosts plenary meeting of the Sino-German Industrial Cities Alliance`,
    '',
    `Foreign Affairs Office | ${MONTHS_EN[month]} ${1 + Math.floor(rnd() * 28)}, ${year}`,
    '',
    `The ${pick(rnd, ['second', 'third', 'fourth', 'fifth'])} plenary meeting of the Sino-German Industrial Cities Alliance (ISA) opened in ${city} on Monday. ${city}, a city of ${(2 + rnd() * 10).toFixed(1)} million people in ${pick(rnd, provinces)} Province, is a founding member of the alliance.`,
    '',
    `The alliance was founded in April 2016 with ${pick(rnd, EN_NUMBERS)} Chinese and ${pick(rnd, EN_NUMBERS)} German founding cities. Today it counts more than ${30 + Math.floor(rnd() * 40)} member cities. The plenary admitted ${admitted.length} new Chinese member cities: ${admitted.slice(0, -1).join(', ')} and ${admitted.at(-1)}.`,
    '',
    `${city} has been a sister city of ${pick(rnd, german)} since ${1985 + Math.floor(rnd() * 30)}. Nearly ${10 + Math.floor(rnd() * 90)} German companies presented their products; phone +86 ${Math.floor(rnd() * 900 + 100)} ${Math.floor(rnd() * 9e7 + 1e7)}.`,
  ].join('\n');
}

const rnd = random(20261120);
const texts = Array.from({ length: DOCUMENTS }, (_, i) => (i % 3 === 2 ? englishRelease(rnd) : germanRelease(rnd)));

const loadStart = performance.now();
const gazetteer = loadGazetteer();
const loadMs = performance.now() - loadStart;

// Warm up the JIT on a few documents before timing.
for (const text of texts.slice(0, 50)) extractClaims(text, { gazetteer, published: null, language: 'de', now: new Date(0) });

let claims = 0;
const start = performance.now();
for (const [i, text] of texts.entries()) {
  claims += extractClaims(text, { gazetteer, published: null, language: i % 3 === 2 ? 'en' : 'de', now: new Date(0) }).length;
}
const seconds = (performance.now() - start) / 1000;
const chars = texts.reduce((n, t) => n + t.length, 0);

console.log(`gazetteer load: ${loadMs.toFixed(0)} ms`);
console.log(`documents: ${DOCUMENTS} (${(chars / DOCUMENTS).toFixed(0)} chars on average), claims: ${claims} (${(claims / DOCUMENTS).toFixed(1)} per document)`);
console.log(`extraction: ${(DOCUMENTS / seconds).toFixed(0)} documents/second on one core (${((seconds * 1000) / DOCUMENTS).toFixed(2)} ms per document)`);
