import { sql, type Kysely } from 'kysely';
import type { DB, FlagRow, FlagSeverity, FlagStatus } from '../schema.ts';
import { segmentText } from '../../extractors/text/segment-text.ts';
import { documentTransaction } from '../document-transaction.ts';

export interface FlagUpsert {
  fingerprint: string;
  kind: string;
  severity: FlagSeverity;
  subject: string;
  /** The subject the reconciler checked to find it (`org:ISA`); an incremental run closes only its subjects' flags. */
  subjectKey?: string | null;
  explanation: string;
  details: Record<string, unknown>;
  claimIds: string[];
  initialStatus: 'open' | 'explained';
  runId: string | null;
}

export interface SyncFlagsResult {
  raised: number;
  /** Flags seen for the first time. */
  created: number;
  /** Open or explained flags whose finding is gone (the source changed), now `resolved_by_source`. */
  resolvedBySource: number;
  /** Flags resolved by a source whose finding came back. */
  reopened: number;
}

/** Which flags a reconcile pass answers for: all of them, or those of the subjects it re-checked. */
export type SyncScope = { all: true } | { subjectKeys: string[] };

/**
 * Makes the flags table match this reconcile pass, in one transaction and a fixed number of
 * set-based statements (the drafts travel as one JSON parameter). A flag is found again by its
 * fingerprint: text and evidence are refreshed only where they changed, a reviewer's status and
 * note are kept. Flags of the scope that were not raised again are `resolved_by_source`.
 */
export async function syncFlags(db: Kysely<DB>, drafts: FlagUpsert[], runId: string | null, scope: SyncScope = { all: true }): Promise<SyncFlagsResult> {
  const unique = [...new Map(drafts.map((d) => [d.fingerprint, d])).values()];
  const rows = JSON.stringify(unique.map((d) => ({
    fingerprint: d.fingerprint, kind: d.kind, severity: d.severity, subject: d.subject, subject_key: d.subjectKey ?? null,
    explanation: d.explanation, details: d.details, status: d.initialStatus,
  })));
  const pairs = JSON.stringify(unique.flatMap((d) => [...new Set(d.claimIds)].map((claimId) => ({ fingerprint: d.fingerprint, claim_id: claimId }))));
  const fingerprints = JSON.stringify(unique.map((d) => ({ fingerprint: d.fingerprint })));
  return documentTransaction(db, 'reconcile', async (trx) => {
    const result: SyncFlagsResult = { raised: unique.length, created: 0, resolvedBySource: 0, reopened: 0 };
    const reopened = await sql<{ n: string }>`
      select count(*) as n from flags f join jsonb_to_recordset(${fingerprints}::jsonb) as d(fingerprint text) on d.fingerprint = f.fingerprint
      where f.status in ('resolved_by_source', 'fixed')`.execute(trx);
    result.reopened = Number(reopened.rows[0]?.n ?? 0);
    const upserted = await sql<{ inserted: boolean }>`
      insert into flags (fingerprint, kind, severity, subject, subject_key, explanation, details, status, first_seen_run)
      select d.fingerprint, d.kind, d.severity, d.subject, d.subject_key, d.explanation, d.details, d.status, ${runId}::bigint
      from jsonb_to_recordset(${rows}::jsonb) as d(fingerprint text, kind text, severity text, subject text, subject_key text, explanation text, details jsonb, status text)
      on conflict (fingerprint) do update set
        kind = excluded.kind, severity = excluded.severity, subject = excluded.subject, subject_key = excluded.subject_key,
        explanation = excluded.explanation, details = excluded.details,
        -- The reconciler's own statuses follow the finding; a reviewer's decision stays.
        -- A finding that went away and came back (resolved, or fixed per a reviewer) needs a look again.
        status = case when flags.status in ('open', 'explained', 'resolved_by_source', 'fixed') then excluded.status else flags.status end,
        updated_at = now()
      -- An unchanged finding writes nothing: a night with nothing new leaves the table as it was.
      where flags.kind is distinct from excluded.kind or flags.severity is distinct from excluded.severity
        or flags.subject is distinct from excluded.subject or flags.subject_key is distinct from excluded.subject_key
        or flags.explanation is distinct from excluded.explanation or flags.details is distinct from excluded.details
        or (flags.status in ('open', 'explained', 'resolved_by_source', 'fixed') and flags.status is distinct from excluded.status)
      returning (xmax = 0) as inserted`.execute(trx);
    result.created = upserted.rows.filter((r) => r.inserted).length;
    await sql`
      delete from flag_claims fc
      using flags f
      where f.id = fc.flag_id
        and f.fingerprint in (select d.fingerprint from jsonb_to_recordset(${fingerprints}::jsonb) as d(fingerprint text))
        and not exists (
          select 1 from jsonb_to_recordset(${pairs}::jsonb) as w(fingerprint text, claim_id bigint)
          where w.fingerprint = f.fingerprint and w.claim_id = fc.claim_id)`.execute(trx);
    await sql`
      insert into flag_claims (flag_id, claim_id)
      select f.id, w.claim_id
      from jsonb_to_recordset(${pairs}::jsonb) as w(fingerprint text, claim_id bigint)
      join flags f on f.fingerprint = w.fingerprint
      on conflict do nothing`.execute(trx);
    const inScope = 'all' in scope
      ? sql`true`
      : scope.subjectKeys.length > 0 ? sql`f.subject_key in (${sql.join(scope.subjectKeys)})` : sql`false`;
    const stale = await sql`
      update flags f set status = 'resolved_by_source', updated_at = now()
      where f.status in ('open', 'explained') and ${inScope}
        and f.fingerprint not in (select d.fingerprint from jsonb_to_recordset(${fingerprints}::jsonb) as d(fingerprint text))`.execute(trx);
    result.resolvedBySource = Number(stale.numAffectedRows ?? 0);
    return result;
  });
}

