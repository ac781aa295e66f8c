import { hostname } from 'node:os';
import { sql, type Kysely } from 'kysely';
import type { DB, RunItemOutcome, RunStatus } from '../schema.ts';
import { errorClassOf, errorMessageOf } from '../../core/errors.ts';

/** This process, as stored in `runs.owner`: a run whose owner is gone from this host is over. */
export function currentRunOwner(): string {
  return `${hostname()}:${process.pid}`;
}

export async function startRun(db: Kysely<DB>, kind: string, options: Record<string, unknown>): Promise<string> {
  const row = await db
    .insertInto('runs')
    .values({ kind, options: JSON.stringify(options), counts: '{}', owner: currentRunOwner(), heartbeat_at: sql<Date>`now()` })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/**
 * Ends a run, unless it already ended (cancelled by `isa runs cancel`, failed as stale): the first
 * ending wins. Returns the status the run has now.
 */
export async function finishRun(db: Kysely<DB>, runId: string, status: RunStatus, counts: Record<string, unknown>, endReason: string | null = null): Promise<RunStatus> {
  await db
    .updateTable('runs')
    .set({ status, finished_at: sql<Date>`now()`, counts: JSON.stringify(counts), end_reason: endReason })
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .execute();
  const row = await db.selectFrom('runs').select('status').where('id', '=', runId).executeTakeFirst();
  return row?.status ?? status;
}

/**
 * `runId` and the runs before it since the last one that ended `succeeded` or `partial`, oldest
 * first. A run ends so only once its reconcile committed: the others (killed, cancelled, failed)
 * may have stored claims whose flags were never written, so the next reconcile checks their subjects too.
 */
export async function runsSinceLastReconciled(db: Kysely<DB>, runId: string): Promise<string[]> {
  const last = await db
    .selectFrom('runs')
    .select(sql<string | null>`max(id)`.as('id'))
    .where('status', 'in', ['succeeded', 'partial'])
    .where('id', '<', runId)
    .executeTakeFirst();
  const rows = await db.selectFrom('runs').select('id').where('id', '>', last?.id ?? '0').where('id', '<=', runId).orderBy('id').execute();
  return rows.map((r) => String(r.id));
}

/** Says the run's process is alive; returns the run's status, so the owner notices a cancel. */
export async function touchRun(db: Kysely<DB>, runId: string): Promise<RunStatus | null> {
  await db.updateTable('runs').set({ heartbeat_at: sql<Date>`now()` }).where('id', '=', runId).where('status', '=', 'running').execute();
  return runStatus(db, runId);
}

export async function runStatus(db: Kysely<DB>, runId: string): Promise<RunStatus | null> {
  const row = await db.selectFrom('runs').select('status').where('id', '=', runId).executeTakeFirst();
  return row?.status ?? null;
}

/**
 * Marks a running run cancelled. Returns false when there is no such run or it had ended already
 * (its status says how).
 */
export async function cancelRun(db: Kysely<DB>, runId: string, reason: string): Promise<boolean> {
  const result = await db
    .updateTable('runs')
    .set({ status: 'cancelled', finished_at: sql<Date>`now()`, end_reason: reason })
    .where('id', '=', runId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows ?? 0) > 0;
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

/**
 * Records what a crawl did with each URL of one source (its returned items: documents, and
 * discovery pages that failed). Idempotent: a retried crawl job rewrites its rows.
 */
export async function recordRunItems(db: Kysely<DB>, runId: string, sourceId: string | null, items: ReadonlyArray<{ url: string; outcome: RunItemOutcome; reason: string | null }>): Promise<number> {
  // One row per URL, the last outcome winning (a URL retried within the crawl).
  const byUrl = new Map(items.map((item) => [item.url, item]));
  const rows = [...byUrl.values()].map((item) => ({ run_id: runId, url: item.url, source_id: sourceId, outcome: item.outcome, reason: item.reason?.slice(0, 2000) ?? null }));
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('run_items')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['run_id', 'url']).doUpdateSet((eb) => ({ outcome: eb.ref('excluded.outcome'), reason: eb.ref('excluded.reason'), source_id: eb.ref('excluded.source_id') })))
      .execute();
  }
  return rows.length;
}

/** What one run did with each URL, in URL order. */
export async function runItems(db: Kysely<DB>, runId: string) {
  return db.selectFrom('run_items').select(['url', 'source_id', 'outcome', 'reason']).where('run_id', '=', runId).orderBy('outcome').orderBy('url').execute();
}

