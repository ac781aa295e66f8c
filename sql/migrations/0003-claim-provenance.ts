// Frozen in time: never import app code here, never edit after it has shipped; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The whole provenance (rule, implied fields, notes such as a weekday that does not fit its date).
  await sql`alter table claims add column provenance jsonb not null default '{}'::jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table claims drop column provenance`.execute(db);
}
