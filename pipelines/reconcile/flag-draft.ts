import type { Claim, PartialDate } from '../../core/claim.ts';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import type { FlagSeverity } from '../../sql/schema.ts';
import type { ClaimWithSource } from '../../sql/queries/claims.ts';

/** A flag a rule wants raised; the reconcile stage turns it into a row keyed by its fingerprint. */
export interface FlagDraft {
  kind: string;
  severity: FlagSeverity;
  /** Organisation or city it is about. */
  subject: string;
  /**
   * What the flag is about, independent of claim ids and run ids (e.g. `ISA|DE|founding|<url>`),
   * so the same finding gets the same fingerprint next run and keeps its reviewer decision.
   */
  key: string;
  /** One line a reviewer reads first. */
  explanation: string;
  details: Record<string, unknown>;
  claimIds: string[];
  /** `explained` for findings shown for context that nobody needs to act on. @defaultValue `open` */
  initialStatus?: 'open' | 'explained';
}

export interface RuleContext {
  claims: ClaimWithSource[];
  gazetteer: Gazetteer;
}

/** A reconcile rule: pure, claims in, flag drafts out. */
export type ReconcileRule = (context: RuleContext) => FlagDraft[];

export function ofKind<K extends Claim['kind']>(claims: ClaimWithSource[], kind: K): Array<ClaimWithSource & { claim: Extract<Claim, { kind: K }> }> {
  return claims.filter((c): c is ClaimWithSource & { claim: Extract<Claim, { kind: K }> } => c.claim.kind === kind);
}

/**
 * The date a claim speaks for: its own as-of date, else the document's publication date, else
 * the newest date the document's claims mention (an undated release is placed at its newest news).
 */
export function effectiveDate(claim: ClaimWithSource, all: ClaimWithSource[]): PartialDate | null {
  const own = 'asOf' in claim.claim ? claim.claim.asOf : null;
  if (own) return own;
  if (claim.published) return claim.published;
  let newest: PartialDate | null = null;
  for (const other of all) {
    if (other.documentId !== claim.documentId) continue;
    for (const date of datesOf(other.claim)) if (newest === null || compareDates(date, newest) > 0) newest = date;
  }
  return newest;
}

function datesOf(claim: Claim): PartialDate[] {
  switch (claim.kind) {
    case 'member_count':
    case 'member_list':
      return claim.asOf ? [claim.asOf] : [];
    case 'membership_event':
    case 'event':
      return claim.date ? [claim.date] : [];
    case 'partnership':
      return claim.since ? [claim.since] : [];
    case 'city_attribute':
      return [];
  }
}

/** Compares partial ISO dates by their common precision: `2016` equals `2016-04`. */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const length = Math.min(a.length, b.length);
  const left = a.slice(0, length);
  const right = b.slice(0, length);
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Short reference to where a claim stands, for explanations. */
export function where(claim: ClaimWithSource): string {
  return claim.title ? `"${truncate(claim.title, 60)}" (${claim.url})` : claim.url;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
