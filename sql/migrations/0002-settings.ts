// Frozen in time: never import app code here, never edit after it has shipped; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Small facts about the dataset itself, e.g. which gazetteer data the gazetteer table holds.
  await sql`
    create table settings (
      key text primary key,
      value text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists settings`.execute(db);
}
