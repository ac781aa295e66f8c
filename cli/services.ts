/**
 * Builds what the commands need from the configuration, once per process: the database (migrated),
 * the gazetteer, and the stage runner that matches the mode. The pipeline, the queue and the
 * gazetteer are imported when first asked for, so a command that only reads the database starts fast.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Gazetteer } from '../extractors/gazetteer/gazetteer-types.ts';
import type { PlaceGazetteer } from '../extractors/gazetteer/gazetteer.ts';
import type { CuratedAlias } from '../extractors/gazetteer/gazetteer-data.ts';
import { currentExtractorVersion } from '../pipelines/extract/extractor-version.ts';

export { currentExtractorVersion };
import { migrate, openDatabase, type Database } from '../sql/database.ts';
import { ConfigError } from '../core/errors.ts';
import type { StageDeps, StageDepsLease, StageRunner } from '../pipelines/run/run-stage.ts';
import { crawlOverrides, type Config } from './config.ts';

/**
 * Makes sure the embedded database's folder exists and can be written, so a bad ISA_DATA_DIR is one
 * clear error at start (PGlite itself retries mkdir without end).
 */
export function ensureDataDir(config: Config): void {
  if (config.databaseUrl) return;
  const dir = resolve(config.dataDir);
  try {
    mkdirSync(join(dir, 'pglite'), { recursive: true });
    accessSync(join(dir, 'pglite'), constants.W_OK);
  } catch (error) {
    throw new ConfigError(`the data directory ${dir} (ISA_DATA_DIR or --data) cannot be written: ${(error as Error).message}. Choose a folder you can write, or set DATABASE_URL to use Postgres.`, { input: dir });
  }
}

/** How a command uses the database it opens. */
export interface OpenDatabaseOptions {
  /**
   * A short command that reads or writes a few rows and exits (`isa flags`, `isa runs`): the
   * embedded database starts with small shared buffers, which are quicker to set up (about a
   * third of PGlite's start). @defaultValue false: Postgres's default buffers, for runs and servers
   */
  brief?: boolean;
}

/** Shared buffers of a brief command's embedded database: its queries touch a few megabytes. */
const BRIEF_SHARED_BUFFERS = '16MB';

/** Opens the configured database (embedded or Postgres) without migrating it. */
export async function openConfiguredDatabase(config: Config, options: OpenDatabaseOptions = {}): Promise<Database> {
  ensureDataDir(config);
  return openDatabase({
    databaseUrl: config.databaseUrl ?? null,
    dataDir: join(config.dataDir, 'pglite'),
    ...(options.brief ? { sharedBuffers: BRIEF_SHARED_BUFFERS } : {}),
  });
}

/**
 * Whether every migration is recorded already: one query, where the migrator takes a lock and reads
 * its tables (a second and more on the embedded database, on every command).
 */
async function upToDate(database: Database): Promise<boolean> {
  const { sql } = await import('kysely');
  const { migrationProvider } = await import('../sql/migrations/index.ts');
  const wanted = Object.keys(await migrationProvider.getMigrations());
  const table = database.schema ? sql.id(database.schema, 'kysely_migration') : sql.id('kysely_migration');
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(database.db);
    const done = new Set(rows.map((r) => r.name));
    return wanted.every((name) => done.has(name));
  } catch {
    return false; // no migration table yet: a fresh database
  }
}

/** Opens the configured database and applies pending migrations. */
export async function openMigratedDatabase(config: Config, options: OpenDatabaseOptions = {}): Promise<Database> {
  const database = await openConfiguredDatabase(config, options);
  if (await upToDate(database)) return database;
  const outcome = await migrate(database.db, { schema: database.schema });
  if (outcome.error) {
    await database.close();
    throw new ConfigError(`migrating ${database.location} failed: ${outcome.error.message}. Check that the database is reachable and writable.`);
  }
  return database;
}

/** Loads the gazetteer (large: call once per process and pass it on). */
export async function openGazetteer(): Promise<PlaceGazetteer> {
  const { loadGazetteer } = await import('../extractors/gazetteer/load-gazetteer.ts');
  return loadGazetteer();
}

/** The names reviewers accepted as aliases of a city (`isa review --alias`, the flag page), as gazetteer aliases. */
async function reviewedAliases(database: Database): Promise<CuratedAlias[]> {
  const { acceptedAliases } = await import('../sql/queries/decisions.ts');
  return (await acceptedAliases(database.db)).map((a) => ({ alias: a.alias, name: a.city, country: a.country }));
}

/** The extractor version of this code with the accepted aliases: what the gazetteer of {@link openReviewedGazetteer} extracts. */
export async function reviewedExtractorVersion(database: Database): Promise<string> {
  return versionWith(await reviewedAliases(database));
}

// The code's own version hashes ~200 files: once per process, not before every job of a worker.
let codeVersion: string | undefined;

async function versionWith(aliases: CuratedAlias[]): Promise<string> {
  const { withAcceptedAliases } = await import('../pipelines/extract/extractor-version.ts');
  codeVersion ??= currentExtractorVersion();
  return withAcceptedAliases(codeVersion, aliases);
}

/** The gazetteer with the names reviewers accepted as aliases of a city. */
export async function openReviewedGazetteer(database: Database): Promise<PlaceGazetteer> {
  const { loadGazetteer } = await import('../extractors/gazetteer/load-gazetteer.ts');
  return loadGazetteer({ extraAliases: await reviewedAliases(database) });
}

