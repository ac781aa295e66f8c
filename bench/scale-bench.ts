/**
 * `npm run bench -- --scale`: the whole night (crawl, extract, reconcile) at the size of a real
 * dataset. A generated corpus (releases of real size, varied cities and numbers, some PDFs;
 * generated, nothing copied from a corpus) is crawled on a first night and again unchanged, on
 * PGlite (on disk, as `isa run` keeps it) and on Postgres (DATABASE_URL). Each database mode runs
 * in its own process so its peak RSS is its own. Prints docs/s, CPU-s (and the Postgres
 * backends'), peak RSS, rows written per night (pg_stat_user_tables), the reconcile time and the
 * extract stage alone (claims per s and per CPU-s). With REDIS_URL too, the first night runs again
 * through Redis with 1 and 2 `isa worker` processes spawned here, and the speed-up is printed beside
 * the machine's free cores (cores minus load average).
 *
 *   npm run bench -- --scale [--releases 2000] [--pdfs 50] [--modes pglite,postgres,workers] [--workers 1,2]
 *   npx tsx bench/scale-bench.ts --releases 10000 --pdfs 250
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { Redis } from 'ioredis';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../sql/database.ts';
import { upsertSource } from '../sql/queries/sources.ts';
import { sourceSchema } from '../core/source-config.ts';
import { loadGazetteer } from '../extractors/gazetteer/load-gazetteer.ts';
import { currentExtractorVersion } from '../pipelines/extract/extractor-version.ts';
import { runPipeline } from '../pipelines/run/run-pipeline.ts';
import { InProcessStageRunner, type StageRunner } from '../pipelines/run/run-stage.ts';
import { databaseId } from '../sql/queries/runs.ts';
import { storeDocumentVersions } from '../sql/queries/documents.ts';
import type { ParsedDocument } from '../core/parsed-document.ts';
import { currentParserVersion } from '../pipelines/parse/parser-version.ts';
import { QueueStageRunner } from '../workers/queue-stage-runner.ts';

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
  /** Queue mode: `isa worker` processes, and their CPU over the night (/proc). */
  workers?: number;
  workerCpuSeconds?: number;
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
    const { rows } = await client.query<{ relname: string; n: string }>('select relname, n_tup_ins + n_tup_upd + n_tup_del as n from pg_stat_user_tables where schemaname = $1', [database.schema ?? 'public']);
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
      // Live backends only: one that ended meanwhile (an idle pool connection closed) takes its CPU with it.
      this.extract = { wallSeconds: (end.at - start.at) / 1000, cpuSeconds: cpu, backendCpuSeconds: Math.max(0, end.backend - start.backend), workerCpuSeconds: end.workers - start.workers };
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

/** The generated press office as one source. */
function scaleSource(origin: string, releases: number) {
  return sourceSchema.parse({
    id: 'scale',
    name: 'Generated press office',
    organisation: 'Scale bench',
    startUrls: [{ url: `${origin}/presse/liste?seite=1`, type: 'listing' }],
    follow: ['/presse/meldungen/*'],
    maxPages: releases + Math.ceil(releases / PER_LISTING) + 10,
    allowPrivate: true,
  });
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
  const source = scaleSource(origin, releases);
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

const ISA_BIN = fileURLToPath(new URL('../bin/isa.mjs', import.meta.url));

/** CPU-s of these processes so far (utime + stime from /proc; a process that is gone counts 0). */
function processCpuSeconds(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      // ended
    }
  }
  return total;
}

/** Starts `isa worker` as its own process, resolved once it says it is ready (its start-up is not timed). */
function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const worker = spawn(process.execPath, [ISA_BIN, 'worker', '--concurrency', '2'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  return new Promise((resolve, reject) => {
    worker.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('isa worker ready')) resolve(worker);
    });
    worker.once('exit', (code) => reject(new Error(`isa worker exited with ${code} before it was ready:\n${stderr}`)));
  });
}

/**
 * The first night through Redis: `isa run`'s pipeline in this process queues the stages, `workers`
 * `isa worker` processes (concurrency 2 each) run them, on a Postgres database of their own (as a
 * deployment has it: `isa worker` takes only DATABASE_URL). Prints one NIGHT line.
 */
