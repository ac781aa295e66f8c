/**
 * How a run begins and ends whatever happens to the process that runs it: stale runs closed at the
 * next start, one run per Postgres database, cancel, run timeout, concurrent first starts.
 */
import { hostname } from 'node:os';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../../../sql/database.ts';
import { openDatabase } from '../../../sql/database.ts';
import { cancelRun, databaseId, failStaleRuns, finishRun, runStatus, startRun, tryRunLock } from '../../../sql/queries/runs.ts';
import { syncGazetteerTable } from '../../../sql/queries/gazetteer.ts';
import { runPipeline, RunInProgressError } from '../../../pipelines/run/run-pipeline.ts';
import { runStage, type StageRunner } from '../../../pipelines/run/run-stage.ts';
import { RefusedError } from '../../../core/errors.ts';
import { DATABASES, freshPostgres, postgresUrl } from '../../support/services.ts';
import { EXTRACTOR_VERSION, testGazetteer } from './fixture-run.ts';
import { loadGazetteer } from '../../../extractors/gazetteer/load-gazetteer.ts';
import { storeDocumentVersions } from '../../../sql/queries/documents.ts';
import type { ParsedDocument } from '../../../core/parsed-document.ts';

/** A pid that belonged to a process which has ended: a child we started and waited for. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid!;
}

/** A runner whose stages never finish until the run stops them: stands in for a run with no worker. */
const stuckRunner: StageRunner = {
  mode: 'queue',
  run: (_job, options = {}) =>
    new Promise((_, reject) => {
      options.signal?.addEventListener('abort', () => reject(options.signal!.reason), { once: true });
    }),
  close: async () => {},
};

for (const { name, open, available } of DATABASES) {
  describe.skipIf(!available)(`the run lifecycle on ${name}`, () => {
    let database: Database;
    // Opening and migrating PGlite takes long on a loaded machine.
    beforeAll(async () => {
      database = await open();
    }, 180_000);
    afterAll(async () => {
      await database?.close();
    });

    it('has a database id of its own, kept across opens', async () => {
      const id = await databaseId(database.db);
      expect(id).toMatch(/^[0-9a-f]{32}$/);
      expect(await databaseId(database.db)).toBe(id);
    });

    it('closes a run whose process is gone or silent, and leaves a live one alone', async () => {
      const killed = await startRun(database.db, 'run', {});
      await database.db.updateTable('runs').set({ owner: `${hostname()}:${deadPid()}` }).where('id', '=', killed).execute();
      const silent = await startRun(database.db, 'run', {});
      await database.db.updateTable('runs').set({ owner: 'another-host:4242', heartbeat_at: sql<Date>`now() - interval '5 minutes'` }).where('id', '=', silent).execute();
      const live = await startRun(database.db, 'run', {});

      const failed = await failStaleRuns(database.db, { staleAfterMs: 60_000 });
      expect(failed.sort()).toEqual([killed, silent].sort());
      expect(await runStatus(database.db, live)).toBe('running');
      const rows = await database.db.selectFrom('runs').select(['id', 'status', 'end_reason']).where('id', 'in', [killed, silent]).orderBy('id').execute();
      expect(rows.map((r) => r.status)).toEqual(['failed', 'failed']);
      expect(rows[0]!.end_reason).toMatch(/process .* is gone/);
      expect(rows[1]!.end_reason).toMatch(/no sign of life from another-host:4242/);
      await finishRun(database.db, live, 'succeeded', {});
    });

    it('refuses the jobs of a cancelled run, and a cancel is not undone by the run finishing', async () => {
      const runId = await startRun(database.db, 'run', {});
      expect(await cancelRun(database.db, runId, 'test')).toBe(true);
      expect(await cancelRun(database.db, runId, 'test')).toBe(false);
      const deps = { db: database.db, gazetteer: testGazetteer(), extractorVersion: EXTRACTOR_VERSION };
      await expect(runStage(deps, { stage: 'reconcile', runId })).rejects.toBeInstanceOf(RefusedError);
      await expect(runStage(deps, { stage: 'reconcile', runId })).rejects.toThrow(`run ${runId} is cancelled`);
      expect(await finishRun(database.db, runId, 'succeeded', {})).toBe('cancelled');
    });

    it('records a failed extraction with the URL of its version, and the run goes on to reconcile', async () => {
      const parsed = { format: 'text', title: null, published: null, publishedSource: null, language: 'de', text: 'x', captions: [], warnings: [], links: [] } as unknown as ParsedDocument;
      const url = `http://127.0.0.1/extract-fails-${Date.now()}.html`;
      const [stored] = await storeDocumentVersions(database.db, [{ fetched: { runId: null, url, sourceId: null, finalUrl: url, httpStatus: 200, contentType: 'text/html', etag: null, lastModified: null, contentHash: `h-${url}`, fetchedAt: new Date(), body: new Uint8Array([1]) }, parsed }]);
      if (!stored?.ok) throw new Error('could not store the test version');
      const versionId = stored.versionId!;
      const failingExtract: StageRunner = {
        mode: 'in-process',
        run: async (job) => {
          if (job.stage === 'crawl') return { counts: { new: 1 }, versionIds: [versionId], errors: [], items: [] } as never;
          if (job.stage === 'extract') throw new Error('the extractor broke on this page');
          return { ruleErrors: [], byKind: {} } as never;
        },
        close: async () => {},
      };
      const report = await runPipeline({ db: database.db, runner: failingExtract, extractorVersion: null }, { sourceIds: ['one'] });
      expect(report.status).toBe('partial');
      expect(report.errors).toContainEqual(expect.objectContaining({ stage: 'extract', url, message: expect.stringContaining('the extractor broke') }));
      const rows = await database.db.selectFrom('run_errors').select(['stage', 'url']).where('run_id', '=', report.runId).execute();
      expect(rows).toEqual([{ stage: 'extract', url }]);
    });

    it('stops a run at its timeout, failed with the reason', async () => {
      const report = await runPipeline({ db: database.db, runner: stuckRunner, extractorVersion: null, runTimeoutMs: 300, heartbeatMs: 100 }, { sourceIds: ['nowhere'] });
      expect(report.status).toBe('failed');
      expect(report.endReason).toMatch(/longer than its timeout/);
      const row = await database.db.selectFrom('runs').select(['status', 'end_reason', 'finished_at']).where('id', '=', report.runId).executeTakeFirstOrThrow();
      expect(row.status).toBe('failed');
      expect(row.finished_at).not.toBeNull();
    });

    it('stops a run cancelled from outside at its next heartbeat', async () => {
      const running = runPipeline({ db: database.db, runner: stuckRunner, extractorVersion: null, heartbeatMs: 100 }, { sourceIds: ['nowhere'] });
      // The run's row is observable state: cancel it once it exists.
      let runId: string | undefined;
      await expect
        .poll(async () => {
          runId = (await database.db.selectFrom('runs').select('id').where('status', '=', 'running').orderBy('id', 'desc').executeTakeFirst())?.id;
          return runId;
        }, { timeout: 10_000, interval: 50 })
        .toBeDefined();
      await cancelRun(database.db, runId!, 'cancelled with `isa runs cancel`');
      const report = await running;
      expect(report.runId).toBe(runId);
      expect(report.status).toBe('cancelled');
    });
  });
}

