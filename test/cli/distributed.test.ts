import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl, redisUrl, uniqueQueuePrefix } from '../support/services.ts';
import { freePort } from './free-port.ts';
import { runCli } from './run-cli.ts';

const ISA = fileURLToPath(new URL('../../bin/isa.mjs', import.meta.url));

interface WorkerProcess {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `isa worker` as its own process and resolves once it says it is ready. */
async function startWorker(env: NodeJS.ProcessEnv): Promise<WorkerProcess> {
  const child = spawn(process.execPath, [ISA, 'worker', '--concurrency', '2'], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (stderr.includes('isa worker ready')) resolve();
    });
    void exited.then((code) => reject(new Error(`isa worker exited with ${code} before it was ready:\n${stderr}`)));
  });
  return { child, stderr: () => stderr, exited };
}

describe.skipIf(!postgresUrl || !redisUrl)('isa run with isa worker processes (distributed mode)', () => {
  // A database of its own: `isa` takes only DATABASE_URL, as a deployment would.
  const database = `isa_test_${randomBytes(5).toString('hex')}`;
  const databaseUrl = (() => {
    const url = new URL(postgresUrl ?? 'postgres://localhost/x');
    url.pathname = `/${database}`;
    return url.toString();
  })();
  let env: NodeJS.ProcessEnv;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: postgresUrl! });
    await admin.connect();
    await admin.query(`create database ${database}`);
    await admin.end();
    env = { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl!, ISA_QUEUE_PREFIX: uniqueQueuePrefix(), ISA_HOST_DELAY_MS: '0', ISA_FIXTURES_PORT: String(await freePort()) };
    // Migrations first, so two workers starting at once do not race to create the tables.
    expect((await runCli(['migrate'], env)).code).toBe(0);
    workers = await Promise.all([startWorker(env), startWorker(env)]);
  });

  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    const admin = new pg.Client({ connectionString: postgresUrl! });
    await admin.connect();
    await admin.query(`drop database if exists ${database} with (force)`);
    await admin.end();
  });

  it('crawls, extracts and reconciles through the workers, then the workers stop cleanly on SIGTERM', async () => {
    const result = await runCli(['run', '--format', 'json', '--log-format', 'json', '--verbose'], { ...env, ISA_PROGRESS_EVERY: '0' });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { mode: string; run: { documents: { new: number }; sources: Array<{ id: string; documents: Record<string, number>; pages: number }> }; flags: Array<{ kind: string }> };
    expect(summary.mode).toBe('queue');
    expect(summary.run.documents.new).toBeGreaterThanOrEqual(5);
    // The run's progress from the queue: where the jobs are, and each crawl's counts as its worker ended it.
    const lines = result.stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    const jobs = lines.filter((l) => l.event === 'jobs') as Array<{ queued: number; active: number; done: number; failed: number }>;
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.some((j) => j.queued + j.active > 0)).toBe(true);
    for (const source of summary.run.sources) {
      expect(lines.find((l) => l.event === 'crawl-done' && l.source === source.id), source.id).toMatchObject({ documents: source.documents, pages: source.pages });
      // A worker streams no URLs: they come with its result, every one listed.
      const total = Object.values(source.documents).reduce((a, b) => a + b, 0);
      expect(lines.filter((l) => l.event === 'url' && l.source === source.id), source.id).toHaveLength(total);
    }
    expect(summary.flags.filter((f) => f.kind === 'stated_count_vs_list')).toHaveLength(1);

    for (const worker of workers) worker.child.kill('SIGTERM');
    const codes = await Promise.all(workers.map((w) => w.exited));
    expect(codes).toEqual([0, 0]);
    for (const worker of workers) expect(worker.stderr()).toContain('isa worker stopping');
  });
});
