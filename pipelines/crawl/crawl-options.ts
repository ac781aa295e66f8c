/**
 * Options of the crawl stage: who we say we are, how long we wait, how much we accept, how hard
 * we push a host. Each field with its default and, where an operator may want to change it
 * without code, its env var (crawlee's `configuration.ts` pattern).
 */
import { ConfigError } from '../../core/errors.ts';

export interface CrawlOptions {
  /**
   * User-Agent sent with every request and matched against robots.txt (its product token, the
   * part before `/`). Names the project and a contact so a webmaster can reach us.
   * Env: `ISA_USER_AGENT`.
   * @defaultValue `isa-pipeline/0.1 (+https://example.invalid/isa; contact: isa-crawler@example.invalid)`
   */
  userAgent: string;
  /**
   * Milliseconds to establish the TCP/TLS connection.
   * @defaultValue 10000
   */
  connectTimeoutMs: number;
  /**
   * Milliseconds for the whole exchange, from sending the request to the last body byte.
   * @defaultValue 30000
   */
  bodyTimeoutMs: number;
  /**
   * Largest body accepted, in bytes, on the wire and again after decompression (gzip bombs).
   * Env: `ISA_MAX_BODY_BYTES`.
   * @defaultValue 20971520 (20 MiB: municipal PDFs with scans get large)
   */
  maxBodyBytes: number;
  /**
   * Redirect hops followed per request, each re-validated by the SSRF guard.
   * @defaultValue 10
   */
  maxRedirects: number;
  /**
   * Requests in flight for the whole crawl of one source.
   * @defaultValue 4
   */
  maxConcurrency: number;
  /**
   * Requests in flight per host.
   * @defaultValue 2
   */
  perHostConcurrency: number;
  /**
   * Milliseconds between the starts of two requests to the same host; robots.txt `Crawl-delay`
   * raises it (up to `maxCrawlDelayMs`).
   * Env: `ISA_HOST_DELAY_MS`.
   * @defaultValue 250
   */
  hostDelayMs: number;
  /**
   * Upper bound for a robots.txt `Crawl-delay`, so one host cannot stall a run for hours.
   * @defaultValue 30000
   */
  maxCrawlDelayMs: number;
  /**
   * Retries after a retryable failure (timeout, reset, 429, 5xx).
   * @defaultValue 3
   */
  maxRetries: number;
  /**
   * First backoff in milliseconds; doubled on each retry.
   * @defaultValue 500
   */
  retryBaseDelayMs: number;
  /**
   * Cap on any single wait before a retry, including a server's `Retry-After`.
   * @defaultValue 60000
   */
  maxRetryDelayMs: number;
  /**
   * Page budget when the source sets none.
   * @defaultValue 500
   */
  defaultMaxPages: number;
  /**
   * Link hops followed from a document (a press release's PDF attachment is one hop); listings,
   * their pagination, sitemaps and feeds do not count.
   * @defaultValue 2
   */
  maxDepth: number;
  /**
   * Obey robots.txt. Only tests that exercise something else turn this off.
   * @defaultValue true
   */
  respectRobotsTxt: boolean;
}

export const DEFAULT_USER_AGENT = 'isa-pipeline/0.1 (+https://example.invalid/isa; contact: isa-crawler@example.invalid)';

export const DEFAULT_CRAWL_OPTIONS: Readonly<CrawlOptions> = Object.freeze({
  userAgent: DEFAULT_USER_AGENT,
  connectTimeoutMs: 10_000,
  bodyTimeoutMs: 30_000,
  maxBodyBytes: 20 * 1024 * 1024,
  maxRedirects: 10,
  maxConcurrency: 4,
  perHostConcurrency: 2,
  hostDelayMs: 250,
  maxCrawlDelayMs: 30_000,
  maxRetries: 3,
  retryBaseDelayMs: 500,
  maxRetryDelayMs: 60_000,
  defaultMaxPages: 500,
  maxDepth: 2,
  respectRobotsTxt: true,
});

/**
 * Fills in defaults, then env overrides, then the caller's options, and checks the numbers.
 * Throws ConfigError naming the field when a value makes no sense.
 */
export function resolveCrawlOptions(
  options: Partial<CrawlOptions> = {},
  env: Record<string, string | undefined> = {},
): CrawlOptions {
  const fromEnv: Partial<CrawlOptions> = {};
  if (env['ISA_USER_AGENT']) fromEnv.userAgent = env['ISA_USER_AGENT'];
  if (env['ISA_MAX_BODY_BYTES']) fromEnv.maxBodyBytes = Number(env['ISA_MAX_BODY_BYTES']);
  if (env['ISA_HOST_DELAY_MS']) fromEnv.hostDelayMs = Number(env['ISA_HOST_DELAY_MS']);
  const defined = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const resolved: CrawlOptions = { ...DEFAULT_CRAWL_OPTIONS, ...fromEnv, ...defined };
  for (const [key, value] of Object.entries(resolved)) {
    if (typeof value === 'number' && (!Number.isFinite(value) || value < 0)) {
      throw new ConfigError(`Crawl option ${key} must be a non-negative number, got ${String(value)}; fix the option or its env var.`);
    }
  }
  if (resolved.maxConcurrency < 1 || resolved.perHostConcurrency < 1) {
    throw new ConfigError('Crawl options maxConcurrency and perHostConcurrency must be at least 1.');
  }
  if (!resolved.userAgent.trim()) throw new ConfigError('Crawl option userAgent is empty; name the project and a contact.');
  return resolved;
}

/** The robots.txt product token of a User-Agent: `isa-pipeline` for `isa-pipeline/0.1 (…)`. */
export function userAgentToken(userAgent: string): string {
  return (userAgent.split(/[/\s]/)[0] ?? userAgent).trim() || '*';
}
