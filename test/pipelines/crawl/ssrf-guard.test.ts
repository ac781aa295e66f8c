// Loopback only: every request in this file is aimed at 127.0.0.1 or a name that resolves to it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/server/fixture-server.ts';
import { RefusedError } from '../../../core/errors.ts';
import { DEFAULT_CRAWL_OPTIONS } from '../../../pipelines/crawl/crawl-options.ts';
import { createHttpFetcher, type Fetcher } from '../../../pipelines/crawl/fetcher.ts';
import { isNonPublicAddress } from '../../../pipelines/crawl/ssrf-guard.ts';

describe('isNonPublicAddress', () => {
  // Pure classification: no address here is ever connected to.
  it.each([
    '127.0.0.1', '127.255.255.254', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254',
    '100.64.0.1', '100.127.255.255', '0.0.0.0', '0.1.2.3', '224.0.0.1', '255.255.255.255', '198.18.0.1',
    '::1', '::', 'fc00::1', 'fd12:3456::1', 'fe80::1', 'fe80::1%eth0', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1',
    '::ffff:169.254.169.254', '64:ff9b::a9fe:a9fe', '::127.0.0.1', '2002:7f00:1::', 'not-an-ip', '[::1]',
  ])('refuses %s', (address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '2a00:1450:4001::200e', '::ffff:93.184.215.14'])(
    'accepts public %s',
    (address) => {
      expect(isNonPublicAddress(address)).toBe(false);
    },
  );
});

describe('the guarded fetcher (loopback servers only)', () => {
  let entry: FixtureServer;
  let target: FixtureServer;
  let fetcher: Fetcher;

  beforeAll(async () => {
    entry = await startFixtureServer();
    // The second server stands for "an internal service": it counts every hit it gets.
    target = await startFixtureServer();
    fetcher = createHttpFetcher(DEFAULT_CRAWL_OPTIONS);
  });
  afterAll(async () => {
    fetcher.close?.();
    await entry.close();
    await target.close();
  });

  it('refuses a loopback IP literal before connecting', async () => {
    const error = await fetcher.fetch({ url: target.url('/mainz/aktuelles/pressemitteilungen.php'), allowPrivate: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedError);
    expect((error as Error).message).toMatch(/SSRF guard/);
    expect(target.hits()).toBe(0);
  });

  it('refuses an IPv4-mapped IPv6 literal of loopback', async () => {
    const port = new URL(target.origin).port;
    await expect(fetcher.fetch({ url: `http://[::ffff:127.0.0.1]:${port}/`, allowPrivate: false })).rejects.toBeInstanceOf(RefusedError);
    expect(target.hits()).toBe(0);
  });

  it('refuses a host name that resolves to loopback, after DNS resolution', async () => {
    const port = new URL(target.origin).port;
    const error = await fetcher.fetch({ url: `http://localhost:${port}/`, allowPrivate: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedError);
    expect((error as Error).message).toMatch(/resolves to/);
    expect(target.hits()).toBe(0);
  });

  it('re-validates every redirect hop: an allowed server cannot bounce us to another loopback server', async () => {
    const entryHost = new URL(entry.origin).host;
    const to = encodeURIComponent(target.url('/mainz/aktuelles/pressemitteilungen.php'));
    const error = await fetcher
      .fetch({ url: entry.url(`/hostile/redirect?to=${to}`), allowPrivate: [entryHost] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedError);
    expect(entry.hits('/hostile/redirect')).toBe(1);
    expect(target.hits()).toBe(0);
  });

  it('refuses a redirect to localhost by name as well', async () => {
    const entryHost = new URL(entry.origin).host;
    const to = encodeURIComponent(`http://localhost:${new URL(target.origin).port}/`);
    await expect(fetcher.fetch({ url: entry.url(`/hostile/redirect?to=${to}`), allowPrivate: [entryHost] })).rejects.toBeInstanceOf(RefusedError);
    expect(target.hits()).toBe(0);
  });

  it('refuses IPv6 loopback ([::1]) and connects to it only when allowed', async () => {
    let hits = 0;
    const v6 = createServer((_req, res) => {
      hits += 1;
      res.end('ok');
    });
    const listening = await new Promise<boolean>((resolve) => {
      v6.once('error', () => resolve(false));
      v6.listen(0, '::1', () => resolve(true));
    });
    if (!listening) return; // no IPv6 loopback on this machine: nothing to aim at
    try {
      const url = `http://[::1]:${(v6.address() as AddressInfo).port}/`;
      await expect(fetcher.fetch({ url, allowPrivate: false })).rejects.toBeInstanceOf(RefusedError);
      expect(hits).toBe(0);
      expect((await fetcher.fetch({ url, allowPrivate: true })).status).toBe(200);
      expect(hits).toBe(1);
    } finally {
      v6.closeAllConnections();
      await new Promise((resolve) => v6.close(resolve));
    }
  });

  it('connects when the source explicitly allows private targets', async () => {
    const response = await fetcher.fetch({ url: target.url('/mainz/aktuelles/pressemitteilungen.php'), allowPrivate: true });
    expect(response.status).toBe(200);
    expect(target.hits()).toBe(1);
  });
});
