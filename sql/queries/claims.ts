import { sql, type Kysely } from 'kysely';
import type { Claim } from '../../core/claim.ts';
import type { DB } from '../schema.ts';

export interface StoreExtractionInput {
  versionId: string;
  extractorVersion: string;
  claims: Claim[];
  runId: string | null;
}

/**
 * Stores one version's claims for one extractor version, all or nothing. Idempotent: when
 * this extractor version has already processed the version, nothing is written.
 * @returns whether claims were written (false when they were already there).
 */
export async function storeExtraction(db: Kysely<DB>, input: StoreExtractionInput): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('extractions')
      .values({
        version_id: input.versionId,
        extractor_version: input.extractorVersion,
        claim_count: input.claims.length,
        run_id: input.runId,
      })
      .onConflict((oc) => oc.columns(['version_id', 'extractor_version']).doNothing())
      .returning('version_id')
      .executeTakeFirst();
    if (!inserted) return false;
    if (input.claims.length === 0) return true;
    await trx
      .insertInto('claims')
      .values(
        input.claims.map((claim, ordinal) => {
          const { evidence, provenance, ...payload } = claim;
          return {
            version_id: input.versionId,
            extractor_version: input.extractorVersion,
            ordinal,
            kind: claim.kind,
            subject: claimSubject(claim),
            payload: JSON.stringify(payload),
            quote: evidence.quote,
            start_offset: evidence.start,
            end_offset: evidence.end,
            rule: provenance?.rule ?? null,
            provenance: JSON.stringify(provenance ?? {}),
          };
        }),
      )
      .execute();
    return true;
  });
}

/** The organisation or city a claim is about, for indexing and grouping. */
export function claimSubject(claim: Claim): string | null {
  switch (claim.kind) {
    case 'member_count':
    case 'member_list':
    case 'membership_event':
    case 'event':
      return claim.subject;
    case 'city_attribute':
      return claim.city;
    case 'partnership':
      return claim.cities.join('|');
  }
}

/** A stored claim with the provenance a reviewer needs: URL, fetch time, quote, extractor version. */
export interface ClaimWithSource {
  id: string;
  versionId: string;
  documentId: string;
  claim: Claim;
  extractorVersion: string;
  url: string;
  finalUrl: string;
  fetchedAt: Date;
  published: string | null;
  title: string | null;
}

/**
 * The claims that stand for each document now: from its newest version, by `extractorVersion`
 * where it processed that version, else by the newest extraction. Gone documents keep their claims
 * (the history is the evidence).
 */
export async function currentClaims(db: Kysely<DB>, extractorVersion: string | null = null): Promise<ClaimWithSource[]> {
  const rows = await db
    .selectFrom('claims as c')
    .innerJoin('document_versions as v', 'v.id', 'c.version_id')
    .innerJoin('documents as d', 'd.id', 'v.document_id')
    .select([
      'c.id', 'c.version_id', 'c.kind', 'c.payload', 'c.quote', 'c.start_offset', 'c.end_offset', 'c.rule', 'c.provenance',
      'c.extractor_version', 'v.document_id', 'v.url', 'v.final_url', 'v.fetched_at', 'v.published', 'v.title',
    ])
    .where(({ eb, selectFrom }) =>
      eb('v.id', '=', selectFrom('document_versions as v2').select('v2.id').whereRef('v2.document_id', '=', 'v.document_id').orderBy('v2.fetched_at', 'desc').orderBy('v2.id', 'desc').limit(1)),
    )
    .where(({ eb, selectFrom }) =>
      eb('c.extractor_version', '=', selectFrom('extractions as e')
        .select('e.extractor_version')
        .whereRef('e.version_id', '=', 'c.version_id')
        .orderBy(sql`(e.extractor_version = ${extractorVersion}) is true`, 'desc')
        .orderBy('e.extracted_at', 'desc')
        .limit(1)),
    )
    .orderBy('v.document_id')
    .orderBy('c.ordinal')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    versionId: row.version_id,
    documentId: String(row.document_id),
    claim: {
      ...(row.payload as object),
      evidence: { quote: row.quote, start: row.start_offset, end: row.end_offset },
      ...(row.rule ? { provenance: { ...(row.provenance as object), rule: row.rule } } : {}),
    } as Claim,
    extractorVersion: row.extractor_version,
    url: row.url,
    finalUrl: row.final_url,
    fetchedAt: row.fetched_at,
    published: row.published,
    title: row.title,
  }));
}

/**
 * The newest version of each document that this extractor version has not processed: new
 * documents whose extraction failed, and everything after an extractor change.
 */
export async function versionsAwaitingExtraction(db: Kysely<DB>, extractorVersion: string): Promise<string[]> {
  const rows = await db
    .selectFrom('document_versions as v')
    .select('v.id')
    .where(({ eb, selectFrom }) =>
      eb('v.id', '=', selectFrom('document_versions as v2').select('v2.id').whereRef('v2.document_id', '=', 'v.document_id').orderBy('v2.fetched_at', 'desc').orderBy('v2.id', 'desc').limit(1)),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('extractions as e').select('e.version_id').whereRef('e.version_id', '=', 'v.id').where('e.extractor_version', '=', extractorVersion))),
    )
    .orderBy('v.id')
    .execute();
  return rows.map((r) => r.id);
}
