/**
 * The HTTP status policy, written once: what an answer means for a URL, given what we hold of it.
 * Pure (no I/O, no clock) so the crawl, `isa ingest` and `isa extract` read statuses alike and
 * the policy is tested as a table.
 */
import { BadInputError, RetryableError } from '../../core/errors.ts';

/** What we hold of the URL when the answer comes; null for a URL we never stored (ingest, extract). */
export interface KnownForResponse {
  /** A stored version exists (a 404 then means "gone", not "broken link"). */
  held: boolean;
  /** The request carried our validators (a 304 is then an answer, not a protocol error). */
  conditional: boolean;
}

export type ResponseVerdict =
  /** 2xx: read the body. */
  | { action: 'read' }
  /** 304 to our conditional request: the document is unchanged. */
  | { action: 'not-modified' }
  /** 404/410 for a document we hold: it was removed. */
  | { action: 'gone' }
  /** 429/5xx: the other side is busy or broken for now. */
  | { action: 'retry'; reason: string }
  /** Anything else: this URL gives nothing, and retrying cannot help. */
  | { action: 'reject'; reason: string };

/** Reads an HTTP status for a URL we hold (`known`) or do not (`null`). */
export function classifyResponse(status: number, known: KnownForResponse | null): ResponseVerdict {
  if (status === 429) return { action: 'retry', reason: `HTTP 429 (too many requests)` };
  if (status >= 500 && status <= 599) return { action: 'retry', reason: `HTTP ${status} (server error)` };
  if (status >= 200 && status <= 299) return { action: 'read' };
  if (status === 304) {
    return known?.conditional ? { action: 'not-modified' } : { action: 'reject', reason: 'HTTP 304 without a conditional request' };
  }
  if (status === 404 || status === 410) {
    return known?.held ? { action: 'gone' } : { action: 'reject', reason: `HTTP ${status}: a broken link (never fetched before)` };
  }
  return { action: 'reject', reason: `HTTP ${status}; not retried` };
}

/**
 * The typed error for a verdict that gives no body (`retry`, `reject`, and — where the caller
 * cannot use them — `not-modified`, `gone`); null for `read`.
 */
export function responseError(verdict: ResponseVerdict, url: string, retryAfterSeconds: number | null = null): RetryableError | BadInputError | null {
  switch (verdict.action) {
    case 'read':
      return null;
    case 'retry':
      return new RetryableError(`${verdict.reason} from ${url}; retry later.`, { input: url, retryAfterSeconds });
    case 'reject':
      return new BadInputError(`${verdict.reason} for ${url}.`, { input: url });
    case 'not-modified':
      return new BadInputError(`HTTP 304 for ${url}: not modified, no body to read.`, { input: url });
    case 'gone':
      return new BadInputError(`${url} is gone (HTTP 404/410).`, { input: url });
  }
}
