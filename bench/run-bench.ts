/**
 * `npm run bench`: runs each benchmark in its own process (so one's warm caches and heap do not
 * flatter the next) and prints their figures. Benchmarks print; they never assert.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BENCHES = [
  { name: 'crawl: CPU per real-size page vs a bare CheerioCrawler, unchanged night, claim rows/s, PGlite bytea', file: 'bench/crawl-bench.ts' },
  { name: 'extract: claims from text, documents/s on one core', file: 'bench/extract-bench.ts' },
  { name: 'documents: parse + extract, HTML and PDF separately, documents/s', file: 'bench/document-bench.ts' },
  { name: 'gazetteer: load time and matching throughput', file: 'scripts/gazetteer/bench-gazetteer.ts' },
  { name: 'main text: hand-written rules vs Readability on the fixture pages', file: 'bench/parse-compare.ts' },
  { name: 'startup: isa --help, extract, flags against node -e 0', file: 'bench/startup-bench.ts' },
  { name: 'reconcile: full at 1×–300× the fixture run (growth per ×3), incremental after one new document', file: 'bench/reconcile-bench.ts' },
];

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
// `--scale [--releases N] [--pdfs N]`: the whole night at dataset size instead of the quick benches.
const scale = args.includes('--scale');
const only = scale ? [] : args;
let failed = 0;
if (scale) {
  console.log('\n== scale: first and unchanged night at dataset size, PGlite and Postgres  [bench/scale-bench.ts]');
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/scale-bench.ts', ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
for (const bench of scale ? [] : BENCHES) {
  if (only.length > 0 && !only.some((o) => bench.file.includes(o))) continue;
  if (!existsSync(new URL(bench.file, `file://${root}/`))) {
    console.log(`\n== ${bench.name}\n   (missing: ${bench.file})`);
    continue;
  }
  console.log(`\n== ${bench.name}  [${bench.file}]`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', bench.file], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    failed++;
    console.log(`   ${bench.file} exited with ${result.status ?? result.signal}`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;
