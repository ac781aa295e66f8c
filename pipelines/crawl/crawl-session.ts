/**
 * One crawl of one source as a session: the state a crawl keeps (what it has queued, fetched and
 * written) in one object, and one handler per request kind — listing, sitemap, feed, document —
 * registered on a crawlee Router by label. Every step that can fail says which stage it is
 * (`atStage`), so a failure is attributed where it happens, not through a field on the request.
 */
import { createHash } from 'node:crypto';
import { Router, type BasicCrawlingContext, type Request } from '@crawlee/basic';
import type { Kysely } from 'kysely';
import type { DB, FetchOutcome } from '../../sql/schema.ts';
import {
  findDocuments,
  listActiveDocumentUrls,
  markDocumentGone,
  recordFetches,
  recordNotModified,
  recordSitemapLastmods,
  storeDocumentVersions,
  type FetchLogEntry,
  type KnownDocument,
  type NotModifiedFetch,
  type VersionWrite,
} from '../../sql/queries/documents.ts';
import { recordRunError } from '../../sql/queries/runs.ts';
import { errorClassOf, errorMessageOf, NotFoundPageError, RetryableError } from '../../core/errors.ts';
import { decodeBody } from '../parse/decode-body.ts';
import type { ParsedDocument } from '../../core/parsed-document.ts';
import { userAgentToken, type CrawlOptions } from './crawl-options.ts';
import { classifyResponse, responseError } from './classify-response.ts';
import { parseFeed, parseListing, parseSitemap, sniffDiscoveryKind } from './discover-links.ts';
import { parseRetryAfter, type Fetcher, type FetchResponse } from './fetcher.ts';
import { HostGate } from './host-gate.ts';
import type { ParseFunction } from './parse-function.ts';
import { normalizeUrl, requestUrl } from './normalize-url.ts';
import { fetchRobotsRules, type RobotsRules } from './robots-rules.ts';
import type { Source, StartUrlType } from '../../core/source-config.ts';
import { compilePattern } from './url-pattern.ts';
import type { CrawlEvent } from './crawl-progress.ts';

/** Console-compatible: `console` itself will do. */
export interface CrawlLogger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
}

export type CrawlCounts = Record<FetchOutcome, number>;

/** Where a URL's failure happened. */
export type CrawlStage = 'fetch' | 'parse' | 'store' | 'discover' | 'crawl';

export interface CrawlError {
  url: string;
  stage: CrawlStage;
  reason: string;
  errorClass: string;
}

/** What became of one URL in this crawl: the run report lists these. */
export interface CrawlItem {
  /** Normalised URL (the document's identity). */
  url: string;
  /** `listing`, `sitemap` and `feed` pages are discovery; `document` the rest. */
  kind: 'document' | 'discovery';
  outcome: FetchOutcome;
  /** Why it was skipped, gone or failed; null for new, changed and unchanged. */
  reason: string | null;
  /** The version stored (new, changed). */
  versionId: string | null;
  /** For failures: the stage that failed. */
  stage: CrawlStage | null;
}

export interface CrawlResult {
  sourceId: string;
  /** `failed` when no request reached the source's hosts (down, unreachable): see `errors`. */
  status: 'succeeded' | 'failed';
  /** Documents only, plus failed discovery pages (a listing that cannot be read is a failure). */
  counts: CrawlCounts;
  /** Every URL's outcome: the counts are these, counted. */
  items: CrawlItem[];
  /** New or changed versions: the ones to extract. */
  versionIds: string[];
  errors: CrawlError[];
  /** Pages fetched (documents and discovery pages), against the budget. */
  pagesFetched: number;
  /** Requests finished (fetched, settled without a fetch, or failed for good): the progress's pages. */
  requestsDone: number;
}

export interface CrawlSessionDeps {
  db: Kysely<DB>;
  fetcher: Fetcher;
  parse: ParseFunction;
  log?: CrawlLogger;
  /** Told of every request queued and finished and every URL settled (the run's progress). @defaultValue nobody */
  progress?: (event: CrawlEvent) => void;
}

