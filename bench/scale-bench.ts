/**
 * `npm run bench -- --scale`: the whole night (crawl, extract, reconcile) at the size of a real
 * dataset. A generated corpus (releases of real size, varied cities and numbers, some PDFs;
 * generated, nothing copied from a corpus) is crawled on a first night and again unchanged, on
 * PGlite (on disk, as `isa run` keeps it) and on Postgres (DATABASE_URL). Each database mode runs
 * in its own process so its peak RSS is its own. Prints docs/s, CPU-s (and the Postgres
 * backends'), peak RSS, rows written per night (pg_stat_user_tables) and the reconcile time.
 *
 *   npm run bench -- --scale [--releases 2000] [--pdfs 50] [--modes pglite,postgres]
 *   npx tsx bench/scale-bench.ts --releases 10000 --pdfs 250
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../sql/database.ts';
import { upsertSource } from '../sql/queries/sources.ts';
import { sourceSchema } from '../core/source-config.ts';
import { loadGazetteer } from '../extractors/gazetteer/load-gazetteer.ts';
import { currentExtractorVersion } from '../pipelines/extract/extractor-version.ts';
import { runPipeline } from '../pipelines/run/run-pipeline.ts';
import { InProcessStageRunner, type StageRunner } from '../pipelines/run/run-stage.ts';

// The write bench names this process's Postgres connections (PGAPPNAME), so backend CPU is only ours.
import { backendCpuSeconds as ourBackendCpuSeconds } from './write-bench.ts';
import { PER_LISTING, startGeneratedSite } from './generated-press-site.ts';

interface NightFigures {
  night: string;
  documents: Record<string, number>;
  claims: number;
  wallSeconds: number;
  cpuSeconds: number;
  backendCpuSeconds: number;
  reconcileSeconds: number;
  /** The extract stage alone: from its first job to the reconcile (all extract jobs done). */
  extract: ExtractPhase | null;
  peakRssMb: number;
  rowsWritten: number;
  rowsByTable: Record<string, number>;
}

async function tableWrites(database: Database, url: string | null): Promise<Record<string, number>> {
  if (database.kind === 'pglite') {
    await sql`select pg_stat_force_next_flush()`.execute(database.db);
    await sql`select 1`.execute(database.db);
    await sql`select pg_stat_clear_snapshot()`.execute(database.db);
    const { rows } = await sql<{ relname: string; n: string }>`select relname, n_tup_ins + n_tup_upd + n_tup_del as n from pg_stat_user_tables`.execute(database.db);
    return Object.fromEntries(rows.map((r) => [r.relname, Number(r.n)]));
  }
  // Postgres backends report their counters when they end: read after the night's pool closed.
  const client = new pg.Client({ connectionString: url! });
  await client.connect();
  try {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await client.query('select pg_stat_clear_snapshot()');
    const { rows } = await client.query<{ relname: string; n: string }>('select relname, n_tup_ins + n_tup_upd + n_tup_del as n from pg_stat_user_tables where schemaname = $1', [database.schema]);
    return Object.fromEntries(rows.map((r) => [r.relname, Number(r.n)]));
  } finally {
    await client.end();
  }
}

async function backendCpuSeconds(url: string | null): Promise<number> {
  return url ? ourBackendCpuSeconds(url) : 0;
}

interface ExtractPhase {
  wallSeconds: number;
  /** This process's CPU over the phase (in-process mode: the extraction and its writes). */
  cpuSeconds: number;
  backendCpuSeconds: number;
  /** Workers' CPU over the phase (queue mode), read from /proc. */
  workerCpuSeconds: number;
}

interface CpuMark {
  at: number;
  cpu: NodeJS.CpuUsage;
  backend: number;
  workers: number;
}

/**
 * Times the extract stage (first extract job to the reconcile job, when every extract job is done)
 * and the reconcile stage of a run; everything else passes through.
 */
