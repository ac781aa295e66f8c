/**
 * Crawl cost on loopback, measured against a peer in the same run: a generated press site of
 * real-size pages (~50 KB) served from a child process, crawled
 *   1. by a bare crawlee CheerioCrawler doing fetch + parse + main text (the peer),
 *   2. by `crawlSource` into PGlite (memory), first night and an unchanged night,
 *   3. by `crawlSource` into Postgres (when DATABASE_URL is set), with the backends' CPU,
 * printing CPU per page and the ratio to the peer (issue 10.6: ≤ 1.5×). Then the write paths:
 * claim rows per second, batched and one version per transaction (10.5: ≥ 15,000/s on Postgres,
 * ≥ 10,000/s on PGlite), and PGlite's bytea parameter path against a base64 text parameter.
 *
 *   npx tsx bench/crawl-bench.ts [--pages 2000] [--concurrency 8] [--claims-versions 2000]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { CheerioCrawler, Configuration, Log, LogLevel } from '@crawlee/cheerio';
import { MemoryStorage } from '@crawlee/memory-storage';
import type { Database } from '../sql/database.ts';
import { crawlSource, type CrawlResult } from '../pipelines/crawl/crawl-source.ts';
import { sourceSchema } from '../core/source-config.ts';
// The write bench names this process's Postgres connections (PGAPPNAME), so backend CPU is only ours.
import { backendCpuSeconds, claimWrites, freshBenchDatabase } from './write-bench.ts';
import { PER_LISTING, startGeneratedSite } from './generated-press-site.ts';

export interface CrawlBenchOptions {
  /** Releases on the generated site. @defaultValue 2000 */
  pages?: number;
  /** Requests in flight (and per host: the site is one host). @defaultValue 8 */
  concurrency?: number;
  /** Versions whose claims the write bench stores (10 claims each). @defaultValue 2000 */
  claimsVersions?: number;
}

/** CPU seconds of this process (all its threads) while `task` runs. */
async function measure<T>(task: () => Promise<T>): Promise<{ result: T; cpuSeconds: number; wallSeconds: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await task();
  const cpu = process.cpuUsage(cpu0);
  return { result, cpuSeconds: (cpu.user + cpu.system) / 1e6, wallSeconds: (performance.now() - t0) / 1000 };
}

/** The peer: CheerioCrawler fetches, cheerio parses, main text is the article's (or body's) text without chrome. */
async function bareCheerio(origin: string, pages: number, concurrency: number): Promise<number> {
  let texts = 0;
  const config = new Configuration({ persistStorage: false, storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }), systemInfoIntervalMillis: 30_000 });
  const crawler = new CheerioCrawler(
    {
      maxConcurrency: concurrency,
      minConcurrency: concurrency,
      useSessionPool: false,
      log: new Log({ level: LogLevel.OFF }),
      statusMessageLoggingInterval: 3600,
      autoscaledPoolOptions: { maybeRunIntervalSecs: 0.02, loggingIntervalSecs: null },
      requestHandler: async ({ $, request, enqueueLinks }) => {
        if (request.label === 'listing') {
          await enqueueLinks({ selector: 'main ul a', label: 'document' });
          await enqueueLinks({ selector: 'nav.pagination a', label: 'listing' });
          return;
        }
        $('script, style, nav, header, footer, aside').remove();
        const main = $('main article').first();
        const text = (main.length ? main : $('body')).text().replace(/\s+/g, ' ').trim();
        if (text.length > 0) texts++;
      },
    },
    config,
  );
  await crawler.run([{ url: `${origin}/presse/liste?seite=1`, label: 'listing' }]);
  await config.getEventManager().close();
  if (texts !== pages) console.log(`  (bare crawler read ${texts} of ${pages} pages)`);
  return texts;
}

function benchSource(origin: string, pages: number) {
  return sourceSchema.parse({
    id: 'bench',
    name: 'Generated press site',
    organisation: 'Bench',
    startUrls: [{ url: `${origin}/presse/liste?seite=1`, type: 'listing' }],
    follow: ['/presse/meldungen/*'],
    maxPages: pages + Math.ceil(pages / PER_LISTING) + 10,
    allowPrivate: true,
  });
}

interface NightFigures {
  cpuSeconds: number;
  wallSeconds: number;
  backendCpuSeconds: number;
  result: CrawlResult;
}

async function crawlNight(database: Database, origin: string, pages: number, concurrency: number, postgresUrl: string | null): Promise<NightFigures> {
  const before = postgresUrl ? await backendCpuSeconds(postgresUrl) : 0;
  const options = { hostDelayMs: 0, maxConcurrency: concurrency, perHostConcurrency: concurrency };
  const { result, cpuSeconds, wallSeconds } = await measure(() => crawlSource({ db: database.db }, { runId: null, source: benchSource(origin, pages), options }));
  const after = postgresUrl ? await backendCpuSeconds(postgresUrl) : 0;
  return { result, cpuSeconds, wallSeconds, backendCpuSeconds: after - before };
}


