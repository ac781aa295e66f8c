/**
 * Reviewers' decisions on flags: appended with reviewer and time, never overwritten (the table
 * refuses updates). The flag row carries the latest one so the queue and reconcile see its status.
 * Accepted aliases and corrected values are read back from here by extraction and reconciliation.
 */
import { sql, type Kysely } from 'kysely';
import type { Claim } from '../../core/claim.ts';
import { BadInputError } from '../../core/errors.ts';
import type { DB, DecisionAction, DecisionRow, FlagStatus } from '../schema.ts';
import type { ClaimWithSource } from './claims.ts';

/** The status a flag takes with each action. */
export const DECISION_STATUS: Readonly<Record<DecisionAction, FlagStatus>> = {
  confirm: 'confirmed',
  dismiss: 'dismissed',
  reopen: 'open',
  explain: 'explained',
  fix: 'fixed',
  // A corrected value means the flag was right about a wrong claim.
  correct: 'confirmed',
  // An alias accepted means the name was a spelling, not an inconsistency.
  alias: 'dismissed',
  unreliable_source: 'confirmed',
};

export const DECISION_ACTIONS = Object.keys(DECISION_STATUS) as DecisionAction[];

/** What a correction says: this claim's field has this value. */
export interface CorrectionValue {
  claimId: string;
  field: string;
  value: string | number;
}

export interface AliasValue {
  /** The name as written in the source. */
  alias: string;
  /** The canonical gazetteer name it stands for. */
  city: string;
  country: 'DE' | 'CN';
}

export interface UnreliableSourceValue {
  sourceId: string;
}

export interface DecisionInput {
  flagId: string;
  action: DecisionAction;
  note?: string | null;
  reviewer: string;
  value?: CorrectionValue | AliasValue | UnreliableSourceValue | Record<string, never>;
}

/** Fields a correction may change, per claim kind: the stated values, never the evidence. */
export const CORRECTABLE_FIELDS: Readonly<Record<Claim['kind'], readonly string[]>> = {
  member_count: ['count', 'asOf', 'country'],
  member_list: ['asOf', 'statedCount'],
  membership_event: ['date', 'city', 'event'],
  partnership: ['since', 'relation'],
  city_attribute: ['value'],
  event: ['date', 'place', 'ordinal'],
};

/**
 * Records one decision and makes it the flag's current status, in one transaction.
 * Throws BadInputError naming the problem when the input is incomplete.
 */
export async function recordDecision(db: Kysely<DB>, input: DecisionInput): Promise<DecisionRow> {
  const note = input.note?.trim() || null;
  const reviewer = input.reviewer.trim();
  if (!reviewer) throw new BadInputError('a decision needs a reviewer name');
  if (!DECISION_ACTIONS.includes(input.action)) throw new BadInputError(`unknown decision "${input.action}"; use one of ${DECISION_ACTIONS.join(', ')}`);
  if (input.action === 'dismiss' && !note) throw new BadInputError('dismissing a flag needs a reason (the note says why it is no inconsistency)');
  const value = validateValue(input);
  return db.transaction().execute(async (trx) => {
    const flag = await trx.selectFrom('flags').select(['id', 'fingerprint']).where('id', '=', input.flagId).executeTakeFirst();
    if (!flag) throw new BadInputError(`no flag ${input.flagId}`);
    if (input.action === 'correct') {
      const claimId = String(value.claimId);
      const linked = await trx.selectFrom('flag_claims').select('claim_id').where('flag_id', '=', flag.id).where('claim_id', '=', claimId).executeTakeFirst();
      if (!linked) throw new BadInputError(`claim ${claimId} is not evidence of flag #${flag.id}; correct one of its own claims`);
    }
    const status = DECISION_STATUS[input.action];
    const row = await trx
      .insertInto('decisions')
      .values({ flag_fingerprint: flag.fingerprint, flag_id: flag.id, action: input.action, status, note, value: JSON.stringify(value), reviewer })
      .returningAll()
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('flags')
      .set({ status, reviewer_note: note, reviewed_by: reviewer, reviewed_at: row.decided_at, updated_at: sql<Date>`now()` })
      .where('id', '=', flag.id)
      .execute();
    return row;
  });
}

function validateValue(input: DecisionInput): Record<string, unknown> {
  const value = (input.value ?? {}) as Record<string, unknown>;
  const text = (key: string) => {
    const v = value[key];
    if (typeof v === 'number') return String(v);
    if (typeof v !== 'string' || !v.trim()) throw new BadInputError(`decision "${input.action}" needs ${key}`);
    return v.trim();
  };
  switch (input.action) {
    case 'correct': {
      const field = text('field');
      const raw = value.value;
      if (raw === undefined || raw === null || String(raw).trim() === '') throw new BadInputError('a correction needs the right value');
      return { claimId: text('claimId'), field, value: typeof raw === 'number' ? raw : String(raw).trim() };
    }
    case 'alias': {
      const country = text('country');
      if (country !== 'DE' && country !== 'CN') throw new BadInputError(`an alias needs the country DE or CN, not "${country}"`);
      return { alias: text('alias'), city: text('city'), country };
    }
    case 'unreliable_source':
      return { sourceId: text('sourceId') };
    default:
      return {};
  }
}

