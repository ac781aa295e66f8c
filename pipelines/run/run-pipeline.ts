import type { Kysely } from 'kysely';
import { failStaleRuns, finishRun, listRuns, recordRunItems, recordRunError, startRun, touchRun, tryRunLock, type RunLock } from '../../sql/queries/runs.ts';
import type { DB, RunStatus } from '../../sql/schema.ts';
import { ConfigError, errorMessageOf } from '../../core/errors.ts';
import type { StageOutputOf, StageRunner } from './run-stage.ts';
import { stageJobId, type StageJob } from './stage-job.ts';
import type { RunEvent } from './run-progress.ts';
import type { ReconcileResult } from '../reconcile/reconcile.ts';
import { mapWithConcurrency } from './map-with-concurrency.ts';
import { versionsAwaitingExtraction } from '../../sql/queries/claims.ts';
import { MAX_EXTRACT_BATCH } from './stage-job.ts';

export interface RunPipelineDeps {
  db: Kysely<DB>;
  runner: StageRunner;
  /**
   * The extractor version of this code: stored versions that it has not processed yet (after an
   * extractor change, or a failed extraction) are extracted in this run too. Null skips that.
   */
  extractorVersion: string | null;
  log?: (line: string) => void;
  /**
   * Told what the run does as it goes (`run-progress.ts`): each source's pages, the extraction, the
   * reconcile, and in distributed mode where each job is. Counting only; the CLI renders it.
   * @defaultValue nobody
   */
  progress?: (event: RunEvent) => void;
  /**
   * Take the dataset's run lock (Postgres), so a second `isa run` on the database refuses instead
   * of crawling the same sources at once. PGlite needs none: its directory has one process.
   * @defaultValue false
   */
  exclusive?: boolean;
  /** How often the run says it is alive and looks whether it was cancelled. @defaultValue 10 000 ms */
  heartbeatMs?: number;
  /** The whole run fails after this long, its queued jobs removed. @defaultValue none */
  runTimeoutMs?: number | null;
}

export interface RunPipelineInput {
  /** A run already started (by `isa ingest`, which stores files first); otherwise one is started. */
  runId?: string;
  /** Errors met before the pipeline (ingesting files), counted into the run's report. */
  priorErrors?: Array<{ stage: string; url: string | null; message: string }>;
  /**
   * Documents handled before the pipeline (`isa ingest`'s files), each with its outcome: counted
   * into the run's stored counts and listed in its items, as a crawl's documents are.
   */
  priorItems?: Array<{ url: string; outcome: keyof DocumentCounts; reason: string | null }>;
  /** Sources already stored in the `sources` table. */
  sourceIds: string[];
  /** Versions to extract besides what the crawl finds (hand-ingested documents). */
  extraVersionIds?: string[];
  kind?: string;
  options?: Record<string, unknown>;
  /** Stage jobs in flight at once. @defaultValue 4 */
  concurrency?: number;
  /**
   * Versions per extract job at most (their claims are written together); smaller when there are
   * too few versions to give every lane a job. At most `MAX_EXTRACT_BATCH`. @defaultValue 50
   */
  extractBatchSize?: number;
}

export interface DocumentCounts {
  new: number;
  changed: number;
  unchanged: number;
  gone: number;
  failed: number;
  skipped: number;
}

/** One source's crawl in the run: its documents add up, over the sources, to the run's (ingested files aside). */
export interface SourceReport {
  id: string;
  status: 'succeeded' | 'failed';
  documents: DocumentCounts;
  /** Requests the crawl finished: documents and discovery pages, as the progress counted them. */
  pages: number;
  errors: number;
}

export interface RunReport {
  runId: string;
  status: RunStatus;
  /** Why the run failed or was cancelled, when not because of its inputs (a timeout, a cancel). */
  endReason?: string | null;
  documents: DocumentCounts;
  /** Each source crawled, in the order their crawls ended. */
  sources: SourceReport[];
  extracted: { versions: number; claims: number; failed: number };
  reconcile: ReconcileResult | null;
  errors: Array<{ stage: string; url: string | null; message: string }>;
}