async function workersChild(origin: string, releases: number, workers: number): Promise<void> {
  const base = process.env.DATABASE_URL!;
  const redisUrl = process.env.REDIS_URL!;
  const name = `isa_scale_${process.pid}`;
  const url = (() => {
    const u = new URL(base);
    u.pathname = `/${name}`;
    return u.toString();
  })();
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const prefix = `isa-scale-${process.pid}`;
  const processes: ChildProcess[] = [];
  let database: Database | null = null;
  let runner: TimedRunner | null = null;
  try {
    database = await openDatabase({ databaseUrl: url });
    const migrated = await migrate(database.db);
    if (migrated.error) throw migrated.error;
    const source = scaleSource(origin, releases);
    await upsertSource(database.db, source);
    // PGAPPNAME is inherited: the workers' backends are counted as this bench's.
    const env = { ...process.env, DATABASE_URL: url, REDIS_URL: redisUrl, ISA_QUEUE_PREFIX: prefix, ISA_HOST_DELAY_MS: '0' };
    processes.push(...(await Promise.all(Array.from({ length: workers }, () => startWorkerProcess(env)))));
    const pids = processes.map((p) => p.pid!);
    const id = await databaseId(database.db);
    const mark = async (): Promise<CpuMark> => ({ at: performance.now(), cpu: process.cpuUsage(), backend: await backendCpuSeconds(url), workers: processCpuSeconds(pids) });
    const queue = await QueueStageRunner.open({ redisUrl, prefix, databaseId: id, pollMs: 100 });
    await warmUpWorkers(database, queue);
    await database.close();
    database = await openDatabase({ databaseUrl: url });
    // The workers' backends live on: Postgres 15 flushes an idle backend's counters after 10 s.
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    const before = await tableWrites(database, url);
    runner = new TimedRunner(queue, mark);
    const start = await mark();
    const report = await runPipeline({ db: database.db, runner, extractorVersion: currentExtractorVersion() }, { sourceIds: [source.id], kind: 'scale-bench' });
    const end = await mark();
    for (const e of report.errors.slice(0, 5)) console.error(`    run error (${e.stage}) ${e.url ?? ''}: ${e.message}`);
    await database.close();
    database = null;
    for (const p of processes) p.kill('SIGTERM');
    await Promise.all(processes.map((p) => (p.exitCode === null ? new Promise((resolve) => p.once('exit', resolve)) : null)));
    database = await openDatabase({ databaseUrl: url });
    const after = await tableWrites(database, url);
    const rowsByTable: Record<string, number> = {};
    for (const [table, n] of Object.entries(after)) if (n - (before[table] ?? 0) > 0) rowsByTable[table] = n - (before[table] ?? 0);
    const figures: NightFigures = {
      night: 'first',
      documents: report.documents as unknown as Record<string, number>,
      claims: report.extracted.claims,
      wallSeconds: (end.at - start.at) / 1000,
      cpuSeconds: (end.cpu.user + end.cpu.system - start.cpu.user - start.cpu.system) / 1e6,
      backendCpuSeconds: Math.max(0, end.backend - start.backend),
      reconcileSeconds: runner.reconcileSeconds,
      extract: runner.extract,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      rowsWritten: Object.values(rowsByTable).reduce((a, b) => a + b, 0),
      rowsByTable,
      workers,
      workerCpuSeconds: end.workers - start.workers,
    };
    console.log(`NIGHT ${JSON.stringify(figures)}`);
  } finally {
    for (const p of processes) if (p.exitCode === null) p.kill('SIGKILL');
    await runner?.close();
    await database?.close();
    // The queue's keys go with the database they served.
    await removeKeys(redisUrl, `${prefix}:*`);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * A worker loads the extractors (and, from the sources, compiles them) and builds its deps on its
 * first job: four extract jobs of one tiny version each, queued at once so every worker slot is
 * likely to take one, keep that start-up out of the timed night. Their versions have no claims and
 * stay (the same four for every worker count); the night's rows are counted after them.
 */
async function warmUpWorkers(database: Database, runner: StageRunner): Promise<void> {
  const parsed = { format: 'text', title: null, published: null, publishedSource: null, language: 'de', text: 'Aufwärmen.', captions: [], warnings: [], links: [], parserVersion: currentParserVersion() } as unknown as ParsedDocument;
  const stored = await storeDocumentVersions(
    database.db,
    Array.from({ length: 4 }, (_, i) => {
      const url = `http://warm-up.invalid/${i}`;
      return { fetched: { runId: null, url, sourceId: null, finalUrl: url, httpStatus: 200, contentType: 'text/plain', etag: null, lastModified: null, contentHash: `warm-up-${i}`, fetchedAt: new Date(), body: new TextEncoder().encode('Aufwärmen.') }, parsed };
    }),
  );
  await Promise.all(stored.map((s) => (s.ok && s.versionId ? runner.run({ stage: 'extract', runId: null, versionIds: [s.versionId] }) : null)));
}

/** Deletes this bench's keys (its own prefix only). */
async function removeKeys(redisUrl: string, pattern: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit();
  }
}

type Mode = 'pglite' | 'postgres' | 'workers';

function freeCores(): { cores: number; load: number; free: number } {
  const cores = availableParallelism();
  const load = loadavg()[0]!;
  return { cores, load, free: Math.max(0, cores - load) };
}

function runChild(args: string[]): { nights: NightFigures[]; status: string | null } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  const nights = (result.stdout ?? '').split('\n').filter((l) => l.startsWith('NIGHT ')).map((l) => JSON.parse(l.slice(6)) as NightFigures);
  return { nights, status: result.status === 0 ? null : String(result.status ?? result.signal) };
}

