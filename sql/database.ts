/**
 * The database seam: one `Kysely<DB>` whatever is behind it. `DATABASE_URL` means Postgres
 * through `pg`; otherwise PGlite (Postgres in WebAssembly) in a directory under `./data`.
 */
import { mkdirSync } from 'node:fs';
import { Kysely, Migrator, PostgresDialect, type MigrationResult } from 'kysely';
import type { DB } from './schema.ts';
import { migrationProvider } from './migrations/index.ts';

export interface DatabaseOptions {
  /** Postgres connection string; when set, PGlite is not used. */
  databaseUrl?: string | null;
  /**
   * Directory of the embedded database; `memory://` keeps it in memory (tests).
   * @defaultValue `./data/pglite`
   */
  dataDir?: string;
  /** Postgres schema to use (tests isolate themselves in a fresh schema). */
  schema?: string;
}

export interface Database {
  db: Kysely<DB>;
  /** `postgres` or `pglite`, for reports. */
  kind: 'postgres' | 'pglite';
  /** Where it is: the URL without password, or the PGlite directory. */
  location: string;
  /** The Postgres schema in use, when not the default. */
  schema: string | null;
  close(): Promise<void>;
}

// int8 comes back as a string from both drivers: ids stay exact and compare equal across modes.
const INT8_OID = 20;

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.schema);
  return openPglite(options.dataDir ?? './data/pglite');
}

async function openPostgres(url: string, schema?: string): Promise<Database> {
  const pg = await import('pg');
  const pool = new pg.default.Pool({
    connectionString: url,
    max: 5,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'postgres',
    location: redactUrl(url) + (schema ? ` (schema ${schema})` : ''),
    schema: schema ?? null,
    close: () => db.destroy(),
  };
}

async function openPglite(dataDir: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...(inMemory ? {} : { dataDir }),
    parsers: { [INT8_OID]: (value: string) => value },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    location: inMemory ? 'memory' : dataDir,
    schema: null,
    close: async () => {
      await db.destroy();
      if (!client.closed) await client.close();
    },
  };
}

export interface MigrateOutcome {
  applied: string[];
  error: Error | null;
}

/** Applies pending migrations; returns what it did and never throws (kysely's Migrator). */
export async function migrate(db: Kysely<DB>, options: { schema?: string | null } = {}): Promise<MigrateOutcome> {
  // Kysely looks for its bookkeeping tables in `public` unless told the schema.
  const migrator = new Migrator({ db, provider: migrationProvider, ...(options.schema ? { migrationTableSchema: options.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  return {
    applied: (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName),
    error: error ? (error instanceof Error ? error : new Error(String(error))) : null,
  };
}

function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
}
