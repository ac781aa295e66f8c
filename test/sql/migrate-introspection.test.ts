import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { withSchemaIntrospection, type Database } from '../../sql/database.ts';
import { freshPostgres, postgresUrl } from '../support/services.ts';

// Tests share one Postgres database, each in a schema of its own that it drops when done: a
// migration must not fail because another test's schema vanished while it looked at the catalog.
describe.skipIf(!postgresUrl)('migrations beside schemas dropped by other processes', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshPostgres();
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  it("lists the migration tables of its own schema while another schema is dropped under the same snapshot", async () => {
    const doomed = `gone_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl! });
    await admin.connect();
    try {
      await admin.query(`create schema ${doomed}; create table ${doomed}.t (id int)`);
      let outcome: { ours: string[]; kyselys: string } | undefined;
      await database.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
        await trx.selectFrom('runs').select('id').limit(1).execute(); // the snapshot still holds the doomed schema
        await admin.query(`drop schema ${doomed} cascade`);
        const ours = await withSchemaIntrospection(trx, database.schema).introspection.getTables();
        // last: its failure aborts the transaction
        const kyselys = await trx.introspection.getTables({ withInternalKyselyTables: true }).then(() => 'listed', (error: Error) => error.message);
        outcome = { kyselys, ours: ours.map((table) => table.name) };
      }).catch(() => undefined); // the aborted transaction cannot commit
      if (!outcome) throw new Error('the transaction ended before both introspectors ran');
      // Kysely's own introspector trips over the vanished schema (this is what failed CI) ...
      expect(outcome.kyselys).toMatch(/schema "gone_\w+" does not exist/);
      // ... the one the Migrator gets does not, and sees only this schema's tables.
      expect(outcome.ours).toEqual(expect.arrayContaining(['kysely_migration', 'kysely_migration_lock', 'runs']));
    } finally {
      await admin.end();
    }
  });
});