function printNight(label: string, n: NightFigures): void {
  const docs = Object.values(n.documents).reduce((a, b) => a + b, 0);
  const cpu = [`${n.cpuSeconds.toFixed(1)} CPU-s`, n.workers ? `+ ${(n.workerCpuSeconds ?? 0).toFixed(1)} workers` : '', label !== 'pglite' ? `+ ${n.backendCpuSeconds.toFixed(1)} backend` : ''].filter(Boolean).join(' ');
  console.log(
    `  ${label.padEnd(8)} ${n.night.padEnd(9)} ${(docs / n.wallSeconds).toFixed(1)} docs/s  ${n.wallSeconds.toFixed(0)} s wall  ${cpu}  peak RSS ${n.peakRssMb.toFixed(0)} MB${n.workers ? ' (queueing process)' : ''}  rows written ${n.rowsWritten} ${JSON.stringify(n.rowsByTable)}  reconcile ${n.reconcileSeconds.toFixed(1)} s  ${JSON.stringify(n.documents)} claims ${n.claims}`,
  );
  if (n.extract && n.claims > 0) console.log(`    extract stage: ${formatExtractPhase(n.extract, n.claims)}`);
}

/**
 * Runs the scale bench: starts the generated site, one child per database mode, prints a table.
 * Mode `workers` (DATABASE_URL and REDIS_URL) runs the first night through Redis with each count of
 * `isa worker` processes in `workers` and prints the speed-up beside the machine's free cores.
 */
export async function runScaleBench(options: { releases: number; pdfs: number; modes?: Mode[]; workers?: number[] }): Promise<void> {
  const site = await startGeneratedSite({ pages: options.releases, pdfs: options.pdfs });
  const machine = freeCores();
  console.log(`scale bench: ${options.releases} releases (~50 KB HTML, ${options.pdfs} of them PDFs), first night and an unchanged night`);
  console.log(`  machine: ${machine.cores} cores, load average ${machine.load.toFixed(1)} (free cores ≈ ${machine.free.toFixed(1)})`);
  try {
    const requested = options.modes ?? ['pglite', 'postgres', 'workers'];
    const modes = requested.filter((m) => m === 'pglite' || (process.env.DATABASE_URL && (m === 'postgres' || process.env.REDIS_URL)));
    for (const mode of modes.filter((m) => m !== 'workers')) {
      const { nights, status } = runChild(['--child', mode, '--origin', site.origin, '--releases', String(options.releases)]);
      if (status) console.log(`  ${mode}: exited with ${status}`);
      for (const n of nights) printNight(mode, n);
    }
    if (modes.includes('workers')) {
      const measured: Array<{ workers: number; night: NightFigures; free: number; load: number }> = [];
      for (const workers of options.workers ?? [1, 2]) {
        const before = freeCores();
        const { nights, status } = runChild(['--child', 'workers', '--workers', String(workers), '--origin', site.origin, '--releases', String(options.releases)]);
        if (status) console.log(`  ${workers} worker(s): exited with ${status}`);
        for (const n of nights) {
          printNight(`${workers} wkr`, n);
          console.log(`    load average before: ${before.load.toFixed(1)} on ${before.cores} cores (free ≈ ${before.free.toFixed(1)})`);
          measured.push({ workers, night: n, free: before.free, load: before.load });
        }
      }
      const one = measured.find((m) => m.workers === 1);
      for (const m of measured.filter((x) => x.workers > 1 && one)) {
        const night = one!.night.wallSeconds / m.night.wallSeconds;
        const extract = one!.night.extract && m.night.extract ? one!.night.extract.wallSeconds / m.night.extract.wallSeconds : null;
        const freeNow = freeCores();
        console.log(
          `  speed-up with ${m.workers} workers over 1: night ×${night.toFixed(2)}${extract !== null ? `, extract stage ×${extract.toFixed(2)}` : ''} — free cores ≈ ${Math.min(one!.free, m.free).toFixed(1)}–${Math.max(one!.free, m.free).toFixed(1)} at the starts, ${freeNow.free.toFixed(1)} now (${freeNow.cores} cores, load ${freeNow.load.toFixed(1)}); a source's crawl and the reconcile are one job each, so only the extract stage can spread`,
        );
      }
    } else if (process.env.REDIS_URL && !process.env.DATABASE_URL) {
      console.log('  REDIS_URL without DATABASE_URL: workers need a shared Postgres; the worker figures are not measured.');
    }
  } finally {
    await site.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: { child: { type: 'string' }, origin: { type: 'string' }, releases: { type: 'string' }, pdfs: { type: 'string' }, modes: { type: 'string' }, workers: { type: 'string' }, scale: { type: 'boolean' } },
  });
  const releases = Number(values.releases ?? 2000);
  if (values.child === 'workers') await workersChild(values.origin!, releases, Number(values.workers ?? 1));
  else if (values.child) await child(values.child as 'pglite' | 'postgres', values.origin!, releases);
  else {
    await runScaleBench({
      releases,
      pdfs: Number(values.pdfs ?? Math.round(releases / 40)),
      modes: values.modes ? (values.modes.split(',') as Mode[]) : undefined,
      workers: values.workers ? values.workers.split(',').map(Number) : undefined,
    });
  }
}
