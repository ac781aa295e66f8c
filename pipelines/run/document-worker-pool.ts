/**
 * Reading an HTML or text page and extracting a text's claims, each in a warm worker thread with a
 * time limit and a heap cap — what PDFs have had (`pdf-to-document.ts`). A page that would hang the
 * parser or the extractors, or exhaust memory, fails that one document with a `BadInputError`
 * naming its URL and the limit; the worker is replaced and the next document goes on. Workers are
 * kept between documents, so the cost per page is one structured copy of the body and the answer.
 */
import { Worker } from 'node:worker_threads';
import type { Claim } from '../../core/claim.ts';
import { BadInputError, ConfigError, NotFoundPageError, PipelineError, RefusedError, RetryableError } from '../../core/errors.ts';
import type { ParsedDocument, ParseInput } from '../../core/parsed-document.ts';
import type { CuratedAlias } from '../../extractors/gazetteer/gazetteer-data.ts';
import type { ExtractionContext } from '../../extractors/extraction-context.ts';
import type { ParseOptions } from '../parse/parse-options.ts';
import { readDocument } from '../parse/read-document.ts';
import { pdfMagicOffset } from '../parse/sniff-format.ts';
import type { DocumentAnswer, DocumentTask, DocumentWorkerData } from './document-tasks.ts';

export interface DocumentWorkerPoolOptions {
  /** Worker threads at most; more documents wait for one. @defaultValue 2 */
  maxWorkers?: number;
  /** Wall-clock limit for one document's reading, and for its extraction. @defaultValue 30 000 ms */
  timeoutMs?: number;
  /** Heap cap of each worker (`resourceLimits.maxOldGenerationSizeMb`). @defaultValue 768 (MB) */
  maxHeapMb?: number;
  /** Aliases reviewers accepted: the workers' gazetteer must be the stage's. @defaultValue none */
  extraAliases?: readonly CuratedAlias[];
}

const WORKER_ENTRY = new URL('./document-worker.mjs', import.meta.url);
// From the sources the tasks module is TypeScript and the worker registers tsx; from dist/ it is JavaScript.
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const TASKS_MODULE = new URL(FROM_SOURCES ? './document-tasks.ts' : './document-tasks.js', import.meta.url).href;
/** Running from dist/: a worker starts in a fraction of a second, not after compiling the sources. */
export const WORKERS_START_COMPILED = !FROM_SOURCES;

const ERROR_CLASSES: Record<string, new (message: string, options: { input?: string | null }) => PipelineError> = {
  PipelineError,
  RetryableError,
  BadInputError,
  NotFoundPageError,
  RefusedError,
  ConfigError,
};

/** An error as the worker sent it, rebuilt as its class so `instanceof` keeps working. */
function rebuildError(answer: Extract<DocumentAnswer, { ok: false }>): Error {
  const Class = ERROR_CLASSES[answer.name];
  if (Class) return new Class(answer.message, { input: answer.input });
  const error = new Error(answer.message);
  error.name = answer.name;
  return error;
}

type Task = { task: 'read'; input: ParseInput; options: Omit<ParseOptions, 'pdfWorkers'> } | { task: 'extract'; text: string; context: Omit<ExtractionContext, 'gazetteer'> };

interface Slot {
  worker: Worker;
  ready: Promise<void>;
}

export class DocumentWorkerPool {
  readonly #maxWorkers: number;
  readonly #timeoutMs: number;
  readonly #maxHeapMb: number;
  readonly #workerData: DocumentWorkerData & { tsx: boolean; tasksModule: string };
  readonly #idle: Slot[] = [];
  readonly #waiting: Array<(slot: Slot | null) => void> = [];
  #live = 0;
  #nextId = 1;
  #closed = false;

  constructor(options: DocumentWorkerPoolOptions = {}) {
    this.#maxWorkers = options.maxWorkers ?? 2;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#maxHeapMb = options.maxHeapMb ?? 768;
    this.#workerData = { extraAliases: [...(options.extraAliases ?? [])], tsx: FROM_SOURCES, tasksModule: TASKS_MODULE };
  }

