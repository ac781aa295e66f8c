import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshPglite } from '../../support/services.ts';
import type { Database } from '../../../sql/database.ts';
import { BadInputError, RefusedError } from '../../../core/errors.ts';
import { ingestDocument } from '../../../pipelines/crawl/ingest-document.ts';
import { articlePage, releaseText, startTestSite, type TestSite } from './test-site.ts';

describe('ingestDocument', () => {
  let database: Database;
  let dir: string;
  let site: TestSite;

  beforeEach(async () => {
    database = await freshPglite();
    dir = await mkdtemp(join(tmpdir(), 'isa-ingest-'));
    site = await startTestSite({ '/pm.html': { body: articlePage('Pressemitteilung', releaseText('die Kooperation', 5)) } });
  });
  afterEach(async () => {
    await site.close();
    await rm(dir, { recursive: true, force: true });
    await database.close();
  });

  it('stores a file under its file:// URL and adds nothing for the same bytes again', async () => {
    const path = join(dir, 'mitteilung.html');
    await writeFile(path, articlePage('Mitteilung per Mail', releaseText('die Partnerschaft', 3)));
    const first = await ingestDocument({ db: database.db }, { runId: null, input: path });
    expect(first).toMatchObject({ url: pathToFileURL(path).toString(), outcome: 'new' });
    const again = await ingestDocument({ db: database.db }, { runId: null, file: path });
    expect(again).toMatchObject({ outcome: 'unchanged', versionId: first.versionId });
    expect(await database.db.selectFrom('document_versions').select('id').execute()).toHaveLength(1);
  });

  it('stores a mailed file under the URL it was published at, with the date its sender gives', async () => {
    const path = join(dir, 'anhang.html');
    await writeFile(path, articlePage('Mitteilung per Mail', releaseText('die Partnerschaft', 3)));
    const result = await ingestDocument({ db: database.db }, { runId: null, file: path, documentUrl: 'https://www.stadt.example/presse/2017/04/24/mitteilung.html#top', published: '2019-11-04' });
    expect(result.url).toBe('https://www.stadt.example/presse/2017/04/24/mitteilung.html');
    const stored = await database.db.selectFrom('document_versions').select(['url', 'final_url', 'published', 'published_source']).executeTakeFirstOrThrow();
    expect(stored).toEqual({ url: result.url, final_url: result.url, published: '2019-11-04', published_source: 'stated' });
    // Without a stated date the URL it was published at still dates it.
    const other = join(dir, 'anhang2.html');
    await writeFile(other, articlePage('Zweite Mitteilung', releaseText('die Kooperation', 2)));
    const second = await ingestDocument({ db: database.db }, { runId: null, file: other, documentUrl: 'https://www.stadt.example/presse/2017/04/24/zweite.html' });
    const dated = await database.db.selectFrom('document_versions').select(['published', 'published_source']).where('id', '=', second.versionId).executeTakeFirstOrThrow();
    expect(dated).toEqual({ published: '2017-04-24', published_source: 'url' });
    await expect(ingestDocument({ db: database.db }, { runId: null, file: other, documentUrl: 'mailto:presse@stadt.example' })).rejects.toThrow(/mailto:presse@stadt\.example is not an http\(s\) URL/);
  });

  it('fetches a URL once, through the guard', async () => {
    await expect(ingestDocument({ db: database.db }, { runId: null, input: site.url('/pm.html') })).rejects.toBeInstanceOf(RefusedError);
    expect(site.hits()).toBe(0);
    const result = await ingestDocument({ db: database.db }, { runId: null, input: site.url('/pm.html#x'), allowPrivate: true });
    expect(result).toMatchObject({ url: site.url('/pm.html'), outcome: 'new' });
    expect(site.hits('/pm.html')).toBe(1);
  });

  it('throws bad input for a missing file, an empty one and a 404', async () => {
    await expect(ingestDocument({ db: database.db }, { runId: null, input: join(dir, 'fehlt.pdf') })).rejects.toBeInstanceOf(BadInputError);
    const empty = join(dir, 'leer.txt');
    await writeFile(empty, '');
    await expect(ingestDocument({ db: database.db }, { runId: null, input: empty })).rejects.toThrow(/empty/);
    await expect(ingestDocument({ db: database.db }, { runId: null, input: site.url('/fehlt'), allowPrivate: true })).rejects.toThrow(/HTTP 404/);
  });
});
