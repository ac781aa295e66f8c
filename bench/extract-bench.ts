/**
 * Extraction throughput, in CPU time of this process (the machine is shared, so wall time lies):
 *  - gold texts: every .txt/.html gold document of fixtures/gold, parsed once before timing, then
 *    extracted round after round — documents per CPU-second, with the ratio to the figure measured
 *    before the finders were shared (issue 10.4 asks for ≥ 3×);
 *  - 50 KB texts: gold texts joined to ~50 KB pages — MB per CPU-second (target ≥ 1);
 *  - synthetic releases (German and English, cities from the gazetteer), as before.
 *
 *   npx tsx bench/extract-bench.ts [synthetic documents=3000]
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadGazetteer } from '../extractors/gazetteer/load-gazetteer.ts';
import type { PlacesFile } from '../extractors/gazetteer/gazetteer-data.ts';
import { extractClaims } from '../extractors/extract-claims.ts';
import { parseDocument } from '../pipelines/parse/parse-document.ts';
import { contentTypeFromExtension } from '../pipelines/crawl/ingest-document.ts';

const DOCUMENTS = Number(process.argv[2] ?? 3000);

/** Gold-text documents per CPU-second before the finders were shared (2026-12-03, this machine under load, 84 texts; 50 KB pages then: 0.13 MB/CPU-s). */
const BASELINE_GOLD_DOCS_PER_CPU_S: number | null = 67;
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

/** CPU seconds (user + system) this process spends in `work`. */
function cpuSeconds(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}

interface GoldText {
  text: string;
  published: string | null;
  language: string;
}

async function goldTexts(): Promise<GoldText[]> {
  const root = fileURLToPath(new URL('../fixtures/gold/', import.meta.url));
  const out: GoldText[] = [];
  for (const set of readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory()).sort()) {
    for (const file of readdirSync(join(root, set)).filter((f) => /\.(txt|html?)$/.test(f)).sort()) {
      const path = join(root, set, file);
      const parsed = await parseDocument({ body: readFileSync(path), url: `file://${path}`, contentType: contentTypeFromExtension(path), fetchedAt: new Date(0) });
      out.push({ text: parsed.text, published: parsed.published, language: parsed.language });
    }
  }
  return out;
}

const extractOne = (d: GoldText): number => extractClaims(d.text, { gazetteer, published: d.published, language: d.language, now: new Date(0) }).length;

const gold = await goldTexts();
const goldChars = gold.reduce((n, d) => n + d.text.length, 0);
for (const d of gold) extractOne(d); // warm up the JIT
const ROUNDS = 5;
const goldCpu = cpuSeconds(() => {
  for (let r = 0; r < ROUNDS; r++) for (const d of gold) extractOne(d);
});
const goldRate = (ROUNDS * gold.length) / goldCpu;

// 50 KB pages: gold texts of one language joined until the page is ~50 KB.
const pages: GoldText[] = [];
for (const language of ['de', 'en']) {
  const pool = gold.filter((d) => d.language === language);
  let page = '';
  for (let i = 0; pool.length > 0 && pages.filter((p) => p.language === language).length < 6; i++) {
    page += `${pool[i % pool.length]!.text}\n\n`;
    if (page.length >= 50_000) {
      pages.push({ text: page, published: null, language });
      page = '';
    }
  }
}
const pageBytes = pages.reduce((n, p) => n + Buffer.byteLength(p.text), 0);
extractOne(pages[0]!);
const pageCpu = cpuSeconds(() => {
  for (const p of pages) extractOne(p);
});

// Synthetic releases.
for (const text of texts.slice(0, 50)) extractClaims(text, { gazetteer, published: null, language: 'de', now: new Date(0) });
let claims = 0;
const syntheticCpu = cpuSeconds(() => {
  for (const [i, text] of texts.entries()) {
    claims += extractClaims(text, { gazetteer, published: null, language: i % 3 === 2 ? 'en' : 'de', now: new Date(0) }).length;
  }
});
const chars = texts.reduce((n, t) => n + t.length, 0);

console.log(`gazetteer load: ${loadMs.toFixed(0)} ms`);
console.log(`gold texts: ${gold.length} documents (${(goldChars / gold.length).toFixed(0)} chars on average) × ${ROUNDS} rounds: ${goldRate.toFixed(0)} documents/CPU-s (${((1000 * goldCpu) / (ROUNDS * gold.length)).toFixed(2)} ms CPU per document)`
  + (BASELINE_GOLD_DOCS_PER_CPU_S ? `, ${(goldRate / BASELINE_GOLD_DOCS_PER_CPU_S).toFixed(2)}× the ${BASELINE_GOLD_DOCS_PER_CPU_S} documents/CPU-s before shared finders (target ≥ 3×)` : ''));
console.log(`50 KB texts: ${pages.length} pages of ${(pageBytes / pages.length / 1000).toFixed(0)} KB: ${(pageBytes / 1e6 / pageCpu).toFixed(2)} MB/CPU-s (${(pageCpu / pages.length * 1000).toFixed(0)} ms CPU per page; target ≥ 1 MB/CPU-s)`);
console.log(`synthetic: ${DOCUMENTS} documents (${(chars / DOCUMENTS).toFixed(0)} chars on average), claims: ${claims} (${(claims / DOCUMENTS).toFixed(1)} per document): ${(DOCUMENTS / syntheticCpu).toFixed(0)} documents/CPU-s`);
