import { sql, type Kysely } from 'kysely';
import type { DB, RunStatus } from '../schema.ts';
import { errorClassOf, errorMessageOf } from '../../pipelines/errors.ts';

export async function startRun(db: Kysely<DB>, kind: string, options: Record<string, unknown>): Promise<string> {
  const row = await db
    .insertInto('runs')
    .values({ kind, options: JSON.stringify(options), counts: '{}' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

export async function finishRun(db: Kysely<DB>, runId: string, status: RunStatus, counts: Record<string, unknown>): Promise<void> {
  await db
    .updateTable('runs')
    .set({ status, finished_at: sql<Date>`now()`, counts: JSON.stringify(counts) })
    .where('id', '=', runId)
    .execute();
}

export interface RunErrorInput {
  runId: string | null;
  /** `fetch`, `parse`, `extract`, `reconcile`, … */
  stage: string;
  url?: string | null;
  versionId?: string | null;
  error: unknown;
}

/** Records bad input with the URL, the stage and the reason, so the run can go on. */
export async function recordRunError(db: Kysely<DB>, input: RunErrorInput): Promise<void> {
  await db
    .insertInto('run_errors')
    .values({
      run_id: input.runId,
      stage: input.stage,
      url: input.url ?? null,
      version_id: input.versionId ?? null,
      error_class: errorClassOf(input.error),
      message: errorMessageOf(input.error).slice(0, 2000),
    })
    .execute();
}
