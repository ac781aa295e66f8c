import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../config.ts';
import { UsageError, type Command, type CommandIo } from '../command.ts';
import type { Database } from '../../sql/database.ts';
import { reviewedExtractorVersion, openMigratedDatabase, openStageRunner, openSyncedGazetteer } from '../services.ts';
import { loadSourcesFile } from '../../pipelines/crawl/sources-file.ts';
import type { Source } from '../../core/source-config.ts';
import { upsertSource } from '../../sql/queries/sources.ts';
import { runPipeline } from '../../pipelines/run/run-pipeline.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server/fixture-server.ts';
import { reportRun } from '../run-report.ts';
import { LOG_FORMAT_OPTION, logFormatOf, RunLog, VERBOSE_OPTION, type LogFormat } from '../run-log.ts';

export const FIXTURE_SOURCES_FILE = fileURLToPath(new URL('../../fixtures/sources.yaml', import.meta.url));

// The fixture sites' port is stable (ISA_FIXTURES_PORT, default 4646): a document is its URL, so a new
// port would make every page of a second run a new document.
async function startFixtures(env: NodeJS.ProcessEnv, warn: (line: string) => void): Promise<FixtureServer> {
  const port = loadConfig(env).fixturesPort;
  try {
    return await startFixtureServer({ port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    warn(`port ${port} is taken, so the fixture sites get another one: this run's pages count as new documents. Set ISA_FIXTURES_PORT to a free port to keep runs comparable.`);
    return startFixtureServer();
  }
}

export const runCommand: Command = {
  name: 'run',
  summary: 'crawl → extract → reconcile; sources default to the bundled fixture sites',
  help: `Crawls the sources, extracts claims from every new or changed document, reconciles, and prints a summary.
Without --sources, serves the bundled fixture sites on a loopback port and crawls those.

Exit codes: 0 done, 1 could not run, 2 usage, 3 done but some inputs failed (listed, and kept in run_errors),
4 done but open flags remain (with --fail-on-open). \`isa schedule\` runs this every period.`,
  options: {
    sources: { type: 'string', value: 'FILE', description: 'sources file (YAML or JSON; see fixtures/sources.yaml and `isa sources --help`)' },
    source: { type: 'string', multiple: true, value: 'ID', description: 'only this source (repeatable)' },
    'allow-private': { type: 'boolean', default: false, description: 'let every source reach loopback and private networks (as allowPrivate: true in the file)' },
    format: { type: 'string', default: 'text', choices: ['text', 'json'], description: 'output format' },
    reports: { type: 'string', value: 'DIR', description: 'also write the report as DIR/run-ID.json and DIR/run-ID.txt' },
    'fail-on-open': { type: 'boolean', default: false, description: 'exit 4 when open flags remain after the run (for alerting)' },
    data: { type: 'string', value: 'DIR', description: 'embedded database directory (default ISA_DATA_DIR or ./data); ignored with DATABASE_URL' },
    verbose: VERBOSE_OPTION,
    'log-format': LOG_FORMAT_OPTION,
  },
  allowPositionals: false,
  async run({ values }, io) {
    const format = String(values.format);
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not "${format}"`);
    const config = loadConfig(io.env, { dataDir: values.data as string | undefined });
    const database = await openMigratedDatabase(config);
    try {
      return await runSourcesOnce(database, config, {
        sourcesFile: values.sources as string | undefined,
        only: (values.source as string[] | undefined) ?? [],
        allowPrivate: Boolean(values['allow-private']),
        format,
        reportsDir: values.reports as string | undefined,
        failOnOpen: Boolean(values['fail-on-open']),
        verbose: Boolean(values.verbose),
        logFormat: logFormatOf(values['log-format'], config.logFormat),
      }, io);
    } finally {
      await database.close();
    }
  },
};

export interface RunOnceOptions {
  /** A sources file; without one, the bundled fixture sites, served for the run. */
  sourcesFile: string | undefined;
  only: string[];
  allowPrivate: boolean;
  format: 'text' | 'json';
  reportsDir: string | undefined;
  failOnOpen: boolean;
  /** One stderr line per URL. */
  verbose: boolean;
  /** Progress and log lines on stderr as text or JSON. */
  logFormat: LogFormat;
}

/**
 * One run of the pipeline on an open database, reported as `isa run` reports it: shared by `isa run`
 * and by `isa serve --every`, which runs it in the process that holds the embedded database.
 */
export async function runSourcesOnce(database: Database, config: Config, options: RunOnceOptions, io: CommandIo): Promise<number> {
  let fixtureServer: FixtureServer | null = null;
  const runLog = new RunLog({ stream: io.stderr, format: options.logFormat, verbose: options.verbose, everyMs: config.progressEveryMs, prefix: 'isa run' });
  try {
    let sources: Source[];
    if (options.sourcesFile) {
      sources = await loadSourcesFile(options.sourcesFile);
    } else {
      fixtureServer = await startFixtures(io.env, (line) => runLog.warn(line, { event: 'fixtures' }));
      sources = await loadSourcesFile(FIXTURE_SOURCES_FILE, { FIXTURES: fixtureServer.origin });
      runLog.info(`serving the fixture sites on ${fixtureServer.origin}`, { event: 'fixtures', origin: fixtureServer.origin });
    }
    const unknown = options.only.filter((id) => !sources.some((s) => s.id === id));
    if (unknown.length > 0) throw new UsageError(`no source with id ${unknown.join(', ')}; known: ${sources.map((s) => s.id).join(', ')}`);
    const chosen = options.only.length > 0 ? sources.filter((s) => options.only.includes(s.id)) : sources;
    const selected = options.allowPrivate ? chosen.map((s) => ({ ...s, allowPrivate: true })) : chosen;
    for (const source of selected) await upsertSource(database.db, source);

    const extractorVersion = await reviewedExtractorVersion(database);
    const runner = await openStageRunner(database, config, await openSyncedGazetteer(database), extractorVersion, (line) => runLog.warn(line, { event: 'queue' }));
    try {
      runLog.start();
      const report = await runPipeline(
        { db: database.db, runner, extractorVersion, log: (line) => runLog.info(line), progress: runLog.event, exclusive: database.kind === 'postgres', runTimeoutMs: config.runTimeoutMs },
        { sourceIds: selected.map((s) => s.id), options: { sourcesFile: options.sourcesFile ?? 'fixtures' } },
      );
      // The status line goes before the summary is printed.
      runLog.close();
      return await reportRun(database, report, runner.mode, options.format, io, {
        ...(options.reportsDir ? { reportsDir: options.reportsDir } : {}),
        failOnOpen: options.failOnOpen,
        note: (line, fields) => runLog.info(line, fields),
      });
    } finally {
      await runner.close();
    }
  } finally {
    runLog.close();
    await fixtureServer?.close();
  }
}