/**
 * Kind and subject of the claims a run replaced: those of the other versions and extractions of
 * the documents the run extracted. Their subjects must be checked again (a flag citing them may
 * have lost its evidence). Reads only those documents, through indexes.
 */
export async function claimSubjectsReplacedByRun(db: Kysely<DB>, runId: string): Promise<Array<{ kind: string; subject: string | null }>> {
  const result = await sql<{ kind: string; subject: string | null }>`
    select distinct c.kind, c.subject
    from extractions e
    join document_versions v on v.id = e.version_id
    join document_versions other on other.document_id = v.document_id
    join claims c on c.version_id = other.id
    where e.run_id = ${runId}::bigint and not (c.version_id = e.version_id and c.extractor_version = e.extractor_version)`.execute(db);
  return result.rows;
}

/** Kind and subject of the claims a run's extractions wrote: what that run may have changed. */
export async function claimSubjectsOfRun(db: Kysely<DB>, runId: string): Promise<Array<{ kind: string; subject: string | null }>> {
  return db
    .selectFrom('claims as c')
    .innerJoin('extractions as e', (join) => join.onRef('e.version_id', '=', 'c.version_id').onRef('e.extractor_version', '=', 'c.extractor_version'))
    .select(['c.kind', 'c.subject'])
    .distinct()
    .where('e.run_id', '=', runId)
    .execute();
}

/** Subject keys of the ambiguity flags about these names: a new placement may decide them. */
export async function subjectKeysOfAmbiguousNames(db: Kysely<DB>, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const rows = await db
    .selectFrom('flags')
    .select('subject_key')
    .distinct()
    .where('kind', '=', 'ambiguous_name')
    .where(sql<string>`details->>'name'`, 'in', names)
    .where('subject_key', 'is not', null)
    .execute();
  return rows.map((r) => r.subject_key!).filter(Boolean);
}

export interface ListFlagsOptions {
  /** Statuses to include. @defaultValue `['open']` */
  statuses?: FlagStatus[];
  kind?: string;
}

export async function listFlags(db: Kysely<DB>, options: ListFlagsOptions = {}): Promise<FlagRow[]> {
  let query = db.selectFrom('flags').selectAll().where('status', 'in', options.statuses ?? ['open']);
  if (options.kind) query = query.where('kind', '=', options.kind);
  return query
    .orderBy(sql`case severity when 'contradiction' then 0 when 'discrepancy' then 1 else 2 end`)
    .orderBy('kind')
    .orderBy('id')
    .execute();
}

export async function findFlag(db: Kysely<DB>, idOrFingerprint: string): Promise<FlagRow | undefined> {
  const byId = /^\d+$/.test(idOrFingerprint);
  return db
    .selectFrom('flags')
    .selectAll()
    .$if(byId, (q) => q.where('id', '=', idOrFingerprint))
    .$if(!byId, (q) => q.where('fingerprint', 'like', `${idOrFingerprint}%`))
    .executeTakeFirst();
}

const CONTEXT_CHARS = 300;

/**
 * The sentence(s) around a quote, cut from `surrounding` (which starts at `surroundingStart`) with
 * the extractors' own segmenter, which knows that "24. April" and "Dr." end no sentence.
 */
export function sentenceAround(surrounding: string, surroundingStart: number, start: number, end: number): string {
  const from = start - surroundingStart;
  const to = end - surroundingStart;
  // The window's first and last sentences may be cut off by the window; the quote's are whole.
  const covering = segmentText(surrounding).sentences.filter((sentence) => sentence.end > from && sentence.start < to);
  const first = covering[0];
  const last = covering.at(-1);
  if (!first || !last) return surrounding.slice(from, to);
  return surrounding.slice(Math.min(first.start, from), Math.max(last.end, to)).replace(/\s+/g, ' ').trim();
}

/** The evidence of a flag: each claim with its quote and where it was read. */
export async function flagEvidence(db: Kysely<DB>, flagIds: string[]) {
  if (flagIds.length === 0) return [];
  return db
    .selectFrom('flag_claims as fc')
    .innerJoin('claims as c', 'c.id', 'fc.claim_id')
    .innerJoin('document_versions as v', 'v.id', 'c.version_id')
    .select([
      'fc.flag_id', 'c.id as claim_id', 'c.kind', 'c.quote', 'c.start_offset', 'c.end_offset', 'c.extractor_version',
      'c.payload', 'v.url', 'v.final_url', 'v.fetched_at', 'v.title', 'v.published', 'v.id as version_id',
      // Enough text around the quote to show its sentence; Postgres counts characters, as JS does.
      sql<string>`substr(v.clean_text, greatest(c.start_offset - ${CONTEXT_CHARS}, 0) + 1, c.end_offset - greatest(c.start_offset - ${CONTEXT_CHARS}, 0) + ${CONTEXT_CHARS})`.as('surrounding'),
      sql<number>`greatest(c.start_offset - ${CONTEXT_CHARS}, 0)`.as('surrounding_start'),
    ])
    .where('fc.flag_id', 'in', flagIds)
    .orderBy('fc.flag_id')
    .orderBy('v.fetched_at')
    .orderBy('c.id')
    .execute();
}

export interface ReviewInput {
  status: FlagStatus;
  note: string | null;
  reviewer: string | null;
}

export async function reviewFlag(db: Kysely<DB>, flagId: string, review: ReviewInput): Promise<void> {
  await db
    .updateTable('flags')
    .set({ status: review.status, reviewer_note: review.note, reviewed_by: review.reviewer, reviewed_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
    .where('id', '=', flagId)
    .execute();
}