/** Loads the gazetteer and makes the database's gazetteer table hold the same places. */
export async function openSyncedGazetteer(database: Database): Promise<PlaceGazetteer> {
  const gazetteer = await openReviewedGazetteer(database);
  const { syncGazetteerTable } = await import('../sql/queries/gazetteer.ts');
  await syncGazetteerTable(database.db, gazetteer.places());
  return gazetteer;
}

/**
 * What the stages use. From the compiled dist/ (what `isa` runs after `npm install`), pages are read
 * and extracted in warm worker threads with a time and memory limit (`documentWorkers`, on the same
 * reviewed aliases as `gazetteer`); whoever runs the stages closes the pool (the stage runner,
 * `isa worker`). From the TypeScript sources they run in this thread: a worker would compile the
 * sources again on every start (3 s, and a minute under vitest on a loaded machine).
 */
export async function stageDeps(database: Database, config: Config, gazetteer?: Gazetteer, extractorVersion?: string): Promise<StageDeps> {
  return stageDepsWith(database, config, await reviewedAliases(database), gazetteer, extractorVersion);
}

/** {@link stageDeps} on aliases read once, so the version stamped and the gazetteer that extracts agree. */
async function stageDepsWith(database: Database, config: Config, aliases: CuratedAlias[], gazetteer?: Gazetteer, extractorVersion?: string): Promise<StageDeps> {
  const { DocumentWorkerPool, WORKERS_START_COMPILED } = await import('../pipelines/run/document-worker-pool.ts');
  const { loadGazetteer } = await import('../extractors/gazetteer/load-gazetteer.ts');
  const documentWorkers = WORKERS_START_COMPILED || config.documentWorkers ? new DocumentWorkerPool({ extraAliases: aliases, timeoutMs: config.documentTimeoutMs }) : null;
  void documentWorkers?.warm();
  return {
    db: database.db,
    gazetteer: gazetteer ?? loadGazetteer({ extraAliases: aliases }),
    extractorVersion: extractorVersion ?? (await versionWith(aliases)),
    crawlOptions: crawlOverrides(config),
    documentWorkers,
  };
}

/**
 * A long-lived process's stage deps that follow the reviewers: before each job it asks which aliases
 * are accepted now (one small query) and, when they changed since the last job, builds the gazetteer
 * and the document workers again, so an alias accepted while an `isa worker` runs is in its next
 * extraction and its claims carry the run's extractor version. A job holds its deps until it ends;
 * the replaced document workers close when the last job using them has.
 */
export class ReviewedStageDeps {
  readonly #database: Database;
  readonly #config: Config;
  #current: { version: string; deps: Promise<StageDeps>; leases: number; replaced: boolean } | null = null;

  constructor(database: Database, config: Config) {
    this.#database = database;
    this.#config = config;
  }

  /** The deps for one job; call `release` when the job is done. */
  async lease(): Promise<StageDepsLease> {
    const aliases = await reviewedAliases(this.#database);
    const version = await versionWith(aliases);
    if (this.#current?.version !== version) {
      const previous = this.#current;
      this.#current = { version, deps: stageDepsWith(this.#database, this.#config, aliases, undefined, version), leases: 0, replaced: false };
      if (previous) {
        previous.replaced = true;
        if (previous.leases === 0) await (await previous.deps).documentWorkers?.close();
      }
    }
    const entry = this.#current;
    entry.leases += 1;
    let deps: StageDeps;
    try {
      deps = await entry.deps;
    } catch (error) {
      entry.leases -= 1;
      if (this.#current === entry) this.#current = null;
      throw error;
    }
    let released = false;
    return {
      deps,
      release: async () => {
        if (released) return;
        released = true;
        entry.leases -= 1;
        if (entry.replaced && entry.leases === 0) await deps.documentWorkers?.close();
      },
    };
  }

  async close(): Promise<void> {
    const entry = this.#current;
    this.#current = null;
    if (entry) await (await entry.deps.catch(() => null))?.documentWorkers?.close();
  }
}

/** In-process without REDIS_URL; BullMQ with it, which needs a database every worker can reach. */
export async function openStageRunner(database: Database, config: Config, gazetteer: Gazetteer, extractorVersion: string, warn?: (line: string) => void): Promise<StageRunner> {
  if (!config.redisUrl) {
    const { InProcessStageRunner } = await import('../pipelines/run/run-stage.ts');
    return new InProcessStageRunner(await stageDeps(database, config, gazetteer, extractorVersion));
  }
  if (database.kind !== 'postgres') {
    throw new ConfigError('REDIS_URL is set but DATABASE_URL is not: workers on other processes or machines cannot share the embedded database. Set DATABASE_URL to a Postgres database, or unset REDIS_URL to run in-process.');
  }
  const { QueueStageRunner } = await import('../workers/queue-stage-runner.ts');
  const { databaseId } = await import('../sql/queries/runs.ts');
  return QueueStageRunner.open({ redisUrl: config.redisUrl, prefix: config.queuePrefix, databaseId: await databaseId(database.db), noWorkerWarningMs: config.noWorkerWarningMs, ...(warn ? { warn } : {}) });
}
