/**
 * The SSRF guard: which addresses a crawl may connect to. Checked on the address the socket is
 * about to connect to (a custom `lookup`), so a DNS answer cannot change between check and use.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { RefusedError } from '../../core/errors.ts';

// Special-purpose ranges (IANA registries for IPv4 and IPv6) that a public web page never lives in.
const BLOCKED_V4: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
];
const BLOCKED_V6: Array<[string, number]> = [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments (Teredo, ORCHID …)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4 can tunnel to any IPv4, private ones included
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
];

function buildBlockList(): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of BLOCKED_V4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of BLOCKED_V6) list.addSubnet(net, prefix, 'ipv6');
  return list;
}

/** True when `address` is an IP literal in a private, loopback, link-local or otherwise non-public range. */
export function isNonPublicAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 0) return true; // not an address at all: refuse rather than guess
  const list = buildBlockList();
  if (family === 4) return list.check(bare, 'ipv4');
  const embedded = embeddedIpv4(bare);
  if (embedded !== null) return isNonPublicAddress(embedded);
  return list.check(bare, 'ipv6');
}

// IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses
// reach an IPv4 host; judge them by that host.
function embeddedIpv4(v6: string): string | null {
  const groups = expandIpv6(v6);
  if (groups === null) return null;
  const isZero = (from: number, to: number) => groups.slice(from, to).every((g) => g === 0);
  const tail = () => `${groups[6]! >> 8}.${groups[6]! & 255}.${groups[7]! >> 8}.${groups[7]! & 255}`;
  if (isZero(0, 5) && groups[5] === 0xffff) return tail();
  if (isZero(0, 6) && (groups[6] !== 0 || groups[7]! > 1)) return tail();
  if (groups[0] === 0x64 && groups[1] === 0xff9b && isZero(2, 6)) return tail();
  return null;
}

function expandIpv6(v6: string): number[] | null {
  let text = v6.split('%')[0] ?? v6;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const parts = dotted[1]!.split('.').map(Number);
    text = text.slice(0, -dotted[1]!.length) + `${((parts[0]! << 8) | parts[1]!).toString(16)}:${((parts[2]! << 8) | parts[3]!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (tail === undefined ? headGroups.length !== 8 : missing < 0) return null;
  const all = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  const numbers = all.map((g) => parseInt(g, 16));
  return numbers.some((n) => Number.isNaN(n)) ? null : numbers;
}

/**
 * A `lookup` for `http.request` that resolves the host and refuses it when any answer is
 * non-public (one bad answer is enough: the socket may pick it). With `allowPrivate` it only resolves.
 */
export function guardedLookup(allowPrivate: boolean, url: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      if (!allowPrivate) {
        const bad = addresses.find((a) => isNonPublicAddress(a.address));
        if (bad) {
          return callback(refusal(url, `${hostname} resolves to ${bad.address}`), '', 4);
        }
      }
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * Refuses a URL whose host is an IP literal in a non-public range. Node connects to IP literals
 * without calling `lookup`, so they must be checked here.
 */
export function assertPublicLiteral(url: URL, allowPrivate: boolean): void {
  if (allowPrivate) return;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host) !== 0 && isNonPublicAddress(host)) throw refusal(url.toString(), `${host} is a non-public address`);
}

/** Refuses a connected socket whose peer is non-public: the last line, whatever path led there. */
export function assertPublicPeer(remoteAddress: string | undefined, url: string, allowPrivate: boolean): void {
  if (allowPrivate || remoteAddress === undefined) return;
  if (isNonPublicAddress(remoteAddress)) throw refusal(url, `connected peer ${remoteAddress} is a non-public address`);
}

export function refusal(url: string, reason: string): RefusedError {
  return new RefusedError(
    `Refused ${url}: ${reason} (SSRF guard). If this source is meant to be private, set allowPrivate: true for it or pass --allow-private.`,
    { input: url },
  );
}
