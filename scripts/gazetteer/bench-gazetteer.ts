/**
 * Measures gazetteer load time and matching throughput. Timing lives here, never in tests.
 *
 * Run: `npx tsx scripts/gazetteer/bench-gazetteer.ts [FILE...]` (defaults to the seed texts in
 * ../shared/seeds when present, else a built-in sample).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadGazetteer } from '../../extractors/gazetteer/load-gazetteer.ts';

const SAMPLE =
  'Mittlerweile gehören der Allianz zehn deutsche Städte (Aachen, Bottrop, Ingolstadt, Kelsterbach, Köln, Mainz, ' +
  'Wuppertal, Raunheim, Nürnberg, Rüsselsheim) sowie 14 chinesische Städte (Foshan, Guiyang, Jiangmen, Jiaozuo, ' +
  'Jieyang, Liuzhou, Ma’anshan, Nanchang, Nanning, Taizhou, Yunfu, Zhaoqing, Zhuzhouan, Bezirk Bao’an) an. ' +
  'Die Stadt Essen und der Landkreis Harburg, Düsseldorf in Nordrhein-Westfalen und Dongguan (Provinz Guangdong). ';

function texts(args: string[]): string[] {
  if (args.length > 0) return args.map((f) => readFileSync(f, 'utf8'));
  const seeds = new URL('../../../shared/seeds/', import.meta.url);
  if (existsSync(seeds)) {
    return readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(seeds.pathname, f), 'utf8'));
  }
  return [SAMPLE.repeat(10)];
}

const loadRuns = 3;
let loadMs = Number.POSITIVE_INFINITY;
const cold = performance.now();
let gazetteer = loadGazetteer();
const coldMs = performance.now() - cold;
for (let i = 0; i < loadRuns; i++) {
  const t0 = performance.now();
  gazetteer = loadGazetteer();
  loadMs = Math.min(loadMs, performance.now() - t0);
}

const docs = texts(process.argv.slice(2));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d), 0);
// Warm up the JIT before timing.
for (const d of docs) gazetteer.findMentions(d);
const rounds = 200;
let mentions = 0;
const t0 = performance.now();
for (let r = 0; r < rounds; r++) for (const d of docs) mentions += gazetteer.findMentions(d).length;
const seconds = (performance.now() - t0) / 1000;

const names = ['Zhuzhouan', 'Taizhou', 'Bezirk Bao’an', 'Kaiserslauten', 'Region Schwarzwald (Lahr und Freiburg)', 'Köln', 'Nuernburg'];
const t1 = performance.now();
const resolveRounds = 2000;
for (let r = 0; r < resolveRounds; r++) for (const n of names) gazetteer.resolveListItem(n);
const resolveSeconds = (performance.now() - t1) / 1000;

console.log(`places indexed:        ${gazetteer.size}`);
console.log(`load, first in process: ${coldMs.toFixed(0)} ms`);
console.log(`load, best of ${loadRuns} after: ${loadMs.toFixed(0)} ms`);
console.log(`findMentions:          ${docs.length} docs, ${(bytes / 1024).toFixed(1)} KB, ${rounds} rounds`);
console.log(`  throughput:          ${((bytes * rounds) / 1024 / 1024 / seconds).toFixed(2)} MB/s, ${Math.round((docs.length * rounds) / seconds)} docs/s, ${Math.round(mentions / seconds)} mentions/s`);
console.log(`resolveListItem:       ${Math.round((names.length * resolveRounds) / resolveSeconds)} items/s (mix incl. misspellings)`);