export async function listRuns(db: Kysely<DB>, limit: number) {
  return db
    .selectFrom('runs as r')
    .select(['r.id', 'r.kind', 'r.status', 'r.started_at', 'r.finished_at', 'r.counts', 'r.options', 'r.owner', 'r.heartbeat_at', 'r.end_reason'])
    .select((eb) => eb.selectFrom('run_errors as e').select(eb.fn.countAll<string>().as('n')).whereRef('e.run_id', '=', 'r.id').as('errors'))
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
}

export async function runErrors(db: Kysely<DB>, runId: string) {
  return db.selectFrom('run_errors').selectAll().where('run_id', '=', runId).orderBy('id').execute();
}

export interface StaleRunPolicy {
  /** A run whose heartbeat is older than this is over: its process would have touched it. */
  staleAfterMs: number;
  /** Runs not to judge (the caller's own). */
  except?: readonly string[];
  /** Whether a process of this host is alive. @defaultValue `process.kill(pid, 0)` */
  isAlive?: (pid: number) => boolean;
}

/**
 * Runs still marked `running` whose process is gone (killed, rebooted): on this host, an owner pid
 * that no longer exists; anywhere, a heartbeat older than `staleAfterMs`. Marks them failed with
 * the reason, and returns their ids.
 */
export async function failStaleRuns(db: Kysely<DB>, policy: StaleRunPolicy): Promise<string[]> {
  const isAlive = policy.isAlive ?? processIsAlive;
  const host = hostname();
  const running = await db
    .selectFrom('runs')
    .select(['id', 'owner', 'heartbeat_at', 'started_at', sql<boolean>`coalesce(heartbeat_at, started_at) < now() - make_interval(secs => ${policy.staleAfterMs / 1000})`.as('stale')])
    .where('status', '=', 'running')
    .execute();
  const failed: string[] = [];
  for (const run of running) {
    if (policy.except?.includes(run.id)) continue;
    const [ownerHost, ownerPid] = splitOwner(run.owner);
    let reason: string | null = null;
    if (ownerHost === host && ownerPid !== null && ownerPid !== process.pid && !isAlive(ownerPid)) {
      reason = `its process ${run.owner} is gone (killed or crashed); found by the next start`;
    } else if (run.stale) {
      const last = run.heartbeat_at ?? run.started_at;
      reason = `no sign of life from ${run.owner ?? 'its process'} since ${last.toISOString()}; it was killed or lost the database`;
    }
    if (reason === null) continue;
    const result = await db
      .updateTable('runs')
      .set({ status: 'failed', finished_at: sql<Date>`now()`, end_reason: reason })
      .where('id', '=', run.id)
      .where('status', '=', 'running')
      .executeTakeFirst();
    if (Number(result.numUpdatedRows ?? 0) > 0) failed.push(run.id);
  }
  return failed;
}

function splitOwner(owner: string | null): [string | null, number | null] {
  if (!owner) return [null, null];
  const at = owner.lastIndexOf(':');
  const pid = Number(owner.slice(at + 1));
  return [owner.slice(0, at), Number.isInteger(pid) && pid > 0 ? pid : null];
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** This database's identity (migration 0010), for namespacing queued jobs. */
export async function databaseId(db: Kysely<DB>): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'database_id').executeTakeFirst();
  if (!row) throw new Error('settings has no database_id: the database is not migrated; run `isa migrate`');
  return row.value;
}

/** The run lock's key: advisory locks are per Postgres database, so the key names this dataset. */
function runLockKey(id: string): ReturnType<typeof sql<number>> {
  return sql<number>`hashtext(${`isa-run:${id}`})`;
}

export interface RunLock {
  release(): Promise<void>;
}

/**
 * Takes the dataset's run lock (a session advisory lock on a connection of its own) so that two
 * `isa run` on one database never crawl at once. Returns null when another process holds it.
 */
export async function tryRunLock(db: Kysely<DB>): Promise<RunLock | null> {
  const key = runLockKey(await databaseId(db));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let answer!: (locked: boolean) => void;
  let fail!: (error: unknown) => void;
  const locked = new Promise<boolean>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  // The connection stays checked out until release: a session lock lives as long as its session.
  const held = db
    .connection()
    .execute(async (conn) => {
      const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(conn);
      const got = rows[0]?.locked === true;
      answer(got);
      if (!got) return;
      await released;
      await sql`select pg_advisory_unlock(${key})`.execute(conn).catch(() => undefined);
    })
    .catch((error: unknown) => fail(error));
  if (!(await locked)) {
    await held;
    return null;
  }
  return {
    release: async () => {
      release();
      // A connection the server dropped has lost the lock already.
      await held;
    },
  };
}
