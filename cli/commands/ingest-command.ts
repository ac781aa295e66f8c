import { loadConfig } from '../config.ts';
import { print, UsageError, type Command } from '../command.ts';
import { currentExtractorVersion, openMigratedDatabase, openStageRunner, openSyncedGazetteer } from '../services.ts';
import { ingestDocument } from '../../pipelines/crawl/ingest-document.ts';
import { createHttpFetcher } from '../../pipelines/crawl/fetcher.ts';
import { resolveCrawlOptions } from '../../pipelines/crawl/crawl-options.ts';
import { recordRunError, startRun } from '../../sql/queries/runs.ts';
import { errorMessageOf } from '../../core/errors.ts';
import { runPipeline } from '../../pipelines/run/run-pipeline.ts';
import { reportRun } from '../run-report.ts';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'add documents by hand (a PDF someone mailed) and run them through extract and reconcile',
  help: `Usage: isa ingest FILE|URL... [--allow-private] [--format text|json]

Stores each file (.html, .pdf, .txt) or URL as a document version — a file under its file:// URL — then
extracts its claims and reconciles. Ingesting the same bytes again adds nothing. A file that cannot be read
or parsed is reported and recorded; the others go on.

Options:
  --allow-private  allow URLs on loopback or private networks (refused by default: SSRF guard)
  --format FORMAT  text (default) or json

Exit codes: 0 done, 1 could not run, 2 usage, 3 done but some inputs failed.`,
  options: {
    'allow-private': { type: 'boolean', default: false },
    format: { type: 'string', default: 'text' },
    data: { type: 'string' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('give at least one FILE or URL');
    const format = String(values.format);
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
    const config = loadConfig(io.env, { dataDir: values.data as string | undefined });
    const database = await openMigratedDatabase(config);
    const fetcher = createHttpFetcher(resolveCrawlOptions(config.userAgent ? { userAgent: config.userAgent } : {}));
    try {
      const runId = await startRun(database.db, 'ingest', { inputs: positionals });
      const versionIds: string[] = [];
      const priorErrors: Array<{ stage: string; url: string | null; message: string }> = [];
      for (const input of positionals) {
        try {
          const result = await ingestDocument({ db: database.db, fetcher }, { runId, input, allowPrivate: Boolean(values['allow-private']) });
          if (result.versionId && result.outcome !== 'unchanged') versionIds.push(result.versionId);
          if (format === 'text') print(io.stderr, `${input}: ${result.outcome}${result.versionId ? ` (version ${result.versionId})` : ''}`);
        } catch (error) {
          priorErrors.push({ stage: 'ingest', url: input, message: errorMessageOf(error) });
          await recordRunError(database.db, { runId, stage: 'ingest', url: input, error });
          print(io.stderr, `${input}: ${errorMessageOf(error)}`);
        }
      }
      const extractorVersion = currentExtractorVersion();
      const runner = await openStageRunner(database, config, await openSyncedGazetteer(database), extractorVersion);
      try {
        const report = await runPipeline({ db: database.db, runner, extractorVersion, exclusive: database.kind === 'postgres', runTimeoutMs: config.runTimeoutMs }, { runId, sourceIds: [], extraVersionIds: versionIds, priorErrors });
        return await reportRun(database, report, runner.mode, format, io);
      } finally {
        await runner.close();
      }
    } finally {
      fetcher.close?.();
      await database.close();
    }
  },
};
