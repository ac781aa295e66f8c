/**
 * The run's progress seam: what `runPipeline` tells a watcher while it works (events), and
 * `RunProgress`, which counts them. Pure: no I/O and no clock of its own — the time is passed in —
 * so the CLI's renderers (a redrawn line on a terminal, plain lines for cron, JSON lines) only read
 * it. The counts are the ones the run report ends with: a source's documents when its crawl ends
 * are its crawl result's counts, and their sum over the sources is the summary's.
 */
import type { CrawlEvent, CrawlTally } from '../crawl/crawl-progress.ts';
import { emptyCrawlTally, tallyCrawl } from '../crawl/crawl-progress.ts';
import type { FetchOutcome, RunStatus } from '../../sql/schema.ts';

export type RunEvent =
  | { type: 'run-started'; runId: string; mode: 'in-process' | 'queue'; sources: string[] }
  | { type: 'crawl-started'; source: string }
  /** One of the crawl's own events (in-process, or replayed from a worker's result). */
  | { type: 'crawl'; source: string; event: CrawlEvent }
  /** A worker's count of its crawl so far (distributed mode). */
  | { type: 'crawl-tally'; source: string; tally: CrawlTally }
  | { type: 'crawl-finished'; source: string; status: 'succeeded' | 'failed'; documents: Record<FetchOutcome, number>; pages: number; errors: number; failure: string | null }
  /** Where a queued stage job is (distributed mode). */
  | { type: 'job'; job: string; state: JobState }
  | { type: 'extract-started'; total: number }
  | { type: 'extracted'; versionId: string; outcome: 'extracted' | 'skipped' | 'failed'; claims: number }
  | { type: 'extract-finished' }
  | { type: 'reconcile-started' }
  | { type: 'reconcile-finished'; subjects: number; claims: number; flags: number; failure: string | null }
  | { type: 'run-finished'; status: RunStatus; errors: number };

export type JobState = 'queued' | 'active' | 'done' | 'failed';

export interface SourceProgress {
  id: string;
  state: 'waiting' | 'crawling' | 'done';
  /** When the crawl ended: `failed` when its host was down or the job failed. */
  status: 'succeeded' | 'failed' | null;
  failure: string | null;
  tally: CrawlTally;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface ExtractionProgress {
  total: number;
  extracted: number;
  /** Already extracted by this extractor version: no work done. */
  skipped: number;
  failed: number;
  claims: number;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface ReconcileProgress {
  startedAt: number;
  finishedAt: number | null;
  subjects: number | null;
  flags: number | null;
  claims: number | null;
}

export type RunPhase = 'starting' | 'crawl' | 'extract' | 'reconcile' | 'done';

/** Counts a run's events; read by the renderers. `now` stamps when each part started and ended. */
export class RunProgress {
  readonly #now: () => number;
  readonly #sources = new Map<string, SourceProgress>();
  readonly #jobs = new Map<string, JobState>();
  #phase: RunPhase = 'starting';
  #runId: string | null = null;
  #mode: 'in-process' | 'queue' | null = null;
  #extraction: ExtractionProgress | null = null;
  #reconcile: ReconcileProgress | null = null;

  constructor(now: () => number) {
    this.#now = now;
  }

  get phase(): RunPhase {
    return this.#phase;
  }
  get runId(): string | null {
    return this.#runId;
  }
  get mode(): 'in-process' | 'queue' | null {
    return this.#mode;
  }
  get sources(): readonly SourceProgress[] {
    return [...this.#sources.values()];
  }
  get extraction(): Readonly<ExtractionProgress> | null {
    return this.#extraction;
  }
  get reconcile(): Readonly<ReconcileProgress> | null {
    return this.#reconcile;
  }
  /** Queued stage jobs by state (distributed mode; empty in-process). */
  get jobs(): Record<JobState, number> {
    const counts: Record<JobState, number> = { queued: 0, active: 0, done: 0, failed: 0 };
    for (const state of this.#jobs.values()) counts[state] += 1;
    return counts;
  }

  source(id: string): SourceProgress {
    let source = this.#sources.get(id);
    if (!source) {
      source = { id, state: 'waiting', status: null, failure: null, tally: emptyCrawlTally(), startedAt: null, finishedAt: null };
      this.#sources.set(id, source);
    }
    return source;
  }

  apply(event: RunEvent): void {
    const now = this.#now();
    switch (event.type) {
      case 'run-started':
        this.#runId = event.runId;
        this.#mode = event.mode;
        for (const id of event.sources) this.source(id);
        this.#phase = event.sources.length ? 'crawl' : 'extract';
        break;
      case 'crawl-started': {
        const source = this.source(event.source);
        source.state = 'crawling';
        source.startedAt ??= now;
        this.#phase = 'crawl';
        break;
      }
      case 'crawl': {
        const source = this.source(event.source);
        if (source.state === 'done') break;
        source.startedAt ??= now;
        source.state = 'crawling';
        tallyCrawl(source.tally, event.event);
        break;
      }
      case 'crawl-tally': {
        const source = this.source(event.source);
        if (source.state === 'done') break;
        source.startedAt ??= now;
        source.state = 'crawling';
        source.tally = event.tally;
        break;
      }
      case 'crawl-finished': {
        const source = this.source(event.source);
        source.state = 'done';
        source.status = event.status;
        source.failure = event.failure;
        // The result's own counts: what the summary adds up, whatever was seen on the way.
        source.tally = { documents: { ...event.documents }, pages: event.pages, queued: 0, errors: event.errors };
        source.startedAt ??= now;
        source.finishedAt = now;
        break;
      }
      case 'job':
        this.#jobs.set(event.job, event.state);
        break;
      case 'extract-started':
        this.#phase = 'extract';
        this.#extraction = { total: event.total, extracted: 0, skipped: 0, failed: 0, claims: 0, startedAt: now, finishedAt: null };
        break;
      case 'extracted': {
        const extraction = (this.#extraction ??= { total: 0, extracted: 0, skipped: 0, failed: 0, claims: 0, startedAt: now, finishedAt: null });
        extraction[event.outcome] += 1;
        extraction.claims += event.claims;
        break;
      }
      case 'extract-finished':
        if (this.#extraction) this.#extraction.finishedAt = now;
        break;
      case 'reconcile-started':
        this.#phase = 'reconcile';
        this.#reconcile = { startedAt: now, finishedAt: null, subjects: null, flags: null, claims: null };
        break;
      case 'reconcile-finished': {
        const reconcile = (this.#reconcile ??= { startedAt: now, finishedAt: null, subjects: null, flags: null, claims: null });
        reconcile.finishedAt = now;
        reconcile.subjects = event.subjects;
        reconcile.flags = event.flags;
        reconcile.claims = event.claims;
        break;
      }
      case 'run-finished':
        this.#phase = 'done';
        break;
    }
  }
}

/** Items per second between `startedAt` and `now` (or the end); 0 before a second has gone by's worth of data. */
export function ratePerSecond(count: number, startedAt: number | null, endedAt: number): number {
  if (startedAt === null || endedAt <= startedAt) return 0;
  return count / ((endedAt - startedAt) / 1000);
}
