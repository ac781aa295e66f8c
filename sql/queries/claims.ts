import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Claim } from '../../core/claim.ts';
import type { DB } from '../schema.ts';
import { documentTransaction } from '../document-transaction.ts';

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
  const [written] = await documentTransaction(db, 'extraction', (trx) => writeExtractions(trx, [input]));
  return written!;
}

/** One version's result in a batch: written, already there, or why it failed. */
export type ExtractionStored = { ok: true; written: boolean } | { ok: false; error: unknown };

/**
 * Stores the claims of many versions in one transaction, two statements for a batch of up to
 * 20,000 claims (claims go in as one JSON text through `json_to_recordset`). Each version stays
 * all or nothing: when the batch fails, each version is stored again alone, so one bad claim fails
 * only its version.
 * Returns a result per input, in order, and never throws for one version.
 */
export async function storeExtractions(db: Kysely<DB>, inputs: readonly StoreExtractionInput[]): Promise<ExtractionStored[]> {
  if (inputs.length === 0) return [];
  const distinct = new Set(inputs.map((i) => `${i.versionId}\u0000${i.extractorVersion}`)).size === inputs.length;
  if (distinct && inputs.length > 1) {
    try {
      const written = await documentTransaction(db, 'extraction', (trx) => writeExtractions(trx, inputs));
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

// Short keys: the batch's JSON is built and parsed once per claim field, so its size is the cost.
interface ClaimInsertRow { v: string; x: string; o: number; k: string; s: string | null; p: object; q: string; a: number; b: number; r: string | null; n: object }

/** Claims per insert statement: big enough to amortise the statement, small enough to bound one JSON text. */
const CLAIMS_PER_STATEMENT = 20_000;

async function writeExtractions(trx: Transaction<DB>, inputs: readonly StoreExtractionInput[]): Promise<boolean[]> {
  const inserted = await trx
    .insertInto('extractions')
    .values(inputs.map((input) => ({ version_id: input.versionId, extractor_version: input.extractorVersion, claim_count: input.claims.length, run_id: input.runId })))
    .onConflict((oc) => oc.columns(['version_id', 'extractor_version']).doNothing())
    .returning(['version_id', 'extractor_version'])
    .execute();
  const fresh = new Set(inserted.map((row) => `${row.version_id}\u0000${row.extractor_version}`));
  const written = inputs.map((input) => fresh.has(`${input.versionId}\u0000${input.extractorVersion}`));
  const rows: ClaimInsertRow[] = [];
  inputs.forEach((input, i) => {
    if (!written[i]) return;
    input.claims.forEach((claim, ordinal) => {
      const { evidence, provenance, ...payload } = claim;
      rows.push({ v: input.versionId, x: input.extractorVersion, o: ordinal, k: claim.kind, s: claimSubject(claim), p: payload, q: evidence.quote, a: evidence.start, b: evidence.end, r: provenance?.rule ?? null, n: provenance ?? {} });
    });
  });
  for (let start = 0; start < rows.length; start += CLAIMS_PER_STATEMENT) {
    // One JSON text for the whole batch, read by json_to_recordset: one parameter to encode and
    // one parse on the server, where column arrays cost an escaped array literal per column and
    // a jsonb parse per element (bench/write-bench.ts: ~1.7× the rows per CPU-s on Postgres).
    await sql`
      insert into claims (version_id, extractor_version, ordinal, kind, subject, payload, quote, start_offset, end_offset, rule, provenance)
      select v, x, o, k, s, p, q, a, b, r, n
      from json_to_recordset(cast(${JSON.stringify(rows.slice(start, start + CLAIMS_PER_STATEMENT))} as json))
        as c (v bigint, x text, o integer, k text, s text, p jsonb, q text, a integer, b integer, r text, n jsonb)`.execute(trx);
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
  /**
   * The newest date any claim of the same document mentions, computed once per document: where
   * an undated release is placed. Absent when the caller did not compute it.
   */
  documentDate?: string | null;
}

/** Which claims to select: every current claim, or only those of some subjects. */
export interface ClaimSubjects {
  /** Organisations: their counts, lists, membership events and events. */
  orgs: string[];
  /** Cities: their attributes. */
  cities: string[];
  /** Cities on either side of a partnership. */
  partners: string[];
}

const MEMBERSHIP_KINDS = ['member_count', 'member_list', 'membership_event', 'event'] as const;

/**
 * The claims that stand for each document now: from its current version, by `extractorVersion`
 * where it processed that version, else by the newest extraction. Gone documents keep their claims
 * (the history is the evidence). Current versions and extractions are each picked once
 * (a join by primary key, DISTINCT ON), never by a subquery per claim. With `subjects`,
 * only the claims of those subjects are read (an incremental reconcile).
 */
export async function currentClaims(db: Kysely<DB>, extractorVersion: string | null = null, subjects: ClaimSubjects | null = null): Promise<ClaimWithSource[]> {
  if (subjects && subjects.orgs.length + subjects.cities.length + subjects.partners.length === 0) return [];
  const result = await sql<CurrentClaimRow>`${currentClaimsQuery(extractorVersion, subjects)}`.execute(db);
  return result.rows.map((row) => ({
    id: String(row.id),
    versionId: String(row.version_id),
    documentId: String(row.document_id),
    claim: {
      ...(row.payload as object),
      evidence: { quote: row.quote, start: row.start_offset, end: row.end_offset },
      ...(row.rule ? { provenance: { ...(row.provenance as object), rule: row.rule } } : {}),
    } as Claim,
    extractorVersion: row.extractor_version,
    url: row.url,
    finalUrl: row.final_url,
    fetchedAt: row.fetched_at instanceof Date ? row.fetched_at : new Date(row.fetched_at),
    published: row.published,
    title: row.title,
    documentDate: row.document_date ?? null,
  }));
}

interface CurrentClaimRow {
  id: string; version_id: string; document_id: string; kind: string; payload: unknown; quote: string; start_offset: number; end_offset: number;
  rule: string | null; provenance: unknown; extractor_version: string; url: string; final_url: string; fetched_at: Date | string;
  published: string | null; title: string | null; document_date: string | null; ordinal: number;
}

/**
 * Two CTEs naming what stands now: `current_versions` (each document's `current_version_id`, one
 * join by primary key) and `chosen` (the extraction that counts for each of them, by DISTINCT ON).
 */
export function currentSelection(extractorVersion: string | null, documentsOf: RawBuilder<unknown> | null = null) {
  // Restricted to the documents of some claims, the selection reads those documents only.
  const restrict = documentsOf ? sql`where d.id in (select v0.document_id from document_versions v0 where v0.id in (${documentsOf}))` : sql``;
  return sql`current_versions as (
      select v.id, v.document_id, v.url, v.final_url, v.fetched_at, v.published, v.title
      from documents d join document_versions v on v.id = d.current_version_id
      ${restrict}
    ), chosen as (
      select distinct on (e.version_id) e.version_id, e.extractor_version
      from extractions e join current_versions cv on cv.id = e.version_id
      order by e.version_id, (e.extractor_version = ${extractorVersion}) is true desc, e.extracted_at desc
    )`;
}

/** The statement behind `currentClaims`, exported so a test can EXPLAIN it. */
export function currentClaimsQuery(extractorVersion: string | null, subjects: ClaimSubjects | null) {
  const filters = [];
  if (subjects) {
    if (subjects.orgs.length) filters.push(sql`(c.kind in (${sql.join(MEMBERSHIP_KINDS.map((k) => sql.lit(k)))}) and c.subject in (${sql.join(subjects.orgs)}))`);
    if (subjects.cities.length) filters.push(sql`(c.kind = 'city_attribute' and c.subject in (${sql.join(subjects.cities)}))`);
    if (subjects.partners.length) {
      filters.push(sql`(c.kind = 'partnership' and (split_part(c.subject, '|', 1) in (${sql.join(subjects.partners)}) or split_part(c.subject, '|', 2) in (${sql.join(subjects.partners)})))`);
    }
  }
  const where = filters.length ? sql`where ${sql.join(filters, sql` or `)}` : sql``;
  const candidates = filters.length ? sql`select c.version_id from claims c ${where}` : null;
  return sql`
    with ${currentSelection(extractorVersion, candidates)}, picked as (
      select c.id, c.version_id, c.kind, c.payload, c.quote, c.start_offset, c.end_offset, c.rule, c.provenance, c.extractor_version, c.ordinal
      from claims c join chosen ch on ch.version_id = c.version_id and ch.extractor_version = c.extractor_version
      ${where}
    ), document_dates as (
      -- Where an undated release stands: the newest date its own claims mention, once per document.
      select c.version_id, max(coalesce(c.payload->>'asOf', c.payload->>'date', c.payload->>'since')) as document_date
      from claims c join chosen ch on ch.version_id = c.version_id and ch.extractor_version = c.extractor_version
      where c.version_id in (select version_id from picked)
      group by c.version_id
    )
    select p.*, cv.document_id, cv.url, cv.final_url, cv.fetched_at, cv.published, cv.title, dd.document_date
    from picked p
    join current_versions cv on cv.id = p.version_id
    left join document_dates dd on dd.version_id = p.version_id
    order by cv.document_id, p.ordinal`;
}

/**
 * The newest version of each document that this extractor version has not processed: new
 * documents whose extraction failed, and everything after an extractor change.
 */
export async function versionsAwaitingExtraction(db: Kysely<DB>, extractorVersion: string): Promise<string[]> {
  const rows = await db
    .selectFrom('documents as d')
    .select('d.current_version_id as id')
    .where('d.current_version_id', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('extractions as e').select('e.version_id').whereRef('e.version_id', '=', 'd.current_version_id').where('e.extractor_version', '=', extractorVersion))),
    )
    .orderBy('d.current_version_id')
    .execute();
  return rows.map((r) => String(r.id));
}
