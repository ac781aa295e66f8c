/**
 * The stages as jobs: what a queue carries (ids only, never bodies) and the one function that
 * runs a job, in-process or in a worker. Validated at the boundary: a job from Redis is input.
 */
import { z } from 'zod';

const id = z.string().regex(/^\d+$/, 'must be a numeric id');

export const stageJobSchema = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('crawl'), runId: id, sourceId: z.string().min(1) }),
  z.object({ stage: z.literal('extract'), runId: id.nullable(), versionId: id }),
  z.object({ stage: z.literal('reconcile'), runId: id.nullable() }),
]);

export type StageJob = z.infer<typeof stageJobSchema>;
export type StageName = StageJob['stage'];

/** A deterministic job id: the same stage for the same input is queued once (BullMQ's idempotent jobs). */
export function stageJobId(job: StageJob): string {
  switch (job.stage) {
    case 'crawl':
      return `crawl-${job.runId}-${job.sourceId}`;
    case 'extract':
      return `extract-${job.runId ?? 'adhoc'}-${job.versionId}`;
    case 'reconcile':
      return `reconcile-${job.runId ?? 'adhoc'}`;
  }
}
