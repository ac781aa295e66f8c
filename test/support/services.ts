/**
 * The real services tests use: PGlite in memory always; Postgres and Redis from DATABASE_URL and
 * REDIS_URL. Without them a suite is skipped locally; CI sets ISA_REQUIRE_SERVICES=1 and the
 * skip check fails the run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../../sql/database.ts';

export const postgresUrl: string | null = process.env.DATABASE_URL || null;
export const redisUrl: string | null = process.env.REDIS_URL || null;

/** A fresh, migrated embedded database in memory. */
export async function freshPglite(): Promise<Database> {
  const database = await openDatabase({ dataDir: 'memory://' });
  const outcome = await migrate(database.db);
  if (outcome.error) throw outcome.error;
  return database;
}

/** A fresh, migrated Postgres schema that is dropped on close. */
export async function freshPostgres(): Promise<Database> {
  if (!postgresUrl) throw new Error('DATABASE_URL is not set');
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const database = await openDatabase({ databaseUrl: postgresUrl, schema });
  const outcome = await migrate(database.db, { schema });
  if (outcome.error) throw outcome.error;
  return {
    ...database,
    close: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

export const DATABASES: Array<{ name: string; open: () => Promise<Database>; available: boolean }> = [
  { name: 'pglite', open: freshPglite, available: true },
  { name: 'postgres', open: freshPostgres, available: postgresUrl !== null },
];

/** A queue prefix no other test uses, so parallel suites never see each other's jobs. */
export function uniqueQueuePrefix(): string {
  return `isa-test-${randomBytes(5).toString('hex')}`;
}
