import { crawlOverrides, loadConfig } from '../config.ts';
import { UsageError, type Command } from '../command.ts';
import { reviewedExtractorVersion, openMigratedDatabase, openStageRunner, openSyncedGazetteer } from '../services.ts';
import { ingestDocument } from '../../pipelines/crawl/ingest-document.ts';
import { createHttpFetcher } from '../../pipelines/crawl/fetcher.ts';
import { resolveCrawlOptions } from '../../pipelines/crawl/crawl-options.ts';
import { recordRunError, startRun } from '../../sql/queries/runs.ts';
import { errorMessageOf } from '../../core/errors.ts';
import { runPipeline } from '../../pipelines/run/run-pipeline.ts';
import { reportRun } from '../run-report.ts';
import { LOG_FORMAT_OPTION, logFormatOf, RunLog } from '../run-log.ts';
import { normalizeUrl } from '../../pipelines/crawl/normalize-url.ts';
import { checkStatedPublished } from '../../pipelines/parse/publication-date.ts';
import type { PartialDate } from '../../core/claim.ts';

export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'add documents by hand (a PDF someone mailed) and run them through extract and reconcile',
  arguments: '<FILE|URL...>',
  help: `Stores each file (.html, .pdf, .txt) or URL as a document version — a file under its file:// URL — then
extracts its claims and reconciles. Ingesting the same bytes again adds nothing. A file that cannot be read
or parsed is reported and recorded; the others go on.

A document someone mailed: isa ingest FILE --url URL --published YYYY-MM-DD stores it under the address it
was published at and with the date its sender gives (that date wins over the dates the document shows).

Exit codes: 0 done, 1 could not run, 2 usage, 3 done but some inputs failed.`,
  options: {
    'allow-private': { type: 'boolean', default: false, description: 'allow URLs on loopback or private networks (refused by default: SSRF guard)' },
    url: { type: 'string', value: 'URL', description: 'where the one FILE was published: stored under it instead of file://, links and URL dates read against it' },
    published: { type: 'string', value: 'DATE', description: 'publication date the sender gives (YYYY-MM-DD, YYYY-MM or YYYY); wins over the dates the document shows' },
    format: { type: 'string', default: 'text', choices: ['text', 'json'], description: 'output format' },
    data: { type: 'string', value: 'DIR', description: 'embedded database directory (default ISA_DATA_DIR or ./data)' },
    'log-format': LOG_FORMAT_OPTION,
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('give at least one FILE or URL');
    const format = String(values.format);
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
    const stated = statedDocument(values, positionals);
    const config = loadConfig(io.env, { dataDir: values.data as string | undefined });
    const database = await openMigratedDatabase(config);
    const fetcher = createHttpFetcher(resolveCrawlOptions(crawlOverrides(config)));
    // Each input gets its line (with its outcome) always: the files are what --verbose lists for a crawl.
    const runLog = new RunLog({ stream: io.stderr, format: logFormatOf(values['log-format'], config.logFormat), everyMs: config.progressEveryMs, prefix: 'isa ingest' });
    try {
      const runId = await startRun(database.db, 'ingest', { inputs: positionals });
      const versionIds: string[] = [];
      const priorErrors: Array<{ stage: string; url: string | null; message: string }> = [];
      // Every input is one document of the report: stored new, changed, unchanged, or failed.
      const ingested: Array<{ url: string; outcome: 'new' | 'changed' | 'unchanged' | 'failed'; reason: string | null }> = [];
      for (const input of positionals) {
        try {
          const result = await ingestDocument({ db: database.db, fetcher }, { runId, input, allowPrivate: Boolean(values['allow-private']), ...stated });
          if (result.versionId && result.outcome !== 'unchanged') versionIds.push(result.versionId);
          ingested.push({ url: result.url, outcome: result.outcome, reason: null });
          runLog.info(`${input}: ${result.outcome}${result.versionId ? ` (version ${result.versionId})` : ''}`, { event: 'url', input, url: result.url, outcome: result.outcome, versionId: result.versionId ?? null });
        } catch (error) {
          priorErrors.push({ stage: 'ingest', url: input, message: errorMessageOf(error) });
          ingested.push({ url: input, outcome: 'failed', reason: errorMessageOf(error) });
          await recordRunError(database.db, { runId, stage: 'ingest', url: input, error });
          runLog.warn(`${input}: ${errorMessageOf(error)}`, { event: 'url', input, url: input, outcome: 'failed', reason: errorMessageOf(error), stage: 'ingest' });
        }
      }
      const extractorVersion = await reviewedExtractorVersion(database);
      const runner = await openStageRunner(database, config, await openSyncedGazetteer(database), extractorVersion);
      try {
        runLog.start();
        const report = await runPipeline(
          { db: database.db, runner, extractorVersion, log: (line) => runLog.info(line), progress: runLog.event, exclusive: database.kind === 'postgres', runTimeoutMs: config.runTimeoutMs },
          { runId, sourceIds: [], extraVersionIds: versionIds, priorErrors, priorItems: ingested },
        );
        runLog.close();
        return await reportRun(database, report, runner.mode, format, io);
      } finally {
        await runner.close();
      }
    } finally {
      runLog.close();
      fetcher.close?.();
      await database.close();
    }
  },
};

/** `--url` and `--published`, checked before anything is opened. */
function statedDocument(values: Record<string, unknown>, positionals: string[]): { documentUrl?: string; published?: PartialDate } {
  const stated: { documentUrl?: string; published?: PartialDate } = {};
  if (typeof values.url === 'string') {
    if (positionals.length !== 1) throw new UsageError(`--url names where one file was published; give exactly one FILE with it, not ${positionals.length}`);
    if (/^https?:\/\//i.test(positionals[0] ?? '')) throw new UsageError('--url is for a FILE; a URL argument is stored under its own address');
    if (!normalizeUrl(values.url)) throw new UsageError(`--url: "${values.url}" is not an http(s) URL`);
    stated.documentUrl = values.url;
  }
  if (typeof values.published === 'string') {
    const checked = checkStatedPublished(values.published, new Date());
    if ('problem' in checked) throw new UsageError(`--published: ${checked.problem}`);
    stated.published = checked.date;
  }
  return stated;
}
