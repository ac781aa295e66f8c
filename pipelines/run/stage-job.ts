/**
 * The stages as jobs: what a queue carries (ids only, never bodies) and the one function that
 * runs a job, in-process or in a worker. Validated at the boundary: a job from Redis is input.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** Version ids in one extract job at most: bounds the texts and claims one job holds. */
export const MAX_EXTRACT_BATCH = 100;

const id = z.string().regex(/^\d+$/, 'must be a numeric id');

export const stageJobSchema = z.discriminatedUnion('stage', [
  z.object({ stage: z.literal('crawl'), runId: id, sourceId: z.string().min(1) }),
  // A batch of versions per job: their claims are written together (`extractVersions`).
  z.object({ stage: z.literal('extract'), runId: id.nullable(), versionIds: z.array(id).min(1).max(MAX_EXTRACT_BATCH) }),
  z.object({ stage: z.literal('reconcile'), runId: id.nullable() }),
]);

export type StageJob = z.infer<typeof stageJobSchema>;
export type StageName = StageJob['stage'];

/** A deterministic job id: the same stage for the same input is queued once (BullMQ's idempotent jobs). */
export function stageJobId(job: StageJob): string {
  switch (job.stage) {
    case 'crawl':
      return `crawl-${job.runId}-${job.sourceId}`;
    case 'extract': {
      // The first id and the count to read, a hash of all ids so two batches never share an id.
      const digest = createHash('sha256').update(job.versionIds.join(',')).digest('hex').slice(0, 12);
      return `extract-${job.runId ?? 'adhoc'}-${job.versionIds[0]}+${job.versionIds.length - 1}-${digest}`;
    }
    case 'reconcile':
      return `reconcile-${job.runId ?? 'adhoc'}`;
  }
}
