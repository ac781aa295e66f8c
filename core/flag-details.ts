/**
 * The shape of `flags.details` that the review application reads: the reconciler writes it, the
 * web pages and `isa flags` render it. Kept here so both sides agree without importing each other.
 */

/** One point on a subject's membership (or attribute) timeline, around the conflict. */
export interface TimelinePoint {
  /** ISO date (YYYY-MM-DD) the statement is true at. */
  asOf: string;
  /** How much of `asOf` the source gave: "2017" is drawn as 2017-01-01 with precision `year`. Optional (older flags). */
  precision?: 'year' | 'month' | 'day';
  /** The date as stated ("2017-12"), when it was partial. Optional (older flags). */
  stated?: string;
  /** The stated value: a count, a list size, an attribute value; null for a bare event. */
  value: number | string | null;
  /** A short label for the chart: "12 DE cities", "Köln admitted", "Guangdong". */
  label: string;
  /** conflicting: a claim the flag is about; outvoting: agrees against it; context: around it; event: admission/exit. */
  role: 'conflicting' | 'outvoting' | 'context' | 'event' | 'explained';
  /** The claim behind the point, so the page can link its evidence. */
  claimId: number | null;
  /** The document the claim came from. */
  documentId: number | null;
}

export interface FlagTimeline {
  /** What the axis is about: "ISA · DE · cities", "Qingdao · province". */
  subject: string;
  /** The unit of numeric values, when there is one. */
  unit?: string;
  /** Ordered by asOf, then by claimId. */
  points: TimelinePoint[];
}

export interface LikelyWrong {
  claimId: number;
  /** Why this claim rather than the others: "two later sources and the reported admissions agree with 21". */
  reason: string;
}

/** Every flag's details carry these (all optional, so older flags still read). */
export interface FlagDetails {
  timeline?: FlagTimeline;
  likelyWrong?: LikelyWrong | null;
  [key: string]: unknown;
}
