// Frozen in time: never import app code here, never edit after it has shipped; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Which version stands for the document now. The newest by fetched_at said it only by moving an
  // older version's fetched_at when a body came back to it, which rewrote that version's history.
  await sql`alter table documents add column current_version_id bigint references document_versions(id) on delete set null`.execute(db);
  await sql`create index documents_current_version_idx on documents (current_version_id)`.execute(db);
  await sql`
    update documents d set current_version_id = latest.id
    from (select distinct on (document_id) id, document_id from document_versions order by document_id, fetched_at desc, id desc) latest
    where latest.document_id = d.id`.execute(db);
  // A version inserted newer than the current one becomes current, whoever inserts it (the crawl,
  // a bench, a test): one set-based update per statement, never one per row.
  await sql`
    create function documents_follow_new_versions() returns trigger language plpgsql as $$
    begin
      update documents d set current_version_id = n.id
      from (select distinct on (document_id) id, document_id, fetched_at from inserted order by document_id, fetched_at desc, id desc) n
      where d.id = n.document_id
        and d.current_version_id is distinct from n.id
        and not exists (select 1 from document_versions c where c.id = d.current_version_id and (c.fetched_at, c.id) > (n.fetched_at, n.id));
      return null;
    end $$`.execute(db);
  await sql`
    create trigger document_versions_become_current after insert on document_versions
    referencing new table as inserted for each statement execute function documents_follow_new_versions()`.execute(db);
  // The unique (version_id, extractor_version, ordinal) serves every lookup this index did; one
  // index fewer to maintain on each claim written.
  await sql`drop index if exists claims_version_extractor_idx`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists claims_version_extractor_idx on claims (version_id, extractor_version)`.execute(db);
  await sql`drop trigger if exists document_versions_become_current on document_versions`.execute(db);
  await sql`drop function if exists documents_follow_new_versions()`.execute(db);
  await sql`alter table documents drop column if exists current_version_id`.execute(db);
}
