/**
 * Distributed runs under faults, on a private Redis: no worker, a result of another database
 * under the same job id, Redis restarted mid-run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue } from 'bullmq';
import type { Database } from '../../sql/database.ts';
import { databaseId } from '../../sql/queries/runs.ts';
import { runPipeline } from '../../pipelines/run/run-pipeline.ts';
import { InProcessStageRunner } from '../../pipelines/run/run-stage.ts';
import { QueueStageRunner } from '../../workers/queue-stage-runner.ts';
import { stageQueueName } from '../../workers/stage-queue.ts';
import { startStageWorker, type StageWorker } from '../../workers/stage-worker.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server/fixture-server.ts';
import { freshPostgres, postgresUrl, uniqueQueuePrefix } from '../support/services.ts';
import { datasetSnapshot, EXTRACTOR_VERSION, FIXTURE_CRAWL_OPTIONS, runFixtures, testGazetteer } from '../pipelines/run/fixture-run.ts';
import { startPrivateRedis, type PrivateRedis } from './private-redis.ts';

const stageDeps = (database: Database) => ({ db: database.db, gazetteer: testGazetteer(), extractorVersion: EXTRACTOR_VERSION, crawlOptions: FIXTURE_CRAWL_OPTIONS });

/** The dataset without ids and times, which differ between two databases that hold the same data. */
async function comparable(database: Database) {
  const snapshot = await datasetSnapshot(database.db);
  const byUrl = new Map(snapshot.versions.map((v) => [v.id, v.url]));
  return {
    documents: snapshot.documents.map((d) => ({ url: d.url, status: d.status, etag: d.etag, last_modified: d.last_modified })).sort((a, b) => a.url.localeCompare(b.url)),
    versions: snapshot.versions.map((v) => ({ url: v.url, content_hash: v.content_hash, clean_text: v.clean_text, published: v.published, title: v.title })).sort((a, b) => a.url.localeCompare(b.url) || a.content_hash.localeCompare(b.content_hash)),
    claims: snapshot.claims.map((c) => ({ url: byUrl.get(c.version_id), ordinal: c.ordinal, kind: c.kind, payload: c.payload, quote: c.quote })).sort((a, b) => `${a.url}#${a.ordinal}`.localeCompare(`${b.url}#${b.ordinal}`)),
    flags: snapshot.flags.map((f) => ({ fingerprint: f.fingerprint, kind: f.kind, status: f.status })).sort((a, b) => a.fingerprint.localeCompare(b.fingerprint)),
  };
}

describe.skipIf(!postgresUrl)('distributed runs under faults', () => {
  let redis: PrivateRedis;
  const prefix = uniqueQueuePrefix();
  beforeAll(async () => {
    redis = await startPrivateRedis();
  });
  afterAll(async () => {
    await redis?.kill();
  });

  it('warns when no worker takes a job, fails the run at its timeout and removes its jobs', async () => {
    const database = await freshPostgres();
    const warnings: string[] = [];
    const runner = await QueueStageRunner.open({ redisUrl: redis.url, prefix, databaseId: await databaseId(database.db), noWorkerWarningMs: 200, pollMs: 50, warn: (line) => warnings.push(line) });
    try {
      const report = await runPipeline({ db: database.db, runner, extractorVersion: null, runTimeoutMs: 1500, heartbeatMs: 200 }, { sourceIds: [] });
      expect(report.status).toBe('failed');
      expect(report.endReason).toMatch(/timeout/);
      expect(warnings.join('\n')).toMatch(/no worker has taken job reconcile-\d+ .*0 worker\(s\).*isa worker/);
      const queue = new Queue(runner.queueName, { connection: { url: redis.url }, prefix });
      expect(await queue.getJobCounts('waiting', 'delayed', 'prioritized')).toEqual({ waiting: 0, delayed: 0, prioritized: 0 });
      await queue.close();
    } finally {
      await runner.close();
      await database.close();
    }
  });

  it('never takes a finished job of another database for this one, even under the same run id', async () => {
    const [a, b] = await Promise.all([freshPostgres(), freshPostgres()]);
    const idA = await databaseId(a.db);
    const idB = await databaseId(b.db);
    expect(idA).not.toBe(idB);
    expect(stageQueueName({ databaseId: idA })).not.toBe(stageQueueName({ databaseId: idB }));
    const worker = await startStageWorker(stageDeps(a), { redisUrl: redis.url, prefix, databaseId: idA });
    const runnerA = await QueueStageRunner.open({ redisUrl: redis.url, prefix, databaseId: idA, pollMs: 50 });
    const runnerB = await QueueStageRunner.open({ redisUrl: redis.url, prefix, databaseId: idB, pollMs: 50, noWorkerWarningMs: 60_000 });
    try {
      const first = await runPipeline({ db: a.db, runner: runnerA, extractorVersion: null }, { sourceIds: [] });
      expect(first.status).toBe('succeeded');
      // Database b is fresh too: its first run has the same id, and no worker serves it.
      const second = await runPipeline({ db: b.db, runner: runnerB, extractorVersion: null, runTimeoutMs: 1500, heartbeatMs: 200 }, { sourceIds: [] });
      expect(second.runId).toBe(first.runId);
      expect(second.status).toBe('failed');
    } finally {
      await Promise.all([runnerA.close(), runnerB.close(), worker.close()]);
      await Promise.all([a.close(), b.close()]);
    }
  });

  describe('Redis restarted in the middle of a run', () => {
    let server: FixtureServer;
    let reference: Database;
    let queued: Database;
    let worker: StageWorker | undefined;
    let runner: QueueStageRunner | undefined;
    beforeAll(async () => {
      server = await startFixtureServer();
      [reference, queued] = await Promise.all([freshPostgres(), freshPostgres()]);
    }, 120_000);
    afterAll(async () => {
      await runner?.close();
      await worker?.close();
      await server?.close();
      await Promise.all([reference?.close(), queued?.close()]);
    });

    it('completes unattended within 30 s of Redis returning, with the same dataset as a run without the fault', async () => {
      const uninterrupted = await runFixtures(reference.db, new InProcessStageRunner(stageDeps(reference)), server.origin);
      const id = await databaseId(queued.db);
      worker = await startStageWorker(stageDeps(queued), { redisUrl: redis.url, prefix, databaseId: id, concurrency: 2 });
      const warnings: string[] = [];
      runner = await QueueStageRunner.open({ redisUrl: redis.url, prefix, databaseId: id, pollMs: 100, warn: (line) => warnings.push(line) });
      const running = runFixtures(queued.db, runner, server.origin);
      // Mid-run is observable: a crawl has stored a fetch.
      await expect.poll(async () => (await queued.db.selectFrom('fetches').select('id').limit(1).execute()).length, { timeout: 60_000, interval: 50 }).toBe(1);
      await redis.kill();
      await redis.start();
      const bound = new Promise<'over 30 s'>((resolve) => setTimeout(() => resolve('over 30 s'), 30_000).unref());
      const report = await Promise.race([running, bound]);
      expect(report).not.toBe('over 30 s');
      if (report === 'over 30 s') return;
      expect(['succeeded', 'partial']).toContain(report.status);
      expect(warnings.join('\n')).toMatch(/no longer in Redis/);
      expect(uninterrupted.status).toBe('succeeded');
      expect(await comparable(queued)).toEqual(await comparable(reference));
    }, 240_000);
  });
});
