import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Database } from '../../sql/database.ts';
import { currentClaims, currentClaimsQuery, storeExtraction } from '../../sql/queries/claims.ts';
import type { Claim } from '../../core/claim.ts';
import { DATABASES } from '../support/services.ts';

const count = (n: number, asOf: string | null): Claim => ({
  kind: 'member_count', subject: 'ISA', country: 'DE', count: n, qualifier: 'exact', unit: 'cities', scope: 'current', asOf,
  evidence: { quote: `${n} Städte`, start: 0, end: 9 },
});

async function addVersion(db: Database['db'], url: string, fetchedAt: string, published: string | null = null): Promise<string> {
  const document = await db.insertInto('documents').values({ url }).onConflict((oc) => oc.column('url').doUpdateSet({ url })).returning('id').executeTakeFirstOrThrow();
  const version = await db.insertInto('document_versions').values({
    document_id: document.id, url, final_url: url, http_status: 200, content_type: 'text/html', etag: null, last_modified: null,
    content_hash: `${url}${fetchedAt}`, fetched_at: fetchedAt, body: new Uint8Array(), body_size: 0, format: 'html', title: null, published,
    published_source: null, language: 'de', clean_text: 'x', captions: '[]', parse_warnings: '[]', run_id: null,
  }).returning('id').executeTakeFirstOrThrow();
  return version.id;
}

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }

// Inner sides of nested loops that scan documents by anything but an index: the quadratic shape.
function rescansOfDocuments(node: PlanNode): string[] {
  const found: string[] = [];
  const scans = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(scans)];
  if (node['Node Type'] === 'Nested Loop' && node.Plans?.[1]) {
    for (const inner of scans(node.Plans[1])) if (inner['Relation Name'] === 'documents' && !/Index/.test(inner['Node Type'])) found.push(inner['Node Type']);
  }
  for (const child of node.Plans ?? []) found.push(...rescansOfDocuments(child));
  return found;
}

for (const { name, open, available } of DATABASES) {
  describe.skipIf(!available)(`current claims on ${name}`, () => {
    let database: Database;
    beforeEach(async () => {
      database = await open();
    });
    afterEach(async () => {
      await database.close();
    });

    it('reads the newest version of each document by the preferred extractor, with the newest date its claims mention', async () => {
      const old = await addVersion(database.db, 'http://a.example/1', '2026-01-01T00:00:00Z');
      const current = await addVersion(database.db, 'http://a.example/1', '2026-02-01T00:00:00Z');
      await storeExtraction(database.db, { versionId: old, extractorVersion: 'v1', claims: [count(10, '2017')], runId: null });
      await storeExtraction(database.db, { versionId: current, extractorVersion: 'v1', claims: [count(12, null), count(11, '2018-03')], runId: null });
      await storeExtraction(database.db, { versionId: current, extractorVersion: 'v2', claims: [count(13, null)], runId: null });
      const byV1 = await currentClaims(database.db, 'v1');
      expect(byV1.map((c) => (c.claim as { count: number }).count)).toEqual([12, 11]);
      expect(byV1[0]?.documentDate).toBe('2018-03');
      expect((await currentClaims(database.db, 'v2')).map((c) => (c.claim as { count: number }).count)).toEqual([13]);
      expect(await currentClaims(database.db, 'v1', { orgs: ['Other'], cities: [], partners: [] })).toEqual([]);
      expect(await currentClaims(database.db, 'v1', { orgs: ['ISA'], cities: [], partners: [] })).toHaveLength(2);
    });

    it('plans no nested loop over documents and no subquery per claim', async () => {
      const version = await addVersion(database.db, 'http://a.example/2', '2026-01-01T00:00:00Z');
      await storeExtraction(database.db, { versionId: version, extractorVersion: 'v1', claims: [count(10, null)], runId: null });
      const plan = await sql<Record<string, string>>`explain ${currentClaimsQuery('v1', null)}`.execute(database.db);
      const text = plan.rows.map((r) => Object.values(r).join(' ')).join('\n');
      // Current versions come from documents.current_version_id, joined by primary key: documents
      // may be read once, never rescanned per row (a nested loop whose inner side scans documents).
      const json = await sql<{ 'QUERY PLAN': unknown }>`explain (format json) ${currentClaimsQuery('v1', null)}`.execute(database.db);
      const root = (typeof json.rows[0]!['QUERY PLAN'] === 'string' ? JSON.parse(json.rows[0]!['QUERY PLAN'] as string) : json.rows[0]!['QUERY PLAN']) as Array<{ Plan: PlanNode }>;
      expect(rescansOfDocuments(root[0]!.Plan)).toEqual([]);
      expect(text).toMatch(/documents/);
      expect(text).not.toMatch(/SubPlan/);
      expect(text).toMatch(/Unique|Sort/);
    });
  });
}
