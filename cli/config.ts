/** The CLI reads its configuration through core/config.ts; kept so commands import it from beside them. */
import type { CrawlOptions } from '../pipelines/crawl/crawl-options.ts';
import type { Config } from '../core/config.ts';

export { CONFIG_ENV, loadConfig, type Config } from '../core/config.ts';

/** The crawl options the environment sets, for every fetcher a command builds. */
export function crawlOverrides(config: Config): Partial<CrawlOptions> {
  return {
    ...(config.userAgent ? { userAgent: config.userAgent } : {}),
    ...(config.maxBodyBytes !== undefined ? { maxBodyBytes: config.maxBodyBytes } : {}),
    ...(config.hostDelayMs !== undefined ? { hostDelayMs: config.hostDelayMs } : {}),
  };
}