/** PGlite: 50 KB bodies as a bytea parameter vs as base64 text decoded by the server. */
async function byteaPaths(database: Database, count: number): Promise<{ paramMs: number; base64Ms: number }> {
  await sql`create temporary table bench_bodies (b bytea)`.execute(database.db);
  const body = new Uint8Array(50_000).map((_, i) => (i * 31) & 0xff);
  const t0 = performance.now();
  for (let i = 0; i < count; i++) await sql`insert into bench_bodies (b) values (${body})`.execute(database.db);
  const t1 = performance.now();
  for (let i = 0; i < count; i++) await sql`insert into bench_bodies (b) values (decode(${Buffer.from(body).toString('base64')}, 'base64'))`.execute(database.db);
  const t2 = performance.now();
  await sql`drop table bench_bodies`.execute(database.db);
  return { paramMs: (t1 - t0) / count, base64Ms: (t2 - t1) / count };
}


/** Runs the crawl bench and prints its figures. */
export async function runCrawlBench(options: CrawlBenchOptions = {}): Promise<void> {
  const pages = options.pages ?? 2000;
  const concurrency = options.concurrency ?? 8;
  const postgresUrl = process.env.DATABASE_URL || null;
  const site = await startGeneratedSite({ pages });
  const perPage = (cpu: number) => `${((cpu / pages) * 1000).toFixed(1)} ms CPU/page`;
  try {
    console.log(`crawl bench: ${pages} releases of ~50 KB + ${Math.ceil(pages / PER_LISTING)} listings on loopback, concurrency ${concurrency}; site served by a child process`);
    const bare = await measure(() => bareCheerio(site.origin, pages, concurrency));
    console.log(`  bare CheerioCrawler (fetch + cheerio + main text): ${bare.cpuSeconds.toFixed(1)} CPU-s, ${perPage(bare.cpuSeconds)}, ${bare.wallSeconds.toFixed(1)} s wall`);

    for (const url of postgresUrl ? [null, postgresUrl] : [null]) {
      const name = url ? 'Postgres' : 'PGlite (memory)';
      const { database, close } = await freshBenchDatabase(url);
      try {
        const first = await crawlNight(database, site.origin, pages, concurrency, url);
        const cpu = first.cpuSeconds + first.backendCpuSeconds;
        console.log(
          `  crawlSource into ${name}, first night: ${first.cpuSeconds.toFixed(1)} CPU-s${url ? ` + ${first.backendCpuSeconds.toFixed(1)} backend` : ''}, ${perPage(cpu)}, ${first.wallSeconds.toFixed(1)} s wall, ratio to bare ${(cpu / bare.cpuSeconds).toFixed(2)}×  ${JSON.stringify(first.result.counts)}`,
        );
        const second = await crawlNight(database, site.origin, pages, concurrency, url);
        console.log(
          `  crawlSource into ${name}, unchanged night: ${(second.cpuSeconds + second.backendCpuSeconds).toFixed(1)} CPU-s, ${second.wallSeconds.toFixed(1)} s wall  ${JSON.stringify(second.result.counts)}`,
        );
        const claims = await claimWrites(database, options.claimsVersions ?? 2000, url);
        console.log(
          `  claim writes into ${name}: ${claims.batchedRowsPerSecond.toFixed(0)} rows/s batched (500 versions per transaction; ${claims.batchedRowsPerCpuSecond.toFixed(0)} rows per CPU-s${url ? ' incl. backends' : ''}), ${claims.singleRowsPerSecond.toFixed(0)} rows/s one version per transaction, ×${(claims.batchedRowsPerSecond / claims.singleRowsPerSecond).toFixed(1)}`,
        );
        if (!url) {
          const bytea = await byteaPaths(database, 200);
          console.log(`  PGlite bytea, one 50 KB body: ${bytea.paramMs.toFixed(2)} ms as a bytea parameter, ${bytea.base64Ms.toFixed(2)} ms as base64 text decoded in SQL`);
        }
      } finally {
        await close();
      }
    }
    if (!postgresUrl) console.log('  (set DATABASE_URL for the Postgres figures)');
  } finally {
    await site.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { pages: { type: 'string' }, concurrency: { type: 'string' }, 'claims-versions': { type: 'string' } } });
  await runCrawlBench({
    ...(values.pages ? { pages: Number(values.pages) } : {}),
    ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}),
    ...(values['claims-versions'] ? { claimsVersions: Number(values['claims-versions']) } : {}),
  });
}
