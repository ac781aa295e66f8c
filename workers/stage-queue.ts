/**
 * The BullMQ seam: one queue of stage jobs on Redis. Only this folder knows BullMQ; the stages
 * are the plain functions of `pipelines/`.
 */
import { Redis } from 'ioredis';
import type { JobsOptions } from 'bullmq';
import { ConfigError } from '../core/errors.ts';
import type { StageJob } from '../pipelines/run/stage-job.ts';

export const STAGE_QUEUE_NAME = 'isa-stages';

export interface QueueConnectionOptions {
  redisUrl: string;
  /**
   * The database's identity (`settings.database_id`): jobs of different databases go to different
   * queues, so a job or a result never crosses databases that share one Redis and prefix.
   */
  databaseId: string;
  /** Key prefix, so several deployments or test runs can share one Redis. @defaultValue `isa` */
  prefix?: string;
  /** Queue name, before the database id. @defaultValue `isa-stages` */
  queueName?: string;
  /** How long to wait for Redis before failing with a ConfigError. @defaultValue 10 000 ms */
  connectTimeoutMs?: number;
}

/** The queue of one database's stage jobs: `isa-stages-<database id>`. */
export function stageQueueName(options: Pick<QueueConnectionOptions, 'queueName' | 'databaseId'>): string {
  return `${options.queueName ?? STAGE_QUEUE_NAME}-${options.databaseId}`;
}

/** What a queued job holds: the stage's ids and the database they belong to. */
export type QueuedStageJob = StageJob & { databaseId: string };

/** Workers block on Redis, so ioredis must not give up on a command (BullMQ's requirement). */
export function createRedisConnection(redisUrl: string): Redis {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
  // ioredis reconnects by itself; without a listener every failed attempt is an "unhandled error".
  connection.on('error', () => {});
  return connection;
}

/**
 * Retries with backoff for transient failures; finished jobs are kept for a day at most so
 * Redis does not fill up with history (a complaint of BullMQ users).
 */
export const STAGE_JOB_OPTIONS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/**
 * Fails with a ConfigError unless Redis answers a PING within `timeoutMs`. Checked before any
 * BullMQ client exists: a client that never reached Redis keeps a reconnect timer alive after
 * it is closed, and the process would never exit.
 */
export async function assertRedisReachable(redisUrl: string, timeoutMs = 10_000): Promise<void> {
  const probe = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: timeoutMs, retryStrategy: () => null });
  let lastError: Error | null = null;
  probe.on('error', (error: Error) => (lastError = error));
  try {
    await readyWithin(
      probe.connect().then(() => probe.ping()),
      redisUrl,
      timeoutMs,
    );
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    const reason = (lastError as Error | null)?.message ?? (error instanceof Error ? error.message : String(error));
    throw new ConfigError(`cannot reach Redis at ${redactRedisUrl(redisUrl)} (${reason}); start it, fix REDIS_URL, or unset REDIS_URL to run in-process`, { cause: error });
  } finally {
    probe.disconnect();
  }
}

/**
 * Waits for a BullMQ client to reach Redis, at most `timeoutMs`: ioredis retries forever, and a
 * nightly run must fail with a reason instead of hanging on a Redis that is down.
 */
export async function readyWithin(ready: Promise<unknown>, redisUrl: string, timeoutMs = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ConfigError(`cannot reach Redis at ${redactRedisUrl(redisUrl)} within ${timeoutMs / 1000} s; start it, fix REDIS_URL, or unset REDIS_URL to run in-process`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([ready, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'REDIS_URL';
  }
}

/**
 * Removes the jobs of one run that no worker has started (`isa runs cancel`); a job already running
 * finishes or is refused by its worker, which reads the run's status first. Returns how many went.
 */
export async function removeRunJobs(options: QueueConnectionOptions, runId: string): Promise<number> {
  await assertRedisReachable(options.redisUrl, options.connectTimeoutMs);
  const { Queue } = await import('bullmq');
  const connection = createRedisConnection(options.redisUrl);
  const queue = new Queue(stageQueueName(options), { connection, prefix: options.prefix ?? 'isa' });
  queue.on('error', () => {});
  try {
    let removed = 0;
    const jobs = await queue.getJobs(['waiting', 'delayed', 'prioritized', 'waiting-children']);
    for (const job of jobs) {
      if ((job.data as { runId?: unknown } | undefined)?.runId !== runId) continue;
      if (await queue.remove(job.id!).catch(() => 0)) removed++;
    }
    return removed;
  } finally {
    await queue.close().catch(() => undefined);
    await connection.quit().catch(() => connection.disconnect());
  }
}
