/** What an attribute rule found, before it becomes a claim: named fields, so rules compose. */
import type { CityAttributeName, CountQualifier } from '../../core/claim.ts';

export interface AttributeFinding {
  /** Canonical name of the city described (a raw name where the gazetteer knows none). */
  city: string;
  attribute: CityAttributeName;
  value: string | number;
  /** Evidence span in the document. */
  start: number;
  end: number;
  /** The rule, `city-attribute/…`. */
  rule: string;
  /** Which fields were inferred, not stated: `city` for an anaphor, `value` for a province implied by a capital. */
  implied?: string[];
  /** How a population is stated. */
  qualifier?: CountQualifier;
}

export type PushFinding = (finding: AttributeFinding) => void;
