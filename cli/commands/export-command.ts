import { loadConfig } from '../config.ts';
import { EXIT, UsageError, type Command } from '../command.ts';
import { openMigratedDatabase } from '../services.ts';
import { DATASET_NAMES, DATASETS, type DatasetName } from '../../web/dataset/datasets.ts';
import { EXPORT_FORMATS, serialiseRows, type ExportFormat } from '../../web/dataset/serialise-rows.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../sql/schema.ts';

export const exportCommand: Command = {
  name: 'export',
  summary: 'print claims, flags, documents, members or runs as CSV, JSON or NDJSON (the rows of the web pages)',
  arguments: '<claims|flags|documents|members|runs>',
  help: `Prints one list of the dataset, the same rows and columns as the page of \`isa serve\` and its downloads.
Flags default to open ones; --status all gives every flag.

Examples:
  isa export claims --format csv > claims.csv
  isa export flags --status all --format ndjson
  isa export members --organisation ISA`,
  options: {
    format: { type: 'string', choices: EXPORT_FORMATS, default: 'csv', description: 'output format' },
    status: { type: 'string', value: 'STATUS', description: 'flags: open (default), confirmed, dismissed, explained, fixed or all' },
    kind: { type: 'string', value: 'KIND', description: 'claims or flags of one kind' },
    source: { type: 'string', value: 'SOURCE_ID', description: 'rows from one source' },
    organisation: { type: 'string', value: 'NAME', description: 'members of one organisation' },
    city: { type: 'string', value: 'NAME', description: 'members or flags about one city' },
    data: { type: 'string', value: 'DIR', description: 'embedded database directory (default ISA_DATA_DIR or ./data)' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const name = positionals[0] as DatasetName | undefined;
    if (!name || !DATASET_NAMES.includes(name) || positionals.length > 1) throw new UsageError(`say which list: ${DATASET_NAMES.join(', ')}`);
    const format = String(values.format) as ExportFormat;
    const query: Record<string, string | undefined> = {};
    for (const key of ['status', 'kind', 'source', 'organisation', 'city'] as const) if (typeof values[key] === 'string') query[key] = values[key] as string;
    const database = await openMigratedDatabase(loadConfig(io.env, { dataDir: values.data as string | undefined }));
    try {
      const dataset = DATASETS[name];
      const rows = await (dataset.load as (db: Kysely<DB>, q: Record<string, string | undefined>) => Promise<unknown[]>)(database.db, query);
      io.stdout.write(serialiseRows(dataset.columns as never, rows, format));
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
};
