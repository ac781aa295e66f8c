/**
 * The BullMQ seam: one queue of stage jobs on Redis. Only this folder knows BullMQ; the stages
 * are the plain functions of `pipelines/`.
 */
import { Redis } from 'ioredis';
import type { JobsOptions } from 'bullmq';

export const STAGE_QUEUE_NAME = 'isa-stages';

export interface QueueConnectionOptions {
  redisUrl: string;
  /** Key prefix, so several deployments or test runs can share one Redis. @defaultValue `isa` */
  prefix?: string;
  /** Queue name. @defaultValue `isa-stages` */
  queueName?: string;
}

/** Workers block on Redis, so ioredis must not give up on a command (BullMQ's requirement). */
export function createRedisConnection(redisUrl: string): Redis {
  return new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true, lazyConnect: false });
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