type DiscoveryLabel = 'listing' | 'sitemap' | 'feed';
type Label = DiscoveryLabel | 'document';

interface RequestData {
  /** Link hops from a document. */
  depth: number;
  /** Normalised URL: the document's identity. */
  key: string;
  [key: string]: unknown;
}

interface Candidate {
  url: string;
  kind: StartUrlType;
  depth: number;
}

/** A failure with the stage it happened in; crawlee carries it to the failed-request handler. */
class StageFailure extends Error {
  override readonly name = 'StageFailure';
  readonly stage: CrawlStage;
  readonly error: unknown;
  constructor(stage: CrawlStage, error: unknown) {
    super(errorMessageOf(error));
    this.stage = stage;
    this.error = error;
  }
}

async function atStage<T>(stage: CrawlStage, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw error instanceof StageFailure ? error : new StageFailure(stage, error);
  }
}

function asStageFailure(error: unknown): StageFailure {
  return error instanceof StageFailure ? error : new StageFailure('fetch', error);
}

/** A fetched page whose body is to be read, with what we held of it. */
interface Fetched {
  request: Request;
  data: RequestData;
  /** The document's key after an in-source redirect. */
  key: string;
  response: FetchResponse;
  known: KnownDocument | null;
}

// Links to files that are never press releases.
const ASSET_EXTENSION = /\.(?:jpe?g|png|gif|webp|svg|ico|bmp|tiff?|css|js|mjs|json|woff2?|ttf|eot|mp[34]|m4a|wav|ogg|webm|avi|mov|zip|gz|tgz|rar|7z|exe|dmg|iso|ics|vcf|docx?|xlsx?|pptx?|odt|ods)$/i;

// Writes are collected and flushed in batches: one statement per table for many documents.
const VERSION_BATCH = 50;
const LOG_BATCH = 500;

export class CrawlSession {
  readonly #db: Kysely<DB>;
  readonly #fetcher: Fetcher;
  readonly #parse: ParseFunction;
  readonly #log: CrawlLogger | undefined;
  readonly #progress: ((event: CrawlEvent) => void) | undefined;
  readonly #source: Source;
  readonly #runId: string | null;
  readonly #options: CrawlOptions;
  readonly #maxPages: number;
  readonly #uaToken: string;
  readonly #gate: HostGate;
  readonly #allowedHosts: Set<string>;
  readonly #follow: Array<(url: string) => boolean>;
  readonly #skip: Array<(url: string) => boolean>;

  readonly #robotsByOrigin = new Map<string, Promise<RobotsRules>>();
  readonly #items: CrawlItem[] = [];
  readonly #errors: CrawlError[] = [];
  /** Pages counted against the budget. */
  readonly #budgeted = new Set<string>();
  /** Every key this crawl has queued or decided: a document found by listing, sitemap and feed is fetched once. */
  readonly #handled = new Set<string>();
  /** Redirect targets taken, by the request key that took them (a retried request keeps its target). */
  readonly #redirectTargets = new Map<string, string>();
  /** What the database knows of each document to fetch, read in one query per discovery page. */
  readonly #known = new Map<string, KnownDocument | null>();
  /** Sitemap lastmod per document, stored once its fetch succeeded (a failed fetch must not make the next crawl believe it has this version). */
  readonly #sitemapLastmods = new Map<string, Date>();
  readonly #succeeded = new Set<string>();
  #unchanged: NotModifiedFetch[] = [];
  #fetchLog: FetchLogEntry[] = [];
  #versions: Array<{ write: VersionWrite; url: string }> = [];
  #flushing: Promise<void> = Promise.resolve();
  /** Requests that got an HTTP answer of any status (robots.txt included): 0 means the host is down. */
  #reached = 0;
  /** Requests prepared for the queue so far: a discovery page's new links are the difference. */
  #queuedCount = 0;
  #requestsDone = 0;
  #enqueue: (requests: Array<{ url: string; uniqueKey: string; label: Label; userData: RequestData }>) => Promise<void> = async () => {};

