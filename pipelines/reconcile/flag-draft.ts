import type { Claim, PartialDate } from '../../core/claim.ts';
import type { FlagTimeline, LikelyWrong, TimelinePoint } from '../../core/flag-details.ts';
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
   * What the flag is about, independent of claim ids, run ids and unrelated documents (e.g.
   * `ISA|CN|same-time|2017-12`), so the same finding gets the same fingerprint next run and keeps
   * its reviewer decision.
   */
  key: string;
  /** One line a reviewer reads first. */
  explanation: string;
  /** `timeline` and `likelyWrong` in the shape of core/flag-details.ts, plus rule-specific facts. */
  details: Record<string, unknown> & { timeline?: FlagTimeline; likelyWrong?: LikelyWrong | null };
  /** Only the claims that disagree and those that outvote them. */
  claimIds: string[];
  /** `explained` for findings shown for context that nobody needs to act on. @defaultValue `open` */
  initialStatus?: 'open' | 'explained';
}

export interface RuleContext {
  claims: ClaimWithSource[];
  gazetteer: Gazetteer;
  /**
   * Province, state and district statements about names the claims mention, from any document
   * (they decide between namesakes). @defaultValue the city attributes among `claims`
   */
  placements?: ClaimWithSource[];
}

/** A reconcile rule: pure, claims in, flag drafts out. */
export type ReconcileRule = (context: RuleContext) => FlagDraft[];

export function ofKind<K extends Claim['kind']>(claims: ClaimWithSource[], kind: K): Array<ClaimWithSource & { claim: Extract<Claim, { kind: K }> }> {
  return claims.filter((c): c is ClaimWithSource & { claim: Extract<Claim, { kind: K }> } => c.claim.kind === kind);
}

/**
 * The date a claim speaks for: its own as-of date, else the document's publication date, else
 * the newest date the document's claims mention (an undated release is placed at its newest news).
 * The last is computed once per document (`withDocumentDates`, or the current-claims query).
 */
export function effectiveDate(claim: ClaimWithSource): PartialDate | null {
  const own = 'asOf' in claim.claim ? claim.claim.asOf : null;
  return own ?? claim.published ?? claim.documentDate ?? null;
}

/** The publication date, else the newest date the document mentions: when the document spoke. */
export function documentDateOf(claim: ClaimWithSource): PartialDate | null {
  return claim.published ?? claim.documentDate ?? null;
}

/** Fills `documentDate` where the caller did not: one pass over the claims, grouped by document. */
export function withDocumentDates(claims: ClaimWithSource[]): ClaimWithSource[] {
  if (claims.every((c) => c.documentDate !== undefined)) return claims;
  const newest = new Map<string, PartialDate>();
  for (const c of claims) {
    for (const date of datesOf(c.claim)) {
      const known = newest.get(c.documentId);
      if (known === undefined || date > known) newest.set(c.documentId, date);
    }
  }
  return claims.map((c) => (c.documentDate !== undefined ? c : { ...c, documentDate: newest.get(c.documentId) ?? null }));
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

/** Strictly later at the precision both give: `2017-04` is not later than `2017`. */
export function isLater(a: PartialDate, b: PartialDate): boolean {
  return compareDates(a, b) > 0;
}

/** Short reference to where a claim stands, for explanations. */
export function where(claim: ClaimWithSource): string {
  return claim.title ? `"${truncate(claim.title, 60)}" (${claim.url})` : claim.url;
}

/** The shortest reference that tells sources apart in a one-line explanation: the URL's host and last path part. */
export function sourceLabel(claim: ClaimWithSource): string {
  try {
    const url = new URL(claim.url);
    const last = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
    return truncate(`${url.host}${last ? `/…/${last}` : ''}`, 70);
  } catch {
    return truncate(claim.url, 70);
  }
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A partial date as the full ISO date the timeline axis wants, with the precision it had. */
export function axisDate(date: PartialDate): { asOf: string; precision: 'year' | 'month' | 'day' } {
  if (date.length >= 10) return { asOf: date.slice(0, 10), precision: 'day' };
  if (date.length >= 7) return { asOf: `${date.slice(0, 7)}-01`, precision: 'month' };
  return { asOf: `${date.slice(0, 4)}-01-01`, precision: 'year' };
}

/** A timeline point before it is stored, with the URL of its claim's document to order by. */
export type DraftTimelinePoint = TimelinePoint & { sourceUrl?: string };

/** One point of a flag's timeline for a claim. */
export function timelinePoint(claim: ClaimWithSource, date: PartialDate, value: number | string | null, label: string, role: TimelinePoint['role']): DraftTimelinePoint {
  const { asOf, precision } = axisDate(date);
  return { asOf, precision, stated: date, value, label, role, claimId: Number(claim.id), documentId: Number(claim.documentId), sourceUrl: claim.url };
}

/**
 * A flag's timeline: points sorted by date, then their document's URL, then claim id, so the order
 * never depends on the order the rule met the claims in, nor on the order documents were stored
 * (claim ids are: a killed run's documents are extracted again later, with higher ids); a claim
 * appears once, in its strongest role.
 */
export function timeline(subject: string, points: DraftTimelinePoint[], unit?: string): FlagTimeline {
  const rank: Record<TimelinePoint['role'], number> = { conflicting: 0, outvoting: 1, explained: 2, event: 3, context: 4 };
  const byKey = new Map<string, DraftTimelinePoint>();
  for (const point of points) {
    const key = `${point.claimId}|${point.asOf}|${point.label}`;
    const known = byKey.get(key);
    if (!known || rank[point.role] < rank[known.role]) byKey.set(key, point);
  }
  const sorted = [...byKey.values()].sort((a, b) => {
    if (a.asOf !== b.asOf) return a.asOf < b.asOf ? -1 : 1;
    const ua = a.sourceUrl ?? '';
    const ub = b.sourceUrl ?? '';
    if (ua !== ub) return ua < ub ? -1 : 1;
    return (a.claimId ?? 0) - (b.claimId ?? 0);
  });
  return { subject, ...(unit ? { unit } : {}), points: sorted.map(({ sourceUrl: _url, ...point }) => point) };
}

/** Claim ids without repeats, in ascending order: the evidence list of a flag. */
export function evidenceIds(claims: Array<ClaimWithSource | string>): string[] {
  return [...new Set(claims.map((c) => (typeof c === 'string' ? c : c.id)))].sort((a, b) => Number(a) - Number(b));
}

/** Sorts claims by the date they speak for, then URL, then claim id: stable whatever the crawl order. */
export function byDateThenSource<T extends ClaimWithSource>(date: (c: T) => PartialDate | null): (a: T, b: T) => number {
  return (a, b) => {
    const da = date(a) ?? '';
    const db = date(b) ?? '';
    if (da !== db) return da < db ? -1 : 1;
    if (a.url !== b.url) return a.url < b.url ? -1 : 1;
    return Number(a.id) - Number(b.id);
  };
}
