// Frozen in time: never import app code here, never edit after it has shipped; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // A run can be cancelled (`isa runs cancel`); who runs it and when it last said so tell a live
  // run from one whose process was killed, at the next start instead of after a day.
  await sql`alter table runs drop constraint if exists runs_status_check`.execute(db);
  await sql`alter table runs add constraint runs_status_check check (status in ('running', 'succeeded', 'failed', 'partial', 'cancelled'))`.execute(db);
  await sql`alter table runs add column owner text`.execute(db);
  await sql`alter table runs add column heartbeat_at timestamptz`.execute(db);
  await sql`alter table runs add column end_reason text`.execute(db);

  // What the run did with each URL, for `isa runs ID`: new, changed, unchanged, gone, skipped (with
  // its reason) or failed (with its reason; details in run_errors).
  await sql`
    create table run_items (
      run_id bigint not null references runs(id) on delete cascade,
      url text not null,
      source_id text,
      outcome text not null check (outcome in ('new', 'changed', 'unchanged', 'gone', 'skipped', 'failed')),
      reason text,
      primary key (run_id, url)
    )`.execute(db);

  // This database's identity: queued jobs carry it, so a job or result never crosses databases
  // that share one Redis (a fresh or restored database reuses run ids).
  await sql`insert into settings (key, value) values ('database_id', replace(gen_random_uuid()::text, '-', '')) on conflict (key) do nothing`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from settings where key = 'database_id'`.execute(db);
  await sql`drop table if exists run_items`.execute(db);
  await sql`alter table runs drop column if exists end_reason`.execute(db);
  await sql`alter table runs drop column if exists heartbeat_at`.execute(db);
  await sql`alter table runs drop column if exists owner`.execute(db);
  await sql`update runs set status = 'failed' where status = 'cancelled'`.execute(db);
  await sql`alter table runs drop constraint if exists runs_status_check`.execute(db);
  await sql`alter table runs add constraint runs_status_check check (status in ('running', 'succeeded', 'failed', 'partial'))`.execute(db);
}
