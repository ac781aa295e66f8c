import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EXIT, print, UsageError, type Command, type CommandIo } from '../command.ts';

/** bin/isa.mjs from the sources (cli/commands/) or from the build (dist/app/cli/commands/). */
function isaBin(): string {
  for (const relative of ['../../bin/isa.mjs', '../../../../bin/isa.mjs']) {
    const candidate = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(candidate)) return candidate;
  }
  throw new Error('cannot find bin/isa.mjs beside the CLI sources');
}

const EXIT_MEANING: Record<number, string> = { 0: 'succeeded', 1: 'failed', 2: 'usage error', 3: 'partial: some inputs failed', 4: 'open flags remain' };

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'run `isa run` every period in the foreground (a report per run; for a box without cron)',
  help: `Starts \`isa run\` now and then once per period (start to start; a run longer than the period is followed
at once by the next), each in its own process, so a failed or crashed run is reported and the next one still
comes. Every run writes its report (run-ID.json and run-ID.txt) to --reports, ISA_REPORTS_DIR or ./reports.
With --alert, a shell command runs after each run that did not exit 0, with ISA_RUN_EXIT set to its exit code
(3 partial, 4 open flags with --fail-on-open, 1 failed) and ISA_REPORTS_DIR to the folder.
SIGTERM or SIGINT ends it cleanly: a run in progress gets the signal and is waited for.

Exit codes: 0 stopped by a signal, 2 usage.`,
  options: {
    every: { type: 'string', value: 'PERIOD', description: 'time from one run\'s start to the next: 30m, 6h, 24h, 1d (required)' },
    sources: { type: 'string', value: 'FILE', description: 'sources file (default: the bundled fixture sites)' },
    source: { type: 'string', multiple: true, value: 'ID', description: 'only this source (repeatable)' },
    'allow-private': { type: 'boolean', default: false, description: 'let every source reach loopback and private networks' },
    reports: { type: 'string', value: 'DIR', description: 'where each run\'s report goes (default ISA_REPORTS_DIR or ./reports)' },
    'fail-on-open': { type: 'boolean', default: false, description: 'a run with open flags left exits 4 (and triggers --alert)' },
    alert: { type: 'string', value: 'COMMAND', description: 'shell command run after every run that did not exit 0' },
    runs: { type: 'string', value: 'N', description: 'stop after N runs (default: never)' },
    data: { type: 'string', value: 'DIR', description: 'embedded database directory (default ISA_DATA_DIR or ./data)' },
    verbose: { type: 'boolean', default: false, description: 'each run prints one line per URL on stderr with its outcome and why' },
    'log-format': { type: 'string', value: 'FORMAT', choices: ['text', 'json'], description: 'progress and log lines on stderr (the runs\' and this loop\'s): text or one JSON object per line (default ISA_LOG_FORMAT, else text)' },
  },
  allowPositionals: false,
  async run({ values }, io) {
    const { loadConfig, parseDuration } = await import('../../core/config.ts');
    const { jsonLogLine, logFormatOf } = await import('../run-log.ts');
    const periodMs = periodOf(values.every, parseDuration);
    const maxRuns = values.runs === undefined ? Infinity : Number(values.runs);
    if (!Number.isInteger(maxRuns) && maxRuns !== Infinity) throw new UsageError(`--runs takes a whole number, not "${String(values.runs)}"`);
    const config = loadConfig(io.env, { dataDir: values.data as string | undefined });
    const reportsDir = (values.reports as string | undefined) ?? config.reportsDir;
    const args = ['run', '--reports', reportsDir];
    if (values.sources) args.push('--sources', String(values.sources));
    for (const id of (values.source as string[] | undefined) ?? []) args.push('--source', id);
    if (values['allow-private']) args.push('--allow-private');
    if (values['fail-on-open']) args.push('--fail-on-open');
    if (values.data) args.push('--data', String(values.data));
    if (values.verbose) args.push('--verbose');
    const logFormat = logFormatOf(values['log-format'], config.logFormat);
    // The runs log as this loop does: the option is passed on, the variable is inherited.
    if (values['log-format'] !== undefined) args.push('--log-format', logFormat);
    const log = (line: string) =>
      print(io.stderr, logFormat === 'json' ? jsonLogLine(Date.now(), 'info', 'schedule', { message: line }) : `isa schedule: ${new Date().toISOString()} ${line}`);
    return schedule({ periodMs, maxRuns, describe: `isa ${args.join(' ')}`, reportsDir, alert: values.alert as string | undefined, log, ...spawnedRun(args, io, log) }, io);
  },
};

