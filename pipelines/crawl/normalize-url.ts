/**
 * One spelling per document: the crawl dedupes and the `documents` table keys on this form.
 */

// Parameters that identify a click, not a page.
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'igshid', 'mc_cid', 'mc_eid',
  '_ga', '_gl', '_hsenc', '_hsmi', 'mkt_tok', 'oly_anon_id', 'oly_enc_id', 'vero_id', 'wt_mc', 'wt.mc_id', 'pk_campaign',
  'pk_kwd', 'pk_source', 'pk_medium', 'piwik_campaign', 'piwik_kwd', 'ref_src', 'spm', 'share',
]);
const TRACKING_PREFIXES = ['utm_', 'mtm_', 'pk_', 'hsa_'];

/**
 * Normalises an http(s) URL: lower-case scheme and host, no default port, no fragment, no
 * tracking parameters, sorted query, no trailing slash (except the root), `.`/`..` resolved.
 * Returns null for anything that is not an absolute http(s) URL.
 */
export function normalizeUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = base === undefined ? new URL(input.trim()) : new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  // WHATWG URL already lower-cases the host and drops default ports; strip a trailing dot too.
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const kept = [...url.searchParams.entries()].filter(([key]) => !isTrackingParam(key));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  return url.toString();
}

function isTrackingParam(key: string): boolean {
  const lower = key.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

/** Host with port as the crawl compares it (`example.org`, `127.0.0.1:8080`). */
export function hostOf(url: string): string {
  return new URL(url).host;
}

/** The URL as fetched: as discovered, minus the fragment (never sent to a server). */
export function stripFragment(url: string): string {
  const index = url.indexOf('#');
  return index === -1 ? url : url.slice(0, index);
}

/**
 * The URL to request for a discovered link: without fragment and tracking parameters, which never
 * change the page, so the same document is fetched by the same URL whichever link found it first.
 * Path and the other parameters stay as linked: a server may care about a trailing slash.
 */
export function requestUrl(input: string): string {
  const url = new URL(stripFragment(input));
  const kept = [...url.searchParams.entries()].filter(([key]) => !isTrackingParam(key));
  if (kept.length !== [...url.searchParams.keys()].length) url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  return url.toString();
}