/** Every decision on a flag (by fingerprint, so decisions from before a re-extraction count), oldest first. */
export async function flagHistory(db: Kysely<DB>, fingerprint: string): Promise<DecisionRow[]> {
  return db.selectFrom('decisions').selectAll().where('flag_fingerprint', '=', fingerprint).orderBy('decided_at').orderBy('id').execute();
}

/** Decisions of one action that no later `reopen` of the same flag withdrew, oldest first. */
async function standingDecisions(db: Kysely<DB>, action: DecisionAction): Promise<DecisionRow[]> {
  return db
    .selectFrom('decisions as d')
    .selectAll('d')
    .where('d.action', '=', action)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('decisions as later').select('later.id').whereRef('later.flag_fingerprint', '=', 'd.flag_fingerprint').where('later.action', '=', 'reopen').whereRef('later.id', '>', 'd.id'))),
    )
    .orderBy('d.id')
    .execute();
}

/** Names reviewers accepted as aliases of a city: the gazetteer that extraction opens adds them. */
export async function acceptedAliases(db: Kysely<DB>): Promise<AliasValue[]> {
  const rows = await standingDecisions(db, 'alias');
  const byAlias = new Map<string, AliasValue>();
  for (const row of rows) {
    const value = row.value as unknown as AliasValue;
    byAlias.set(`${value.country}\u0000${value.alias}`, value); // the latest acceptance of a name wins
  }
  return [...byAlias.values()];
}

/** Source ids a reviewer marked unreliable. */
export async function unreliableSources(db: Kysely<DB>): Promise<Set<string>> {
  const rows = await standingDecisions(db, 'unreliable_source');
  return new Set(rows.map((r) => String((r.value as unknown as UnreliableSourceValue).sourceId)));
}

/** A correction with what identifies its claim after re-extraction: document, kind and quote. */
export interface ClaimCorrection extends CorrectionValue {
  decisionId: string;
  reviewer: string;
  documentId: string | null;
  kind: string | null;
  quote: string | null;
  start: number | null;
}

export async function claimCorrections(db: Kysely<DB>): Promise<ClaimCorrection[]> {
  const rows = await standingDecisions(db, 'correct');
  if (rows.length === 0) return [];
  const claimIds = rows.map((r) => String((r.value as unknown as CorrectionValue).claimId));
  const claims = await db
    .selectFrom('claims as c')
    .innerJoin('document_versions as v', 'v.id', 'c.version_id')
    .select(['c.id', 'c.kind', 'c.quote', 'c.start_offset', 'v.document_id'])
    .where('c.id', 'in', claimIds)
    .execute();
  const byId = new Map(claims.map((c) => [String(c.id), c]));
  return rows.map((row) => {
    const value = row.value as unknown as CorrectionValue;
    const claim = byId.get(String(value.claimId));
    return {
      ...value,
      claimId: String(value.claimId),
      decisionId: row.id,
      reviewer: row.reviewer,
      documentId: claim ? String(claim.document_id) : null,
      kind: claim?.kind ?? null,
      quote: claim?.quote ?? null,
      start: claim?.start_offset ?? null,
    };
  });
}

/**
 * The claims with reviewers' corrections applied: the claim itself, or the same statement
 * (document, kind, quote, offset) re-extracted under a new id. Pure; returns new objects.
 */
export function applyClaimCorrections(claims: ClaimWithSource[], corrections: readonly ClaimCorrection[]): ClaimWithSource[] {
  if (corrections.length === 0) return claims;
  return claims.map((item) => {
    const matching = corrections.filter((c) =>
      c.claimId === item.id ||
      (c.documentId === item.documentId && c.kind === item.claim.kind && c.quote === item.claim.evidence.quote && c.start === item.claim.evidence.start));
    if (matching.length === 0) return item;
    const claim = { ...item.claim } as Claim & Record<string, unknown>;
    const notes = [...(claim.provenance?.notes ?? [])];
    for (const correction of matching) {
      const before = claim[correction.field];
      claim[correction.field] = typeof before === 'number' && Number.isFinite(Number(correction.value)) ? Number(correction.value) : correction.value;
      notes.push(`corrected: ${correction.field} ${JSON.stringify(before)} → ${JSON.stringify(correction.value)} by ${correction.reviewer} (decision #${correction.decisionId})`);
    }
    claim.provenance = { rule: claim.provenance?.rule ?? 'reviewer-correction', ...claim.provenance, notes };
    return { ...item, claim };
  });
}

/** The current claims as reconcile should see them: reviewers' corrections applied. */
export async function withClaimCorrections(db: Kysely<DB>, claims: ClaimWithSource[]): Promise<ClaimWithSource[]> {
  return applyClaimCorrections(claims, await claimCorrections(db));
}
