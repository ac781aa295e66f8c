/** Reviewer accounts and their sessions for the web application. */
import type { Kysely } from 'kysely';
import { BadInputError } from '../../core/errors.ts';
import type { DB } from '../schema.ts';

export interface UserRow {
  id: string;
  name: string;
  passwordHash: string;
}

/** Adds an account; with `replace`, sets a new password for an existing one (and ends its sessions). */
export async function saveUser(db: Kysely<DB>, name: string, passwordHash: string, options: { replace?: boolean } = {}): Promise<'added' | 'replaced'> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('name', '=', name).executeTakeFirst();
    if (existing && !options.replace) throw new BadInputError(`user "${name}" exists already; give --replace to set a new password`, { input: name });
    if (existing) {
      await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', existing.id).execute();
      await trx.deleteFrom('sessions').where('user_id', '=', existing.id).execute();
      return 'replaced';
    }
    await trx.insertInto('users').values({ name, password_hash: passwordHash }).execute();
    return 'added';
  });
}

export async function removeUser(db: Kysely<DB>, name: string): Promise<boolean> {
  const result = await db.deleteFrom('users').where('name', '=', name).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function listUsers(db: Kysely<DB>) {
  return db.selectFrom('users').select(['id', 'name', 'created_at']).orderBy('name').execute();
}

export async function findUser(db: Kysely<DB>, name: string): Promise<UserRow | null> {
  const row = await db.selectFrom('users').select(['id', 'name', 'password_hash']).where('name', '=', name).executeTakeFirst();
  return row ? { id: row.id, name: row.name, passwordHash: row.password_hash } : null;
}

export async function countUsers(db: Kysely<DB>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface SessionUser {
  userId: string;
  name: string;
  csrfToken: string;
}

export async function createSession(db: Kysely<DB>, input: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date }): Promise<void> {
  // Expired sessions are cleared whenever someone signs in: the table stays small without a job.
  await db.deleteFrom('sessions').where('expires_at', '<', new Date()).execute();
  await db.insertInto('sessions').values({ token_hash: input.tokenHash, user_id: input.userId, csrf_token: input.csrfToken, expires_at: input.expiresAt }).execute();
}

export async function findSession(db: Kysely<DB>, tokenHash: string): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.name', 's.csrf_token'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();
  return row ? { userId: row.id, name: row.name, csrfToken: row.csrf_token } : null;
}

export async function deleteSession(db: Kysely<DB>, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}
