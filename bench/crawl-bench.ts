/**
 * Crawl throughput on loopback: a generated press site (paginated listing, a few thousand
 * releases) crawled into PGlite in memory, then crawled again unchanged. Prints pages per second
 * for the first crawl and what the second costs relative to it.
 *
 *   npx tsx bench/crawl-bench.ts [--pages 3000] [--concurrency 8]
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { migrate, openDatabase } from '../sql/database.ts';
import { crawlSource } from '../pipelines/crawl/crawl-source.ts';
import { sourceSchema } from '../core/source-config.ts';

export interface CrawlBenchOptions {
  /** Releases on the generated site. @defaultValue 3000 */
  pages?: number;
  /** Requests in flight (and per host: the site is one host). @defaultValue 8 */
  concurrency?: number;
}

export interface CrawlBenchResult {
  pages: number;
  firstSeconds: number;
  firstPagesPerSecond: number;
  secondSeconds: number;
  /** Second (unchanged) crawl time as a fraction of the first. */
  secondFraction: number;
  firstCounts: Record<string, number>;
  secondCounts: Record<string, number>;
}

const PER_LISTING = 50;

/** Runs the crawl bench and returns its figures. */
export async function runCrawlBench(options: CrawlBenchOptions = {}): Promise<CrawlBenchResult> {
  const pages = options.pages ?? 3000;
  const concurrency = options.concurrency ?? 8;
  const server = await startGeneratedSite(pages);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    const migrated = await migrate(database.db);
    if (migrated.error) throw migrated.error;
    const source = sourceSchema.parse({
      id: 'bench',
      name: 'Generated press site',
      organisation: 'Bench',
      startUrls: [{ url: `${origin}/presse/liste?seite=1`, type: 'listing' }],
      follow: ['/presse/meldungen/*'],
      maxPages: pages + Math.ceil(pages / PER_LISTING) + 10,
      allowPrivate: true,
    });
    const crawlOptions = { hostDelayMs: 0, maxConcurrency: concurrency, perHostConcurrency: concurrency };
    const t0 = performance.now();
    const first = await crawlSource({ db: database.db }, { runId: null, source, options: crawlOptions });
    const t1 = performance.now();
    const second = await crawlSource({ db: database.db }, { runId: null, source, options: crawlOptions });
    const t2 = performance.now();
    const firstSeconds = (t1 - t0) / 1000;
    const secondSeconds = (t2 - t1) / 1000;
    return {
      pages,
      firstSeconds,
      firstPagesPerSecond: first.pagesFetched / firstSeconds,
      secondSeconds,
      secondFraction: secondSeconds / firstSeconds,
      firstCounts: first.counts,
      secondCounts: second.counts,
    };
  } finally {
    await database.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

// Listings of PER_LISTING links with a "weiter" link, and releases generated from their number;
// ETags let the second crawl ask conditionally, as a real CMS would answer.
function startGeneratedSite(pages: number): Promise<Server> {
  const listings = Math.ceil(pages / PER_LISTING);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://bench.invalid');
    let body: string;
    if (url.pathname === '/presse/liste') {
      const page = Number(url.searchParams.get('seite') ?? '1');
      const from = (page - 1) * PER_LISTING;
      const links = Array.from({ length: Math.max(0, Math.min(PER_LISTING, pages - from)) }, (_, i) => `<li><a href="/presse/meldungen/${from + i}.html">Meldung ${from + i}</a></li>`).join('');
      const next = page < listings ? `<a href="/presse/liste?seite=${page + 1}">weiter</a>` : '';
      body = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Presse Seite ${page}</title></head><body><main><ul>${links}</ul><nav class="pagination">${next}</nav></main></body></html>`;
    } else {
      const match = /^\/presse\/meldungen\/(\d+)\.html$/.exec(url.pathname);
      const n = match ? Number(match[1]) : -1;
      if (n < 0 || n >= pages) {
        res.writeHead(404).end();
        return;
      }
      const etag = `"m-${n}"`;
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, { etag }).end();
        return;
      }
      body = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Meldung ${n}</title></head><body><nav><a href="/">Start</a></nav><main><article><h1>Meldung ${n}: Zusammenarbeit mit Partnerstädten</h1>
<p>Die Stadt teilte am ${(n % 28) + 1}. März mit, dass die Kooperation Nummer ${n} im Rahmen der Chinesisch-Deutschen Industriestädteallianz ausgebaut wird.</p>
<p>Oberbürgermeisterin und Wirtschaftsförderung betonten, die Zusammenarbeit habe sich bewährt. Weitere Informationen erteilt die Pressestelle.</p></article></main><footer>© Stadt</footer></body></html>`;
      res.setHeader('etag', etag);
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { pages: { type: 'string' }, concurrency: { type: 'string' } } });
  const result = await runCrawlBench({
    ...(values.pages ? { pages: Number(values.pages) } : {}),
    ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
  });
  console.log(`crawl bench: ${result.pages} releases + listings on loopback into PGlite (memory)`);
  console.log(`  first crawl:  ${result.firstSeconds.toFixed(1)} s, ${result.firstPagesPerSecond.toFixed(0)} pages/s  ${JSON.stringify(result.firstCounts)}`);
  console.log(`  second crawl (unchanged): ${result.secondSeconds.toFixed(1)} s = ${(result.secondFraction * 100).toFixed(0)} % of the first  ${JSON.stringify(result.secondCounts)}`);
}
