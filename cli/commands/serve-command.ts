import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { loadConfig } from '../config.ts';
import { EXIT, print, UsageError, type Command } from '../command.ts';
import { openMigratedDatabase } from '../services.ts';
import { countUsers } from '../../sql/queries/users.ts';
import type { Database } from '../../sql/database.ts';
import { cancelRun, currentRunOwner } from '../../sql/queries/runs.ts';
import { errorMessageOf } from '../../core/errors.ts';
import { periodOf, schedule } from './schedule-command.ts';
import type { RunOnceOptions } from './run-command.ts';
import { jsonLogLine, logFormatOf } from '../run-log.ts';

const COOKIE_SECRET_KEY = 'web.cookie_secret';

/** loopback names and addresses: the only hosts `isa serve` binds without --allow-remote. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}

/** The key that signs session cookies, made once and kept in the database so sessions survive a restart. */
async function cookieSecret(database: Database): Promise<string> {
  await database.db.insertInto('settings').values({ key: COOKIE_SECRET_KEY, value: randomBytes(32).toString('base64url') }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const row = await database.db.selectFrom('settings').select('value').where('key', '=', COOKIE_SECRET_KEY).executeTakeFirstOrThrow();
  return row.value;
}

/** Cancels the runs this process has going; each stops at its next heartbeat. */
async function cancelOwnRuns(database: Database, reason: string): Promise<void> {
  const running = await database.db.selectFrom('runs').select('id').where('status', '=', 'running').where('owner', '=', currentRunOwner()).execute();
  for (const run of running) await cancelRun(database.db, String(run.id), reason);
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'the review application in the browser: queue, flags with evidence, decisions, dataset pages',
  help: `Serves the review application on the same database as the other commands (PGlite in ./data or
DATABASE_URL). Sign in with an account made by \`isa users add NAME\`. With REDIS_URL, /queues shows
the stage queue (bull-board). Stop with Ctrl-C.

The embedded database is one process's at a time: while \`isa serve\` runs on it, \`isa run\` and
\`isa schedule\` refuse, naming the process. Give --every 24h (with --sources) to run the pipeline
nightly inside the review application instead, or use DATABASE_URL to review while runs go on elsewhere.

Binding to anything but loopback needs --allow-remote (and should sit behind HTTPS: add --secure-cookies).`,
  options: {
    port: { type: 'string', value: 'PORT', default: '8420', description: 'port to listen on' },
    host: { type: 'string', value: 'HOST', default: '127.0.0.1', description: 'address to bind (loopback unless --allow-remote)' },
    'allow-remote': { type: 'boolean', description: 'allow a non-loopback --host (others on the network can reach the sign-in page)' },
    'secure-cookies': { type: 'boolean', description: 'send cookies over HTTPS only (behind a TLS proxy)' },
    data: { type: 'string', value: 'DIR', description: 'embedded database directory (default ISA_DATA_DIR or ./data)' },
    every: { type: 'string', value: 'PERIOD', description: 'also run the pipeline now and once per period in this process (24h, 6h, 30m), as `isa schedule` does' },
    sources: { type: 'string', value: 'FILE', description: 'with --every: the sources file (default: the bundled fixture sites)' },
    source: { type: 'string', multiple: true, value: 'ID', description: 'with --every: only this source (repeatable)' },
    'allow-private': { type: 'boolean', default: false, description: 'with --every: let every source reach loopback and private networks' },
    reports: { type: 'string', value: 'DIR', description: 'with --every: where each run\'s report goes (default ISA_REPORTS_DIR or ./reports)' },
    alert: { type: 'string', value: 'COMMAND', description: 'with --every: shell command run after every run that did not exit 0' },
    verbose: { type: 'boolean', default: false, description: 'with --every: one line per URL on stderr with its outcome (new, changed, unchanged, gone, skipped, failed) and why' },
    'log-format': { type: 'string', value: 'FORMAT', choices: ['text', 'json'], description: 'with --every: progress and log lines on stderr as text or one JSON object per line (default ISA_LOG_FORMAT, else text)' },
  },
  allowPositionals: false,
  async run({ values }, io) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${String(values.port)}"`);
    const host = String(values.host);
    const { parseDuration } = await import('../../core/config.ts');
    const periodMs = values.every === undefined ? null : periodOf(values.every, parseDuration);
    for (const option of ['sources', 'source', 'reports', 'alert', 'log-format'] as const) {
      if (periodMs === null && values[option] !== undefined) throw new UsageError(`--${option} goes with --every: it says what the scheduled runs crawl or report`);
    }
    if (!isLoopback(host)) {
      if (!values['allow-remote']) throw new UsageError(`--host ${host} is not loopback; give --allow-remote to let other machines reach the review application`);
      print(io.stderr, `isa serve: WARNING: listening on ${host}, reachable from other machines. Only signed-in reviewers get past the sign-in page; put HTTPS in front and use --secure-cookies.`);
    }
    const config = loadConfig(io.env, { dataDir: values.data as string | undefined });
    const database = await openMigratedDatabase(config);
    const { createWebApp } = await import('../../web/create-web-app.ts');
    const app = await createWebApp({
      db: database.db,
      cookieSecret: await cookieSecret(database),
      secureCookies: Boolean(values['secure-cookies']),
      queues: config.redisUrl ? { redisUrl: config.redisUrl, prefix: config.queuePrefix } : null,
    });
    try {
      const address = await app.listen({ port, host });
      print(io.stdout, `isa review application on ${address} (database: ${database.location})`);
      if ((await countUsers(database.db)) === 0) print(io.stderr, 'isa serve: no accounts yet; add one with `isa users add NAME` (nobody can sign in until then)');
      if (periodMs !== null) {
        // The pipeline is loaded only when this process runs it.
        const { runSourcesOnce } = await import('./run-command.ts');
        const reportsDir = (values.reports as string | undefined) ?? config.reportsDir;
        const runOptions: RunOnceOptions = {
          sourcesFile: values.sources as string | undefined,
          only: (values.source as string[] | undefined) ?? [],
          allowPrivate: Boolean(values['allow-private']),
          format: 'text',
          reportsDir,
          failOnOpen: false,
          verbose: Boolean(values.verbose),
          logFormat: logFormatOf(values['log-format'], config.logFormat),
        };
        const log = (line: string) =>
          print(io.stderr, runOptions.logFormat === 'json' ? jsonLogLine(Date.now(), 'info', 'schedule', { message: line }) : `isa serve: ${new Date().toISOString()} ${line}`);
        // The scheduled runs share this process's database; a signal ends the serving once they stop.
        await schedule({
          periodMs, maxRuns: Infinity, describe: `isa run --reports ${reportsDir}${runOptions.sourcesFile ? ` --sources ${runOptions.sourcesFile}` : ''} (in this process)`, reportsDir,
          alert: values.alert as string | undefined, log,
          runOnce: () => runSourcesOnce(database, config, runOptions, io).catch((error: unknown) => {
            log(`the run could not run: ${errorMessageOf(error)}`);
            return EXIT.failed;
          }),
          stopRun: () => void cancelOwnRuns(database, 'the review application was stopped').catch((error: unknown) => log(`could not cancel the run in progress: ${errorMessageOf(error)}`)),
        }, io);
      } else {
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
      }
      return EXIT.ok;
    } finally {
      await app.close();
      await database.close();
    }
  },
};
