/**
 * The crawl stage: crawls one source, stores what it fetched, returns counts and the version ids
 * to extract. Never throws for one bad URL: each is recorded with its URL, stage and reason.
 *
 * Why crawlee's BasicCrawler and not CheerioCrawler: CheerioCrawler fetches through got-scraping,
 * where we cannot check the address a socket actually connects to, re-validate each redirect hop,
 * or cap the decompressed size of a streamed body. BasicCrawler still gives the request queue
 * (dedup by uniqueKey), concurrency, retries and per-request handling, with our `fetcher.ts` as
 * the only HTTP seam. Each crawl gets a fresh Configuration on in-memory storage: nothing is
 * written to disk and no state is shared between crawls (crawlee #2055).
 */
import { createHash } from 'node:crypto';
import { BasicCrawler, Configuration, Log, LogLevel, type Request } from '@crawlee/basic';
import { MemoryStorage } from '@crawlee/memory-storage';
import type { Kysely } from 'kysely';
import type { DB, FetchOutcome } from '../../sql/schema.ts';
import { findDocument, findDocuments, listActiveDocumentUrls, markDocumentGone, recordSitemapLastmods, recordFetch, recordNotModified, storeDocumentVersion, type KnownDocument, type NotModifiedFetch } from '../../sql/queries/documents.ts';
import { recordRunError } from '../../sql/queries/runs.ts';
import { ensureSource } from '../../sql/queries/sources.ts';
import { BadInputError, errorClassOf, errorMessageOf, NotFoundPageError, RetryableError } from '../../core/errors.ts';
import { decodeBody } from '../parse/decode-body.ts';
import type { ParsedDocument, ParseInput } from '../../core/parsed-document.ts';
import { resolveCrawlOptions, userAgentToken, type CrawlOptions } from './crawl-options.ts';
import { parseFeed, parseListing, parseSitemap, sniffDiscoveryKind } from './discover-links.ts';
import { createHttpFetcher, parseRetryAfter, type Fetcher, type FetchResponse } from './fetcher.ts';
import { HostGate } from './host-gate.ts';
import { parseDocument } from '../parse/parse-document.ts';
import { PdfWorkerPool } from '../parse/pdf-to-document.ts';
import type { ParseFunction } from './parse-function.ts';
import { normalizeUrl, requestUrl } from './normalize-url.ts';
import { fetchRobotsRules, type RobotsRules } from './robots-rules.ts';
import type { Source, StartUrlType } from '../../core/source-config.ts';
import { compilePattern } from './url-pattern.ts';

export type { Source } from '../../core/source-config.ts';
export { upsertSource, loadSource, listSources } from '../../sql/queries/sources.ts';
export { ingestDocument } from './ingest-document.ts';

/** Console-compatible: `console` itself will do. */
export interface CrawlLogger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export type { ParseFunction } from './parse-function.ts';
export interface CrawlDeps {
  db: Kysely<DB>;
  /** HTTP seam. @defaultValue a guarded `createHttpFetcher` built from the options, closed after the crawl */
  fetcher?: Fetcher;
  log?: CrawlLogger;
  /** The parse stage. @defaultValue `parseDocument` from `pipelines/parse/parse-document.ts` */
  parse?: ParseFunction;
  /** Environment for option overrides (`ISA_USER_AGENT` …). @defaultValue `process.env` */
  env?: Record<string, string | undefined>;
}

export interface CrawlInput {
  runId: string | null;
  source: Source;
  options?: Partial<CrawlOptions>;
}

export type CrawlCounts = Record<FetchOutcome, number>;

export interface CrawlError {
  url: string;
  /** `fetch`, `parse`, `store`, `discover`. */
  stage: string;
  reason: string;
  errorClass: string;
}