export interface ScheduleOptions {
  periodMs: number;
  maxRuns: number;
  /** What one run is, for the log: `isa run --reports …`. */
  describe: string;
  reportsDir: string;
  alert: string | undefined;
  /** One run; resolves with its exit code. */
  runOnce: (n: number) => Promise<number>;
  /** Asks the run in progress to end (a signal came); the loop then waits for it. */
  stopRun: (signal: NodeJS.Signals) => void;
  log: (line: string) => void;
}

/**
 * Runs now and then once per period (start to start) until a signal or maxRuns; a run that fails is
 * logged and alerted, and the next one still comes. Shared by `isa schedule` (a process per run) and
 * `isa serve --every` (in the process that holds the embedded database).
 */
export async function schedule(options: ScheduleOptions, io: CommandIo): Promise<number> {
  const { log } = options;
  let stopping = false;
  let running = false;
  let wake: (() => void) | null = null;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: ${running ? 'waiting for the run in progress to end' : 'stopping'}`);
    if (running) options.stopRun(signal);
    wake?.();
  };
  const onTerm = () => stop('SIGTERM');
  const onInt = () => stop('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  log(`every ${Math.round(options.periodMs / 1000)} s: ${options.describe}`);
  try {
    for (let n = 1; n <= options.maxRuns && !stopping; n++) {
      const started = Date.now();
      log(`run ${n} starting`);
      running = true;
      const code = await options.runOnce(n).finally(() => {
        running = false;
      });
      log(`run ${n} ended: exit ${code} (${EXIT_MEANING[code] ?? 'killed'}) after ${Math.round((Date.now() - started) / 1000)} s; reports in ${options.reportsDir}`);
      if (code !== EXIT.ok && options.alert && !stopping) await runAlert(options.alert, code, options.reportsDir, io, log);
      if (n >= options.maxRuns || stopping) break;
      const waitMs = Math.max(0, started + options.periodMs - Date.now());
      log(`next run at ${new Date(Date.now() + waitMs).toISOString()}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  } finally {
    process.off('SIGTERM', onTerm);
    process.off('SIGINT', onInt);
  }
  log('stopped');
  return EXIT.ok;
}

/** A run of `isa` in its own process, so a crash of one run never ends the schedule. */
function spawnedRun(args: string[], io: CommandIo, log: (line: string) => void): Pick<ScheduleOptions, 'runOnce' | 'stopRun'> {
  let child: ChildProcess | null = null;
  return {
    runOnce: (n) =>
      new Promise<number>((resolve) => {
        child = spawn(process.execPath, [isaBin(), ...args], { env: io.env, stdio: ['ignore', 'inherit', 'inherit'] });
        child.on('error', (error) => {
          log(`run ${n} could not start: ${error.message}`);
          resolve(EXIT.failed);
        });
        child.on('exit', (exitCode, signal) => {
          child = null;
          resolve(exitCode ?? (signal ? 128 : EXIT.failed));
        });
      }),
    stopRun: (signal) => child?.kill(signal),
  };
}

/** `--every` as milliseconds, refused as a usage error when it is no duration of at least a second. */
export function periodOf(every: unknown, parseDuration: (text: string) => number | null): number {
  if (every === undefined) throw new UsageError('say how often: --every 24h (or 30m, 6h, 1d)');
  const periodMs = parseDuration(String(every));
  if (periodMs === null || periodMs < 1000) throw new UsageError(`--every takes a duration of at least 1s like 30m, 6h, 24h or 1d, not "${String(every)}"`);
  return periodMs;
}

/** The operator's alert command (mail, a webhook with curl …); its failure is logged, never fatal. */
async function runAlert(command: string, code: number, reportsDir: string, io: CommandIo, log: (line: string) => void): Promise<void> {
  const alertCode = await new Promise<number>((resolve) => {
    const alert = spawn(command, { shell: true, env: { ...io.env, ISA_RUN_EXIT: String(code), ISA_REPORTS_DIR: reportsDir }, stdio: ['ignore', 'inherit', 'inherit'] });
    alert.on('error', () => resolve(-1));
    alert.on('exit', (exitCode) => resolve(exitCode ?? -1));
  });
  if (alertCode !== 0) log(`alert command exited ${alertCode}`);
}
