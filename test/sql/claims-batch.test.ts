import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/database.ts';
import type { Claim } from '../../core/claim.ts';
import { storeExtraction, storeExtractions } from '../../sql/queries/claims.ts';
import { storeDocumentVersions } from '../../sql/queries/documents.ts';
import type { ParsedDocument } from '../../core/parsed-document.ts';
import { DATABASES } from '../support/services.ts';

const parsed = (text: string): ParsedDocument => ({ format: 'html', title: 't', published: null, publishedSource: null, language: 'de', text, captions: [], warnings: [], links: [] }) as unknown as ParsedDocument;

function eventClaim(quote: string, n: number): Claim {
  return { kind: 'event', type: 'meeting', subject: 'ISA', date: null, place: `Ort ${n}`, ordinal: null, evidence: { quote, start: 0, end: quote.length }, provenance: { rule: 'test/event', implied: ['date'] } };
}

for (const { name, open, available } of DATABASES) {
  describe.skipIf(!available)(`batched writes on ${name}`, () => {
    let database: Database;
    beforeEach(async () => {
      database = await open();
    }, 180_000);
    afterEach(async () => {
      await database.close();
    });

    async function versions(n: number): Promise<string[]> {
      const stored = await storeDocumentVersions(
        database.db,
        Array.from({ length: n }, (_, i) => ({
          fetched: { runId: null, url: `http://batch.example/${i}`, sourceId: null, finalUrl: `http://batch.example/${i}`, httpStatus: 200, contentType: 'text/html', etag: null, lastModified: null, contentHash: `h${i}`, fetchedAt: new Date('2024-05-01T00:00:00Z'), body: new TextEncoder().encode(`<p>${i}</p>`) },
          parsed: parsed(`Text ${i}`),
        })),
      );
      expect(stored.map((s) => s.ok && s.outcome)).toEqual(Array(n).fill('new'));
      // Bodies go in as base64 decoded by the server: the bytes come back as they were.
      const first = await database.db.selectFrom('document_versions').select(['body', 'body_size']).where('url', '=', 'http://batch.example/0').executeTakeFirstOrThrow();
      expect(Buffer.from(first.body).toString()).toBe('<p>0</p>');
      expect(first.body_size).toBe(8);
      return stored.map((s) => (s.ok ? s.versionId! : ''));
    }

    it('stores many versions and their claims in one batch, in order, with the claim fields intact', async () => {
      const ids = await versions(3);
      const results = await storeExtractions(
        database.db,
        ids.map((versionId, i) => ({ versionId, extractorVersion: 'x1', runId: null, claims: [eventClaim(`Satz ${i}a`, i), eventClaim(`Satz „${i}b“ mit 'Zeichen' {}`, i)] })),
      );
      expect(results).toEqual([{ ok: true, written: true }, { ok: true, written: true }, { ok: true, written: true }]);
      const rows = await database.db.selectFrom('claims').select(['version_id', 'ordinal', 'quote', 'payload', 'provenance', 'rule', 'subject']).orderBy('version_id').orderBy('ordinal').execute();
      expect(rows).toHaveLength(6);
      expect(rows[3]).toMatchObject({ version_id: ids[1], ordinal: 1, quote: "Satz „1b“ mit 'Zeichen' {}", rule: 'test/event', subject: 'ISA' });
      expect(rows[3]!.payload).toMatchObject({ kind: 'event', place: 'Ort 1' });
      expect(rows[3]!.provenance).toEqual({ rule: 'test/event', implied: ['date'] });
      // Idempotent: the same batch again writes nothing.
      expect(await storeExtractions(database.db, ids.map((versionId) => ({ versionId, extractorVersion: 'x1', runId: null, claims: [eventClaim('z', 0)] })))).toEqual(Array(3).fill({ ok: true, written: false }));
      expect(await database.db.selectFrom('claims').select('id').execute()).toHaveLength(6);
    });

    it('one bad version fails alone: the others of its batch are stored, it stores nothing', async () => {
      const ids = await versions(3);
      // Postgres text cannot hold NUL: this version's claims cannot be written.
      const results = await storeExtractions(database.db, [
        { versionId: ids[0]!, extractorVersion: 'x1', runId: null, claims: [eventClaim('gut', 0)] },
        { versionId: ids[1]!, extractorVersion: 'x1', runId: null, claims: [eventClaim('schlecht\u0000', 1)] },
        { versionId: ids[2]!, extractorVersion: 'x1', runId: null, claims: [eventClaim('auch gut', 2)] },
      ]);
      expect(results.map((r) => r.ok)).toEqual([true, false, true]);
      const extracted = await database.db.selectFrom('extractions').select('version_id').orderBy('version_id').execute();
      expect(extracted.map((e) => e.version_id)).toEqual([ids[0], ids[2]]);
      expect((await database.db.selectFrom('claims').select('quote').orderBy('id').execute()).map((c) => c.quote)).toEqual(['gut', 'auch gut']);
      // The single-version path is the same code.
      expect(await storeExtraction(database.db, { versionId: ids[1]!, extractorVersion: 'x1', runId: null, claims: [eventClaim('repariert', 1)] })).toBe(true);
    });

    it('a version batch with one document equal to its latest version stores that one as unchanged', async () => {
      const [first] = await versions(1);
      const again = await storeDocumentVersions(database.db, [
        { fetched: { runId: null, url: 'http://batch.example/0', sourceId: null, finalUrl: 'http://batch.example/0', httpStatus: 200, contentType: 'text/html', etag: '"e"', lastModified: null, contentHash: 'h0', fetchedAt: new Date(), body: new Uint8Array([1]) }, parsed: parsed('x') },
        { fetched: { runId: null, url: 'http://batch.example/9', sourceId: null, finalUrl: 'http://batch.example/9', httpStatus: 200, contentType: 'text/html', etag: null, lastModified: null, contentHash: 'h9', fetchedAt: new Date(), body: new Uint8Array([2]) }, parsed: parsed('y') },
      ]);
      expect(again.map((s) => s.ok && s.outcome)).toEqual(['unchanged', 'new']);
      expect(first).toBeTruthy();
      const doc = await database.db.selectFrom('documents').select('etag').where('url', '=', 'http://batch.example/0').executeTakeFirstOrThrow();
      expect(doc.etag).toBe('"e"');
    });
  });
}
