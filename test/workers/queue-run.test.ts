import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '../../sql/database.ts';
import type { DB } from '../../sql/schema.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server/fixture-server.ts';
import { InProcessStageRunner } from '../../pipelines/run/run-stage.ts';
import { normalizeUrl } from '../../pipelines/crawl/normalize-url.ts';
import { QueueStageRunner } from '../../workers/queue-stage-runner.ts';
import { databaseId } from '../../sql/queries/runs.ts';
import { startStageWorker, type StageWorker } from '../../workers/stage-worker.ts';
import { freshPostgres, postgresUrl, redisUrl, uniqueQueuePrefix } from '../support/services.ts';
import { EXTRACTOR_VERSION, FIXTURE_CRAWL_OPTIONS, runFixtures, testGazetteer } from '../pipelines/run/fixture-run.ts';

/** What a run stored, without ids and timestamps, so two databases can be compared. */
async function storedResult(db: Kysely<DB>) {
  const rows = await db.selectFrom('document_versions').select(['url', 'final_url', 'content_hash', 'clean_text', 'published', 'format']).orderBy('url').orderBy('content_hash').execute();
  // A release linked both with and without a trailing slash is fetched by whichever link the crawl
  // reached first; the two runs may differ in that order, not in what they stored.
  const versions = rows.map((v) => ({ ...v, final_url: normalizeUrl(v.final_url) }));
  const claims = await db.selectFrom('claims as c').innerJoin('document_versions as v', 'v.id', 'c.version_id')
    .select(['v.url', 'c.ordinal', 'c.kind', 'c.payload', 'c.quote', 'c.start_offset', 'c.end_offset', 'c.extractor_version'])
    .orderBy('v.url').orderBy('c.ordinal').execute();
  const flags = await db.selectFrom('flags').select(['fingerprint', 'kind', 'severity', 'status', 'explanation']).orderBy('fingerprint').execute();
  return { versions, claims, flags };
}

describe.skipIf(!postgresUrl || !redisUrl)('the fixture crawl through BullMQ on Redis', () => {
  let server: FixtureServer;
  let inProcess: Database;
  let queued: Database;
  let worker: StageWorker;
  let runner: QueueStageRunner;
  const prefix = uniqueQueuePrefix();

  beforeAll(async () => {
    server = await startFixtureServer();
    [inProcess, queued] = await Promise.all([freshPostgres(), freshPostgres()]);
    // The worker has its own deps, as an `isa worker` process on another machine would.
    worker = await startStageWorker({ db: queued.db, gazetteer: testGazetteer(), extractorVersion: EXTRACTOR_VERSION, crawlOptions: FIXTURE_CRAWL_OPTIONS }, { redisUrl: redisUrl!, prefix, databaseId: await databaseId(queued.db), concurrency: 2 });
    runner = await QueueStageRunner.open({ redisUrl: redisUrl!, prefix, databaseId: await databaseId(queued.db), jobTimeoutMs: 120_000 });
  });
  afterAll(async () => {
    await runner?.close();
    await worker?.close();
    await server?.close();
    await Promise.all([inProcess?.close(), queued?.close()]);
  });

  it('stores the same documents, claims and flags as the in-process run', async () => {
    const local = await runFixtures(inProcess.db, new InProcessStageRunner({ db: inProcess.db, gazetteer: testGazetteer(), extractorVersion: EXTRACTOR_VERSION, crawlOptions: FIXTURE_CRAWL_OPTIONS }), server.origin);
    const distributed = await runFixtures(queued.db, runner, server.origin);

    expect(distributed.status).toBe(local.status);
    expect(distributed.documents).toEqual(local.documents);
    const [a, b] = await Promise.all([storedResult(inProcess.db), storedResult(queued.db)]);
    expect(b.versions.length).toBeGreaterThanOrEqual(5);
    expect(b.claims.length).toBeGreaterThan(10);
    expect(b).toEqual(a);
  }, 240_000);
});

describe('distributed mode without a reachable Redis', () => {
  it('fails with a reason instead of waiting forever', async () => {
    // A loopback port nothing listens on: connection refused, retried by ioredis until the bound.
    const started = QueueStageRunner.open({ redisUrl: 'redis://127.0.0.1:1', prefix: uniqueQueuePrefix(), databaseId: 'none', connectTimeoutMs: 1500 });
    await expect(started).rejects.toThrow(/cannot reach Redis at redis:\/\/127\.0\.0\.1:1.*unset REDIS_URL/);
  });
});