  /**
   * `readDocument` with a time and memory limit. PDFs are read here, as they have their own
   * worker pool (`options.pdfWorkers`); HTML and text go to a worker thread.
   */
  async read(input: ParseInput, options: ParseOptions = {}): Promise<ParsedDocument> {
    if (pdfMagicOffset(input.body) >= 0) return readDocument(input, options);
    const { pdfWorkers: _pdfWorkers, ...cloneable } = options;
    return (await this.#run({ task: 'read', input, options: cloneable }, input.url, 'reading')) as ParsedDocument;
  }

  /** `extractClaims` with a time and memory limit, on the worker's own gazetteer. `url` names the document in errors. */
  async extract(text: string, context: Omit<ExtractionContext, 'gazetteer'>, url: string): Promise<Claim[]> {
    return (await this.#run({ task: 'extract', text, context }, url, 'extracting claims from')) as Claim[];
  }

  /**
   * Starts one worker now, so its start-up (seconds from the TypeScript sources) overlaps other
   * work; resolves when it is ready. Never rejects: a worker that cannot start fails the document.
   */
  async warm(): Promise<void> {
    if (this.#closed || this.#live > 0) return;
    const slot = this.#spawn();
    await slot.ready.then(
      () => this.#release(slot, false),
      () => this.#release(slot, true),
    );
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const wake of this.#waiting.splice(0)) wake(null);
    await Promise.all(this.#idle.splice(0).map((slot) => slot.worker.terminate()));
  }

  async #run(task: Task, url: string, doing: string): Promise<unknown> {
    const slot = await this.#acquire();
    let failed = true;
    try {
      const value = await this.#ask(slot, task, url, doing);
      failed = false;
      return value;
    } catch (error) {
      // An error thrown by the reader or the extractors leaves a healthy worker; limits do not.
      if (!(error instanceof WorkerLost)) failed = false;
      throw error instanceof WorkerLost ? error.cause : error;
    } finally {
      this.#release(slot, failed);
    }
  }

  async #acquire(): Promise<Slot> {
    if (this.#closed) throw new ConfigError('the document worker pool is closed');
    const idle = this.#idle.pop();
    if (idle) {
      idle.worker.ref();
      return idle;
    }
    if (this.#live < this.#maxWorkers) return this.#spawn();
    const slot = await new Promise<Slot | null>((resolve) => this.#waiting.push(resolve));
    if (!slot) throw new ConfigError('the document worker pool was closed while a document waited for it');
    return slot;
  }

  #release(slot: Slot, failed: boolean): void {
    if (failed || this.#closed) {
      this.#live--;
      void slot.worker.terminate();
      // The one waiting gets a fresh worker in place of the lost one.
      const wake = this.#waiting.shift();
      if (wake) {
        if (this.#closed) wake(null);
        else wake(this.#spawn());
      }
      return;
    }
    const wake = this.#waiting.shift();
    if (wake) return wake(slot);
    slot.worker.unref();
    this.#idle.push(slot);
  }

  #spawn(): Slot {
    this.#live++;
    const worker = new Worker(WORKER_ENTRY, {
      // The entry is JavaScript and registers tsx itself when it must; the parent's flags stay out.
      execArgv: [],
      workerData: this.#workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.#maxHeapMb },
      stdout: true,
      stderr: true,
    });
    // Always listened to: an 'error' nobody listens to would end the whole process, not the worker.
    worker.on('error', () => void worker.terminate());
    const slot: Slot = {
      worker,
      ready: new Promise<void>((resolve, reject) => {
        const onMessage = (message: unknown) => {
          if ((message as { ready?: boolean }).ready) {
            worker.off('exit', onExit);
            resolve();
          }
        };
        const onExit = (code: number) => reject(new Error(`the document worker exited with code ${code} while starting`));
        worker.once('message', onMessage);
        worker.once('exit', onExit);
      }),
    };
    slot.ready.catch(() => undefined); // awaited in #ask; this only keeps an early exit from being "unhandled"
    // An idle worker that dies (it should not) leaves the pool.
    worker.once('exit', () => {
      const at = this.#idle.indexOf(slot);
      if (at >= 0) {
        this.#idle.splice(at, 1);
        this.#live--;
      }
    });
    return slot;
  }

  async #ask(slot: Slot, task: Task, url: string, doing: string): Promise<unknown> {
    try {
      await slot.ready;
    } catch (error) {
      throw new WorkerLost(new ConfigError(`could not start a document worker: ${(error as Error).message}`, { input: url }));
    }
    const { worker } = slot;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const limit = (reason: string) => new WorkerLost(new BadInputError(`${doing} ${url} ${reason}; the document was given up and the worker replaced`, { input: url }));
      const timer = setTimeout(() => finish(() => reject(limit(`took longer than its limit of ${this.#timeoutMs / 1000} s`))), this.#timeoutMs);
      const onMessage = (answer: DocumentAnswer) => {
        if (answer.id !== id) return;
        finish(() => (answer.ok ? resolve(answer.value) : reject(rebuildError(answer))));
      };
      const onError = (error: Error & { code?: string }) =>
        finish(() => reject(limit(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of its memory limit of ${this.#maxHeapMb} MB` : `crashed the worker (${error.message})`)));
      const onExit = (code: number) => finish(() => reject(limit(`ended the worker (exit code ${code}) before it answered`)));
      let settled = false;
      function finish(action: () => void): void {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        action();
      }
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      worker.postMessage({ id, ...task } as DocumentTask);
    });
  }
}

/** The worker is no longer usable (timeout, out of memory, crash): it is replaced, the cause reported. */
class WorkerLost extends Error {
  override readonly cause: Error;
  constructor(cause: Error) {
    super(cause.message);
    this.cause = cause;
  }
}