class TimedRunner implements StageRunner {
  readonly mode;
  reconcileSeconds = 0;
  extract: ExtractPhase | null = null;
  readonly #inner: StageRunner;
  readonly #mark: () => Promise<CpuMark>;
  #extractStart: Promise<CpuMark> | null = null;
  constructor(inner: StageRunner, mark: () => Promise<CpuMark>) {
    this.#inner = inner;
    this.#mark = mark;
    this.mode = inner.mode;
  }
  async run<J extends Parameters<StageRunner['run']>[0]>(job: J) {
    if (job.stage === 'extract') {
      this.#extractStart ??= this.#mark();
      await this.#extractStart;
    }
    if (job.stage === 'reconcile' && this.#extractStart) {
      const [start, end] = [await this.#extractStart, await this.#mark()];
      const cpu = (end.cpu.user + end.cpu.system - start.cpu.user - start.cpu.system) / 1e6;
      this.extract = { wallSeconds: (end.at - start.at) / 1000, cpuSeconds: cpu, backendCpuSeconds: end.backend - start.backend, workerCpuSeconds: end.workers - start.workers };
    }
    const t0 = performance.now();
    try {
      return await this.#inner.run(job);
    } finally {
      if (job.stage === 'reconcile') this.reconcileSeconds += (performance.now() - t0) / 1000;
    }
  }
  close() {
    return this.#inner.close();
  }
}

// One database mode, two nights; prints one JSON line per night for the parent.
async function child(mode: 'pglite' | 'postgres', origin: string, releases: number): Promise<void> {
  const url = mode === 'postgres' ? process.env.DATABASE_URL! : null;
  const dataDir = mode === 'pglite' ? mkdtempSync(join(tmpdir(), 'isa-scale-')) + '/pglite' : '';
  const schema = `scale_${process.pid}`;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
  }
  const open = () => (url ? openDatabase({ databaseUrl: url, schema }) : openDatabase({ dataDir }));
  const gazetteer = loadGazetteer();
  const extractorVersion = currentExtractorVersion();
  const source = sourceSchema.parse({
    id: 'scale',
    name: 'Generated press office',
    organisation: 'Scale bench',
    startUrls: [{ url: `${origin}/presse/liste?seite=1`, type: 'listing' }],
    follow: ['/presse/meldungen/*'],
    maxPages: releases + Math.ceil(releases / PER_LISTING) + 10,
    allowPrivate: true,
  });
  try {
    {
      const database = await open();
      const migrated = await migrate(database.db, url ? { schema } : {});
      if (migrated.error) throw migrated.error;
      await upsertSource(database.db, source);
      await database.close();
    }
    let before: Record<string, number> = {};
    for (const night of ['first', 'unchanged']) {
      // Each night on its own connections, as a nightly process has them.
      const database = await open();
      // PGlite's counters start again with each open (they are not kept across a restart).
      if (night === 'first' || database.kind === 'pglite') before = await tableWrites(database, url);
      const mark = async (): Promise<CpuMark> => ({ at: performance.now(), cpu: process.cpuUsage(), backend: await backendCpuSeconds(url), workers: 0 });
      const runner = new TimedRunner(new InProcessStageRunner({ db: database.db, gazetteer, extractorVersion, crawlOptions: { hostDelayMs: 0, maxConcurrency: 8, perHostConcurrency: 8 } }), mark);
      const backend0 = await backendCpuSeconds(url);
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const report = await runPipeline({ db: database.db, runner, extractorVersion }, { sourceIds: [source.id], kind: 'scale-bench' });
      const wallSeconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const backend = (await backendCpuSeconds(url)) - backend0;
      if (database.kind === 'postgres') await database.close();
      const reopened = database.kind === 'postgres' ? await open() : database;
      const after = await tableWrites(reopened, url);
      await reopened.close();
      const rowsByTable: Record<string, number> = {};
      for (const [table, n] of Object.entries(after)) if (n - (before[table] ?? 0) > 0) rowsByTable[table] = n - (before[table] ?? 0);
      before = after;
      const figures: NightFigures = {
        night,
        documents: report.documents as unknown as Record<string, number>,
        claims: report.extracted.claims,
        wallSeconds,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        backendCpuSeconds: backend,
        reconcileSeconds: runner.reconcileSeconds,
        extract: runner.extract,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
        rowsWritten: Object.values(rowsByTable).reduce((a, b) => a + b, 0),
        rowsByTable,
      };
      console.log(`NIGHT ${JSON.stringify(figures)}`);
    }
  } finally {
    if (dataDir) rmSync(dataDir.replace(/\/pglite$/, ''), { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop schema if exists ${schema} cascade`);
      await admin.end();
    }
  }
}

function formatExtractPhase(e: ExtractPhase, claims: number): string {
  const cpu = e.cpuSeconds + e.backendCpuSeconds + e.workerCpuSeconds;
  const parts = [`${e.cpuSeconds.toFixed(1)} CPU-s`, e.backendCpuSeconds > 0 ? `+ ${e.backendCpuSeconds.toFixed(1)} backend` : '', e.workerCpuSeconds > 0 ? `+ ${e.workerCpuSeconds.toFixed(1)} workers` : ''].filter(Boolean);
  return `${e.wallSeconds.toFixed(1)} s wall, ${parts.join(' ')} = ${cpu.toFixed(1)} CPU-s; ${claims} claims: ${(claims / e.wallSeconds).toFixed(0)} claims/s wall, ${(claims / cpu).toFixed(0)} claims per CPU-s`;
}

/** Runs the scale bench: starts the generated site, one child per database mode, prints a table. */
export async function runScaleBench(options: { releases: number; pdfs: number; modes?: Array<'pglite' | 'postgres'> }): Promise<void> {
  const site = await startGeneratedSite({ pages: options.releases, pdfs: options.pdfs });
  const cores = availableParallelism();
  console.log(`scale bench: ${options.releases} releases (~50 KB HTML, ${options.pdfs} of them PDFs), first night and an unchanged night`);
  console.log(`  machine: ${cores} cores, load average ${loadavg()[0]!.toFixed(1)} (free cores ≈ ${Math.max(0, cores - loadavg()[0]!).toFixed(1)})`);
  try {
    const modes = (options.modes ?? ['pglite', 'postgres']).filter((m) => m === 'pglite' || process.env.DATABASE_URL);
    for (const mode of modes) {
      const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', mode, '--origin', site.origin, '--releases', String(options.releases)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
      const nights = (result.stdout ?? '').split('\n').filter((l) => l.startsWith('NIGHT ')).map((l) => JSON.parse(l.slice(6)) as NightFigures);
      if (result.status !== 0) console.log(`  ${mode}: exited with ${result.status ?? result.signal}`);
      for (const n of nights) {
        const docs = Object.values(n.documents).reduce((a, b) => a + b, 0);
        console.log(
          `  ${mode.padEnd(8)} ${n.night.padEnd(9)} ${(docs / n.wallSeconds).toFixed(1)} docs/s  ${n.wallSeconds.toFixed(0)} s wall  ${n.cpuSeconds.toFixed(1)} CPU-s${mode === 'postgres' ? ` + ${n.backendCpuSeconds.toFixed(1)} backend` : ''}  peak RSS ${n.peakRssMb.toFixed(0)} MB  rows written ${n.rowsWritten} ${JSON.stringify(n.rowsByTable)}  reconcile ${n.reconcileSeconds.toFixed(1)} s  ${JSON.stringify(n.documents)} claims ${n.claims}`,
        );
        if (n.extract && n.claims > 0) console.log(`    extract stage: ${formatExtractPhase(n.extract, n.claims)}`);
      }
    }
    if (process.env.REDIS_URL) console.log('  REDIS_URL: the 1- and 2-worker figures are not measured by this bench yet (see README).');
  } finally {
    await site.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { child: { type: 'string' }, origin: { type: 'string' }, releases: { type: 'string' }, pdfs: { type: 'string' }, modes: { type: 'string' }, scale: { type: 'boolean' } } });
  const releases = Number(values.releases ?? 2000);
  if (values.child) await child(values.child as 'pglite' | 'postgres', values.origin!, releases);
  else await runScaleBench({ releases, pdfs: Number(values.pdfs ?? Math.round(releases / 40)), modes: values.modes ? (values.modes.split(',') as Array<'pglite' | 'postgres'>) : undefined });
}
