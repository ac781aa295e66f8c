import { loadConfig } from '../config.ts';
import { EXIT, print, type Command } from '../command.ts';
import { migrate } from '../../sql/database.ts';
import { openConfiguredDatabase, openSyncedGazetteer } from '../services.ts';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'apply pending database migrations (every other command does this too)',
  help: `Applies the migrations in sql/migrations to the configured database: Postgres when DATABASE_URL is set,
else the embedded PGlite database in ./data (or --data DIR, or ISA_DATA_DIR).

Exit codes: 0 up to date, 1 a migration failed (nothing of it was applied).`,
  options: { data: { type: 'string', value: 'DIR', description: 'embedded database directory (default ISA_DATA_DIR or ./data)' } },
  allowPositionals: false,
  async run({ values }, io) {
    const config = loadConfig(io.env, { dataDir: values.data as string | undefined });
    const database = await openConfiguredDatabase(config);
    try {
      const outcome = await migrate(database.db, { schema: database.schema });
      for (const name of outcome.applied) print(io.stdout, `applied ${name}`);
      if (outcome.error) {
        print(io.stderr, `migration failed on ${database.location}: ${outcome.error.message}`);
        return EXIT.failed;
      }
      const places = (await openSyncedGazetteer(database)).places().length;
      print(io.stdout, `${database.location} is up to date (gazetteer table: ${places} places)`);
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
};
