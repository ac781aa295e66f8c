/**
 * The HTTP seam of the crawl. Plain `node:http`/`node:https` rather than got-scraping so that we
 * own every decision a hostile server can exploit: which address a socket connects to (guarded
 * `lookup` plus a check of the connected peer), each redirect hop (followed by hand and
 * re-validated), how many bytes we read (before and after decompression) and for how long.
 */
import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { BadInputError, PipelineError, RefusedError, RetryableError } from '../../core/errors.ts';
import type { CrawlOptions } from './crawl-options.ts';
import { assertPublicLiteral, assertPublicPeer, guardedLookup } from './ssrf-guard.ts';

export interface FetchRequest {
  url: string;
  /** Stored ETag: sent as If-None-Match. */
  etag?: string | null;
  /** Stored Last-Modified: sent as If-Modified-Since. */
  lastModified?: string | null;
  /**
   * Allow private, loopback and link-local targets: `true` for any host (fixture sources,
   * `--allow-private`), or a list of `host[:port]` that may be private (an intranet source) while
   * every other hop, redirects included, stays guarded.
   */
  allowPrivate: PrivateTargets;
  /** Accept header. @defaultValue HTML, XML, feeds, PDF, then anything */
  accept?: string;
}

export type PrivateTargets = boolean | readonly string[];

/** Whether a hop to `url` may reach a non-public address. */
export function allowsPrivate(allowPrivate: PrivateTargets, url: URL): boolean {
  if (typeof allowPrivate === 'boolean') return allowPrivate;
  return allowPrivate.some((host) => host.toLowerCase() === url.host.toLowerCase() || host.toLowerCase() === url.hostname.toLowerCase());
}

export interface FetchResponse {
  requestedUrl: string;
  /** URL of the last hop, after redirects. */
  finalUrl: string;
  /** Every URL redirected to, in order (empty without redirects). */
  redirects: string[];
  status: number;
  /** Lower-case header names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  contentType: string | null;
  /** Decoded (decompressed) body; empty for 304 and HEAD-like answers. */
  body: Uint8Array;
  fetchedAt: Date;
}

/** Where the outside world enters the crawl; tests and other transports implement the same. */
export interface Fetcher {
  fetch(request: FetchRequest): Promise<FetchResponse>;
  /** Releases pooled sockets. */
  close?(): void;
}

export type FetcherOptions = Pick<CrawlOptions, 'userAgent' | 'connectTimeoutMs' | 'bodyTimeoutMs' | 'maxBodyBytes' | 'maxRedirects'>;

const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,application/pdf,*/*;q=0.5';

interface HopResult {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

/** An HTTP(S) fetcher with the SSRF guard, manual redirects, size caps and timeouts. */
export function createHttpFetcher(options: FetcherOptions): Fetcher {
  // Guarded and private-allowed requests never share a pooled socket: a socket opened for a
  // loopback source must not carry a request that is meant to be guarded.
  const agents = {
    guarded: { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) },
    open: { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) },
  };

  async function fetchOnce(request: FetchRequest): Promise<FetchResponse> {
    const redirects: string[] = [];
    const seen = new Set<string>();
    let current = parseTarget(request.url, request.url);
    for (let hop = 0; ; hop += 1) {
      seen.add(current.toString());
      const allowPrivate = allowsPrivate(request.allowPrivate, current);
      assertPublicLiteral(current, allowPrivate);
      const headers: Record<string, string> = {
        'user-agent': options.userAgent,
        accept: request.accept ?? DEFAULT_ACCEPT,
        'accept-encoding': 'gzip, deflate, br',
        'accept-language': 'de,en;q=0.8',
      };
      if (request.etag) headers['if-none-match'] = request.etag;
      if (request.lastModified) headers['if-modified-since'] = request.lastModified;
      const pool = allowPrivate ? agents.open : agents.guarded;
      const result = await requestHop(current, headers, allowPrivate, current.protocol === 'https:' ? pool.https : pool.http, options);
      const location = result.headers['location'];
      if (result.status >= 300 && result.status < 400 && result.status !== 304 && location) {
        const next = parseTarget(location, request.url, current);
        if (seen.has(next.toString())) {
          throw new BadInputError(`Redirect loop at ${request.url}: ${current.toString()} redirects back to ${next.toString()}; the site is misconfigured, skip this URL.`, { input: request.url });
        }
        if (hop + 1 > options.maxRedirects) {
          throw new BadInputError(`Too many redirects for ${request.url} (more than ${options.maxRedirects}); skip this URL.`, { input: request.url });
        }
        redirects.push(next.toString());
        current = next;
        continue;
      }
      const contentType = result.headers['content-type'] ?? null;
      return {
        requestedUrl: request.url,
        finalUrl: current.toString(),
        redirects,
        status: result.status,
        headers: result.headers,
        contentType,
        body: result.body,
        fetchedAt: new Date(),
      };
    }
  }

  return {
    fetch: fetchOnce,
    close() {
      for (const pool of [agents.guarded, agents.open]) {
        pool.http.destroy();
        pool.https.destroy();
      }
    },
  };
}

