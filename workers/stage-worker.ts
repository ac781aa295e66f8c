import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { BadInputError, ConfigError, RefusedError } from '../core/errors.ts';
import { runStage, type StageDeps, type StageDepsLease } from '../pipelines/run/run-stage.ts';
import { stageJobSchema } from '../pipelines/run/stage-job.ts';
import { emptyCrawlTally, tallyCrawl } from '../pipelines/crawl/crawl-progress.ts';
import { assertRedisReachable, createRedisConnection, readyWithin, stageQueueName, type QueueConnectionOptions } from './stage-queue.ts';

export interface StageWorkerOptions extends QueueConnectionOptions {
  /** Jobs this process runs at once. @defaultValue 2 */
  concurrency?: number;
  /** How often a crawl's count so far is written to its job's progress, for `isa run` to show. @defaultValue 1000 ms */
  progressEveryMs?: number;
}

export interface StageWorker {
  worker: Worker;
  close(): Promise<void>;
}

/**
 * Starts a worker that runs stage jobs with the same functions the embedded mode calls: on fixed
 * deps, or on deps leased per job (`isa worker` follows the reviewers' accepted aliases that way).
 */
export async function startStageWorker(deps: StageDeps | { lease(): Promise<StageDepsLease> }, options: StageWorkerOptions): Promise<StageWorker> {
  const lease = 'lease' in deps ? () => deps.lease() : async () => ({ deps, release: async () => {} });
  await assertRedisReachable(options.redisUrl, options.connectTimeoutMs);
  const connection = createRedisConnection(options.redisUrl);
  const worker = new Worker(
    stageQueueName(options),
    async (job: Job) => {
      const { databaseId, ...payload } = (job.data ?? {}) as { databaseId?: unknown };
      // The queue is per database already; a job that says otherwise was put there by mistake.
      if (databaseId !== options.databaseId) throw new UnrecoverableError(`job ${job.id} belongs to database ${String(databaseId)}, this worker's is ${options.databaseId}`);
      const parsed = stageJobSchema.safeParse(payload);
      if (!parsed.success) throw new UnrecoverableError(`job ${job.id} has an invalid payload: ${parsed.error.message}`);
      const held = await lease();
      const progress = crawlProgressWriter(job, options.progressEveryMs ?? 1000);
      try {
        const result = await runStage(held.deps, parsed.data, parsed.data.stage === 'crawl' ? { crawlProgress: progress.event } : {});
        await progress.settled();
        return result;
      } catch (error) {
        await progress.settled();
        // Retrying cannot fix bad input, a refusal (a cancelled run) or our own configuration: fail the job now.
        if (error instanceof BadInputError || error instanceof RefusedError || error instanceof ConfigError) {
          throw new UnrecoverableError(error.message);
        }
        throw error;
      } finally {
        await held.release();
      }
    },
    { connection, prefix: options.prefix ?? 'isa', concurrency: options.concurrency ?? 2 },
  );
  // Connection errors are retried by ioredis; a lost connection stalls jobs, which BullMQ re-queues.
  worker.on('error', () => {});
  try {
    await readyWithin(worker.waitUntilReady(), options.redisUrl, options.connectTimeoutMs);
  } catch (error) {
    connection.disconnect();
    void worker.close(true).catch(() => undefined);
    throw error;
  }
  return {
    worker,
    close: async () => {
      await worker.close();
      await connection.quit().catch(() => connection.disconnect());
    },
  };
}

/**
 * Counts a crawl's events and writes the count to the job's progress at most once per `everyMs`
 * (one small Redis write), so `isa run` can show a worker's pages. Writes are chained, never left
 * un-awaited: `settled` waits for the last; a failed write only loses a count shown.
 */
function crawlProgressWriter(job: Job, everyMs: number) {
  const tally = emptyCrawlTally();
  let writing: Promise<void> = Promise.resolve();
  let lastWrite = 0;
  return {
    event(event: Parameters<typeof tallyCrawl>[1]): void {
      tallyCrawl(tally, event);
      const now = Date.now();
      if (now - lastWrite < everyMs) return;
      lastWrite = now;
      const snapshot = { ...tally, documents: { ...tally.documents } };
      writing = writing.then(() => job.updateProgress(snapshot)).catch(() => undefined);
    },
    settled: () => writing,
  };
}
