import { sql, type Kysely } from 'kysely';
import type { DB, FlagRow, FlagSeverity, FlagStatus } from '../schema.ts';
import { segmentText } from '../../extractors/text/segment-text.ts';

export interface FlagUpsert {
  fingerprint: string;
  kind: string;
  severity: FlagSeverity;
  subject: string;
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
  /** Open flags whose finding is gone (the source was corrected), now `fixed`. */
  fixed: number;
  /** Fixed flags whose finding came back. */
  reopened: number;
}

/**
 * Makes the flags table match this reconcile pass, in one transaction. A flag is found again by its
 * fingerprint: text and evidence are refreshed, a reviewer's status and note are kept.
 */
export async function syncFlags(db: Kysely<DB>, drafts: FlagUpsert[], runId: string | null): Promise<SyncFlagsResult> {
  return db.transaction().execute(async (trx) => {
    const result: SyncFlagsResult = { raised: drafts.length, created: 0, fixed: 0, reopened: 0 };
    const seen: string[] = [];
    for (const draft of drafts) {
      const row = await trx
        .insertInto('flags')
        .values({
          fingerprint: draft.fingerprint,
          kind: draft.kind,
          severity: draft.severity,
          subject: draft.subject,
          explanation: draft.explanation,
          details: JSON.stringify(draft.details),
          status: draft.initialStatus,
          first_seen_run: runId,
        })
        .onConflict((oc) =>
          oc.column('fingerprint').doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            severity: eb.ref('excluded.severity'),
            subject: eb.ref('excluded.subject'),
            explanation: eb.ref('excluded.explanation'),
            details: eb.ref('excluded.details'),
            // A finding that went away and came back needs a look again; a review decision stays.
            status: sql<FlagStatus>`case when flags.status = 'fixed' then excluded.status else flags.status end`,
            updated_at: sql<Date>`case when flags.explanation is distinct from excluded.explanation or flags.status = 'fixed' then now() else flags.updated_at end`,
          })),
        )
        .returning(['id', sql<boolean>`(xmax = 0)`.as('inserted'), 'status'])
        .executeTakeFirstOrThrow();
      if (row.inserted) result.created++;
      seen.push(draft.fingerprint);
      const current = await trx.selectFrom('flag_claims').select('claim_id').where('flag_id', '=', row.id).execute();
      const wanted = [...new Set(draft.claimIds)];
      const currentIds = new Set(current.map((c) => String(c.claim_id)));
      if (currentIds.size !== wanted.length || wanted.some((id) => !currentIds.has(id))) {
        await trx.deleteFrom('flag_claims').where('flag_id', '=', row.id).execute();
        if (wanted.length > 0) {
          await trx.insertInto('flag_claims').values(wanted.map((claimId) => ({ flag_id: row.id, claim_id: claimId }))).execute();
        }
      }
    }
    let stale = trx.updateTable('flags').set({ status: 'fixed', updated_at: sql<Date>`now()` }).where('status', 'in', ['open', 'explained']);
    if (seen.length > 0) stale = stale.where('fingerprint', 'not in', seen);
    const fixed = await stale.executeTakeFirst();
    result.fixed = Number(fixed.numUpdatedRows ?? 0);
    return result;
  });
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
    .orderBy(sql`case severity when 'error' then 0 when 'warning' then 1 else 2 end`)
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
