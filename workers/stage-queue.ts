/**
 * The BullMQ seam: one queue of stage jobs on Redis. Only this folder knows BullMQ; the stages
 * are the plain functions of `pipelines/`.
 */
import { Redis } from 'ioredis';
import type { JobsOptions } from 'bullmq';
import { ConfigError } from '../core/errors.ts';

export const STAGE_QUEUE_NAME = 'isa-stages';

export interface QueueConnectionOptions {
  redisUrl: string;
  /** Key prefix, so several deployments or test runs can share one Redis. @defaultValue `isa` */
  prefix?: string;
  /** Queue name. @defaultValue `isa-stages` */
  queueName?: string;
  /** How long to wait for Redis before failing with a ConfigError. @defaultValue 10 000 ms */
  connectTimeoutMs?: number;
}

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