describe.skipIf(!postgresUrl)('two processes on one Postgres database', () => {
  let database: Database;
  let other: Database;
  beforeAll(async () => {
    database = await freshPostgres();
    // A second pool on the same schema: another `isa run` process as far as Postgres can tell.
    other = await openDatabase({ databaseUrl: postgresUrl, schema: database.schema! });
  });
  afterAll(async () => {
    await other?.close();
    await database?.close();
  });

  it('lets one hold the run lock; the other refuses with a message naming the run', async () => {
    const lock = await tryRunLock(database.db);
    expect(lock).not.toBeNull();
    expect(await tryRunLock(other.db)).toBeNull();
    const holder = await startRun(database.db, 'run', {});
    const refused = runPipeline({ db: other.db, runner: stuckRunner, extractorVersion: null, exclusive: true }, { sourceIds: [] });
    await expect(refused).rejects.toBeInstanceOf(RunInProgressError);
    await expect(runPipeline({ db: other.db, runner: stuckRunner, extractorVersion: null, exclusive: true }, { sourceIds: [] })).rejects.toThrow(new RegExp(`another run is in progress on this database: #${holder} .*isa runs cancel`));
    await finishRun(database.db, holder, 'succeeded', {});
    await lock!.release();
    const again = await tryRunLock(other.db);
    expect(again).not.toBeNull();
    await again!.release();
  });

  it('fills the gazetteer once when both start on a fresh database at the same moment', async () => {
    const places = loadGazetteer().places();
    const results = await Promise.all([syncGazetteerTable(database.db, places), syncGazetteerTable(other.db, places)]);
    expect(results.filter((r) => r.written)).toHaveLength(1);
    const { n } = await database.db.selectFrom('gazetteer').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n)).toBe(new Set(places.map((p) => p.id)).size);
  });
});
