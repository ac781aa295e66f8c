import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../fixtures/server/fixture-server.ts';
import { freshPglite } from '../../support/services.ts';
import type { Database } from '../../../sql/database.ts';
import { crawlSource, type CrawlResult } from '../../../pipelines/crawl/crawl-source.ts';
import { loadSourcesFile } from '../../../pipelines/crawl/sources-file.ts';
import type { Source } from '../../../core/source-config.ts';

// The bundled sources file against the fixture sites: generation 1, the same again, then
// generation 2 with a changed, a new, a 404 and a 410 release (fixtures/README.md).
describe('crawlSource over the fixture sites', () => {
  let server: FixtureServer;
  let database: Database;
  let sources: Source[];
  const runs: Array<Map<string, CrawlResult>> = [];

  const crawlAll = async () => {
    const results = new Map<string, CrawlResult>();
    for (const source of sources) results.set(source.id, await crawlSource({ db: database.db }, { runId: null, source, options: { hostDelayMs: 0 } }));
    runs.push(results);
    return results;
  };

  beforeAll(async () => {
    server = await startFixtureServer();
    database = await freshPglite();
    sources = await loadSourcesFile(new URL('../../../fixtures/sources.yaml', import.meta.url).pathname, { FIXTURES: server.origin });
    await crawlAll();
    await crawlAll();
    server.setGeneration(2);
    await crawlAll();
  });
  afterAll(async () => {
    await database.close();
    await server.close();
  });

  const nuernberg = (run: number) => runs[run]!.get('nuernberg')!;
  const url = (path: string) => server.url(path);

  it('stores every seed page of the fixture hosts', async () => {
    const stored = await database.db.selectFrom('documents').select('url').execute();
    const urls = stored.map((d) => d.url);
    for (const path of [
      '/wuppertal/wirtschaft-arbeit/china/kooperationen.php',
      '/koeln/wirtschaft/neuer-brueckenschlag-nach-china-koeln-tritt-chinesisch-deutscher-industriestaedteallianz-bei',
      '/nrwheute/chongqing-und-duesseldorf-feiern-20-jahre-staedtepartnerschaftsfreundschaft',
      '/mainz/aktuelles/pressemitteilungen/mainz-will-der-industriestaedteallianz-beitreten.php',
      '/mainz/dokumente/pm-2019-11-04-isa-delegationsreise-foshan.pdf',
    ]) {
      expect(urls).toContain(url(path));
    }
  });

  it('finds every Nürnberg release once: pagination, sitemap index, feed with tracking parameters, a topic page with URL variants', () => {
    expect(nuernberg(0).counts).toMatchObject({ new: 11, failed: 0 });
    expect(server.hits('/nuernberg/presse/seite/3/')).toBeGreaterThan(0);
  });

  it('never fetches what robots.txt forbids', () => {
    expect(server.hits('/nuernberg/intern/')).toBe(0);
  });

  it('a second run over unchanged sites stores nothing new', () => {
    for (const result of runs[1]!.values()) {
      expect(result.versionIds).toEqual([]);
      expect(result.counts.new + result.counts.changed).toBe(0);
    }
  });

  it('generation 2: the changed release is a new version, the new one is new, 404 and 410 are gone', async () => {
    expect(nuernberg(2).counts).toMatchObject({ new: 1, changed: 1, gone: 2, failed: 0 });
    // The fetch log holds what the server answered; the document row holds that it is gone.
    const gone = await database.db.selectFrom('documents as d').innerJoin('fetches as f', 'f.document_id', 'd.id')
      .select(['d.url', 'f.http_status as last_http_status']).where('d.status', '=', 'gone').where('f.outcome', '=', 'gone').orderBy('d.url').execute();
    expect(gone).toEqual([
      { url: url('/nuernberg/presse/mitteilungen/ausschreibung-dolmetscherleistungen-chinesisch.html'), last_http_status: 410 },
      { url: url('/nuernberg/presse/mitteilungen/ausstellung-shenzhen-stadt-im-wandel.html'), last_http_status: 404 },
    ]);
    const changed = await database.db
      .selectFrom('document_versions as v')
      .innerJoin('documents as d', 'd.id', 'v.document_id')
      .select('v.clean_text')
      .where('d.url', '=', url('/nuernberg/presse/mitteilungen/isa-jahrestreffen-hannover-messe-2020.html'))
      .orderBy('v.id')
      .execute();
    expect(changed).toHaveLength(2);
  });

  it('an archive URL that redirects is the release it redirects to', async () => {
    const archive = await database.db.selectFrom('documents').select('url').where('url', 'like', '%/presse/archiv/%').execute();
    expect(archive).toEqual([]);
    const version = await database.db
      .selectFrom('document_versions')
      .select(['url', 'final_url'])
      .where('url', '=', url('/nuernberg/presse/mitteilungen/nuernberg-gruendungsmitglied-der-industriestaedteallianz.html'))
      .executeTakeFirstOrThrow();
    expect(version.final_url).toBe(version.url);
  });
});
