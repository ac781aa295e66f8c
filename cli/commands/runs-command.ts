import { loadConfig } from '../config.ts';
import { EXIT, print, UsageError, type Command } from '../command.ts';
import { openMigratedDatabase } from '../services.ts';
import { listRuns, runErrors } from '../../sql/queries/runs.ts';
import { cancelRunCommand } from './runs-cancel.ts';

export const runsCommand: Command = {
  name: 'runs',
  summary: 'what past runs did: counts, status, and every input that failed',
  arguments: '[RUN_ID_OR_cancel] [RUN_ID]',
  help: `Lists recent runs (newest first) with their status and counts; with a run id, that run's counts and
every recorded error (URL, stage, error class, reason) — what a nightly run nobody watched did.
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
    const database = await openMigratedDatabase(loadConfig(io.env, { dataDir: values.data as string | undefined }));
    try {
      if (positionals[0] === undefined) {
        const runs = await listRuns(database.db, last);
        if (format === 'json') print(io.stdout, JSON.stringify(runs, null, 2));
        else if (runs.length === 0) print(io.stdout, 'no runs yet: `isa run` starts one');
        else for (const run of runs) print(io.stdout, `#${run.id} ${run.kind} ${run.status} started ${run.started_at.toISOString()}${run.finished_at ? `, took ${Math.round((run.finished_at.getTime() - run.started_at.getTime()) / 1000)} s` : ''}; ${run.errors ?? 0} errors; ${JSON.stringify(run.counts)}`);
        return EXIT.ok;
      }
      const runId = positionals[0];
      const [run] = (await listRuns(database.db, 1_000_000)).filter((r) => r.id === runId);
      if (!run) {
        print(io.stderr, `isa runs: no run ${runId}; \`isa runs\` lists them`);
        return EXIT.failed;
      }
      const errors = await runErrors(database.db, runId);
      if (format === 'json') {
        print(io.stdout, JSON.stringify({ ...run, errors }, null, 2));
      } else {
        print(io.stdout, `#${run.id} ${run.kind} ${run.status}, started ${run.started_at.toISOString()}${run.finished_at ? `, finished ${run.finished_at.toISOString()}` : ''}`);
        print(io.stdout, `counts: ${JSON.stringify(run.counts)}`);
        print(io.stdout, errors.length === 0 ? 'no errors' : `${errors.length} errors:`);
        for (const e of errors) print(io.stdout, `  [${e.stage}] ${e.url ?? (e.version_id ? `version ${e.version_id}` : '')} ${e.error_class}: ${e.message}`);
      }
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
};
