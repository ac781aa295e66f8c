// Frozen in time: never import app code here, never edit after it has shipped; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // When and with what status a URL was last fetched is the fetch log's to say. Kept on documents,
  // every unchanged re-fetch rewrote the row; now an unchanged run changes no dataset row.
  await sql`alter table documents drop column last_fetched_at`.execute(db);
  await sql`alter table documents drop column last_http_status`.execute(db);
  await sql`create index fetches_document_idx on fetches (document_id, fetched_at desc)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists fetches_document_idx`.execute(db);
  await sql`alter table documents add column last_http_status integer`.execute(db);
  await sql`alter table documents add column last_fetched_at timestamptz`.execute(db);
}