function parseTarget(target: string, original: string, base?: URL): URL {
  let url: URL;
  try {
    url = base ? new URL(target, base) : new URL(target);
  } catch {
    throw new BadInputError(`Cannot parse URL ${target} (while fetching ${original}).`, { input: original });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new RefusedError(`Refused ${url.protocol} URL ${target} (while fetching ${original}): only http and https are fetched.`, { input: original });
  }
  url.hash = '';
  return url;
}

function requestHop(url: URL, headers: Record<string, string>, allowPrivate: boolean, agent: http.Agent, options: FetcherOptions): Promise<HopResult> {
  const target = url.toString();
  return new Promise<HopResult>((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (error: unknown, result?: HopResult) => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      if (error) reject(toPipelineError(error, target));
      else resolve(result!);
    };
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: 'GET', headers, agent, lookup: guardedLookup(allowPrivate, target) });
    const abort = (error: Error) => {
      req.destroy(error);
      finish(error);
    };
    timers.push(setTimeout(() => abort(new RetryableError(`Timed out after ${options.bodyTimeoutMs} ms fetching ${target}; retry later.`, { input: target })), options.bodyTimeoutMs));
    req.on('socket', (socket: Socket) => {
      if (!socket.connecting) return;
      const connectTimer = setTimeout(
        () => abort(new RetryableError(`Timed out after ${options.connectTimeoutMs} ms connecting to ${url.host} for ${target}; retry later.`, { input: target })),
        options.connectTimeoutMs,
      );
      timers.push(connectTimer);
      socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    req.on('error', (error) => finish(error));
    req.on('response', (res) => {
      try {
        assertPublicPeer(res.socket?.remoteAddress, target, allowPrivate);
      } catch (error) {
        abort(error as Error);
        return;
      }
      const responseHeaders = flattenHeaders(res.headers);
      const status = res.statusCode ?? 0;
      if ((status >= 300 && status < 400) || status === 204) {
        res.resume();
        res.on('end', () => finish(null, { status, headers: responseHeaders, body: new Uint8Array(0) }));
        res.on('error', (error) => finish(error));
        return;
      }
      readCappedBody(res, responseHeaders, target, options.maxBodyBytes)
        .then((body) => finish(null, { status, headers: responseHeaders, body }))
        .catch((error: unknown) => {
          req.destroy();
          finish(error);
        });
    });
    req.end();
  });
}

/** Reads the body as a stream, decompressing it, and aborts once either byte count passes the cap. */
function readCappedBody(res: http.IncomingMessage, headers: Record<string, string>, url: string, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    return Promise.reject(overCap(url, `declares ${declared} bytes`, maxBytes));
  }
  const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
  let decoder: zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null = null;
  if (encoding === 'gzip' || encoding === 'x-gzip') decoder = zlib.createGunzip();
  else if (encoding === 'deflate') decoder = zlib.createInflate();
  else if (encoding === 'br') decoder = zlib.createBrotliDecompress();

  return new Promise<Uint8Array>((resolve, reject) => {
    let rawBytes = 0;
    let decodedBytes = 0;
    const chunks: Buffer[] = [];
    let done = false;
    const fail = (error: Error) => {
      if (done) return;
      done = true;
      res.destroy();
      decoder?.destroy();
      reject(error);
    };
    res.on('data', (chunk: Buffer) => {
      rawBytes += chunk.length;
      if (rawBytes > maxBytes) fail(overCap(url, 'sent more bytes than that', maxBytes));
    });
    res.on('error', fail);
    const output: Readable = decoder ? res.pipe(decoder) : res;
    if (decoder) {
      decoder.on('error', (error) => fail(new BadInputError(`Corrupt ${encoding} body from ${url}: ${error.message}; skip this URL.`, { input: url, cause: error })));
    }
    output.on('data', (chunk: Buffer) => {
      if (done) return;
      decodedBytes += chunk.length;
      if (decodedBytes > maxBytes) {
        fail(overCap(url, decoder ? `decompresses (${encoding}) to more than that — a compression bomb?` : 'sent more bytes than that', maxBytes));
        return;
      }
      chunks.push(chunk);
    });
    output.on('end', () => {
      if (done) return;
      done = true;
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    res.on('aborted', () => fail(new RetryableError(`Connection closed mid-body fetching ${url}; retry later.`, { input: url })));
  });
}

function overCap(url: string, what: string, maxBytes: number): BadInputError {
  return new BadInputError(`Body of ${url} is over the cap of ${maxBytes} bytes: it ${what}. Raise maxBodyBytes if the document is genuine.`, { input: url });
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED', 'UND_ERR_SOCKET']);

function toPipelineError(error: unknown, url: string): PipelineError {
  if (error instanceof PipelineError) return error;
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if ((code && RETRYABLE_CODES.has(code)) || /socket hang up/i.test(message)) {
    return new RetryableError(`Network error fetching ${url}: ${code ?? message}; retry later.`, { input: url, cause: error });
  }
  if (code === 'ENOTFOUND') {
    return new BadInputError(`Host not found for ${url}; check the URL in the sources file.`, { input: url, cause: error });
  }
  if (code === 'HPE_INVALID_CONSTANT' || (code ?? '').startsWith('HPE_')) {
    return new BadInputError(`Broken HTTP response from ${url}: ${message}; skip this URL.`, { input: url, cause: error });
  }
  return new RetryableError(`Failed fetching ${url}: ${message}; retry later.`, { input: url, cause: error });
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | undefined, now: Date = new Date()): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}
