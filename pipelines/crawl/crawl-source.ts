/**
 * The crawl stage: crawls one source, stores what it fetched, returns each URL's outcome, the
 * counts and the version ids to extract. Never throws for one bad URL: each is recorded with its
 * URL, stage and reason. A source whose hosts never answer is `failed`, recorded as such.
 *
 * Why crawlee's BasicCrawler and not CheerioCrawler: CheerioCrawler fetches through got-scraping,
 * where we cannot check the address a socket actually connects to, re-validate each redirect hop,
 * or cap the decompressed size of a streamed body. BasicCrawler still gives the request queue
 * (dedup by uniqueKey), concurrency, retries and a router by label, with our `fetcher.ts` as
 * the only HTTP seam. Each crawl gets a fresh Configuration on in-memory storage: nothing is
 * written to disk and no state is shared between crawls (crawlee #2055). What one crawl keeps
 * and does per request kind is `CrawlSession` (crawl-session.ts).
 */
import { BasicCrawler, Configuration, Log, LogLevel } from '@crawlee/basic';
import { MemoryStorage } from '@crawlee/memory-storage';
import type { Kysely } from 'kysely';
import type { DB } from '../../sql/schema.ts';
import { ensureSource } from '../../sql/queries/sources.ts';
import type { ParseInput } from '../../core/parsed-document.ts';
import { resolveCrawlOptions, type CrawlOptions } from './crawl-options.ts';
import { createHttpFetcher, type Fetcher } from './fetcher.ts';
import { readDocument } from '../parse/read-document.ts';
import { PdfWorkerPool } from '../parse/pdf-to-document.ts';
import type { DocumentWorkerPool } from '../run/document-worker-pool.ts';
import type { ParseFunction } from './parse-function.ts';
import type { Source } from '../../core/source-config.ts';
import { CrawlSession, type CrawlLogger, type CrawlResult } from './crawl-session.ts';
import type { CrawlEvent } from './crawl-progress.ts';

export type { Source } from '../../core/source-config.ts';
export { upsertSource, loadSource, listSources } from '../../sql/queries/sources.ts';
export { ingestDocument } from './ingest-document.ts';
export type { CrawlCounts, CrawlError, CrawlItem, CrawlLogger, CrawlResult, CrawlStage } from './crawl-session.ts';

export type { ParseFunction } from './parse-function.ts';
export interface CrawlDeps {
  db: Kysely<DB>;
  /** HTTP seam. @defaultValue a guarded `createHttpFetcher` built from the options, closed after the crawl */
  fetcher?: Fetcher;
  log?: CrawlLogger;
  /** Told what the crawl queues, fetches and settles, as it happens (`crawl-progress.ts`). @defaultValue nobody */
  progress?: (event: CrawlEvent) => void;
  /** The parse stage. @defaultValue `readDocument` from `pipelines/parse/read-document.ts` */
  parse?: ParseFunction;
  /** Environment for option overrides (`ISA_USER_AGENT` …). @defaultValue `process.env` */
  env?: Record<string, string | undefined>;
  /** Worker threads that read HTML and text with a time and memory limit. @defaultValue none: read in this thread */
  documentWorkers?: DocumentWorkerPool | null;
}

export interface CrawlInput {
  runId: string | null;
  source: Source;
  options?: Partial<CrawlOptions>;
}

/**
 * Crawls one source: discovery pages (listings with pagination, sitemaps, feeds) lead to
 * documents, each fetched conditionally, parsed when its content hash is new, and stored as a
 * version. Returns counts, the version ids to extract and the errors it recorded.
 */
export async function crawlSource(deps: CrawlDeps, input: CrawlInput): Promise<CrawlResult> {
  const options = resolveCrawlOptions(input.options, deps.env ?? process.env);
  const ownFetcher = deps.fetcher ? null : createHttpFetcher(options);
  // One crawl's PDFs share worker threads; a thread start per PDF costs more than the parse.
  const pdfWorkers = deps.parse ? null : new PdfWorkerPool();
  const documentWorkers = deps.documentWorkers ?? null;
  const parse = deps.parse ?? ((parseInput: ParseInput) => (documentWorkers ? documentWorkers.read(parseInput, { pdfWorkers }) : readDocument(parseInput, { pdfWorkers })));
  const session = new CrawlSession({ db: deps.db, fetcher: deps.fetcher ?? ownFetcher!, parse, ...(deps.log ? { log: deps.log } : {}), ...(deps.progress ? { progress: deps.progress } : {}) }, { source: input.source, runId: input.runId, options });
  const config = new Configuration({
    persistStorage: false,
    purgeOnStart: false,
    // Concurrency is fixed (minConcurrency = maxConcurrency), so crawlee's system snapshots, which
    // spawn `ps` on Linux, need not run every second.
    systemInfoIntervalMillis: 30_000,
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
  });
  const crawler = new BasicCrawler(
    {
      maxConcurrency: options.maxConcurrency,
      minConcurrency: options.maxConcurrency,
      maxRequestRetries: options.maxRetries,
      // The wait at the host gate (up to one delay per request in flight), the fetch and the
      // parse must all fit; the fetcher enforces its own, tighter timeouts.
      requestHandlerTimeoutSecs: Math.ceil((options.connectTimeoutMs + options.bodyTimeoutMs + options.maxCrawlDelayMs * options.maxConcurrency) / 1000) + 120,
      useSessionPool: false,
      log: new Log({ level: LogLevel.OFF }),
      // Our own progress (the `progress` events) replaces crawlee's status messages.
      statusMessageLoggingInterval: 3600,
      autoscaledPoolOptions: { maybeRunIntervalSecs: 0.02, loggingIntervalSecs: null },
      requestHandler: session.router(),
      errorHandler: async ({ request }, error) => sleep(session.retryDelayMs(request, error)),
      failedRequestHandler: async ({ request }, error) => session.failedRequest(request, error),
    },
    config,
  );
  session.useQueue(async (requests) => {
    await crawler.addRequests(requests, { waitForAllRequestsToBeAdded: true });
  });

  try {
    // documents.source_id references sources: a crawl of a source not loaded yet stores it first.
    await ensureSource(deps.db, input.source);
    await crawler.run(await session.startRequests());
    await session.flush();
    const stale = await session.staleRequests();
    // A second run() starts from a fresh queue, so the requests go in through run() itself.
    if (stale.length) await crawler.run(stale);
    return await session.finish();
  } finally {
    ownFetcher?.close?.();
    await pdfWorkers?.close();
    await config.getEventManager().close();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
