import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/database.ts';
import type { Claim } from '../../core/claim.ts';
import type { ParsedDocument } from '../../core/parsed-document.ts';
import { currentClaims, storeExtraction, versionsAwaitingExtraction } from '../../sql/queries/claims.ts';
import { findDocument, storeDocumentVersion, type FetchedBody } from '../../sql/queries/documents.ts';
import { startRun } from '../../sql/queries/runs.ts';
import { DATABASES } from '../support/services.ts';

const URL_A = 'http://current.example/meldung';
const parsed = (text: string): ParsedDocument => ({ format: 'html', title: 't', published: null, publishedSource: null, language: 'de', text, captions: [], warnings: [], links: [] }) as unknown as ParsedDocument;
const count = (n: number): Claim => ({
  kind: 'member_count', subject: 'ISA', country: 'DE', count: n, qualifier: 'exact', unit: 'cities', scope: 'current', asOf: null,
  evidence: { quote: `${n} Städte`, start: 0, end: 9 },
});
const fetched = (runId: string, hash: string, at: string): FetchedBody => ({
  runId, url: URL_A, sourceId: null, finalUrl: URL_A, httpStatus: 200, contentType: 'text/html', etag: null, lastModified: null,
  contentHash: hash, fetchedAt: new Date(at), body: new TextEncoder().encode(`<p>${hash}</p>`),
});

for (const { name, open, available } of DATABASES) {
  describe.skipIf(!available)(`a document's current version on ${name}`, () => {
    let database: Database;
    beforeEach(async () => {
      database = await open();
    }, 180_000);
    afterEach(async () => {
      await database.close();
    });

    it('a body that returns to an older version makes that version current and keeps every fetch in the history', async () => {
      const db = database.db;
      const runs = [await startRun(db, 'test', {}), await startRun(db, 'test', {}), await startRun(db, 'test', {})];
      const first = await storeDocumentVersion(db, fetched(runs[0]!, 'A', '2026-01-01T00:00:00Z'), parsed('Die Allianz zählt 40 Städte.'));
      await storeExtraction(db, { versionId: first.versionId!, extractorVersion: 'x1', claims: [count(40)], runId: runs[0]! });
      const second = await storeDocumentVersion(db, fetched(runs[1]!, 'B', '2026-02-01T00:00:00Z'), parsed('Die Allianz zählt 50 Städte.'));
      await storeExtraction(db, { versionId: second.versionId!, extractorVersion: 'x1', claims: [count(50)], runId: runs[1]! });
      expect((await currentClaims(db, 'x1')).map((c) => (c.claim as { count: number }).count)).toEqual([50]);

      const third = await storeDocumentVersion(db, fetched(runs[2]!, 'A', '2026-03-01T00:00:00Z'), parsed('Die Allianz zählt 40 Städte.'));
      expect([first.outcome, second.outcome, third.outcome]).toEqual(['new', 'changed', 'changed']);
      // The third fetch found A again: A is current, no third version, and A's own fetch time is its first.
      expect(third.versionId).toBe(first.versionId);
      const document = await db.selectFrom('documents').select(['id', 'current_version_id']).where('url', '=', URL_A).executeTakeFirstOrThrow();
      expect(String(document.current_version_id)).toBe(third.versionId);
      const versions = await db.selectFrom('document_versions').select(['id', 'content_hash', 'fetched_at']).orderBy('id').execute();
      expect(versions.map((v) => [v.content_hash, new Date(v.fetched_at).toISOString()])).toEqual([['A', '2026-01-01T00:00:00.000Z'], ['B', '2026-02-01T00:00:00.000Z']]);
      // History: three fetches, in order, each naming the version it found.
      const history = await db.selectFrom('fetches').select(['run_id', 'outcome', 'version_id']).where('document_id', '=', document.id).orderBy('id').execute();
      expect(history.map((h) => [String(h.run_id), h.outcome, String(h.version_id)])).toEqual([
        [runs[0], 'new', first.versionId],
        [runs[1], 'changed', second.versionId],
        [runs[2], 'changed', first.versionId],
      ]);
      // What stands now is A's content: its claims, and it needs no new extraction.
      const claims = await currentClaims(db, 'x1');
      expect(claims.map((c) => [(c.claim as { count: number }).count, c.versionId])).toEqual([[40, first.versionId]]);
      expect(await versionsAwaitingExtraction(db, 'x1')).toEqual([]);
      expect(await versionsAwaitingExtraction(db, 'x2')).toEqual([first.versionId]);
      // The next crawl compares against A: the same body again is unchanged.
      expect((await findDocument(db, URL_A))?.latestHash).toBe('A');
      expect((await storeDocumentVersion(db, fetched(runs[2]!, 'A', '2026-03-02T00:00:00Z'), parsed('x'))).outcome).toBe('unchanged');
    });

    it('a version inserted by hand newer than the current one becomes current; an older one does not', async () => {
      const db = database.db;
      const document = await db.insertInto('documents').values({ url: URL_A }).returning('id').executeTakeFirstOrThrow();
      const insert = (hash: string, at: string) =>
        db.insertInto('document_versions').values({
          document_id: document.id, url: URL_A, final_url: URL_A, http_status: 200, content_type: 'text/html', etag: null, last_modified: null, content_hash: hash,
          fetched_at: at, body: new Uint8Array(), body_size: 0, format: 'html', title: null, published: null, published_source: null, language: 'de', clean_text: hash,
          captions: '[]', parse_warnings: '[]', run_id: null,
        }).returning('id').executeTakeFirstOrThrow();
      const current = () => db.selectFrom('documents').select('current_version_id').where('id', '=', document.id).executeTakeFirstOrThrow().then((d) => String(d.current_version_id));
      const march = await insert('M', '2026-03-01T00:00:00Z');
      expect(await current()).toBe(String(march.id));
      await insert('J', '2026-01-01T00:00:00Z');
      expect(await current()).toBe(String(march.id));
      const may = await insert('Y', '2026-05-01T00:00:00Z');
      expect(await current()).toBe(String(may.id));
    });
  });
}
