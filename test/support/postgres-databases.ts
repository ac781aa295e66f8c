/**
 * Whole Postgres databases for tests that run `isa` as a process (which takes only DATABASE_URL):
 * one migrated template with the gazetteer in it, copied per test in a moment instead of migrating
 * and filling 8 000 places each time.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate, openDatabase } from '../../sql/database.ts';
import { syncGazetteerTable } from '../../sql/queries/gazetteer.ts';
import { loadGazetteer } from '../../extractors/gazetteer/load-gazetteer.ts';
import type { Place } from '../../extractors/gazetteer/gazetteer-types.ts';

/** `postgres://…/NAME` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface DatabaseTemplate {
  /** A new database copied from the template, with a database id of its own. */
  copy(): Promise<{ name: string; url: string }>;
  /** Drops the template and every copy. */
  drop(): Promise<void>;
}

let places: readonly Place[] | undefined;

/** Creates a migrated database with the gazetteer synced, to copy from. */
export async function createDatabaseTemplate(serverUrl: string): Promise<DatabaseTemplate> {
  const prefix = `isa_test_${randomBytes(4).toString('hex')}`;
  const template = `${prefix}_template`;
  await onServer(serverUrl, (client) => client.query(`create database ${template}`));
  const database = await openDatabase({ databaseUrl: databaseUrl(serverUrl, template) });
  try {
    const outcome = await migrate(database.db);
    if (outcome.error) throw outcome.error;
    // The places `isa` syncs at start: a copy's first run finds them there.
    await syncGazetteerTable(database.db, (places ??= loadGazetteer().places()));
  } finally {
    await database.close();
  }
  const copies: string[] = [];
  return {
    copy: async () => {
      const name = `${prefix}_${copies.length + 1}`;
      copies.push(name);
      await onServer(serverUrl, (client) => client.query(`create database ${name} template ${template}`));
      const url = databaseUrl(serverUrl, name);
      // Each database has its own id (its queue name in distributed mode), as a migrated one would.
      await onServer(url, (client) => client.query(`update settings set value = replace(gen_random_uuid()::text, '-', '') where key = 'database_id'`));
      return { name, url };
    },
    drop: async () => {
      await onServer(serverUrl, async (client) => {
        for (const name of [...copies, template]) await client.query(`drop database if exists ${name} with (force)`);
      });
    },
  };
}
