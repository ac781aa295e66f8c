// Frozen in time: never import app code here, never edit after it has shipped; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Derivable (a flag that is not `fixed` was raised by the latest reconcile) and it rewrote every
  // flag on every run; the dataset must not change when nothing changed.
  await sql`alter table flags drop column last_seen_run`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table flags add column last_seen_run bigint references runs(id) on delete set null`.execute(db);
}
