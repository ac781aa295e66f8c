/**
 * What a crawl says while it works, as events a watcher counts (the run's progress line, a worker's
 * job progress): plain data, emitted through a callback in the crawl's deps, never written anywhere
 * by the crawl itself. `tallyCrawl` is the one way they are counted, so a worker's snapshot and the
 * in-process count agree.
 */
import type { FetchOutcome } from '../../sql/schema.ts';
import type { CrawlItem } from './crawl-session.ts';

export type CrawlEvent =
  /** Requests added to the crawl's queue (start URLs, links found, documents revisited). */
  | { type: 'queued'; count: number }
  /** A request finished: settled, read or failed for good (a retry does not finish it). */
  | { type: 'page-done'; url: string }
  /** A URL's outcome as the run report counts it: one per document, and per failed discovery page. */
  | { type: 'settled'; item: CrawlItem }
  /** A listing, sitemap or feed read, with how many new requests its links made. */
  | { type: 'discovered'; url: string; label: 'listing' | 'sitemap' | 'feed'; queued: number }
  /** An error recorded in run_errors (a failed URL, a page now answering "not found", a source down). */
  | { type: 'error'; url: string; reason: string };

/** A crawl's counts so far. */
export interface CrawlTally {
  /** Settled URLs by outcome: at the end, the crawl's `counts`. */
  documents: Record<FetchOutcome, number>;
  /** Requests finished (documents and discovery pages). */
  pages: number;
  /** Requests queued and not finished yet. */
  queued: number;
  errors: number;
}

export function emptyCrawlTally(): CrawlTally {
  return { documents: { new: 0, changed: 0, unchanged: 0, gone: 0, failed: 0, skipped: 0 }, pages: 0, queued: 0, errors: 0 };
}

/** Counts one event into the tally (in place) and returns it. */
export function tallyCrawl(tally: CrawlTally, event: CrawlEvent): CrawlTally {
  switch (event.type) {
    case 'queued':
      tally.queued += event.count;
      break;
    case 'page-done':
      tally.pages += 1;
      tally.queued = Math.max(0, tally.queued - 1);
      break;
    case 'settled':
      tally.documents[event.item.outcome] += 1;
      break;
    case 'error':
      tally.errors += 1;
      break;
    case 'discovered':
      break;
  }
  return tally;
}

/** Settled URLs, all outcomes: what the summary's "documents" counts. */
export function settledCount(documents: Record<FetchOutcome, number>): number {
  return documents.new + documents.changed + documents.unchanged + documents.gone + documents.skipped + documents.failed;
}

/** A tally read back from elsewhere (a worker's job progress in Redis): the shape checked, else null. */
export function parseCrawlTally(value: unknown): CrawlTally | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  const documents = v.documents as Record<string, unknown> | undefined;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  if (!whole(v.pages) || !whole(v.queued) || !whole(v.errors) || typeof documents !== 'object' || documents === null) return null;
  const tally = emptyCrawlTally();
  for (const outcome of Object.keys(tally.documents) as FetchOutcome[]) {
    const n = documents[outcome];
    if (!whole(n)) return null;
    tally.documents[outcome] = n;
  }
  return { documents: tally.documents, pages: v.pages, queued: v.queued, errors: v.errors };
}
