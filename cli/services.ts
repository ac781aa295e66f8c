/**
 * Builds what the commands need from the configuration, once per process: the database (migrated),
 * the gazetteer, and the stage runner that matches the mode.
 */
import { join } from 'node:path';
import type { Gazetteer } from '../extractors/gazetteer/gazetteer-types.ts';
import type { PlaceGazetteer } from '../extractors/gazetteer/gazetteer.ts';
import { loadGazetteer } from '../extractors/gazetteer/load-gazetteer.ts';
import { syncGazetteerTable } from '../sql/queries/gazetteer.ts';
import { databaseId } from '../sql/queries/runs.ts';
import { acceptedAliases } from '../sql/queries/decisions.ts';
import { currentExtractorVersion } from '../pipelines/extract/extractor-version.ts';

export { currentExtractorVersion };
import { migrate, openDatabase, type Database } from '../sql/database.ts';
import { ConfigError } from '../core/errors.ts';
import { InProcessStageRunner, type StageDeps, type StageRunner } from '../pipelines/run/run-stage.ts';
import { QueueStageRunner } from '../workers/queue-stage-runner.ts';
import type { Config } from './config.ts';

/** Opens the configured database and applies pending migrations. */
export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = await openDatabase({ databaseUrl: config.databaseUrl ?? null, dataDir: join(config.dataDir, 'pglite') });
  const outcome = await migrate(database.db, { schema: database.schema });
  if (outcome.error) {
    await database.close();
    throw new ConfigError(`migrating ${database.location} failed: ${outcome.error.message}. Check that the database is reachable and writable.`);
  }
  return database;
}

/** Loads the gazetteer (large: call once per process and pass it on). */
export async function openGazetteer(): Promise<PlaceGazetteer> {
  return loadGazetteer();
}

/** The gazetteer with the names reviewers accepted as aliases of a city (`isa review --alias`, the flag page). */
export async function openReviewedGazetteer(database: Database): Promise<PlaceGazetteer> {
  const accepted = await acceptedAliases(database.db);
  return loadGazetteer({ extraAliases: accepted.map((a) => ({ alias: a.alias, name: a.city, country: a.country })) });
}

/** Loads the gazetteer and makes the database's gazetteer table hold the same places. */
export async function openSyncedGazetteer(database: Database): Promise<PlaceGazetteer> {
  const gazetteer = await openReviewedGazetteer(database);
  await syncGazetteerTable(database.db, gazetteer.places());
  return gazetteer;
}

export async function stageDeps(database: Database, config: Config, gazetteer?: Gazetteer, extractorVersion?: string): Promise<StageDeps> {
  return {
    db: database.db,
    gazetteer: gazetteer ?? (await openReviewedGazetteer(database)),
    extractorVersion: extractorVersion ?? currentExtractorVersion(),
    ...(config.userAgent ? { crawlOptions: { userAgent: config.userAgent } } : {}),
  };
}

/** In-process without REDIS_URL; BullMQ with it, which needs a database every worker can reach. */
export async function openStageRunner(database: Database, config: Config, gazetteer: Gazetteer, extractorVersion: string, warn?: (line: string) => void): Promise<StageRunner> {
  if (!config.redisUrl) return new InProcessStageRunner(await stageDeps(database, config, gazetteer, extractorVersion));
  if (database.kind !== 'postgres') {
    throw new ConfigError('REDIS_URL is set but DATABASE_URL is not: workers on other processes or machines cannot share the embedded database. Set DATABASE_URL to a Postgres database, or unset REDIS_URL to run in-process.');
  }
  return QueueStageRunner.open({ redisUrl: config.redisUrl, prefix: config.queuePrefix, databaseId: await databaseId(database.db), noWorkerWarningMs: config.noWorkerWarningMs, ...(warn ? { warn } : {}) });
}
