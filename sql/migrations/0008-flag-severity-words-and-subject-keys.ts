// Frozen in time: never import app code here, never edit after it has shipped; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Fact-checkers' words: a contradiction needs a decision, a discrepancy a look, explained growth none.
  await sql`alter table flags drop constraint if exists flags_severity_check`.execute(db);
  await sql`update flags set severity = case severity when 'error' then 'contradiction' when 'warning' then 'discrepancy' else 'explained' end`.execute(db);
  await sql`alter table flags add constraint flags_severity_check check (severity in ('contradiction', 'discrepancy', 'explained'))`.execute(db);
  // A flag the reconciler closed because its evidence went away is resolved_by_source; "fixed" stays
  // what a reviewer records (decisions, migration 0007). Old automatic closings had no reviewer.
  await sql`alter table flags drop constraint if exists flags_status_check`.execute(db);
  await sql`update flags set status = 'resolved_by_source' where status = 'fixed' and reviewed_at is null`.execute(db);
  await sql`alter table flags add constraint flags_status_check check (status in ('open', 'confirmed', 'dismissed', 'explained', 'fixed', 'resolved_by_source'))`.execute(db);
  // The subject a flag was found in (org:ISA, city:Foshan, partner:Nürnberg): an incremental
  // reconcile re-checks some subjects and closes only their flags.
  await sql`alter table flags add column subject_key text`.execute(db);
  await sql`create index flags_subject_key_idx on flags (subject_key)`.execute(db);
  // Current claims by version and extractor version, without scanning every claim.
  await sql`create index if not exists claims_version_extractor_idx on claims (version_id, extractor_version)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists claims_version_extractor_idx`.execute(db);
  await sql`drop index if exists flags_subject_key_idx`.execute(db);
  await sql`alter table flags drop column subject_key`.execute(db);
  await sql`alter table flags drop constraint if exists flags_status_check`.execute(db);
  await sql`update flags set status = 'fixed' where status = 'resolved_by_source'`.execute(db);
  await sql`alter table flags add constraint flags_status_check check (status in ('open', 'confirmed', 'dismissed', 'explained', 'fixed'))`.execute(db);
  await sql`alter table flags drop constraint if exists flags_severity_check`.execute(db);
  await sql`update flags set severity = case severity when 'contradiction' then 'error' when 'discrepancy' then 'warning' else 'info' end`.execute(db);
  await sql`alter table flags add constraint flags_severity_check check (severity in ('error', 'warning', 'info'))`.execute(db);
}
