/**
 * `isa run` and `isa worker` as real processes under faults: killed with SIGKILL before, inside and
 * after a document's transaction, on PGlite and on Postgres; a worker killed in the middle of a
 * document's job; a Postgres of our own crashed and started again under a run. After each, the next
 * `isa run` completes and the dataset is the one an uninterrupted run leaves, row by row
 * (test/support/comparable-dataset.ts says which columns and why).
 *
 * The faults happen at exact points, not after sleeps: `ISA_FAULT_POINT` (sql/document-transaction.ts)
 * makes the process SIGKILL itself there, or stop itself (SIGSTOP) for the test to act and let it go
 * on. Two small fixture sources (7 documents, one a PDF) keep each run short.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../sql/database.ts';
import { loadSourcesFile } from '../../pipelines/crawl/sources-file.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server/fixture-server.ts';
import { FIXTURE_SOURCES } from '../pipelines/run/fixture-run.ts';
import { comparableDataset } from '../support/comparable-dataset.ts';
import { createDatabaseTemplate, type DatabaseTemplate } from '../support/postgres-databases.ts';
import { postgresBinaries, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.ts';
import { postgresUrl, redisUrl, uniqueQueuePrefix } from '../support/services.ts';
import { runIsaProcess, startIsaProcess, type ProcessResult } from './isa-process.ts';

type Comparable = Awaited<ReturnType<typeof comparableDataset>>;

/** Every run: no service from the test's environment unless given, no politeness delay on loopback. */
const QUIET = { DATABASE_URL: '', REDIS_URL: '', ISA_FAULT_POINT: '', ISA_HOST_DELAY_MS: '0' };

async function datasetOf(options: { databaseUrl: string } | { dataDir: string }): Promise<{ dataset: Comparable; runs: Array<{ status: string; end_reason: string | null }> }> {
  const database: Database = await openDatabase('databaseUrl' in options ? { databaseUrl: options.databaseUrl } : { dataDir: options.dataDir });
  try {
    const runs = await database.db.selectFrom('runs').select(['status', 'end_reason']).orderBy('id').execute();
    return { dataset: await comparableDataset(database.db), runs };
  } finally {
    await database.close();
  }
}

const explain = (result: ProcessResult) => `exit ${result.code ?? result.signal}\n${result.stderr}\n${result.stdout}`;

