import type { Kysely } from 'kysely';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import type { DB } from '../../sql/schema.ts';
import { crawlSource, type CrawlResult } from '../crawl/crawl-source.ts';
import type { CrawlOptions } from '../crawl/crawl-options.ts';
import { loadSource } from '../../sql/queries/sources.ts';
import { extractVersions, type ExtractVersionsResult } from '../extract/extract-version.ts';
import { reconcile, type ReconcileResult } from '../reconcile/reconcile.ts';
import { ConfigError, RefusedError } from '../../core/errors.ts';
import { runStatus } from '../../sql/queries/runs.ts';
import type { StageJob } from './stage-job.ts';
import type { DocumentWorkerPool } from './document-worker-pool.ts';
import type { CrawlEvent, CrawlTally } from '../crawl/crawl-progress.ts';

/** What every stage may use; built once per process (CLI or worker) and passed in. */
export interface StageDeps {
  db: Kysely<DB>;
  gazetteer: Gazetteer;
  /** Stamped on stored claims: `currentExtractorVersion()`. */
  extractorVersion: string;
  crawlOptions?: Partial<CrawlOptions>;
  /** Read and extract documents in worker threads with a time and memory limit; closed by the runner or worker that carries these deps. */
  documentWorkers?: DocumentWorkerPool | null;
}

/** Deps held for one job (a worker's may change between jobs); `release` when the job is done. */
export interface StageDepsLease {
  deps: StageDeps;
  release(): Promise<void>;
}

export type StageOutputOf<J extends StageJob> = J extends { stage: 'crawl' }
  ? CrawlResult
  : J extends { stage: 'extract' }
    ? ExtractVersionsResult
    : ReconcileResult;

/** What a stage says while it runs, besides its result. */
export interface StageHooks {
  /** A crawl's events as they happen (`crawl-progress.ts`). */
  crawlProgress?: (event: CrawlEvent) => void;
}

/** Runs one stage job. The same function serves the in-process run and the BullMQ worker. */
export async function runStage<J extends StageJob>(deps: StageDeps, job: J, hooks: StageHooks = {}): Promise<StageOutputOf<J>> {
  if (job.runId !== null) {
    // A job queued before its run was cancelled or failed (a worker that comes up hours later).
    const status = await runStatus(deps.db, job.runId);
    if (status === null) throw new RefusedError(`run ${job.runId} is not in this database; its ${job.stage} job is not run`, { input: job.runId });
    if (status !== 'running') throw new RefusedError(`run ${job.runId} is ${status}; its ${job.stage} job is not run`, { input: job.runId });
  }
  switch (job.stage) {
    case 'crawl': {
      const source = await loadSource(deps.db, job.sourceId);
      if (!source) throw new ConfigError(`source "${job.sourceId}" is not in the database; run \`isa run --sources FILE\` to load it`, { input: job.sourceId });
      return (await crawlSource({ db: deps.db, documentWorkers: deps.documentWorkers ?? null, ...(hooks.crawlProgress ? { progress: hooks.crawlProgress } : {}) }, { runId: job.runId, source, options: deps.crawlOptions })) as StageOutputOf<J>;
    }
    case 'extract':
      return (await extractVersions(deps, { versionIds: job.versionIds, runId: job.runId })) as StageOutputOf<J>;
    case 'reconcile':
      return (await reconcile(deps, { runId: job.runId })) as StageOutputOf<J>;
  }
  throw new ConfigError(`unknown stage in job ${JSON.stringify(job)}`);
}

/**
 * What a runner tells about a job while it runs: in-process, the crawl's own events; from a worker,
 * its count so far now and then (job progress), and where the job is in the queue.
 */
export type StageProgress =
  | { type: 'crawl'; event: CrawlEvent }
  | { type: 'crawl-tally'; tally: CrawlTally }
  | { type: 'job'; state: 'queued' | 'active' };

export interface StageRunOptions {
  /** The run was stopped (cancelled, timed out): stop waiting and withdraw the job if it has not started. */
  signal?: AbortSignal;
  /** Told how the job goes (for the run's progress). @defaultValue nobody */
  onProgress?: (progress: StageProgress) => void;
}

/** Carries stage jobs: directly (embedded mode) or through a queue to workers (distributed mode). */
export interface StageRunner {
  readonly mode: 'in-process' | 'queue';
  run<J extends StageJob>(job: J, options?: StageRunOptions): Promise<StageOutputOf<J>>;
  close(): Promise<void>;
}

export class InProcessStageRunner implements StageRunner {
  readonly mode = 'in-process' as const;
  readonly #deps: StageDeps;
  constructor(deps: StageDeps) {
    this.#deps = deps;
  }
  async run<J extends StageJob>(job: J, options: StageRunOptions = {}): Promise<StageOutputOf<J>> {
    // A stage in this process runs to its end; a stopped run starts no further stage.
    options.signal?.throwIfAborted();
    const onProgress = options.onProgress;
    return runStage(this.#deps, job, onProgress ? { crawlProgress: (event) => onProgress({ type: 'crawl', event }) } : {});
  }
  async close(): Promise<void> {
    await this.#deps.documentWorkers?.close();
  }
}
