import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/server/fixture-server.ts';
import { BadInputError, RefusedError, RetryableError } from '../../../core/errors.ts';
import { DEFAULT_CRAWL_OPTIONS } from '../../../pipelines/crawl/crawl-options.ts';
import { createHttpFetcher, parseRetryAfter, type Fetcher } from '../../../pipelines/crawl/fetcher.ts';

const MB = 1024 * 1024;

describe('createHttpFetcher against the fixture server', () => {
  let server: FixtureServer;
  let fetcher: Fetcher;

  beforeAll(async () => {
    server = await startFixtureServer();
    fetcher = createHttpFetcher({ ...DEFAULT_CRAWL_OPTIONS, maxBodyBytes: 2 * MB, connectTimeoutMs: 2_000, bodyTimeoutMs: 1_500 });
  });
  afterAll(async () => {
    fetcher.close?.();
    await server.close();
  });

  const get = (path: string) => fetcher.fetch({ url: server.url(path), allowPrivate: true });

  it('fetches a page with its validators and sends our User-Agent', async () => {
    const response = await get('/mainz/aktuelles/pressemitteilungen.php');
    expect(response.status).toBe(200);
    expect(response.headers['etag']).toBeTruthy();
    expect(Buffer.from(response.body).toString('utf8')).toContain('Pressemitteilungen');
    const request = server.requests().find((r) => r.url === '/mainz/aktuelles/pressemitteilungen.php');
    expect(request?.headers['user-agent']).toBe(DEFAULT_CRAWL_OPTIONS.userAgent);
  });

  it('sends If-None-Match and If-Modified-Since and returns a 304 with no body', async () => {
    const first = await get('/mainz/aktuelles/pressemitteilungen.php');
    const second = await fetcher.fetch({
      url: server.url('/mainz/aktuelles/pressemitteilungen.php'),
      allowPrivate: true,
      etag: first.headers['etag'] ?? null,
      lastModified: first.headers['last-modified'] ?? null,
    });
    expect(second.status).toBe(304);
    expect(second.body.byteLength).toBe(0);
  });

  it('follows redirects itself and records every hop and the final URL', async () => {
    const response = await get('/hostile/redirect-chain?hops=3');
    expect(response.status).toBe(200);
    expect(response.redirects).toHaveLength(3);
    expect(response.finalUrl).toBe(server.url('/hostile/redirect-chain?hops=0'));
  });

  it('stops a redirect loop and a chain longer than ten hops', async () => {
    await expect(get('/hostile/redirect-loop/a')).rejects.toThrow(/Redirect loop/);
    await expect(get('/hostile/redirect-loop/a')).rejects.toBeInstanceOf(BadInputError);
    await expect(get('/hostile/redirect-chain?hops=11')).rejects.toThrow(/Too many redirects/);
    expect((await get('/hostile/redirect-chain?hops=10')).status).toBe(200);
  });

  it('refuses a redirect to a non-http scheme', async () => {
    await expect(get('/hostile/redirect?to=file:///etc/passwd')).rejects.toBeInstanceOf(RefusedError);
  });

  it('aborts a body over the cap, with and without Content-Length', async () => {
    await expect(get('/hostile/huge?mb=20')).rejects.toBeInstanceOf(BadInputError);
    await expect(get('/hostile/huge?mb=20&chunked=1')).rejects.toThrow(/over the cap/);
  });

  it('decompresses as a stream and stops a gzip bomb at the same cap', async () => {
    const error = await get('/hostile/gzip-bomb?mb=64').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as Error).message).toMatch(/decompresses \(gzip\)/);
  });

  it('times out a stalled server and a trickling body as retryable', async () => {
    await expect(get('/hostile/stall')).rejects.toBeInstanceOf(RetryableError);
    await expect(get('/hostile/trickle')).rejects.toThrow(/Timed out/);
    await expect(get('/hostile/partial-headers')).rejects.toBeInstanceOf(RetryableError);
  });

  it('reports reset connections as retryable', async () => {
    await expect(get('/hostile/reset')).rejects.toBeInstanceOf(RetryableError);
    await expect(get('/hostile/reset-mid-body')).rejects.toBeInstanceOf(RetryableError);
  });

  it('returns throttling answers for the caller to retry', async () => {
    const response = await get('/hostile/rate-limited?k=fetcher');
    expect(response.status).toBe(429);
    expect(parseRetryAfter(response.headers['retry-after'])).toBe(1);
  });
});

describe('createHttpFetcher with its own server', () => {
  let server: Server;
  let origin: string;
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/gzip') {
        const body = gzipSync(Buffer.from('<html><body>Gzip ist entpackt.</body></html>'));
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': body.length });
        res.end(body);
        return;
      }
      if (req.url === '/broken-gzip') {
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
        res.end(Buffer.from('this is not gzip at all'));
        return;
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('decodes a gzip body and rejects a corrupt one as bad input', async () => {
    const fetcher = createHttpFetcher(DEFAULT_CRAWL_OPTIONS);
    try {
      const ok = await fetcher.fetch({ url: `${origin}/gzip`, allowPrivate: true });
      expect(Buffer.from(ok.body).toString()).toContain('Gzip ist entpackt.');
      await expect(fetcher.fetch({ url: `${origin}/broken-gzip`, allowPrivate: true })).rejects.toBeInstanceOf(BadInputError);
    } finally {
      fetcher.close?.();
    }
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = new Date('2024-03-01T08:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Fri, 01 Mar 2024 08:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