/** Another run holds the database's run lock. */
export class RunInProgressError extends ConfigError {
  override readonly name: string = 'RunInProgressError';
}

/**
 * A run is stale when its heartbeat is this many intervals old: a live process touches it every
 * interval, so three missed ones mean it was killed or cut off from the database.
 */
const STALE_AFTER_HEARTBEATS = 3;

/**
 * One run: crawl every source, extract every new or changed version, reconcile. Finishes and
 * reports whatever fails on the way; each failure is recorded with its stage and input. Runs left
 * `running` by a killed process are closed first; a cancel or the run timeout stops it between jobs.
 */
export async function runPipeline(deps: RunPipelineDeps, input: RunPipelineInput): Promise<RunReport> {
  const log = deps.log ?? (() => {});
  const heartbeatMs = deps.heartbeatMs ?? 10_000;
  let lock: RunLock | null = null;
  if (deps.exclusive) {
    lock = await tryRunLock(deps.db);
    if (!lock) {
      const running = (await listRuns(deps.db, 20)).filter((r) => r.status === 'running' && r.id !== input.runId);
      const which = running.map((r) => `#${r.id} (${r.owner ?? 'unknown process'}, started ${r.started_at.toISOString()})`).join(', ');
      const message = `another run is in progress on this database${which ? `: ${which}` : ''}; wait for it to finish, or stop it with \`isa runs cancel ID\``;
      if (input.runId) await finishRun(deps.db, input.runId, 'failed', {}, message);
      throw new RunInProgressError(message);
    }
  }
  try {
    return await runLocked(deps, input, log, heartbeatMs);
  } finally {
    await lock?.release();
  }
}

