/**
 * How fast `isa` starts, as a user types it: `bin/isa.mjs` in a fresh process each time, against
 * `node -e 0` measured in the same run (the machine's own start cost), median of a few tries.
 * Budgets (issue 11.6), over that baseline: `isa --help` 0.3 s, `isa extract` of a 5 KB text 0.6 s,
 * `isa flags` on the fixture database 1.5 s. Builds dist/ first when it is stale.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'isa.mjs');
const TRIES = Number(process.env.BENCH_TRIES ?? 5);

function wallSeconds(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 4) throw new Error(`${args.join(' ')} exited ${result.status}: ${String(result.stderr).slice(0, 400)}`);
  return seconds;
}

function median(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const times = Array.from({ length: TRIES }, () => wallSeconds(args, env)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** About 5 KB of our own press-release prose (never corpus text): dates, counts, a member list. */
function fiveKilobyteRelease(): string {
  const paragraph = [
    'Musterstadt, 14. März 2024. Die Stadt Musterstadt ist der Industriestädteallianz beigetreten.',
    'Dem Bündnis gehören damit zwölf deutsche und 23 chinesische Städte an, darunter Beispielburg, Köln und Duisburg.',
    'Oberbürgermeisterin Erika Muster unterzeichnete die Beitrittserklärung am Rande der Jahreskonferenz in Foshan.',
    'Die Partnerschaft mit Foshan besteht seit 2015 und soll im kommenden Jahr um einen Austausch von Auszubildenden erweitert werden.',
  ].join(' ');
  let text = 'Pressemitteilung der Stadt Musterstadt\n\n';
  while (text.length < 5000) text += `${paragraph}\n\n`;
  return text.slice(0, 5120);
}

// dist/ must be fresh, or bin/isa.mjs falls back to tsx and the figures measure the compiler.
const built = spawnSync(process.execPath, [join(root, 'scripts', 'build-dist.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('npm run build failed');

const work = mkdtempSync(join(tmpdir(), 'isa-startup-bench-'));
try {
  const release = join(work, 'release.txt');
  writeFileSync(release, fiveKilobyteRelease());
  const dataDir = join(work, 'data');
  const fixtures = { ISA_DATA_DIR: dataDir, ISA_FIXTURES_PORT: String(await freePort()), ISA_HOST_DELAY_MS: '0', DATABASE_URL: '', REDIS_URL: '' };
  const run = spawnSync(process.execPath, [bin, 'run', '--format', 'json'], { cwd: root, env: { ...process.env, ...fixtures }, stdio: ['ignore', 'ignore', 'pipe'] });
  if (run.status !== 0 && run.status !== 3) throw new Error(`isa run for the fixture database exited ${run.status}: ${String(run.stderr).slice(0, 400)}`);

  const baseline = median(['-e', '0']);
  const rows = [
    { what: 'isa --help', seconds: median([bin, '--help']), budget: 0.3 },
    { what: 'isa extract (5 KB text)', seconds: median([bin, 'extract', release]), budget: 0.6 },
    { what: 'isa flags (fixture database)', seconds: median([bin, 'flags'], fixtures), budget: 1.5 },
  ];
  console.log(`   node -e 0                          ${baseline.toFixed(2)} s (baseline, median of ${TRIES})`);
  for (const row of rows) {
    const over = row.seconds - baseline;
    console.log(`   ${row.what.padEnd(34)} ${row.seconds.toFixed(2)} s wall, ${over.toFixed(2)} s over node  (budget ${row.budget} s: ${over <= row.budget ? 'met' : 'OVER'})`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
