import { Queue, QueueEvents } from 'bullmq';
import type { StageJob } from '../pipelines/run/stage-job.ts';
import { stageJobId } from '../pipelines/run/stage-job.ts';
import type { StageOutputOf, StageRunner } from '../pipelines/run/run-stage.ts';
import { RetryableError } from '../core/errors.ts';
import { createRedisConnection, readyWithin, STAGE_JOB_OPTIONS, STAGE_QUEUE_NAME, type QueueConnectionOptions } from './stage-queue.ts';

export interface QueueStageRunnerOptions extends QueueConnectionOptions {
  /**
   * How long to wait for one job before reporting it as failed; the job itself goes on.
   * @defaultValue 1 hour
   */
  jobTimeoutMs?: number;
}

/** Hands stage jobs to `isa worker` processes through BullMQ and waits for their results. */
export class QueueStageRunner implements StageRunner {
  readonly mode = 'queue' as const;
  readonly #queue: Queue;
  readonly #events: QueueEvents;
  readonly #timeoutMs: number;
  readonly #connections: ReturnType<typeof createRedisConnection>[];

  private constructor(queue: Queue, events: QueueEvents, connections: ReturnType<typeof createRedisConnection>[], timeoutMs: number) {
    this.#queue = queue;
    this.#events = events;
    this.#connections = connections;
    this.#timeoutMs = timeoutMs;
  }

  static async open(options: QueueStageRunnerOptions): Promise<QueueStageRunner> {
    const name = options.queueName ?? STAGE_QUEUE_NAME;
    const prefix = options.prefix ?? 'isa';
    const queueConnection = createRedisConnection(options.redisUrl);
    const eventsConnection = createRedisConnection(options.redisUrl);
    const queue = new Queue(name, { connection: queueConnection, prefix, defaultJobOptions: STAGE_JOB_OPTIONS });
    const events = new QueueEvents(name, { connection: eventsConnection, prefix });
    // Connection errors are retried by ioredis and surface as a timeout or a failed job; without a
    // listener BullMQ prints each one.
    queue.on('error', () => {});
    events.on('error', () => {});
    try {
      await readyWithin(Promise.all([queue.waitUntilReady(), events.waitUntilReady()]), options.redisUrl, options.connectTimeoutMs);
    } catch (error) {
      // A graceful close waits for Redis too; drop the connections instead.
      queueConnection.disconnect();
      eventsConnection.disconnect();
      void Promise.allSettled([events.close(), queue.close()]);
      throw error;
    }
    return new QueueStageRunner(queue, events, [queueConnection, eventsConnection], options.jobTimeoutMs ?? 3_600_000);
  }

  async run<J extends StageJob>(job: J): Promise<StageOutputOf<J>> {
    const added = await this.#queue.add(job.stage, job, { jobId: stageJobId(job) });
    try {
      return (await added.waitUntilFinished(this.#events, this.#timeoutMs)) as StageOutputOf<J>;
    } catch (error) {
      // The worker's error arrives as a message only; keep its text, say where it ran.
      const message = error instanceof Error ? error.message : String(error);
      throw new RetryableError(`${job.stage} job ${added.id} failed in a worker: ${message}`, { input: added.id ?? null, cause: error });
    }
  }

  async close(): Promise<void> {
    await this.#events.close();
    await this.#queue.close();
    await Promise.all(this.#connections.map((c) => c.quit().catch(() => c.disconnect())));
  }
}
