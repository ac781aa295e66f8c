import { loadConfig } from '../config.ts';
import { EXIT, print, UsageError, type Command } from '../command.ts';
import { openMigratedDatabase } from '../services.ts';
import { listRuns, runErrors, runItems } from '../../sql/queries/runs.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../sql/schema.ts';
import { formatRunDetail, formatRunsTable, type RunItemRow } from '../runs-report.ts';
import { cancelRunCommand } from './runs-cancel.ts';

/** The run's per-URL items (run_items, migration 0010). */
async function itemsOf(db: Kysely<DB>, runId: string): Promise<RunItemRow[]> {
  return runItems(db, runId);
}

export const runsCommand: Command = {
  name: 'runs',
  summary: 'what past runs did: counts, status, and every input that failed',
  arguments: '[RUN_ID_OR_cancel] [RUN_ID]',
  help: `Lists recent runs (newest first) as a table of their status and counts; with a run id, that run's
counts and every URL it found new, changed, gone, skipped (with the reason) or failed (with the reason),
then every recorded error (URL, stage, error class, reason) — what a nightly run nobody watched did.
--format json gives the same as JSON.
\`isa runs cancel RUN_ID\` stops a running run: its \`isa run\` ends within a heartbeat (exit 1), its
queued jobs are removed (with REDIS_URL) and workers refuse the rest.`,
  options: {
    last: { type: 'string', default: '10', value: 'N', description: 'how many runs to list' },
    format: { type: 'string', default: 'text', choices: ['text', 'json'], description: 'output format' },
    data: { type: 'string', value: 'DIR', description: 'embedded database directory (default ISA_DATA_DIR or ./data)' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals[0] === 'cancel') {
      if (positionals.length !== 2 || !/^\d+$/.test(positionals[1] ?? '')) throw new UsageError('isa runs cancel takes one numeric run id');
      return cancelRunCommand(positionals[1]!, loadConfig(io.env, { dataDir: values.data as string | undefined }), io);
    }
    const format = String(values.format);
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
    const last = Number(values.last);
    if (!Number.isInteger(last) || last < 1) throw new UsageError(`--last must be a positive integer, not "${String(values.last)}"`);
    if (positionals.length > 1 || (positionals[0] !== undefined && !/^\d+$/.test(positionals[0]))) throw new UsageError('give at most one numeric run id');
    const database = await openMigratedDatabase(loadConfig(io.env, { dataDir: values.data as string | undefined }), { brief: true });
    try {
      if (positionals[0] === undefined) {
        const runs = await listRuns(database.db, last);
        if (format === 'json') print(io.stdout, JSON.stringify(runs, null, 2));
        else if (runs.length === 0) print(io.stdout, 'no runs yet: `isa run` starts one');
        else print(io.stdout, formatRunsTable(runs));
        return EXIT.ok;
      }
      const runId = positionals[0];
      const [run] = (await listRuns(database.db, 1_000_000)).filter((r) => r.id === runId);
      if (!run) {
        print(io.stderr, `isa runs: no run ${runId}; \`isa runs\` lists them`);
        return EXIT.failed;
      }
      const errors = await runErrors(database.db, runId);
      const items = await itemsOf(database.db, runId);
      if (format === 'json') print(io.stdout, JSON.stringify({ ...run, items, errors }, null, 2));
      else print(io.stdout, formatRunDetail(run, items, errors));
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
};
