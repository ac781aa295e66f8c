import { sql, type Kysely } from 'kysely';
import type { DB, RunStatus } from '../schema.ts';
import { errorClassOf, errorMessageOf } from '../../core/errors.ts';

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

export async function listRuns(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('runs as r')
    .select(['r.id', 'r.kind', 'r.status', 'r.started_at', 'r.finished_at', 'r.counts', 'r.options'])
    .select((eb) => eb.selectFrom('run_errors as e').select(eb.fn.countAll<string>().as('n')).whereRef('e.run_id', '=', 'r.id').as('errors'))
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

export async function runErrors(db: Kysely<DB>, runId: string) {
  return db.selectFrom('run_errors').selectAll().where('run_id', '=', runId).orderBy('id').execute();
}

/**
 * Runs still marked `running` that started before `olderThan` were cut off (a killed process, a
 * reboot): mark them failed so reports do not show them as in progress forever.
 */
export async function failInterruptedRuns(db: Kysely<DB>, olderThan: Date): Promise<number> {
  const result = await db
    .updateTable('runs')
    .set({ status: 'failed', finished_at: sql<Date>`now()` })
    .where('status', '=', 'running')
    .where('started_at', '<', olderThan)
    .executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0);
}