async function runLocked(deps: RunPipelineDeps, input: RunPipelineInput, log: (line: string) => void, heartbeatMs: number): Promise<RunReport> {
  for (const id of await failStaleRuns(deps.db, { staleAfterMs: STALE_AFTER_HEARTBEATS * heartbeatMs, except: input.runId ? [input.runId] : [] })) {
    log(`run ${id} was left running by a process that is gone; marked failed`);
  }
  const runId = input.runId ?? (await startRun(deps.db, input.kind ?? 'run', { sources: input.sourceIds, mode: deps.runner.mode, ...input.options }));
  const concurrency = input.concurrency ?? 4;
  const documents: DocumentCounts = { new: 0, changed: 0, unchanged: 0, gone: 0, failed: 0, skipped: 0 };
  const errors: RunReport['errors'] = [...(input.priorErrors ?? [])];
  for (const item of input.priorItems ?? []) documents[item.outcome]++;
  if (input.priorItems?.length) await recordRunItems(deps.db, runId, null, input.priorItems);
  const versionIds = new Set(input.extraVersionIds ?? []);
  const sources: SourceReport[] = [];
  // A watcher's failure is not the run's: it only misses a count it would have shown.
  const emit = (event: RunEvent) => {
    try {
      deps.progress?.(event);
    } catch {
      // nothing to do: the report holds every count
    }
  };
  emit({ type: 'run-started', runId, mode: deps.runner.mode, sources: input.sourceIds });
  const queued = deps.runner.mode === 'queue';
  // Runs a stage job, passing on how it goes; in distributed mode each job's state is told too.
  const runWatched = async <J extends StageJob>(job: J, sourceId: string | null): Promise<StageOutputOf<J>> => {
    const jobKey = stageJobId(job);
    try {
      const result = await deps.runner.run(job, {
        signal: stop.signal,
        onProgress: (progress) => {
          if (progress.type === 'job') emit({ type: 'job', job: jobKey, state: progress.state });
          else if (sourceId !== null) emit(progress.type === 'crawl' ? { type: 'crawl', source: sourceId, event: progress.event } : { type: 'crawl-tally', source: sourceId, tally: progress.tally });
        },
      });
      if (queued) emit({ type: 'job', job: jobKey, state: 'done' });
      return result;
    } catch (error) {
      if (queued) emit({ type: 'job', job: jobKey, state: 'failed' });
      throw error;
    }
  };

  // Stops the run between jobs (and the runner's waits): a cancel seen by the heartbeat, the timeout.
  const stop = new AbortController();
  let endReason: string | null = null;
  const halt = (reason: string) => {
    if (stop.signal.aborted) return;
    endReason = reason;
    stop.abort(new Error(reason));
  };
  const heartbeat = setInterval(() => {
    touchRun(deps.db, runId)
      .then((status) => {
        if (status !== null && status !== 'running') halt(`the run was marked ${status} from outside (\`isa runs cancel\`, or judged stale)`);
      })
      // The database is away for a moment: the stage that needs it records the failure.
      .catch(() => undefined);
  }, heartbeatMs);
  heartbeat.unref();
  const timeout = deps.runTimeoutMs ? setTimeout(() => halt(`the run took longer than its timeout of ${Math.round(deps.runTimeoutMs! / 1000)} s (ISA_RUN_TIMEOUT)`), deps.runTimeoutMs) : null;
  timeout?.unref();

  const fail = async (stage: string, url: string | null, error: unknown, versionId: string | null = null) => {
    errors.push({ stage, url, message: errorMessageOf(error) });
    await recordRunError(deps.db, { runId, stage, url, versionId, error }).catch(() => {});
  };

  try {
    await mapWithConcurrency(input.sourceIds, concurrency, async (sourceId) => {
      if (stop.signal.aborted) return;
      emit({ type: 'crawl-started', source: sourceId });
      try {
        const result = await runWatched({ stage: 'crawl', runId, sourceId }, sourceId);
        // A worker streams no URLs, only counts: each URL's outcome comes with its result.
        if (queued) for (const item of result.items) emit({ type: 'crawl', source: sourceId, event: { type: 'settled', item } });
        const counts: DocumentCounts = { new: 0, changed: 0, unchanged: 0, gone: 0, failed: 0, skipped: 0 };
        for (const key of Object.keys(counts) as Array<keyof DocumentCounts>) counts[key] = result.counts[key] ?? 0;
        const pages = result.requestsDone;
        sources.push({ id: sourceId, status: result.status, documents: counts, pages, errors: result.errors.length });
        emit({ type: 'crawl-finished', source: sourceId, status: result.status, documents: counts, pages, errors: result.errors.length, failure: null });
        for (const key of Object.keys(documents) as Array<keyof DocumentCounts>) documents[key] += result.counts[key] ?? 0;
        for (const id of result.versionIds) versionIds.add(id);
        // Per-URL errors were recorded by the crawl stage itself; the report lists them too.
        for (const e of result.errors) errors.push({ stage: e.stage, url: e.url, message: e.reason });
        // What the run did with each URL, for `isa runs ID`: documents, and discovery pages that failed.
        const items = result.items.filter((item) => item.kind === 'document' || item.outcome === 'failed');
        await recordRunItems(deps.db, runId, sourceId, items).catch((error: unknown) => fail('report', `source:${sourceId}`, error));
      } catch (error) {
        if (stop.signal.aborted) return;
        await fail('crawl', `source:${sourceId}`, error);
        const none: DocumentCounts = { new: 0, changed: 0, unchanged: 0, gone: 0, failed: 0, skipped: 0 };
        sources.push({ id: sourceId, status: 'failed', documents: none, pages: 0, errors: 1 });
        emit({ type: 'crawl-finished', source: sourceId, status: 'failed', documents: none, pages: 0, errors: 1, failure: errorMessageOf(error) });
      }
    });

    if (deps.extractorVersion !== null && !stop.signal.aborted) {
      for (const id of await versionsAwaitingExtraction(deps.db, deps.extractorVersion)) versionIds.add(id);
    }
    const extracted = { versions: 0, claims: 0, failed: 0 };
    if (!stop.signal.aborted) emit({ type: 'extract-started', total: versionIds.size });
    await mapWithConcurrency(extractBatches([...versionIds], concurrency, input.extractBatchSize ?? 50), concurrency, async (batch) => {
      if (stop.signal.aborted) return;
      try {
        const result = await runWatched({ stage: 'extract', runId, versionIds: batch }, null);
        for (const version of result.versions) {
          if (version.ok) {
            emit({ type: 'extracted', versionId: version.versionId, outcome: version.skipped ? 'skipped' : 'extracted', claims: version.skipped ? 0 : version.claims });
            // Already extracted by this extractor version (a re-ingested file, a retried job): no work done.
            if (version.skipped) continue;
            extracted.versions++;
            extracted.claims += version.claims;
          } else {
            emit({ type: 'extracted', versionId: version.versionId, outcome: 'failed', claims: 0 });
            extracted.failed++;
            await fail('extract', version.url, namedError(version.errorClass, version.message), version.versionId);
          }
        }
      } catch (error) {
        if (stop.signal.aborted) return;
        // The whole job failed (database, queue): each of its versions is reported, by its URL.
        for (const versionId of batch) emit({ type: 'extracted', versionId, outcome: 'failed', claims: 0 });
        extracted.failed += batch.length;
        const urls = new Map(
          (await deps.db.selectFrom('document_versions').select(['id', 'url']).where('id', 'in', batch).execute().catch(() => [])).map((v) => [String(v.id), v.url]),
        );
        for (const versionId of batch) await fail('extract', urls.get(versionId) ?? null, error, versionId);
      }
    });
    if (!stop.signal.aborted) emit({ type: 'extract-finished' });

    let reconciled: ReconcileResult | null = null;
    if (!stop.signal.aborted) {
      emit({ type: 'reconcile-started' });
      try {
        reconciled = await runWatched({ stage: 'reconcile', runId }, null);
        for (const e of reconciled.ruleErrors) await fail('reconcile', null, new Error(`rule ${e.rule}: ${e.message}`));
        emit({ type: 'reconcile-finished', subjects: reconciled.subjects, claims: reconciled.claims, flags: Object.values(reconciled.byKind).reduce((a, b) => a + b, 0), failure: null });
      } catch (error) {
        if (!stop.signal.aborted) await fail('reconcile', null, error);
        emit({ type: 'reconcile-finished', subjects: 0, claims: 0, flags: 0, failure: errorMessageOf(error) });
      }
    }

    const counts = { documents, extracted, flags: reconciled?.byKind ?? {}, errors: errors.length };
    let status: RunStatus = stop.signal.aborted || reconciled === null ? 'failed' : errors.length > 0 ? 'partial' : 'succeeded';
    // A cancel from outside already ended the run: its status stays, the counts are what was done.
    status = await finishRunSurely(deps.db, runId, status, counts, endReason);
    if (status === 'cancelled' && endReason === null) endReason = 'cancelled with `isa runs cancel`';
    emit({ type: 'run-finished', status, errors: errors.length });
    return { runId, status, endReason, documents, sources, extracted, reconcile: reconciled, errors };
  } finally {
    clearInterval(heartbeat);
    if (timeout) clearTimeout(timeout);
  }
}

/**
 * The versions cut into extract jobs: in id order (so a job's versions sit together in the tables),
 * `size` at most, but small enough that each of the `lanes` has a job when there are few.
 */
export function extractBatches(versionIds: readonly string[], lanes: number, size: number): string[][] {
  const sorted = [...versionIds].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0));
  const per = Math.max(1, Math.min(size, MAX_EXTRACT_BATCH, Math.ceil(sorted.length / Math.max(1, lanes))));
  const batches: string[][] = [];
  for (let start = 0; start < sorted.length; start += per) batches.push(sorted.slice(start, start + per));
  return batches;
}

/** An error that came back as data (from a worker): its class name and message, for `run_errors`. */
function namedError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/**
 * Ends the run even if the database dropped our connection a moment ago (a restarted Postgres):
 * the pool opens a new one on the next try. A run that cannot be ended stays `running` and is
 * judged stale by the next start.
 */
async function finishRunSurely(db: Kysely<DB>, runId: string, status: RunStatus, counts: Record<string, unknown>, endReason: string | null): Promise<RunStatus> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await finishRun(db, runId, status, counts, endReason);
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
