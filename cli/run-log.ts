/**
 * What a run shows on stderr while it works, rendered from the run's events (`RunProgress` counts
 * them; see pipelines/run/run-progress.ts). Three renderings of the same counts:
 * - a terminal: one status line redrawn in place (a bar, pages/s, errors), cleared at the end, with
 *   log lines (and --verbose URLs) printed above it;
 * - text elsewhere (cron, a pipe): plain lines, one when a source, the extraction or the reconcile
 *   ends, and the state of the work every `everyMs` (ISA_PROGRESS_EVERY) while it goes on;
 * - `--log-format json`: the same lines as one JSON object each (ts, level, event, counts).
 * Every line passes through the terminal-text filter; only the line's own redraw codes do not.
 */
import { terminalSafe } from './terminal-text.ts';
import { RunProgress, ratePerSecond, type RunEvent, type SourceProgress } from '../pipelines/run/run-progress.ts';
import { settledCount } from '../pipelines/crawl/crawl-progress.ts';
import type { FetchOutcome } from '../sql/schema.ts';
import type { OptionSpec } from './command.ts';

export type LogFormat = 'text' | 'json';
export type LogLevel = 'info' | 'warn' | 'error';

/** `--verbose` of the commands that crawl (run, schedule, serve --every). */
export const VERBOSE_OPTION: OptionSpec = {
  type: 'boolean',
  default: false,
  description: 'one line per URL on stderr with its outcome: new, changed, unchanged, gone, skipped or failed, and why',
};

/** `--log-format` of the commands that run the pipeline; no default here, so ISA_LOG_FORMAT applies. */
export const LOG_FORMAT_OPTION: OptionSpec = {
  type: 'string',
  value: 'FORMAT',
  choices: ['text', 'json'],
  description: 'progress and log lines on stderr: text, or one JSON object per line (default ISA_LOG_FORMAT, else text)',
};

/** One log line as JSON: ts, level, event, then the fields. */
export function jsonLogLine(now: number, level: LogLevel, event: string, fields: Record<string, unknown>): string {
  return JSON.stringify({ ts: new Date(now).toISOString(), level, event, ...fields });
}

/** `--log-format` when given, else ISA_LOG_FORMAT (config), else text. */
export function logFormatOf(option: unknown, configured: LogFormat): LogFormat {
  return option === 'json' || option === 'text' ? option : configured;
}

export interface RunLogOptions {
  stream: NodeJS.WritableStream;
  format: LogFormat;
  /** One line per URL the crawl settled or read, with its outcome and reason. @defaultValue false */
  verbose?: boolean;
  /** Draw a status line redrawn in place. @defaultValue the stream is a TTY and the format text */
  tty?: boolean;
  /** @defaultValue Date.now */
  now?: () => number;
  /** Plain and JSON progress lines at most this often while work goes on. @defaultValue 15 000 ms */
  everyMs?: number;
  /** The terminal line is redrawn at most this often. @defaultValue 100 ms */
  redrawMs?: number;
  /** Text log lines start with this (`isa run`); progress lines do not. */
  prefix?: string;
}

const OUTCOMES: FetchOutcome[] = ['new', 'changed', 'unchanged', 'gone', 'skipped', 'failed'];
const CLEAR_LINE = '\r\x1b[K';

export class RunLog {
  readonly progress: RunProgress;
  readonly #stream: NodeJS.WritableStream;
  readonly #format: LogFormat;
  readonly #verbose: boolean;
  readonly #tty: boolean;
  readonly #now: () => number;
  readonly #everyMs: number;
  readonly #redrawMs: number;
  readonly #prefix: string;
  readonly #startedAt: number;
  #lastPeriodic: number;
  #lastDraw = Number.NEGATIVE_INFINITY;
  /** What the status line shows now ('' when nothing is drawn). */
  #drawn = '';
  #timer: NodeJS.Timeout | null = null;
  #closed = false;

