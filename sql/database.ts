/**
 * The database seam: one `Kysely<DB>` whatever is behind it. `DATABASE_URL` means Postgres
 * through `pg`; otherwise PGlite (Postgres in WebAssembly) in a directory under `./data`.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { Kysely, Migrator, PostgresDialect, sql, type DatabaseIntrospector, type MigrationResult, type TableMetadata } from 'kysely';
import type { DB } from './schema.ts';
import { migrationProvider } from './migrations/index.ts';
import { ConfigError } from '../core/errors.ts';

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
  /**
   * Shared buffers of the embedded database (Postgres's `shared_buffers`; ignored for Postgres).
   * Setting up Postgres's default 128 MB is a good part of PGlite's start, which a command that
   * reads a few rows and exits does not need.
   * @defaultValue `128MB`
   */
  sharedBuffers?: string;
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
  return openPglite(options.dataDir ?? './data/pglite', options.sharedBuffers);
}

async function openPostgres(url: string, schema?: string): Promise<Database> {
  const pg = await import('pg');
  const pool = new pg.default.Pool({
    connectionString: url,
    max: 5,
    // An unreachable server fails the command within this bound instead of the OS's TCP timeout.
    connectionTimeoutMillis: 10_000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  pool.on('error', () => {
    // An idle client lost its connection; the pool replaces it on the next checkout.
  });
  // The pool listens on idle clients only: a checked-out one (in a transaction, between two
  // statements) that loses the server would emit an unhandled 'error' and end the process. With a
  // listener, its next query fails instead — the transaction is lost whole — and the pool drops it.
  pool.on('connect', (client) => {
    client.on('error', () => {});
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

async function openPglite(dataDir: string, sharedBuffers: string | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const inMemory = dataDir.startsWith('memory://');
  let releaseLock = () => {};
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    releaseLock = lockDataDir(dataDir);
  }
  try {
    const client = await PGlite.create({
      ...(inMemory ? {} : { dataDir }),
      ...(sharedBuffers ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] } : {}),
      parsers: { [INT8_OID]: (value: string) => value },
    });
    const db = new Kysely<DB>({ dialect: new PGliteDialect(client) });
    return {
      db,
      kind: 'pglite',
      location: inMemory ? 'memory' : dataDir,
      schema: null,
      close: async () => {
        try {
          await db.destroy();
          if (!client.closed) await client.close();
        } finally {
          releaseLock();
        }
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * The embedded database is one process's at a time: two processes writing one PGlite directory
 * (a nightly run overlapping a manual one) would corrupt it. A lock file holds the owner's pid;
 * a lock whose process is gone is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  const lockPath = `${dataDir.replace(/\/+$/, '')}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      // The pid, then the command line, so the refusal can say what holds the database (isa serve, a run).
      writeSync(fd, `${process.pid} ${commandLineOf(process.argv)}`);
      closeSync(fd);
      return () => {
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone: nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const [pid = '', ...command] = readFileSync(lockPath, 'utf8').trim().split(' ');
      const owner = Number(pid);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) {
        const who = owner === process.pid ? 'this process' : `process ${owner}${command.length ? ` (${command.join(' ')})` : ''}`;
        throw new ConfigError(`the embedded database ${dataDir} is in use by ${who}; wait for it to finish, or use DATABASE_URL for concurrent work${command[1] === 'serve' ? ' (isa serve --every 24h runs the pipeline inside the review application)' : ''}`, { input: dataDir });
      }
      unlinkSync(lockPath); // stale: its process is gone
    }
  }
  throw new ConfigError(`could not lock the embedded database ${dataDir}; remove ${lockPath} if no isa process is running`, { input: dataDir });
}

/** `isa.mjs serve --port 8420`: the script's file name and its arguments, cut to a line. */
function commandLineOf(argv: readonly string[]): string {
  const script = (argv[1] ?? '').split('/').pop() ?? '';
  return [script, ...argv.slice(2)].join(' ').replace(/\s+/g, ' ').slice(0, 120);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface MigrateOutcome {
  applied: string[];
  error: Error | null;
}

/** Applies pending migrations; returns what it did and never throws (kysely's Migrator). */
export async function migrate(db: Kysely<DB>, options: { schema?: string | null } = {}): Promise<MigrateOutcome> {
  // Kysely looks for its bookkeeping tables in `public` unless told the schema.
  // Migration numbers are handed out to parallel branches, so 0010 may land after 0011: apply it then.
  const migrator = new Migrator({ db: withSchemaIntrospection(db, options.schema ?? null), provider: migrationProvider, allowUnorderedMigrations: true, ...(options.schema ? { migrationTableSchema: options.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  return {
    applied: (results ?? []).filter((r: MigrationResult) => r.status === 'Success').map((r) => r.migrationName),
    error: error ? (error instanceof Error ? error : new Error(String(error))) : null,
  };
}

/**
 * The database as the Migrator sees it: kysely's own introspector reads every column of every
 * schema, calling has_schema_privilege on each by name, so a schema dropped meanwhile by another
 * process fails the migration ("schema … does not exist"). The Migrator only asks whether its two
 * tables exist, so it gets the tables of our one schema, filtered by name before any function runs.
 */
export function withSchemaIntrospection(db: Kysely<DB>, schema: string | null): Kysely<DB> {
  const introspection: DatabaseIntrospector = {
    getSchemas: async () => (await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(db)).rows,
    getTables: async () => {
      const { rows } = await sql<{ name: string; schema: string; kind: string }>`
        select c.relname as name, n.nspname as schema, c.relkind as kind
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = coalesce(${schema}::text, current_schema()) and c.relkind in ('r', 'v', 'p')`.execute(db);
      return rows.map((row): TableMetadata => ({ name: row.name, schema: row.schema, isView: row.kind === 'v', columns: [] }));
    },
    getMetadata: async () => ({ tables: await introspection.getTables() }),
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
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
