// Frozen in time: never import app code here, never edit after it has shipped; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sources (
      id text primary key,
      name text not null,
      config jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table runs (
      id bigserial primary key,
      kind text not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      status text not null default 'running' check (status in ('running', 'succeeded', 'failed', 'partial')),
      options jsonb not null default '{}'::jsonb,
      counts jsonb not null default '{}'::jsonb
    )`.execute(db);

  // One row per URL we know of; its content lives in document_versions.
  await sql`
    create table documents (
      id bigserial primary key,
      url text not null unique,
      source_id text references sources(id) on delete set null,
      status text not null default 'active' check (status in ('active', 'gone')),
      first_seen_at timestamptz not null default now(),
      last_fetched_at timestamptz,
      last_http_status integer,
      etag text,
      last_modified text,
      gone_at timestamptz
    )`.execute(db);

  // A version is one distinct body of a document; unchanged refetches add none.
  await sql`
    create table document_versions (
      id bigserial primary key,
      document_id bigint not null references documents(id) on delete cascade,
      url text not null,
      final_url text not null,
      http_status integer,
      content_type text,
      etag text,
      last_modified text,
      content_hash text not null,
      fetched_at timestamptz not null,
      body bytea not null,
      body_size integer not null,
      format text not null check (format in ('html', 'pdf', 'text')),
      title text,
      published text,
      published_source text,
      language text,
      clean_text text not null,
      captions jsonb not null default '[]'::jsonb,
      parse_warnings jsonb not null default '[]'::jsonb,
      run_id bigint references runs(id) on delete set null,
      unique (document_id, content_hash)
    )`.execute(db);
  await sql`create index document_versions_document_idx on document_versions (document_id, fetched_at desc)`.execute(db);

  // Every fetch attempt and its outcome: what the run report counts.
  await sql`
    create table fetches (
      id bigserial primary key,
      run_id bigint references runs(id) on delete cascade,
      document_id bigint references documents(id) on delete cascade,
      url text not null,
      fetched_at timestamptz not null default now(),
      http_status integer,
      outcome text not null check (outcome in ('new', 'changed', 'unchanged', 'gone', 'failed', 'skipped')),
      version_id bigint references document_versions(id) on delete set null
    )`.execute(db);
  await sql`create index fetches_run_idx on fetches (run_id)`.execute(db);

  // Which extractor version has processed which document version: extraction is idempotent.
  await sql`
    create table extractions (
      version_id bigint not null references document_versions(id) on delete cascade,
      extractor_version text not null,
      extracted_at timestamptz not null default now(),
      claim_count integer not null,
      run_id bigint references runs(id) on delete set null,
      primary key (version_id, extractor_version)
    )`.execute(db);

  await sql`
    create table claims (
      id bigserial primary key,
      version_id bigint not null references document_versions(id) on delete cascade,
      extractor_version text not null,
      ordinal integer not null,
      kind text not null check (kind in ('member_count', 'member_list', 'membership_event', 'partnership', 'city_attribute', 'event')),
      subject text,
      payload jsonb not null,
      quote text not null,
      start_offset integer not null,
      end_offset integer not null,
      rule text,
      unique (version_id, extractor_version, ordinal)
    )`.execute(db);
  await sql`create index claims_kind_subject_idx on claims (kind, subject)`.execute(db);

  await sql`
    create table gazetteer (
      id text primary key,
      name text not null,
      country text not null,
      type text not null,
      admin1 text,
      parent text,
      capital_of text,
      population bigint,
      aliases text[] not null default '{}'
    )`.execute(db);
  await sql`create index gazetteer_name_idx on gazetteer (name)`.execute(db);

  // A flag's fingerprint is derived from what it is about, not from claim ids, so a
  // reviewer's decision survives re-extraction and the next run.
  await sql`
    create table flags (
      id bigserial primary key,
      fingerprint text not null unique,
      kind text not null,
      severity text not null check (severity in ('error', 'warning', 'info')),
      subject text,
      explanation text not null,
      details jsonb not null default '{}'::jsonb,
      status text not null default 'open' check (status in ('open', 'confirmed', 'dismissed', 'explained', 'fixed')),
      reviewer_note text,
      reviewed_by text,
      reviewed_at timestamptz,
      first_seen_run bigint references runs(id) on delete set null,
      last_seen_run bigint references runs(id) on delete set null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table flag_claims (
      flag_id bigint not null references flags(id) on delete cascade,
      claim_id bigint not null references claims(id) on delete cascade,
      role text not null default 'evidence',
      primary key (flag_id, claim_id)
    )`.execute(db);

  // Bad input is recorded with the URL, the stage and the reason; the run goes on.
  await sql`
    create table run_errors (
      id bigserial primary key,
      run_id bigint references runs(id) on delete cascade,
      stage text not null,
      url text,
      version_id bigint references document_versions(id) on delete set null,
      error_class text not null,
      message text not null,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index run_errors_run_idx on run_errors (run_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['run_errors', 'flag_claims', 'flags', 'gazetteer', 'claims', 'extractions', 'fetches', 'document_versions', 'documents', 'runs', 'sources']) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
}