  constructor(options: RunLogOptions) {
    this.#stream = options.stream;
    this.#format = options.format;
    this.#verbose = options.verbose ?? false;
    this.#tty = options.tty ?? (options.format === 'text' && (options.stream as { isTTY?: boolean }).isTTY === true);
    this.#now = options.now ?? Date.now;
    this.#everyMs = options.everyMs ?? 15_000;
    this.#redrawMs = options.redrawMs ?? 100;
    this.#prefix = options.prefix ? `${options.prefix}: ` : '';
    this.progress = new RunProgress(this.#now);
    this.#startedAt = this.#now();
    this.#lastPeriodic = this.#startedAt;
  }

  /** Redraws (terminal) or reports the state of the work (elsewhere) on a timer too, for a page that takes long. */
  start(): this {
    if (this.#timer === null && !this.#closed) {
      this.#timer = setInterval(() => this.tick(), this.#tty ? 1000 : Math.max(1000, Math.min(this.#everyMs, 5000)));
      this.#timer.unref();
    }
    return this;
  }

  /** The run's events, as `runPipeline` emits them. */
  readonly event = (event: RunEvent): void => {
    this.progress.apply(event);
    if (this.#closed) return;
    const now = this.#now();
    switch (event.type) {
      case 'run-started':
        if (this.#format === 'json') this.#json('info', 'run-start', { runId: event.runId, mode: event.mode, sources: event.sources });
        break;
      case 'crawl-started':
        if (this.#format === 'json') this.#json('info', 'crawl-start', { source: event.source });
        else if (!this.#tty) this.#line(`crawl ${event.source}`);
        break;
      case 'crawl':
        if (this.#verbose && event.event.type === 'settled') {
          const { item } = event.event;
          const level: LogLevel = item.outcome === 'failed' ? 'warn' : 'info';
          if (this.#format === 'json') this.#json(level, 'url', { source: event.source, url: item.url, kind: item.kind, outcome: item.outcome, reason: item.reason, stage: item.stage });
          else this.#line(`  ${event.source} ${item.outcome.padEnd(9)} ${item.url}${item.reason ? ` — ${item.stage && item.outcome === 'failed' ? `${item.stage}: ` : ''}${item.reason}` : ''}`);
        } else if (this.#verbose && event.event.type === 'discovered') {
          const { url, label, queued } = event.event;
          if (this.#format === 'json') this.#json('info', 'discovered', { source: event.source, url, label, queued });
          else this.#line(`  ${event.source} ${label.padEnd(9)} ${url} (${queued} new link${queued === 1 ? '' : 's'})`);
        }
        break;
      case 'crawl-finished':
        this.#sourceDone(this.progress.source(event.source), now);
        break;
      case 'extract-finished':
        this.#extractDone(now);
        break;
      case 'reconcile-started':
        if (this.#format === 'json') this.#json('info', 'reconcile-start', {});
        break;
      case 'reconcile-finished':
        this.#reconcileDone(now);
        break;
      case 'run-finished':
        if (this.#format === 'json') this.#json(event.status === 'succeeded' ? 'info' : 'warn', 'run-done', { runId: this.progress.runId, status: event.status, errors: event.errors });
        break;
      default:
        break;
    }
    this.#maybeReport(now);
  };

  /** A log line (a warning, where the report went): text with the prefix, or a JSON object. */
  info(message: string, fields: Record<string, unknown> & { event?: string } = {}): void {
    this.#log('info', message, fields);
  }

  warn(message: string, fields: Record<string, unknown> & { event?: string } = {}): void {
    this.#log('warn', message, fields);
  }

  /** The timer's beat: the terminal line redrawn (its rate and time move), or the periodic lines. */
  tick(): void {
    if (this.#closed) return;
    const now = this.#now();
    if (this.#tty) this.#draw(now, true);
    else this.#maybeReport(now);
  }

  /** Stops the timer and clears the status line; what is printed next starts on a clean line. */
  close(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#clear();
    this.#closed = true;
  }

  // --- lines -----------------------------------------------------------------------------------

  #log(level: LogLevel, message: string, fields: Record<string, unknown> & { event?: string }): void {
    const { event = 'log', ...rest } = fields;
    if (this.#format === 'json') this.#json(level, event, { message, ...rest });
    else this.#line(`${this.#prefix}${message}`);
  }

  #json(level: LogLevel, event: string, fields: Record<string, unknown>): void {
    this.#write(jsonLogLine(this.#now(), level, event, fields));
  }

  #line(text: string): void {
    this.#write(text);
  }

  // A line above the status line: the status line is cleared, the line written, the status redrawn.
  #write(text: string): void {
    const redraw = this.#drawn !== '';
    this.#clear();
    this.#stream.write(`${terminalSafe(text)}\n`);
    if (redraw && !this.#closed) this.#draw(this.#now(), true);
  }

  #clear(): void {
    if (this.#drawn === '') return;
    this.#stream.write(CLEAR_LINE);
    this.#drawn = '';
  }

  // --- what the lines say ----------------------------------------------------------------------

  #sourceDone(source: SourceProgress, now: number): void {
    const { tally } = source;
    const seconds = elapsedSeconds(source.startedAt, source.finishedAt ?? now);
    const rate = ratePerSecond(tally.pages, source.startedAt, source.finishedAt ?? now);
    const total = settledCount(tally.documents);
    if (this.#format === 'json') {
      this.#json(source.status === 'failed' ? 'error' : tally.errors ? 'warn' : 'info', 'crawl-done', {
        source: source.id, status: source.status, documents: tally.documents, total, pages: tally.pages, errors: tally.errors, seconds, rate: round(rate),
        ...(source.failure ? { failure: source.failure } : {}),
      });
      return;
    }
    const counts = OUTCOMES.map((o) => `${o} ${tally.documents[o]}`).join(', ');
    const failed = source.status === 'failed' ? ` — source failed${source.failure ? `: ${source.failure}` : ''}` : '';
    this.#line(`crawl ${source.id}: ${plural(total, 'document')} — ${counts}; ${plural(tally.pages, 'page')} in ${seconds} s (${round(rate)} pages/s), ${plural(tally.errors, 'error')}${failed}`);
  }

  #extractDone(now: number): void {
    const x = this.progress.extraction;
    if (!x) return;
    const seconds = elapsedSeconds(x.startedAt, x.finishedAt ?? now);
    if (this.#format === 'json') {
      this.#json(x.failed ? 'warn' : 'info', 'extract-done', { versions: x.extracted, claims: x.claims, skipped: x.skipped, failed: x.failed, total: x.total, seconds });
      return;
    }
    const extra = [x.skipped ? `${x.skipped} already extracted` : '', x.failed ? `${x.failed} failed` : ''].filter(Boolean).join(', ');
    this.#line(`extracted ${plural(x.extracted, 'version')}, ${plural(x.claims, 'claim')}${extra ? ` (${extra})` : ''} in ${seconds} s`);
  }

  #reconcileDone(now: number): void {
    const r = this.progress.reconcile;
    if (!r) return;
    const seconds = elapsedSeconds(r.startedAt, r.finishedAt ?? now);
    if (this.#format === 'json') {
      this.#json('info', 'reconcile-done', { subjects: r.subjects, claims: r.claims, flags: r.flags, seconds });
      return;
    }
    this.#line(`reconciled ${r.subjects ?? 0} subjects (${r.claims ?? 0} claims): ${plural(r.flags ?? 0, 'flag')} in ${seconds} s`);
  }

  // The state of the work, every `everyMs` while it goes on (a terminal redraws instead).
  #maybeReport(now: number): void {
    if (this.#tty) {
      this.#draw(now, false);
      return;
    }
    if (now - this.#lastPeriodic < this.#everyMs || this.progress.phase === 'done') return;
    this.#lastPeriodic = now;
    const jobs = this.progress.jobs;
    const jobsKnown = jobs.queued + jobs.active + jobs.done + jobs.failed > 0;
    switch (this.progress.phase) {
      case 'crawl':
        for (const source of this.progress.sources.filter((s) => s.state === 'crawling')) {
          const { tally } = source;
          const rate = round(ratePerSecond(tally.pages, source.startedAt, now));
          if (this.#format === 'json') {
            this.#json('info', 'crawl-progress', { source: source.id, documents: tally.documents, done: settledCount(tally.documents), pages: tally.pages, queued: tally.queued, rate, errors: tally.errors });
          } else {
            const seen = OUTCOMES.filter((o) => tally.documents[o] > 0).map((o) => `${o} ${tally.documents[o]}`).join(', ');
            this.#line(`crawl ${source.id}: ${plural(settledCount(tally.documents), 'document')} so far${seen ? ` (${seen})` : ''}, ${plural(tally.pages, 'page')}, ${tally.queued} queued, ${rate} pages/s, ${plural(tally.errors, 'error')}`);
          }
        }
        break;
      case 'extract': {
        const x = this.progress.extraction;
        if (!x) break;
        const done = x.extracted + x.skipped + x.failed;
        const rate = round(ratePerSecond(done, x.startedAt, now));
        if (this.#format === 'json') this.#json('info', 'extract-progress', { done, total: x.total, versions: x.extracted, skipped: x.skipped, failed: x.failed, claims: x.claims, rate });
        else this.#line(`extract: ${done} of ${x.total} versions (${x.claims} claims${x.failed ? `, ${x.failed} failed` : ''}), ${rate} versions/s`);
        break;
      }
      case 'reconcile': {
        const r = this.progress.reconcile;
        const seconds = elapsedSeconds(r?.startedAt ?? null, now);
        if (this.#format === 'json') this.#json('info', 'reconcile-progress', { seconds });
        else this.#line(`reconcile: working for ${seconds} s`);
        break;
      }
      default:
        break;
    }
    if (jobsKnown) {
      if (this.#format === 'json') this.#json('info', 'jobs', { ...jobs });
      else this.#line(`jobs: ${jobs.done} done, ${jobs.active} active, ${jobs.queued} queued${jobs.failed ? `, ${jobs.failed} failed` : ''}`);
    }
  }

  // The terminal's status line, redrawn at most every `redrawMs` unless forced.
  #draw(now: number, force: boolean): void {
    if (!this.#tty || this.#closed) return;
    if (!force && now - this.#lastDraw < this.#redrawMs) return;
    const text = this.#statusLine(now);
    if (text === null) {
      this.#clear();
      return;
    }
    this.#lastDraw = now;
    // A terminal that reports no width (0, as a bare pty does) gets 80; the last column stays free, so a full line never wraps.
    const reported = (this.#stream as { columns?: number }).columns;
    const columns = Math.max(20, (reported && reported > 0 ? reported : 80) - 1);
    const safe = [...terminalSafe(text)].slice(0, columns).join('');
    if (safe === this.#drawn) return;
    this.#stream.write(`\r${safe}\x1b[K`);
    this.#drawn = safe;
  }

  #statusLine(now: number): string | null {
    const jobs = this.progress.jobs;
    const jobsPart = jobs.queued + jobs.active + jobs.done + jobs.failed > 0 ? ` · jobs ${jobs.done} done, ${jobs.active} active, ${jobs.queued} queued` : '';
    switch (this.progress.phase) {
      case 'crawl': {
        const sources = this.progress.sources;
        const active = sources.filter((s) => s.state === 'crawling');
        const done = sources.filter((s) => s.state === 'done').length;
        let pages = 0;
        let queued = 0;
        let errors = 0;
        let documents = 0;
        for (const s of sources) {
          pages += s.tally.pages;
          queued += s.tally.queued;
          errors += s.tally.errors;
          documents += settledCount(s.tally.documents);
        }
        const started = active.reduce<number | null>((min, s) => (s.startedAt !== null && (min === null || s.startedAt < min) ? s.startedAt : min), null);
        const rate = round(ratePerSecond(active.reduce((n, s) => n + s.tally.pages, 0), started, now));
        const each = active.map((s) => `${s.id} ${s.tally.pages}/${s.tally.pages + s.tally.queued}`).join(', ');
        // The sources at work come first: on a narrow terminal the tail is cut.
        return `crawl ${bar(pages, pages + queued)} ${pages}/${pages + queued} pages${each ? ` (${each})` : ''} · ${rate} pages/s · ${plural(documents, 'document')} · ${plural(errors, 'error')} · ${done}/${sources.length} sources done${jobsPart}`;
      }
      case 'extract': {
        const x = this.progress.extraction;
        if (!x) return null;
        const done = x.extracted + x.skipped + x.failed;
        return `extract ${bar(done, x.total)} ${done}/${x.total} versions · ${round(ratePerSecond(done, x.startedAt, now))}/s · ${x.claims} claims${x.failed ? ` · ${x.failed} failed` : ''}${jobsPart}`;
      }
      case 'reconcile':
        return `reconcile · ${elapsedSeconds(this.progress.reconcile?.startedAt ?? null, now)} s${jobsPart}`;
      default:
        return null;
    }
  }
}

function bar(done: number, total: number, width = 20): string {
  const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function elapsedSeconds(from: number | null, to: number): number {
  return from === null ? 0 : round(Math.max(0, to - from) / 1000);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
