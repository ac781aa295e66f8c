/**
 * The gazetteer's public shape. The implementation (data built by a script from maintained
 * public datasets, curated aliases on top, a trie for matching) lives beside this file.
 */
import type { Country } from '../../core/claim.ts';

export type PlaceType =
  | 'municipality' // German Gemeinde / Stadt
  | 'district' // German Landkreis / Kreis
  | 'state' // German Bundesland
  | 'prefecture_city' // Chinese prefecture-level city
  | 'county_city' // Chinese county-level city
  | 'city_district' // Chinese urban district (Bao'an in Shenzhen)
  | 'province' // Chinese province, autonomous region or municipality directly governed
  | 'region'; // a named region ("Rhein-Ruhr-Region") from the curated file

export interface Place {
  /** Stable id, e.g. `de:05315000` (AGS) or `cn:440306` (division code). */
  id: string;
  /** Canonical name per CLAIMS.md: German spelling for DE, plain pinyin with ASCII apostrophe for CN. */
  name: string;
  country: Country;
  type: PlaceType;
  /** Bundesland (DE) or province (CN), canonical. */
  admin1: string | null;
  /** Parent city of a district or county-level city (CN), or Kreis (DE), canonical. */
  parent: string | null;
  /** Capital of this admin1 unit, if it is one (e.g. Guangzhou → Guangdong, Düsseldorf → Nordrhein-Westfalen). */
  capitalOf?: string | null;
  population?: number | null;
}

/** A place name found in running text. */
export interface PlaceMention {
  start: number;
  end: number;
  /** Exact text at [start, end). */
  raw: string;
  /** All places the surface form can mean (two Taizhous, a Kreis and its town). */
  candidates: Place[];
  /**
   * True when the name is also a common word or person name ("Essen", "Berg", "Hof") or an
   * obscure Chinese district, and nothing nearby ("Stadt", "Bezirk", the parent city) makes it a
   * place: the caller decides (e.g. accept it inside a list of cities). Optional for compatibility.
   */
  weak?: boolean;
}

/** Result of resolving one name as written (a list item, a heading). */
export interface NameResolution {
  raw: string;
  /** The place chosen, or null when the name is unknown or ambiguous without context. */
  place: Place | null;
  /** All candidates when ambiguous. */
  candidates: Place[];
  resolved: boolean;
  /** Nearest known name for a likely misspelling ("Zhuzhouan" → "Zhuzhou"). */
  suggestion: string | null;
}

export interface ResolveOptions {
  /** Country expected from context (a list of "chinesische Städte"). */
  country?: Country | null;
  /** Province / Bundesland named nearby, used to pick among namesakes. */
  admin1Hint?: string | null;
}

export interface Gazetteer {
  /** Every place mention in `text`, longest match first, no overlaps. Linear in text length. */
  findMentions(text: string): PlaceMention[];
  /** Resolve one name as written, tolerant of inflection, exonyms, pinyin variants and typos. */
  resolve(raw: string, options?: ResolveOptions): NameResolution;
  /** Look up a canonical name exactly. */
  byName(name: string, country?: Country | null): Place[];
  /** Canonical admin1 name for a written form ("Provinz Guangdong", "NRW", "Nordrhein-Westfalen"). */
  admin1(raw: string): { name: string; country: Country } | null;
  /**
   * Like `admin1`, and when nothing matches exactly, the one province or Land within the edit
   * distance a misspelt city name may have ("Guandong" → Guangdong). Only for names a designator
   * ("Provinz", "province") marks as an admin1; optional.
   */
  admin1Fuzzy?(raw: string): { name: string; country: Country } | null;
  /** The capital of a province or Bundesland, written in any form `admin1` accepts (optional). */
  capitalOf?(admin1: string): Place | null;
  /** Canonical region for a written region noun ("Süden Chinas", "Pearl River Delta"), with the region it lies in (optional). */
  region?(raw: string): { name: string; within: string | null } | null;
  /** The region a province lies in ("Guangdong" → "Südchina"), for comparing a region with a province (optional). */
  regionOfAdmin1?(admin1: string): string | null;
}
