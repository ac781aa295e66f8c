import { sql, type Kysely, type Transaction } from 'kysely';
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
  const [written] = await db.transaction().execute((trx) => writeExtractions(trx, [input]));
  return written!;
}

/** One version's result in a batch: written, already there, or why it failed. */
export type ExtractionStored = { ok: true; written: boolean } | { ok: false; error: unknown };

/**
 * Stores the claims of many versions in one transaction, two statements whatever the batch size
 * (claims go in as column arrays through `unnest`). Each version stays all or nothing: when the
 * batch fails, each version is stored again alone, so one bad claim fails only its version.
 * Returns a result per input, in order, and never throws for one version.
 */
export async function storeExtractions(db: Kysely<DB>, inputs: readonly StoreExtractionInput[]): Promise<ExtractionStored[]> {
  if (inputs.length === 0) return [];
  const distinct = new Set(inputs.map((i) => `${i.versionId}\u0000${i.extractorVersion}`)).size === inputs.length;
  if (distinct && inputs.length > 1) {
    try {
      const written = await db.transaction().execute((trx) => writeExtractions(trx, inputs));
      return written.map((w) => ({ ok: true as const, written: w }));
    } catch {
      // Fall through: find the version at fault by storing each alone.
    }
  }
  const results: ExtractionStored[] = [];
  for (const input of inputs) {
    try {
      results.push({ ok: true, written: await storeExtraction(db, input) });
    } catch (error) {
      results.push({ ok: false, error });
    }
  }
  return results;
}

async function writeExtractions(trx: Transaction<DB>, inputs: readonly StoreExtractionInput[]): Promise<boolean[]> {
  const inserted = await trx
    .insertInto('extractions')
    .values(inputs.map((input) => ({ version_id: input.versionId, extractor_version: input.extractorVersion, claim_count: input.claims.length, run_id: input.runId })))
    .onConflict((oc) => oc.columns(['version_id', 'extractor_version']).doNothing())
    .returning(['version_id', 'extractor_version'])
    .execute();
  const fresh = new Set(inserted.map((row) => `${row.version_id}\u0000${row.extractor_version}`));
  const written = inputs.map((input) => fresh.has(`${input.versionId}\u0000${input.extractorVersion}`));
  const columns = { version: [] as string[], extractor: [] as string[], ordinal: [] as number[], kind: [] as string[], subject: [] as Array<string | null>, payload: [] as string[], quote: [] as string[], start: [] as number[], end: [] as number[], rule: [] as Array<string | null>, provenance: [] as string[] };
  inputs.forEach((input, i) => {
    if (!written[i]) return;
    input.claims.forEach((claim, ordinal) => {
      const { evidence, provenance, ...payload } = claim;
      columns.version.push(input.versionId);
      columns.extractor.push(input.extractorVersion);
      columns.ordinal.push(ordinal);
      columns.kind.push(claim.kind);
      columns.subject.push(claimSubject(claim));
      columns.payload.push(JSON.stringify(payload));
      columns.quote.push(evidence.quote);
      columns.start.push(evidence.start);
      columns.end.push(evidence.end);
      columns.rule.push(provenance?.rule ?? null);
      columns.provenance.push(JSON.stringify(provenance ?? {}));
    });
  });
  if (columns.version.length > 0) {
    // One statement for every claim of the batch: column arrays, not one parameter per value.
    await sql`
      insert into claims (version_id, extractor_version, ordinal, kind, subject, payload, quote, start_offset, end_offset, rule, provenance)
      select * from unnest(
        cast(${columns.version} as bigint[]), cast(${columns.extractor} as text[]), cast(${columns.ordinal} as integer[]), cast(${columns.kind} as text[]),
        cast(${columns.subject} as text[]), cast(${columns.payload} as jsonb[]), cast(${columns.quote} as text[]), cast(${columns.start} as integer[]),
        cast(${columns.end} as integer[]), cast(${columns.rule} as text[]), cast(${columns.provenance} as jsonb[]))`.execute(trx);
  }
  return written;
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