export interface CrawlResult {
  sourceId: string;
  /** Documents only: discovery pages (listings, sitemaps, feeds) are not counted. */
  counts: CrawlCounts;
  /** New or changed versions: the ones to extract. */
  versionIds: string[];
  errors: CrawlError[];
  /** Pages fetched (documents and discovery pages), against the budget. */
  pagesFetched: number;
}

type RequestKind = StartUrlType;

interface RequestData {
  kind: RequestKind;
  /** Link hops from a document. */
  depth: number;
  /** Normalised URL: the document's identity. */
  key: string;
  stage?: string;
  [key: string]: unknown;
}

// Links to files that are never press releases.
const ASSET_EXTENSION = /\.(?:jpe?g|png|gif|webp|svg|ico|bmp|tiff?|css|js|mjs|json|woff2?|ttf|eot|mp[34]|m4a|wav|ogg|webm|avi|mov|zip|gz|tgz|rar|7z|exe|dmg|iso|ics|vcf|docx?|xlsx?|pptx?|odt|ods)$/i;

/**
 * Crawls one source: discovery pages (listings with pagination, sitemaps, feeds) lead to
 * documents, each fetched conditionally, parsed when its content hash is new, and stored as a
 * version. Returns counts, the version ids to extract and the errors it recorded.
 */
