/**
 * The claim contract of `../shared/CLAIMS.md`: what `isa extract --format json` prints and
 * what the pipeline stores, one row per claim with its evidence.
 */

/** ISO date cut to the precision the text gives: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export type PartialDate = string;

/** ISO 3166 alpha-2; only the two countries the alliance spans. */
export type Country = 'DE' | 'CN';

export interface Evidence {
  /** Exact substring of the document's clean text: `text.slice(start, end) === quote`. */
  quote: string;
  start: number;
  end: number;
}

/** Where a claim came from, beyond the quote: which rule fired and what it inferred. */
export interface Provenance {
  /** Name of the parser or refiner that produced the claim, e.g. `member-count/number-noun`. */
  rule: string;
  /** Fields that were inferred rather than stated (chrono's impliedValues), e.g. `['asOf']`. */
  implied?: string[];
  /**
   * Observations for the reconciler that are not fields of the claim, e.g.
   * `weekday-mismatch: "Dienstag, 24. April 2017" — 2017-04-24 is not a Dienstag`.
   */
  notes?: string[];
}

interface ClaimBase {
  evidence: Evidence;
  provenance?: Provenance;
}

export type CountQualifier = 'exact' | 'more_than' | 'at_least' | 'about' | 'at_most' | 'less_than';
export type MemberUnit = 'cities' | 'states' | 'provinces' | 'members' | 'regions' | 'municipalities';
export type MembershipScope = 'founding' | 'current' | 'event';

export interface MemberCountClaim extends ClaimBase {
  kind: 'member_count';
  subject: string;
  country: Country | null;
  count: number;
  qualifier: CountQualifier;
  unit: MemberUnit;
  scope: MembershipScope;
  asOf: PartialDate | null;
}

export interface ListMember {
  /** Canonical name (gazetteer), or the best suggestion when `resolved` is false. */
  name: string;
  /** As written in the text. */
  raw: string;
  resolved: boolean;
  /**
   * Places a list parser read inside a region or network item ("Region Schwarzwald (Lahr und
   * Freiburg)"); the `split-grouped-members` refiner replaces such a member by one per place, so
   * claims that leave the extractors carry `group` instead.
   */
  places?: string[];
  /** The region or network this municipality is a member with ("Schwarzwald", "Drei gewinnt"): it counts once. */
  group?: string;
  /** Closest gazetteer name when the raw name did not resolve. */
  suggestion?: string | null;
}

export interface MemberListClaim extends ClaimBase {
  kind: 'member_list';
  subject: string;
  country: Country | null;
  scope: MembershipScope;
  asOf: PartialDate | null;
  members: ListMember[];
  statedCount: number | null;
}

export type MembershipEventKind = 'joined' | 'intends_to_join' | 'founding_member' | 'left' | 'guest';

export interface MembershipEventClaim extends ClaimBase {
  kind: 'membership_event';
  subject: string;
  city: string;
  event: MembershipEventKind;
  date: PartialDate | null;
}

export type PartnershipRelation = 'partner_city' | 'friendship_city' | 'cooperation_agreement' | 'friendship_treaty';

export interface PartnershipClaim extends ClaimBase {
  kind: 'partnership';
  /** Two canonical names, sorted. */
  cities: [string, string];
  relation: PartnershipRelation;
  since: PartialDate | null;
}

/** `region`: a part of a country a text places the city in ("Ostchina", "Perlflussdelta"), canonical as the gazetteer names it. */
export type CityAttributeName = 'province' | 'state' | 'capital_of' | 'district_of' | 'population' | 'region';

export interface CityAttributeClaim extends ClaimBase {
  kind: 'city_attribute';
  city: string;
  attribute: CityAttributeName;
  value: string | number;
  /** How a population is stated ("über 15 Mio." is more_than); absent for other attributes and where nothing qualifies the number. */
  qualifier?: CountQualifier;
}

export interface EventClaim extends ClaimBase {
  kind: 'event';
  type: string;
  subject: string;
  date: PartialDate | null;
  place: string | null;
  ordinal: number | null;
}

export type Claim =
  | MemberCountClaim
  | MemberListClaim
  | MembershipEventClaim
  | PartnershipClaim
  | CityAttributeClaim
  | EventClaim;

export type ClaimKind = Claim['kind'];

/** The document part of `isa extract` output. */
export interface ExtractedDocument {
  source: string;
  title: string | null;
  published: PartialDate | null;
  language: string;
  text: string;
}

/** Full `isa extract --format json` output. */
export interface Extraction {
  document: ExtractedDocument;
  claims: Claim[];
}
