// Frozen in time: never import app code here, never edit after it has shipped; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // Reviewers of the web application; the password is an scrypt hash with its parameters and salt.
  await sql`
    create table users (
      id bigserial primary key,
      name text not null unique,
      password_hash text not null,
      created_at timestamptz not null default now()
    )`.execute(db);

  // A session is found by the hash of its cookie token, so a leaked table opens no session.
  await sql`
    create table sessions (
      token_hash text primary key,
      user_id bigint not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);

  // Every decision on a flag, with who and when: appended, never updated, so the history is the table.
  // The fingerprint is what survives re-extraction; the flag id is for joins.
  await sql`
    create table decisions (
      id bigserial primary key,
      flag_fingerprint text not null,
      flag_id bigint references flags(id) on delete set null,
      action text not null check (action in ('confirm', 'dismiss', 'reopen', 'explain', 'fix', 'correct', 'alias', 'unreliable_source')),
      status text not null check (status in ('open', 'confirmed', 'dismissed', 'explained', 'fixed')),
      note text,
      value jsonb not null default '{}'::jsonb,
      reviewer text not null,
      decided_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index decisions_flag_idx on decisions (flag_fingerprint, decided_at)`.execute(db);
  await sql`create index decisions_action_idx on decisions (action)`.execute(db);
  await sql`
    create function decisions_are_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'decisions are never changed or deleted; record a new decision instead';
    end $$`.execute(db);
  await sql`
    create trigger decisions_append_only before update or delete on decisions
    for each row execute function decisions_are_append_only()`.execute(db);

  // The one decision per flag that earlier versions kept on the flag row becomes its first history entry.
  await sql`
    insert into decisions (flag_fingerprint, flag_id, action, status, note, reviewer, decided_at)
    select fingerprint, id,
      case status when 'confirmed' then 'confirm' when 'dismissed' then 'dismiss' when 'explained' then 'explain' when 'fixed' then 'fix' else 'reopen' end,
      status, reviewer_note, coalesce(reviewed_by, 'unknown'), reviewed_at
    from flags where reviewed_at is not null`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table decisions`.execute(db);
  await sql`drop function decisions_are_append_only()`.execute(db);
  await sql`drop table sessions`.execute(db);
  await sql`drop table users`.execute(db);
}