describe.skipIf(!postgresUrl)('isa processes under faults', () => {
  let server: FixtureServer;
  let folder: string;
  let sourcesFile: string;
  let template: DatabaseTemplate;
  let reference: Comparable;
  const run = (env: NodeJS.ProcessEnv, args: string[] = []) => runIsaProcess(['run', '--sources', sourcesFile, ...args], { env: { ...QUIET, ...env } });

  beforeAll(async () => {
    server = await startFixtureServer();
    folder = mkdtempSync(join(tmpdir(), 'isa-faults-'));
    // Every run reads one origin: a document is its URL, so all databases hold the same documents.
    const sources = (await loadSourcesFile(FIXTURE_SOURCES, { FIXTURES: server.origin })).filter((s) => s.id === 'mainz' || s.id === 'koeln');
    sourcesFile = join(folder, 'sources.json');
    writeFileSync(sourcesFile, JSON.stringify({ sources }));
    template = await createDatabaseTemplate(postgresUrl!);
    const { url } = await template.copy();
    const uninterrupted = await run({ DATABASE_URL: url });
    expect(uninterrupted.code, explain(uninterrupted)).toBe(0);
    reference = (await datasetOf({ databaseUrl: url })).dataset;
    expect(reference.claims.length).toBeGreaterThan(10);
    expect(reference.flags.length).toBeGreaterThan(0);
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await template?.drop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  /** Runs killed at each point in turn, then one left alone: it completes with the uninterrupted run's dataset. */
  async function killedThenCompleted(env: NodeJS.ProcessEnv, points: string[], afterEachKill: () => void = () => {}) {
    for (const point of points) {
      const killed = await run({ ...env, ISA_FAULT_POINT: point });
      // Only the fault point sends SIGKILL: the process got there.
      expect(killed.signal, `${point}: ${explain(killed)}`).toBe('SIGKILL');
      afterEachKill();
    }
    const last = await run(env, ['--format', 'json']);
    expect(last.code, explain(last)).toBe(0);
    return JSON.parse(last.stdout) as { run: { extracted: { versions: number } } };
  }

  function expectKilledRunsFailed(runs: Array<{ status: string; end_reason: string | null }>, killed: number) {
    expect(runs.map((r) => r.status)).toEqual([...Array<string>(killed).fill('failed'), 'succeeded']);
    for (const r of runs.slice(0, killed)) expect(r.end_reason).toMatch(/process .* is gone/);
  }

  it('kill -9 of isa run on PGlite inside and after a transaction: the folder opens again, commits survive, the next run completes with the same tables', async () => {
    const dataDir = join(folder, 'embedded');
    const lock = join(dataDir, 'pglite.lock');
    // Every document stored, two extraction writes committed, the third one's transaction open: one
    // process start on PGlite costs seconds of WebAssembly, so one kill covers inside and after.
    const last = await killedThenCompleted({ ISA_DATA_DIR: dataDir }, ['inside-extraction-write:3'], () => {
      // The dead process's lock is left behind; the next run must take it over.
      expect(existsSync(lock)).toBe(true);
    });
    expect(existsSync(lock)).toBe(false);
    // What was committed before the kill survived it: the last run had only the rest to extract.
    expect(last.run.extracted.versions).toBeGreaterThan(0);
    expect(last.run.extracted.versions).toBeLessThan(reference.extractions.length);
    const { dataset, runs } = await datasetOf({ dataDir: join(dataDir, 'pglite') });
    expectKilledRunsFailed(runs, 1);
    expect(dataset).toEqual(reference);
  }, 300_000);

  it('kill -9 of isa run on Postgres after, before and inside a transaction: commits survive, the next run completes with the same tables', async () => {
    const { url } = await template.copy();
    // After: one source's documents committed. Before: the other source fetched and read, not
    // written. Inside: its documents stored, one extraction write committed, the next one's open.
    const last = await killedThenCompleted({ DATABASE_URL: url }, ['after-version-write:1', 'before-version-write:1', 'inside-extraction-write:2']);
    expect(last.run.extracted.versions).toBeGreaterThan(0);
    expect(last.run.extracted.versions).toBeLessThan(reference.extractions.length);
    const { dataset, runs } = await datasetOf({ databaseUrl: url });
    expectKilledRunsFailed(runs, 3);
    expect(dataset).toEqual(reference);
  }, 300_000);

  it('kill -9 of isa run inside the reconcile write: the next run writes the flags the killed one did not and completes with the same tables', async () => {
    const { url } = await template.copy();
    // Every document stored and extracted, the flags written but not committed.
    const last = await killedThenCompleted({ DATABASE_URL: url }, ['inside-reconcile-write:1']);
    // The killed run's extractions committed: the next run has nothing left to extract, only to reconcile.
    expect(last.run.extracted.versions).toBe(0);
    const { dataset, runs } = await datasetOf({ databaseUrl: url });
    expectKilledRunsFailed(runs, 1);
    expect(dataset).toEqual(reference);
  }, 300_000);

  it.skipIf(!redisUrl)('kill -9 of an isa worker inside a document job: another worker runs the job and the run completes with the same tables', async () => {
    const { url } = await template.copy();
    // A short job lock, so the killed worker's jobs go back to the queue in seconds, not a minute.
    const env = { ...QUIET, DATABASE_URL: url, REDIS_URL: redisUrl!, ISA_QUEUE_PREFIX: uniqueQueuePrefix(), ISA_WORKER_LOCK: '2s' };
    const doomed = startIsaProcess(['worker'], { env: { ...env, ISA_FAULT_POINT: 'inside-extraction-write:2' } });
    const running = startIsaProcess(['run', '--sources', sourcesFile], { env });
    const died = await doomed.exited;
    expect(died.signal, explain(died)).toBe('SIGKILL');
    // Only now a second worker: whatever the run still needs, it gets from this one.
    const rescuer = startIsaProcess(['worker'], { env });
    try {
      const result = await running.exited;
      expect(result.code, `${explain(result)}\nworker:\n${rescuer.stderr()}`).toBe(0);
    } finally {
      rescuer.signal('SIGTERM');
      running.signal('SIGKILL');
    }
    expect((await rescuer.exited).code).toBe(0);
    const { dataset, runs } = await datasetOf({ databaseUrl: url });
    expect(runs.map((r) => r.status)).toEqual(['succeeded']);
    expect(dataset).toEqual(reference);
  }, 300_000);

  describe.skipIf(postgresBinaries() === null)('a Postgres of our own crashed under a run', () => {
    let cluster: PrivatePostgres;
    beforeAll(async () => {
      cluster = await startPrivatePostgres();
    }, 120_000);
    afterAll(async () => {
      await cluster?.remove();
    });

    it('a run whose Postgres is down ends and is marked failed; one whose Postgres restarted mid-transaction finishes; the next completes with the same tables', async () => {
      const own = await createDatabaseTemplate(cluster.url);
      try {
        const { url } = await own.copy();
        const env = { ...QUIET, DATABASE_URL: url };

        // Down while the run goes on: it can record nothing, so it must end (exit 1), not hang.
        const cutOff = startIsaProcess(['run', '--sources', sourcesFile], { env: { ...env, ISA_FAULT_POINT: 'after-version-write:1:stop' } });
        await cutOff.stopped();
        await cluster.crash();
        cutOff.signal('SIGCONT');
        const ended = await cutOff.exited;
        expect(ended.code, explain(ended)).toBe(1);
        await cluster.start();

        // Restarted while a document's transaction is open: that write is lost whole, the rest goes on.
        const restarted = startIsaProcess(['run', '--sources', sourcesFile], { env: { ...env, ISA_FAULT_POINT: 'inside-extraction-write:2:stop' } });
        await restarted.stopped();
        await cluster.crash();
        await cluster.start();
        restarted.signal('SIGCONT');
        const finished = await restarted.exited;
        expect([0, 3], explain(finished)).toContain(finished.code);

        const last = await runIsaProcess(['run', '--sources', sourcesFile], { env });
        expect(last.code, explain(last)).toBe(0);
        const { dataset, runs } = await datasetOf({ databaseUrl: url });
        expect(runs[0]!.status).toBe('failed');
        expect(runs[0]!.end_reason).toMatch(/process .* is gone/);
        expect(['succeeded', 'partial']).toContain(runs[1]!.status);
        expect(runs[2]!.status).toBe('succeeded');
        expect(dataset).toEqual(reference);
      } finally {
        await own.drop();
      }
    }, 300_000);
  });
});