export async function crawlSource(deps: CrawlDeps, input: CrawlInput): Promise<CrawlResult> {
  const options = resolveCrawlOptions(input.options, deps.env ?? process.env);
  const { db } = deps;
  const { source, runId } = input;
  const ownFetcher = deps.fetcher ? null : createHttpFetcher(options);
  const fetcher = deps.fetcher ?? ownFetcher!;
  // One crawl's PDFs share worker threads; a thread start per PDF costs more than the parse.
  const pdfWorkers = deps.parse ? null : new PdfWorkerPool();
  const parse = deps.parse ?? ((parseInput: ParseInput) => parseDocument(parseInput, { pdfWorkers }));
  const maxPages = source.maxPages ?? options.defaultMaxPages;
  const uaToken = userAgentToken(options.userAgent);
  const gate = new HostGate(options);
  const robotsByOrigin = new Map<string, Promise<RobotsRules>>();
  const allowedHosts = new Set<string>(source.hosts.map((h) => h.toLowerCase()));
  for (const start of source.startUrls) allowedHosts.add(new URL(start.url).host.toLowerCase());
  const follow = source.follow.map(compilePattern);
  const skip = source.skip.map(compilePattern);

  const counts: CrawlCounts = { new: 0, changed: 0, unchanged: 0, gone: 0, failed: 0, skipped: 0 };
  const versionIds: string[] = [];
  const errors: CrawlError[] = [];
  const budgeted = new Set<string>();
  // Sitemap lastmod per document, stored once its fetch succeeded (never before: a failed fetch
  // must not make the next crawl believe it has this version).
  const sitemapLastmods = new Map<string, Date>();
  const succeeded = new Set<string>();
  // Every URL this crawl has queued or skipped: a document found by the listing, the sitemap and
  // the feed is fetched (and counted) once.
  const handled = new Set<string>();
  // What the database knows of each document to fetch, read in one query per discovery page.
  const knownByKey = new Map<string, KnownDocument | null>();

  const onHost = (url: string) => {
    const parsed = new URL(url);
    return allowedHosts.has(parsed.host.toLowerCase()) || allowedHosts.has(parsed.hostname.toLowerCase());
  };
  const isSkipped = (url: string) => skip.some((p) => p(url)) || ASSET_EXTENSION.test(new URL(url).pathname);
  const followsDocument = (url: string) => onHost(url) && !isSkipped(url) && (follow.length === 0 || follow.some((p) => p(url)));

  const robotsFor = (url: string): Promise<RobotsRules> => {
    const origin = new URL(url).origin;
    let rules = robotsByOrigin.get(origin);
    if (!rules) {
      rules = fetchRobotsRules(fetcher, origin, { userAgentToken: uaToken, allowPrivate: source.allowPrivate }).then((r) => {
        if (r.crawlDelayMs !== null) gate.setDelay(new URL(url).host, Math.min(r.crawlDelayMs, options.maxCrawlDelayMs));
        return r;
      });
      robotsByOrigin.set(origin, rules);
    }
    return rules;
  };

  const fail = async (url: string, key: string, stage: string, error: unknown, documentId: string | null, httpStatus: number | null) => {
    counts.failed += 1;
    errors.push({ url, stage, reason: errorMessageOf(error), errorClass: errorClassOf(error) });
    deps.log?.warn(`crawl ${source.id}: ${stage} failed for ${url}: ${errorMessageOf(error)}`);
    try {
      await recordRunError(db, { runId, stage, url, error });
      await recordFetch(db, { runId, documentId, url: key, httpStatus, outcome: 'failed' });
    } catch (dbError) {
      deps.log?.warn(`crawl ${source.id}: could not record the failure of ${url}: ${errorMessageOf(dbError)}`);
    }
  };

  const skipDocument = async (key: string, documentId: string | null, reason: string) => {
    counts.skipped += 1;
    deps.log?.info(`crawl ${source.id}: skipped ${key}: ${reason}`);
    await recordFetch(db, { runId, documentId, url: key, httpStatus: null, outcome: 'skipped' });
  };

  const config = new Configuration({
    persistStorage: false,
    purgeOnStart: false,
    // Concurrency is fixed (minConcurrency = maxConcurrency), so crawlee's system snapshots, which
    // spawn `ps` on Linux, need not run every second.
    systemInfoIntervalMillis: 30_000,
    storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }),
  });

  let crawler: BasicCrawler;

  // Requests for URLs not handled yet in this crawl, with what the database knows of each document.
  const prepare = async (urls: Array<{ url: string; kind: RequestKind; depth: number }>) => {
    const requests = [];
    for (const { url, kind, depth } of urls) {
      const key = normalizeUrl(url);
      if (!key || handled.has(key)) continue;
      handled.add(key);
      // Re-serialised by URL so that crawlee's own URL check never rejects a batch for one odd link.
      requests.push({ url: requestUrl(url), uniqueKey: key, userData: { kind, depth, key } satisfies RequestData });
    }
    const documentKeys = requests.filter((r) => r.userData.kind !== 'listing' && r.userData.kind !== 'sitemap' && r.userData.kind !== 'feed' && !knownByKey.has(r.uniqueKey)).map((r) => r.uniqueKey);
    if (documentKeys.length) {
      const known = await findDocuments(db, documentKeys);
      for (const key of documentKeys) knownByKey.set(key, known.get(key) ?? null);
    }
    return requests;
  };
  const enqueue = async (urls: Array<{ url: string; kind: RequestKind; depth: number }>) => {
    const requests = await prepare(urls);
    if (requests.length) await crawler.addRequests(requests, { waitForAllRequestsToBeAdded: true });
  };

  // Unchanged documents are written in batches: on a re-crawl they are nearly every page.
  let unchangedBuffer: NotModifiedFetch[] = [];
  const flushUnchanged = async () => {
    const batch = unchangedBuffer;
    unchangedBuffer = [];
    await recordNotModified(db, runId, batch);
  };
  const notModified = async (entry: NotModifiedFetch) => {
    unchangedBuffer.push(entry);
    if (unchangedBuffer.length >= 200) await flushUnchanged();
  };

  const markSoftGone = async (request: Request, data: RequestData, response: FetchResponse, known: KnownDocument, reason: BadInputError) => {
    await markDocumentGone(db, { runId, documentId: known.id, url: data.key, httpStatus: response.status, fetchedAt: response.fetchedAt });
    counts.gone += 1;
    errors.push({ url: request.url, stage: 'parse', reason: reason.message, errorClass: reason.name });
    await recordRunError(db, { runId, stage: 'parse', url: request.url, error: reason });
  };

  const handleDocument = async (request: Request, data: RequestData, response: FetchResponse, known: KnownDocument | null) => {
    const hash = createHash('sha256').update(response.body).digest('hex');
    const etag = response.headers['etag'] ?? null;
    const lastModified = response.headers['last-modified'] ?? null;
    if (known?.latestHash === hash) {
      data.stage = 'store';
      await notModified({ documentId: known.id, httpStatus: response.status, fetchedAt: response.fetchedAt, etag, lastModified });
      counts.unchanged += 1;
      succeeded.add(data.key);
      return;
    }
    data.stage = 'parse';
    let parsed: ParsedDocument;
    try {
      parsed = await parse({
        body: response.body,
        url: response.finalUrl,
        contentType: response.contentType,
        fetchedAt: response.fetchedAt,
        languageHint: source.language ?? null,
        contentSelectors: source.contentSelectors,
      });
    } catch (error) {
      // A page we hold that now answers with a "Seite nicht gefunden" template is gone, not broken.
      if (known?.latestHash && error instanceof NotFoundPageError) {
        await markSoftGone(request, data, response, known, error);
        return;
      }
      throw error;
    }
    data.stage = 'store';
    const stored = await storeDocumentVersion(
      db,
      { runId, url: data.key, sourceId: source.id, finalUrl: response.finalUrl, httpStatus: response.status, contentType: response.contentType, etag, lastModified, contentHash: hash, fetchedAt: response.fetchedAt, body: response.body },
      parsed,
    );
    counts[stored.outcome] += 1;
    succeeded.add(data.key);
    if ((stored.outcome === 'new' || stored.outcome === 'changed') && stored.versionId) versionIds.push(stored.versionId);
    if (parsed.format === 'html' && data.depth < options.maxDepth) {
      // From a document, follow only what the source asks for, or its attachments (PDFs on our hosts).
      const next = parsed.links.filter((link) => (follow.length > 0 ? followsDocument(link) : onHost(link) && !isSkipped(link) && /\.pdf$/i.test(new URL(link).pathname)));
      await enqueue(next.map((url) => ({ url, kind: 'document' as const, depth: data.depth + 1 })));
    }
  };

  const handleDiscovery = async (kind: 'listing' | 'sitemap' | 'feed', data: RequestData, response: FetchResponse) => {
    data.stage = 'discover';
    await recordFetch(db, { runId, url: data.key, httpStatus: response.status, outcome: 'skipped' });
    if (kind === 'sitemap') {
      const { sitemaps, urls } = parseSitemap(response.body, response.finalUrl, options.maxBodyBytes);
      await enqueue(sitemaps.filter((s) => onHost(s.url)).map((s) => ({ url: s.url, kind: 'sitemap' as const, depth: 0 })));
      const candidates = urls.filter((u) => followsDocument(u.url));
      const keyed = candidates.map((u) => ({ ...u, key: normalizeUrl(u.url) })).filter((u): u is typeof u & { key: string } => u.key !== null);
      const known = await findDocuments(db, keyed.map((u) => u.key));
      const fresh: typeof keyed = [];
      for (const entry of keyed) {
        if (entry.lastmod) sitemapLastmods.set(entry.key, entry.lastmod);
        if (handled.has(entry.key)) continue;
        const doc = known.get(entry.key);
        // The sitemap says it has not changed since we last fetched it: no request at all.
        // Compared with the lastmod seen at that fetch when we have it, else with the fetch's time.
        const reference = doc?.sitemapLastmod ?? doc?.lastFetchedAt ?? null;
        if (entry.lastmod && reference && doc?.latestHash && doc.status === 'active' && entry.lastmod.getTime() <= reference.getTime()) {
          handled.add(entry.key);
          await skipDocument(entry.key, doc.id, `sitemap lastmod ${entry.lastmod.toISOString()} is not newer than at our last fetch`);
        } else fresh.push(entry);
      }
      await enqueue(fresh.map((u) => ({ url: u.url, kind: 'document' as const, depth: 0 })));
      return;
    }
    if (kind === 'feed') {
      await enqueue(parseFeed(response.body, response.finalUrl).filter(followsDocument).map((url) => ({ url, kind: 'document' as const, depth: 0 })));
      return;
    }
    const html = decodeBody(response.body, response.contentType, true).text;
    const { pagination, links } = parseListing(html, response.finalUrl);
    await enqueue(pagination.filter((url) => onHost(url) && !isSkipped(url)).map((url) => ({ url, kind: 'listing' as const, depth: 0 })));
    await enqueue(links.filter(followsDocument).map((url) => ({ url, kind: 'document' as const, depth: 0 })));
  };

  const processRequest = async (request: Request, data: RequestData) => {
    data.stage = 'fetch';
    const isDocumentKind = data.kind === 'document' || data.kind === 'auto';
    if (!budgeted.has(data.key)) {
      if (budgeted.size >= maxPages) {
        if (data.kind === 'document') await skipDocument(data.key, null, `page budget of ${maxPages} spent`);
        return;
      }
      budgeted.add(data.key);
    }
    if (options.respectRobotsTxt) {
      const rules = await robotsFor(request.url);
      if (!rules.isAllowed(request.url)) {
        if (isDocumentKind) await skipDocument(data.key, null, `disallowed for ${uaToken} by ${rules.basis}`);
        else deps.log?.info(`crawl ${source.id}: robots.txt disallows ${request.url}`);
        return;
      }
    }
    const cached = knownByKey.get(data.key);
    const known = !isDocumentKind ? null : cached !== undefined ? cached : await findDocument(db, data.key);
    const conditional = known && known.latestHash && known.status === 'active';
    const response = await gate.run(new URL(request.url).host, () =>
      fetcher.fetch({
        url: request.url,
        allowPrivate: source.allowPrivate,
        etag: conditional ? known.etag : null,
        lastModified: conditional ? known.lastModified : null,
      }),
    );
    const status = response.status;
    if (status === 429 || status >= 500) {
      throw new RetryableError(`HTTP ${status} from ${request.url}; retry later.`, { input: request.url, retryAfterSeconds: parseRetryAfter(response.headers['retry-after']) });
    }
    if (status === 304) {
      if (!known) throw new BadInputError(`HTTP 304 for ${request.url} without a conditional request.`, { input: request.url });
      data.stage = 'store';
      await notModified({ documentId: known.id, httpStatus: status, fetchedAt: response.fetchedAt });
      counts.unchanged += 1;
      succeeded.add(data.key);
      return;
    }
    if (status === 404 || status === 410) {
      if (known?.latestHash) {
        await markDocumentGone(db, { runId, documentId: known.id, url: data.key, httpStatus: status, fetchedAt: response.fetchedAt });
        counts.gone += 1;
        return;
      }
      throw new BadInputError(`HTTP ${status} for ${request.url}: a broken link (never fetched before).`, { input: request.url });
    }
    if (status < 200 || status >= 300) throw new BadInputError(`HTTP ${status} for ${request.url}; not retried.`, { input: request.url });
    if (response.body.byteLength === 0) throw new BadInputError(`Empty body from ${request.url} (HTTP ${status}); nothing to store.`, { input: request.url });
    // A redirect inside the source makes the target the document (an archive URL answering 301
    // with the release's URL is that release); two URLs redirecting to one page are one document.
    let documentKnown = known;
    const finalKey = normalizeUrl(response.finalUrl) ?? data.key;
    if (finalKey !== data.key && onHost(response.finalUrl)) {
      if (handled.has(finalKey)) {
        if (isDocumentKind) await skipDocument(data.key, known?.id ?? null, `redirects to ${finalKey}, which this crawl fetches already`);
        return;
      }
      handled.add(finalKey);
      data.key = finalKey;
      documentKnown = isDocumentKind ? await findDocument(db, finalKey) : null;
    }

    const sniffed = sniffDiscoveryKind(response.body, response.contentType);
    let kind: RequestKind = data.kind;
    if (kind === 'auto') kind = sniffed === 'sitemap' ? 'sitemap' : sniffed === 'feed' ? 'feed' : sniffed === 'html' ? 'listing' : 'document';
    else if (kind !== 'document' && (sniffed === 'pdf' || sniffed === 'other')) kind = 'document';
    else if (kind === 'listing' && (sniffed === 'sitemap' || sniffed === 'feed')) kind = sniffed;
    if (kind === 'document') await handleDocument(request, data, response, documentKnown ?? (await findDocument(db, data.key)));
    else await handleDiscovery(kind, data, response);
  };

  crawler = new BasicCrawler(
    {
      maxConcurrency: options.maxConcurrency,
      minConcurrency: options.maxConcurrency,
      maxRequestRetries: options.maxRetries,
      // The wait at the host gate (up to one delay per request in flight), the fetch and the
      // parse must all fit; the fetcher enforces its own, tighter timeouts.
      requestHandlerTimeoutSecs: Math.ceil((options.connectTimeoutMs + options.bodyTimeoutMs + options.maxCrawlDelayMs * options.maxConcurrency) / 1000) + 120,
      useSessionPool: false,
      log: new Log({ level: LogLevel.OFF }),
      statusMessageLoggingInterval: 3600,
      autoscaledPoolOptions: { maybeRunIntervalSecs: 0.02, loggingIntervalSecs: null },
      requestHandler: async ({ request }) => {
        const data = request.userData as RequestData;
        try {
          await processRequest(request, data);
        } catch (error) {
          // Retryable failures go back to crawlee's queue (errorHandler waits first); the rest end here.
          if (error instanceof RetryableError) throw error;
          await fail(request.url, data.key, data.stage ?? 'fetch', error, null, null);
        }
      },
      errorHandler: async ({ request }, error) => {
        const retryAfter = error instanceof RetryableError ? error.retryAfterSeconds : null;
        const backoff = retryAfter !== null ? retryAfter * 1000 : options.retryBaseDelayMs * 2 ** request.retryCount;
        await sleep(Math.min(backoff, options.maxRetryDelayMs));
      },
      failedRequestHandler: async ({ request }, error) => {
        const data = request.userData as RequestData;
        await fail(request.url, data.key, data.stage ?? 'fetch', error, null, null);
      },
    },
    config,
  );

  try {
    // documents.source_id references sources: a crawl of a source not loaded yet stores it first.
    await ensureSource(db, source);
    await enqueue(source.startUrls.map((start) => ({ url: start.url, kind: start.type, depth: 0 })));
    await crawler.run();
    await flushUnchanged();
    // Documents we hold that no listing, sitemap or feed mentions any more: revisit them
    // (conditionally, so cheaply) to learn whether they changed or are gone.
    const stale = (await listActiveDocumentUrls(db, source.id)).filter((url) => !handled.has(url));
    if (stale.length && budgeted.size < maxPages) {
      // A second run() starts from a fresh queue, so the requests go in through run() itself.
      await crawler.run(await prepare(stale.map((url) => ({ url, kind: 'document' as const, depth: 0 }))));
    }
    await flushUnchanged();
    await recordSitemapLastmods(db, [...sitemapLastmods].filter(([key]) => succeeded.has(key)).map(([url, lastmod]) => ({ url, lastmod })));
  } finally {
    ownFetcher?.close?.();
    await pdfWorkers?.close();
    await config.getEventManager().close();
  }
  deps.log?.info(`crawl ${source.id}: ${JSON.stringify(counts)}`);
  return { sourceId: source.id, counts, versionIds, errors, pagesFetched: budgeted.size };
}
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
