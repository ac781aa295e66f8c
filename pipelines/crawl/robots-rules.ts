/**
 * robots.txt per origin, fetched once per crawl through the same guarded fetcher, read by
 * `robots-parser` (spec-compliant wildcards, Allow/Disallow precedence, Crawl-delay) rather than
 * a hand-written matcher.
 */
import robotsParserModule from 'robots-parser';
import { errorMessageOf, RefusedError } from '../../core/errors.ts';
import type { Fetcher, PrivateTargets } from './fetcher.ts';

interface ParsedRobots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
  getSitemaps(): string[];
}

// The package's typings describe an ES default export; at runtime (CommonJS) the default import
// is the function itself.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => ParsedRobots;

export interface RobotsRules {
  /** Whether the user agent may fetch `url` (same origin as the robots.txt). */
  isAllowed(url: string): boolean;
  /** Crawl-delay for our user agent, in milliseconds, if the file sets one. */
  crawlDelayMs: number | null;
  /** Sitemaps the file lists. */
  sitemaps: string[];
  /** Why the rules are what they are, for the log: `robots.txt`, `no robots.txt (404)`, … */
  basis: string;
  /**
   * Set when robots.txt could not be read (unreachable, or a 5xx): every URL of the origin is
   * disallowed for this crawl, and the crawl fails them with this reason instead of skipping them
   * silently (a host that is down must not look like a quiet night).
   */
  unavailable: string | null;
  /** Whether the host answered at all (any HTTP status): false when it is down or unreachable. */
  reached: boolean;
}

/**
 * Fetches and reads an origin's robots.txt (RFC 9309): a 4xx means no rules; a 5xx or an
 * unreachable file means "disallow all" until a later crawl can read it. Throws RefusedError
 * when the guard refuses the origin itself.
 */
export async function fetchRobotsRules(fetcher: Fetcher, origin: string, options: { userAgentToken: string; allowPrivate: PrivateTargets }): Promise<RobotsRules> {
  const robotsUrl = new URL('/robots.txt', origin).toString();
  try {
    const response = await fetcher.fetch({ url: robotsUrl, allowPrivate: options.allowPrivate, accept: 'text/plain,*/*;q=0.5' });
    if (response.status >= 400 && response.status < 500) return allowAll(`no robots.txt (${response.status})`);
    if (response.status < 200 || response.status >= 300) return disallowAll(`robots.txt answered ${response.status}`, true);
    return readRobots(robotsUrl, Buffer.from(response.body).toString('utf8'), options.userAgentToken);
  } catch (error) {
    // A refusal (SSRF guard, scheme) is ours, not the site's: let each URL fail with its reason.
    if (error instanceof RefusedError) throw error;
    return disallowAll(`robots.txt unreachable: ${errorMessageOf(error)}`, false);
  }
}

/** Reads a robots.txt body for one user-agent token. */
export function readRobots(robotsUrl: string, text: string, userAgentToken: string): RobotsRules {
  const robots = robotsParser(robotsUrl, text);
  const delay = robots.getCrawlDelay(userAgentToken);
  return {
    // undefined means "another origin": not ours to judge, the crawl checks that origin's file.
    isAllowed: (url) => robots.isAllowed(url, userAgentToken) !== false,
    crawlDelayMs: typeof delay === 'number' && Number.isFinite(delay) ? delay * 1000 : null,
    sitemaps: robots.getSitemaps(),
    basis: 'robots.txt',
    unavailable: null,
    reached: true,
  };
}

function allowAll(basis: string): RobotsRules {
  return { isAllowed: () => true, crawlDelayMs: null, sitemaps: [], basis, unavailable: null, reached: true };
}

function disallowAll(basis: string, reached: boolean): RobotsRules {
  return { isAllowed: () => false, crawlDelayMs: null, sitemaps: [], basis, unavailable: basis, reached };
}
