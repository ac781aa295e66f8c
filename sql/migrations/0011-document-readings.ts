// Frozen in time: never import app code here, never edit after it has shipped; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Which reader made a version's clean text and date; null: read before this was recorded.
  await sql`alter table document_versions add column parser_version text`.execute(db);
  // Readings a newer reader replaced: the claims extracted from them keep the text their offsets point into.
  await sql`
    create table document_readings (
      id bigserial primary key,
      version_id bigint not null references document_versions(id) on delete cascade,
      parser_version text,
      superseded_by text not null,
      superseded_at timestamptz not null default now(),
      title text,
      published text,
      published_source text,
      language text,
      clean_text text not null,
      captions jsonb not null,
      parse_warnings jsonb not null
    )`.execute(db);
  await sql`create index document_readings_version_idx on document_readings (version_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists document_readings`.execute(db);
  await sql`alter table document_versions drop column if exists parser_version`.execute(db);
}