  constructor(deps: CrawlSessionDeps, input: { source: Source; runId: string | null; options: CrawlOptions }) {
    this.#db = deps.db;
    this.#fetcher = deps.fetcher;
    this.#parse = deps.parse;
    this.#log = deps.log;
    this.#progress = deps.progress;
    this.#source = input.source;
    this.#runId = input.runId;
    this.#options = input.options;
    this.#maxPages = input.source.maxPages ?? input.options.defaultMaxPages;
    this.#uaToken = userAgentToken(input.options.userAgent);
    this.#gate = new HostGate(input.options);
    this.#allowedHosts = new Set(input.source.hosts.map((h) => h.toLowerCase()));
    for (const start of input.source.startUrls) this.#allowedHosts.add(new URL(start.url).host.toLowerCase());
    this.#follow = input.source.follow.map(compilePattern);
    this.#skip = input.source.skip.map(compilePattern);
  }

  /** The request handlers, one per label; `auto` start URLs go to the default handler, which sniffs. */
  router() {
    const router = Router.create<BasicCrawlingContext>();
    const guarded = (handler: (fetched: Fetched) => Promise<void>) => async ({ request }: BasicCrawlingContext) => {
      try {
        const fetched = await this.#fetchPage(request);
        if (fetched) await handler(fetched);
      } catch (error) {
        const failure = asStageFailure(error);
        // Retryable failures go back to crawlee's queue (retryDelayMs waits first); the rest end here.
        if (failure.error instanceof RetryableError) throw failure;
        await this.#fail(request, failure.stage, failure.error);
      }
      this.#pageDone(request.url);
    };
    router.addHandler('listing', guarded((f) => this.#dispatch(f, 'listing')));
    router.addHandler('sitemap', guarded((f) => this.#dispatch(f, 'sitemap')));
    router.addHandler('feed', guarded((f) => this.#dispatch(f, 'feed')));
    router.addHandler('document', guarded((f) => this.#document(f)));
    router.addDefaultHandler(guarded((f) => this.#dispatch(f, 'auto')));
    return router;
  }

  /** How long crawlee waits before retrying a request that failed with a retryable error. */
  retryDelayMs(request: Request, error: unknown): number {
    const cause = error instanceof StageFailure ? error.error : error;
    const retryAfter = cause instanceof RetryableError ? cause.retryAfterSeconds : null;
    const backoff = retryAfter !== null ? retryAfter * 1000 : this.#options.retryBaseDelayMs * 2 ** request.retryCount;
    return Math.min(backoff, this.#options.maxRetryDelayMs);
  }

  /** A request whose retries are spent. */
  async failedRequest(request: Request, error: unknown): Promise<void> {
    const failure = asStageFailure(error);
    await this.#fail(request, failure.stage, failure.error);
    this.#pageDone(request.url);
  }

  /** Connects the session to the crawler's queue. */
  useQueue(add: (requests: Array<{ url: string; uniqueKey: string; label: Label; userData: RequestData }>) => Promise<void>): void {
    this.#enqueue = add;
  }

  /** The source's start URLs as requests. */
  startRequests() {
    return this.#prepare(this.#source.startUrls.map((start) => ({ url: start.url, kind: start.type, depth: 0 })));
  }

  /**
   * Documents we hold that no listing, sitemap or feed mentioned this time, as requests: revisited
   * (conditionally, so cheaply) to learn whether they changed or are gone. None when the source
   * is down (they would only fail one by one) or the budget is spent.
   */
  async staleRequests() {
    if (this.#hostDown() || this.#budgeted.size >= this.#maxPages) return [];
    const stale = (await listActiveDocumentUrls(this.#db, this.#source.id)).filter((url) => !this.#handled.has(url));
    return this.#prepare(stale.map((url) => ({ url, kind: 'document' as const, depth: 0 })));
  }

  /** Writes what is still buffered. */
  async flush(): Promise<void> {
    await this.#flushVersions();
    await this.#flushLogs();
    await this.#flushing;
  }

  /** Ends the session: the last writes, sitemap dates of what was fetched, the result. */
  async finish(): Promise<CrawlResult> {
    await this.flush();
    await recordSitemapLastmods(this.#db, [...this.#sitemapLastmods].filter(([key]) => this.#succeeded.has(key)).map(([url, lastmod]) => ({ url, lastmod })));
    let status: CrawlResult['status'] = 'succeeded';
    if (this.#hostDown()) {
      status = 'failed';
      const first = this.#errors[0];
      const hosts = [...this.#allowedHosts].join(', ');
      const reason = `No request to ${hosts} got an answer (${first?.reason ?? 'unreachable'}); the host looks down, so source ${this.#source.id} failed. Check the host, then run again.`;
      const error = new RetryableError(reason, { input: `source:${this.#source.id}` });
      this.#errors.push({ url: `source:${this.#source.id}`, stage: 'crawl', reason, errorClass: errorClassOf(error) });
      this.#emit({ type: 'error', url: `source:${this.#source.id}`, reason });
      await recordRunError(this.#db, { runId: this.#runId, stage: 'crawl', url: `source:${this.#source.id}`, error }).catch((dbError: unknown) =>
        this.#log?.warn(`crawl ${this.#source.id}: could not record that the source failed: ${errorMessageOf(dbError)}`),
      );
    }
    const counts: CrawlCounts = { new: 0, changed: 0, unchanged: 0, gone: 0, failed: 0, skipped: 0 };
    for (const item of this.#items) counts[item.outcome] += 1;
    const versionIds = this.#items.filter((i) => (i.outcome === 'new' || i.outcome === 'changed') && i.versionId !== null).map((i) => i.versionId!);
    this.#log?.info(`crawl ${this.#source.id}: ${JSON.stringify(counts)}`);
    return { sourceId: this.#source.id, status, counts, items: this.#items, versionIds, errors: this.#errors, pagesFetched: this.#budgeted.size, requestsDone: this.#requestsDone };
  }

  // Down: nothing answered, and something failed because of it (a refused source is not "down").
  #hostDown(): boolean {
    return this.#reached === 0 && this.#errors.some((e) => e.errorClass === 'RetryableError');
  }

  // --- the handlers -------------------------------------------------------------------------

  // A discovery label, or `auto`, decides by what the body turns out to be.
  async #dispatch(fetched: Fetched, label: DiscoveryLabel | 'auto'): Promise<void> {
    const sniffed = sniffDiscoveryKind(fetched.response.body, fetched.response.contentType);
    let kind: Label;
    if (label === 'auto') kind = sniffed === 'sitemap' ? 'sitemap' : sniffed === 'feed' ? 'feed' : sniffed === 'html' ? 'listing' : 'document';
    else if (sniffed === 'pdf' || sniffed === 'other') kind = 'document';
    else if (label === 'listing' && (sniffed === 'sitemap' || sniffed === 'feed')) kind = sniffed;
    else kind = label;
    if (kind === 'document') {
      // Not fetched as a document, so what we hold of it was not read yet.
      const known = fetched.known ?? (await atStage('store', async () => (await findDocuments(this.#db, [fetched.key])).get(fetched.key) ?? null));
      await this.#document({ ...fetched, known });
      return;
    }
    this.#logFetch({ runId: this.#runId, url: fetched.key, httpStatus: fetched.response.status, outcome: 'skipped' });
    const before = this.#queuedCount;
    await atStage('discover', () => (kind === 'sitemap' ? this.#sitemap(fetched) : kind === 'feed' ? this.#feed(fetched) : this.#listing(fetched)));
    this.#emit({ type: 'discovered', url: fetched.request.url, label: kind, queued: this.#queuedCount - before });
  }

  async #listing({ response }: Fetched): Promise<void> {
    const html = decodeBody(response.body, response.contentType, true).text;
    const { pagination, links } = parseListing(html, response.finalUrl);
    await this.#add(pagination.filter((url) => this.#onHost(url) && !this.#isSkipped(url)).map((url) => ({ url, kind: 'listing' as const, depth: 0 })));
    await this.#add(links.filter((url) => this.#followsDocument(url)).map((url) => ({ url, kind: 'document' as const, depth: 0 })));
  }

  async #feed({ response }: Fetched): Promise<void> {
    await this.#add(parseFeed(response.body, response.finalUrl).filter((url) => this.#followsDocument(url)).map((url) => ({ url, kind: 'document' as const, depth: 0 })));
  }

  async #sitemap({ response }: Fetched): Promise<void> {
    const { sitemaps, urls } = parseSitemap(response.body, response.finalUrl, this.#options.maxBodyBytes);
    await this.#add(sitemaps.filter((s) => this.#onHost(s.url)).map((s) => ({ url: s.url, kind: 'sitemap' as const, depth: 0 })));
    const keyed = urls
      .filter((u) => this.#followsDocument(u.url))
      .map((u) => ({ ...u, key: normalizeUrl(u.url) }))
      .filter((u): u is typeof u & { key: string } => u.key !== null);
    const known = await findDocuments(this.#db, keyed.map((u) => u.key));
    const fresh: typeof keyed = [];
    for (const entry of keyed) {
      if (entry.lastmod) this.#sitemapLastmods.set(entry.key, entry.lastmod);
      if (this.#handled.has(entry.key)) continue;
      const doc = known.get(entry.key);
      // The sitemap says it has not changed since we last fetched it: no request at all.
      // Compared with the lastmod seen at that fetch when we have it, else with the fetch's time.
      const reference = doc?.sitemapLastmod ?? doc?.lastFetchedAt ?? null;
      if (entry.lastmod && reference && doc?.latestHash && doc.status === 'active' && entry.lastmod.getTime() <= reference.getTime()) {
        this.#handled.add(entry.key);
        this.#skipDocument(entry.key, doc.id, `sitemap lastmod ${entry.lastmod.toISOString()} is not newer than at our last fetch`);
      } else fresh.push(entry);
    }
    for (const entry of fresh) this.#known.set(entry.key, known.get(entry.key) ?? null);
    await this.#add(fresh.map((u) => ({ url: u.url, kind: 'document' as const, depth: 0 })));
  }

  async #document(fetched: Fetched): Promise<void> {
    const { response, known, key, data } = fetched;
    const hash = createHash('sha256').update(response.body).digest('hex');
    const etag = response.headers['etag'] ?? null;
    const lastModified = response.headers['last-modified'] ?? null;
    if (known?.latestHash === hash) {
      this.#notModified(key, { documentId: known.id, httpStatus: response.status, fetchedAt: response.fetchedAt, etag, lastModified });
      return;
    }
    let parsed: ParsedDocument;
    try {
      parsed = await this.#parse({
        body: response.body,
        url: response.finalUrl,
        contentType: response.contentType,
        fetchedAt: response.fetchedAt,
        languageHint: this.#source.language ?? null,
        contentSelectors: this.#source.contentSelectors,
      });
    } catch (error) {
      // A page we hold that now answers with a "Seite nicht gefunden" template is gone, not broken.
      if (known?.latestHash && error instanceof NotFoundPageError) {
        await atStage('store', () => markDocumentGone(this.#db, { runId: this.#runId, documentId: known.id, url: key, httpStatus: response.status, fetchedAt: response.fetchedAt }));
        this.#item({ url: key, kind: 'document', outcome: 'gone', reason: error.message, versionId: null, stage: 'parse' });
        this.#errors.push({ url: fetched.request.url, stage: 'parse', reason: error.message, errorClass: error.name });
        this.#emit({ type: 'error', url: fetched.request.url, reason: error.message });
        await recordRunError(this.#db, { runId: this.#runId, stage: 'parse', url: fetched.request.url, error });
        return;
      }
      throw new StageFailure('parse', error);
    }
    this.#versions.push({
      url: fetched.request.url,
      write: {
        fetched: { runId: this.#runId, url: key, sourceId: this.#source.id, finalUrl: response.finalUrl, httpStatus: response.status, contentType: response.contentType, etag, lastModified, contentHash: hash, fetchedAt: response.fetchedAt, body: response.body },
        parsed,
      },
    });
    if (this.#versions.length >= VERSION_BATCH) await this.#flushVersions();
    if (parsed.format === 'html' && data.depth < this.#options.maxDepth) {
      // From a document, follow only what the source asks for, or its attachments (PDFs on our hosts).
      const next = parsed.links.filter((link) => (this.#follow.length > 0 ? this.#followsDocument(link) : this.#onHost(link) && !this.#isSkipped(link) && /\.pdf$/i.test(new URL(link).pathname)));
      await this.#add(next.map((url) => ({ url, kind: 'document' as const, depth: data.depth + 1 })));
    }
  }

  // --- fetching -----------------------------------------------------------------------------

  // Budget, robots.txt, the conditional fetch and the status policy. Returns the page when its
  // body is to be read; null when the URL was settled here (skipped, unchanged, gone).
  async #fetchPage(request: Request): Promise<Fetched | null> {
    const data = request.userData as RequestData;
    const isDocument = request.label === 'document' || request.label === undefined;
    if (!this.#budgeted.has(data.key)) {
      if (this.#budgeted.size >= this.#maxPages) {
        if (request.label === 'document') this.#skipDocument(data.key, null, `page budget of ${this.#maxPages} spent`);
        return null;
      }
      this.#budgeted.add(data.key);
    }
    if (this.#options.respectRobotsTxt) {
      const rules = await atStage('fetch', () => this.#robotsFor(request.url));
      if (rules.unavailable !== null) {
        // Not retried within this crawl: the rules of an origin are read once per crawl.
        await this.#fail(request, 'fetch', new RetryableError(`${rules.unavailable}; not fetched, as robots.txt must be read first. Retry later.`, { input: request.url }));
        return null;
      }
      if (!rules.isAllowed(request.url)) {
        if (isDocument) this.#skipDocument(data.key, null, `disallowed for ${this.#uaToken} by ${rules.basis}`);
        else this.#log?.info(`crawl ${this.#source.id}: robots.txt disallows ${request.url}`);
        return null;
      }
    }
    const known = isDocument ? await atStage('store', () => this.#knownOf(data.key)) : null;
    const conditional = Boolean(known && known.latestHash && known.status === 'active');
    const response = await atStage('fetch', () =>
      this.#gate.run(new URL(request.url).host, () =>
        this.#fetcher.fetch({
          url: request.url,
          allowPrivate: this.#source.allowPrivate,
          etag: conditional ? known!.etag : null,
          lastModified: conditional ? known!.lastModified : null,
        }),
      ),
    );
    this.#reached += 1;
    const verdict = classifyResponse(response.status, { held: Boolean(known?.latestHash), conditional });
    switch (verdict.action) {
      case 'not-modified':
        this.#notModified(data.key, { documentId: known!.id, httpStatus: response.status, fetchedAt: response.fetchedAt });
        return null;
      case 'gone':
        await atStage('store', () => markDocumentGone(this.#db, { runId: this.#runId, documentId: known!.id, url: data.key, httpStatus: response.status, fetchedAt: response.fetchedAt }));
        this.#item({ url: data.key, kind: 'document', outcome: 'gone', reason: `HTTP ${response.status}`, versionId: null, stage: null });
        return null;
      case 'retry':
      case 'reject':
        throw new StageFailure('fetch', responseError(verdict, request.url, parseRetryAfter(response.headers['retry-after'])));
      case 'read':
        break;
    }
    if (response.body.byteLength === 0) throw new StageFailure('fetch', responseError({ action: 'reject', reason: `Empty body (HTTP ${response.status}); nothing to store` }, request.url));
    // A redirect inside the source makes the target the document (an archive URL answering 301
    // with the release's URL is that release); two URLs redirecting to one page are one document.
    const finalKey = normalizeUrl(response.finalUrl) ?? data.key;
    if (finalKey === data.key || !this.#onHost(response.finalUrl)) return { request, data, key: data.key, response, known };
    if (this.#handled.has(finalKey) && this.#redirectTargets.get(finalKey) !== data.key) {
      if (isDocument) this.#skipDocument(data.key, known?.id ?? null, `redirects to ${finalKey}, which this crawl fetches already`);
      return null;
    }
    this.#handled.add(finalKey);
    this.#redirectTargets.set(finalKey, data.key);
    const target = isDocument ? await atStage('store', async () => (await findDocuments(this.#db, [finalKey])).get(finalKey) ?? null) : null;
    return { request, data, key: finalKey, response, known: target };
  }

  #robotsFor(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    let rules = this.#robotsByOrigin.get(origin);
    if (!rules) {
      rules = fetchRobotsRules(this.#fetcher, origin, { userAgentToken: this.#uaToken, allowPrivate: this.#source.allowPrivate }).then((r) => {
        if (r.reached) this.#reached += 1;
        if (r.crawlDelayMs !== null) this.#gate.setDelay(new URL(url).host, Math.min(r.crawlDelayMs, this.#options.maxCrawlDelayMs));
        return r;
      });
      this.#robotsByOrigin.set(origin, rules);
    }
    return rules;
  }

  async #knownOf(key: string): Promise<KnownDocument | null> {
    const cached = this.#known.get(key);
    if (cached !== undefined) return cached;
    const found = (await findDocuments(this.#db, [key])).get(key) ?? null;
    this.#known.set(key, found);
    return found;
  }

  // --- the queue ----------------------------------------------------------------------------

  // Requests for URLs not handled yet in this crawl, with what the database knows of each document.
  async #prepare(candidates: Candidate[]) {
    const requests: Array<{ url: string; uniqueKey: string; label: Label; userData: RequestData }> = [];
    const documentKeys: string[] = [];
    for (const { url, kind, depth } of candidates) {
      const key = normalizeUrl(url);
      if (!key || this.#handled.has(key)) continue;
      this.#handled.add(key);
      // Re-serialised by URL so that crawlee's own URL check never rejects a batch for one odd link.
      const request = { url: requestUrl(url), uniqueKey: key, userData: { depth, key } satisfies RequestData };
      // `auto` has no label: the default handler sniffs.
      requests.push(kind === 'auto' ? (request as (typeof requests)[number]) : { ...request, label: kind });
      if ((kind === 'document' || kind === 'auto') && !this.#known.has(key)) documentKeys.push(key);
    }
    if (documentKeys.length) {
      const known = await findDocuments(this.#db, documentKeys);
      for (const key of documentKeys) this.#known.set(key, known.get(key) ?? null);
    }
    // Every prepared request is queued: start and stale ones through run(), the rest through #enqueue.
    this.#queuedCount += requests.length;
    if (requests.length) this.#emit({ type: 'queued', count: requests.length });
    return requests;
  }

  async #add(candidates: Candidate[]): Promise<void> {
    const requests = await this.#prepare(candidates);
    if (requests.length) await this.#enqueue(requests);
  }

  #onHost(url: string): boolean {
    const parsed = new URL(url);
    return this.#allowedHosts.has(parsed.host.toLowerCase()) || this.#allowedHosts.has(parsed.hostname.toLowerCase());
  }

  #isSkipped(url: string): boolean {
    return this.#skip.some((p) => p(url)) || ASSET_EXTENSION.test(new URL(url).pathname);
  }

  #followsDocument(url: string): boolean {
    return this.#onHost(url) && !this.#isSkipped(url) && (this.#follow.length === 0 || this.#follow.some((p) => p(url)));
  }

  // --- outcomes and their writes ------------------------------------------------------------

  #item(item: CrawlItem): void {
    this.#items.push(item);
    this.#emit({ type: 'settled', item });
  }

  #pageDone(url: string): void {
    this.#requestsDone += 1;
    this.#emit({ type: 'page-done', url });
  }

  // A watcher's failure is not the crawl's: the count it missed is only shown, never stored.
  #emit(event: CrawlEvent): void {
    try {
      this.#progress?.(event);
    } catch {
      // nothing to do: the result and run_items still hold every outcome
    }
  }

  #skipDocument(key: string, documentId: string | null, reason: string): void {
    this.#item({ url: key, kind: 'document', outcome: 'skipped', reason, versionId: null, stage: null });
    this.#log?.info(`crawl ${this.#source.id}: skipped ${key}: ${reason}`);
    this.#logFetch({ runId: this.#runId, documentId, url: key, httpStatus: null, outcome: 'skipped' });
  }

  // Unchanged documents are written in batches: on a re-crawl they are nearly every page.
  #notModified(key: string, entry: NotModifiedFetch): void {
    this.#item({ url: key, kind: 'document', outcome: 'unchanged', reason: null, versionId: null, stage: null });
    this.#succeeded.add(key);
    this.#unchanged.push(entry);
    if (this.#unchanged.length >= LOG_BATCH) void this.#flushLogs();
  }

  #logFetch(entry: FetchLogEntry): void {
    this.#fetchLog.push(entry);
    if (this.#fetchLog.length >= LOG_BATCH) void this.#flushLogs();
  }

  // Log writes are chained, one at a time, so a flush never races the previous one; a failed
  // log write is reported and the crawl goes on (the log is not the dataset).
  #flushLogs(): Promise<void> {
    const unchanged = this.#unchanged;
    const fetchLog = this.#fetchLog;
    this.#unchanged = [];
    this.#fetchLog = [];
    this.#flushing = this.#flushing.then(async () => {
      try {
        if (unchanged.length) await recordNotModified(this.#db, this.#runId, unchanged);
        if (fetchLog.length) await recordFetches(this.#db, fetchLog);
      } catch (error) {
        this.#log?.warn(`crawl ${this.#source.id}: could not write ${unchanged.length + fetchLog.length} fetch log rows: ${errorMessageOf(error)}`);
      }
    });
    return this.#flushing;
  }

  async #flushVersions(): Promise<void> {
    const batch = this.#versions;
    this.#versions = [];
    if (batch.length === 0) return;
    const stored = await storeDocumentVersions(this.#db, batch.map((b) => b.write));
    for (const [i, result] of stored.entries()) {
      const { url, write } = batch[i]!;
      const key = write.fetched.url;
      if (!result.ok) {
        await this.#failKey(url, key, 'store', result.error);
        continue;
      }
      this.#succeeded.add(key);
      this.#item({ url: key, kind: 'document', outcome: result.outcome, reason: null, versionId: result.versionId, stage: null });
    }
  }

  async #fail(request: Request, stage: CrawlStage, error: unknown): Promise<void> {
    const data = request.userData as RequestData;
    await this.#failKey(request.url, data.key, stage, error, request.label === 'document' || request.label === undefined ? 'document' : 'discovery');
  }

  async #failKey(url: string, key: string, stage: CrawlStage, error: unknown, kind: CrawlItem['kind'] = 'document'): Promise<void> {
    const reason = errorMessageOf(error);
    this.#item({ url: key, kind, outcome: 'failed', reason, versionId: null, stage });
    this.#errors.push({ url, stage, reason, errorClass: errorClassOf(error) });
    this.#emit({ type: 'error', url, reason });
    this.#log?.warn(`crawl ${this.#source.id}: ${stage} failed for ${url}: ${reason}`);
    try {
      await recordRunError(this.#db, { runId: this.#runId, stage, url, error });
      this.#logFetch({ runId: this.#runId, documentId: null, url: key, httpStatus: null, outcome: 'failed' });
    } catch (dbError) {
      this.#log?.warn(`crawl ${this.#source.id}: could not record the failure of ${url}: ${errorMessageOf(dbError)}`);
    }
  }
}
