/**
 * Rows inserted, updated and deleted per table, as Postgres itself counts them
 * (pg_stat_user_tables), so a test can say "this night wrote nothing" without trusting our code.
 */
import pg from 'pg';
import { sql } from 'kysely';
import type { Database } from '../../../sql/database.ts';

/**
 * The run logs: they grow every night by design (what ran, what was fetched, what failed).
 * Everything else is the dataset, which an unchanged night must leave alone.
 */
export const RUN_LOG_TABLES = new Set(['runs', 'fetches', 'run_errors', 'run_items', 'kysely_migration', 'kysely_migration_lock']);

export type TableWrites = Record<string, { inserted: number; updated: number; deleted: number }>;

/**
 * Counters of every table of the database. PGlite is one backend: its pending counters are
 * flushed on request. Postgres backends flush theirs when they exit, so close the night's pool
 * first; this waits until the fetch log's insert counter has caught up with its rows.
 */
export async function readTableWrites(database: Database, postgresUrl: string | null): Promise<TableWrites> {
  if (database.kind === 'pglite') {
    await sql`select pg_stat_force_next_flush()`.execute(database.db);
    await sql`select 1`.execute(database.db);
    await sql`select pg_stat_clear_snapshot()`.execute(database.db);
    const { rows } = await sql<{ relname: string; n_tup_ins: string; n_tup_upd: string; n_tup_del: string }>`select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables`.execute(database.db);
    return toWrites(rows);
  }
  if (!postgresUrl || !database.schema) throw new Error('readTableWrites on Postgres needs the URL and a schema');
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    const fetchRows = Number((await client.query(`select count(*) as n from ${database.schema}.fetches`)).rows[0].n);
    for (let attempt = 0; ; attempt++) {
      await client.query('select pg_stat_clear_snapshot()');
      const { rows } = await client.query('select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables where schemaname = $1', [database.schema]);
      const writes = toWrites(rows);
      if ((writes['fetches']?.inserted ?? 0) >= fetchRows || attempt >= 100) return writes;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await client.end();
  }
}

/** What changed between two readings, per table, leaving out tables with no writes. */
export function writesBetween(before: TableWrites, after: TableWrites): TableWrites {
  const delta: TableWrites = {};
  for (const [table, now] of Object.entries(after)) {
    const then = before[table] ?? { inserted: 0, updated: 0, deleted: 0 };
    const change = { inserted: now.inserted - then.inserted, updated: now.updated - then.updated, deleted: now.deleted - then.deleted };
    if (change.inserted || change.updated || change.deleted) delta[table] = change;
  }
  return delta;
}

function toWrites(rows: Array<{ relname: string; n_tup_ins: string | number; n_tup_upd: string | number; n_tup_del: string | number }>): TableWrites {
  return Object.fromEntries(rows.map((r) => [r.relname, { inserted: Number(r.n_tup_ins), updated: Number(r.n_tup_upd), deleted: Number(r.n_tup_del) }]));
}
