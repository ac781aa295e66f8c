import { Job, Queue } from 'bullmq';
import type { StageJob } from '../pipelines/run/stage-job.ts';
import { stageJobId } from '../pipelines/run/stage-job.ts';
import type { StageOutputOf, StageRunner, StageRunOptions } from '../pipelines/run/run-stage.ts';
import { RetryableError } from '../core/errors.ts';
import { parseCrawlTally } from '../pipelines/crawl/crawl-progress.ts';
import { assertRedisReachable, createRedisConnection, readyWithin, stageQueueName, STAGE_JOB_OPTIONS, type QueueConnectionOptions, type QueuedStageJob } from './stage-queue.ts';

export interface QueueStageRunnerOptions extends QueueConnectionOptions {
  /**
   * How long to wait for one job before reporting it as failed; the job itself goes on.
   * @defaultValue 1 hour
   */
  jobTimeoutMs?: number;
  /**
   * Warn (through `warn`) when no worker has taken a queued job for this long.
   * @defaultValue 30 000 ms (`ISA_NO_WORKER_WARNING`)
   */
  noWorkerWarningMs?: number;
  /** Where warnings go. @defaultValue nowhere */
  warn?: (line: string) => void;
  /** How often a job's state is read while waiting for it. @defaultValue 500 ms */
  pollMs?: number;
}

/**
 * Hands stage jobs to `isa worker` processes through BullMQ and waits for their results. Waits by
 * reading the job's state, not by events alone: after a Redis restart the job may be gone, and then
 * it is queued again (its payload is ids, its stage idempotent) instead of waited for until the timeout.
 */
export class QueueStageRunner implements StageRunner {
  readonly mode = 'queue' as const;
  readonly #queue: Queue;
  readonly #databaseId: string;
  readonly #timeoutMs: number;
  readonly #noWorkerWarningMs: number;
  readonly #pollMs: number;
  readonly #warn: (line: string) => void;
  readonly #connection: ReturnType<typeof createRedisConnection>;
  #warnedNoWorker = false;

  private constructor(queue: Queue, connection: ReturnType<typeof createRedisConnection>, options: QueueStageRunnerOptions) {
    this.#queue = queue;
    this.#connection = connection;
    this.#databaseId = options.databaseId;
    this.#timeoutMs = options.jobTimeoutMs ?? 3_600_000;
    this.#noWorkerWarningMs = options.noWorkerWarningMs ?? 30_000;
    this.#pollMs = options.pollMs ?? 500;
    this.#warn = options.warn ?? (() => {});
  }

  static async open(options: QueueStageRunnerOptions): Promise<QueueStageRunner> {
    await assertRedisReachable(options.redisUrl, options.connectTimeoutMs);
    const connection = createRedisConnection(options.redisUrl);
    const queue = new Queue(stageQueueName(options), { connection, prefix: options.prefix ?? 'isa', defaultJobOptions: STAGE_JOB_OPTIONS });
    // Connection errors are retried by ioredis and surface as a timeout or a failed job; without a
    // listener BullMQ prints each one.
    queue.on('error', () => {});
    try {
      await readyWithin(queue.waitUntilReady(), options.redisUrl, options.connectTimeoutMs);
    } catch (error) {
      connection.disconnect();
      throw error;
    }
    return new QueueStageRunner(queue, connection, options);
  }

  /** The queue this runner fills: one per database (see `stageQueueName`). */
  get queueName(): string {
    return this.#queue.name;
  }

  async run<J extends StageJob>(job: J, options: StageRunOptions = {}): Promise<StageOutputOf<J>> {
    const { signal, onProgress } = options;
    signal?.throwIfAborted();
    const id = stageJobId(job);
    const data: QueuedStageJob = { ...job, databaseId: this.#databaseId };
    // A finished job under this id is from an earlier life of these run ids (a restored database):
    // its result is not this run's.
    const earlier = await Job.fromId(this.#queue, id);
    if (earlier && ['completed', 'failed'].includes(await earlier.getState())) await earlier.remove().catch(() => undefined);
    await this.#queue.add(job.stage, data, { jobId: id });
    onProgress?.({ type: 'job', state: 'queued' });
    const queuedAt = Date.now();
    let taken = false;
    let lastProgress = '';
    for (;;) {
      if (signal?.aborted) {
        await this.#withdraw(id);
        throw signal.reason;
      }
      const state = await abortable(this.#queue.getJobState(id), signal).catch(() => null);
      if (state === 'completed') {
        const done = await Job.fromId(this.#queue, id);
        return done?.returnvalue as StageOutputOf<J>;
      }
      if (state === 'failed') {
        const failed = await Job.fromId(this.#queue, id);
        throw new RetryableError(`${job.stage} job ${id} failed in a worker: ${failed?.failedReason ?? 'no reason recorded'}`, { input: id });
      }
      if (state === 'unknown') {
        // Gone from Redis (restarted without persistence, or flushed): queue it again.
        this.#warn(`job ${id} is no longer in Redis (was Redis restarted?); queued it again`);
        await this.#queue.add(job.stage, data, { jobId: id }).catch(() => undefined);
      } else if (state === 'active') {
        if (!taken) onProgress?.({ type: 'job', state: 'active' });
        taken = true;
        this.#warnedNoWorker = false;
        // A crawl's worker counts its pages into the job's progress (stage-worker.ts).
        if (onProgress && job.stage === 'crawl') {
          const progress = (await Job.fromId(this.#queue, id).catch(() => undefined))?.progress;
          const tally = parseCrawlTally(progress);
          const seen = JSON.stringify(progress ?? null);
          if (tally && seen !== lastProgress) onProgress({ type: 'crawl-tally', tally });
          lastProgress = seen;
        }
      } else if (state !== null && !taken && !this.#warnedNoWorker && Date.now() - queuedAt >= this.#noWorkerWarningMs) {
        this.#warnedNoWorker = true;
        const workers = await this.#queue.getWorkersCount().catch(() => 0);
        this.#warn(
          `no worker has taken job ${id} in ${Math.round((Date.now() - queuedAt) / 1000)} s (${workers} worker(s) connected to queue ${this.#queue.name}); start \`isa worker\` with this DATABASE_URL and REDIS_URL, or \`isa runs cancel ${job.runId ?? 'ID'}\``,
        );
      }
      if (Date.now() - queuedAt > this.#timeoutMs) {
        throw new RetryableError(`${job.stage} job ${id} did not finish within ${Math.round(this.#timeoutMs / 1000)} s; is a worker running?`, { input: id });
      }
      await sleep(this.#pollMs, signal);
    }
  }

  /** Removes a job no worker has started (a stopped run); a running one is refused by its worker. */
  async #withdraw(id: string): Promise<void> {
    await this.#queue.remove(id).catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.#queue.close().catch(() => undefined);
    await this.#connection.quit().catch(() => this.#connection.disconnect());
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
