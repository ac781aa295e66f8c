/** Shapes of the bundled data files under `data/` (generated `places.json`, curated JSON beside it). */
import type { Country } from '../../core/claim.ts';
import type { PlaceType } from './gazetteer-types.ts';

/** One generated place: `[id, name, country, type, admin1, parent, capitalOf, population]`, compact on disk. */
export type PlaceRow = [string, string, Country, PlaceType, string | null, string | null, string | null, number | null];

export interface PlacesFile {
  $comment: string;
  sources: Record<string, string>;
  columns: string[];
  places: PlaceRow[];
}

export interface Admin1Entry {
  code: string;
  name: string;
  aliases: string[];
  /** CN: division code of the capital (province code itself for municipalities); DE: capital's name. */
  capital: string | null;
  /** CN: the macro-region of `regions` the province lies in ("Guangdong" → "Südchina"). */
  region?: string | null;
}

/** A region of a country that is no administrative unit: China's macro-regions and the deltas inside them. */
export interface RegionEntry {
  /** Canonical name, German like the Länder ("Südchina", "Perlflussdelta"). */
  name: string;
  /** The larger region this one lies in ("Perlflussdelta" → "Südchina"), or null. */
  within: string | null;
  /** Written forms as nouns: "South China", "Süden Chinas", "Pearl River Delta". */
  aliases: string[];
}

export interface Admin1File {
  CN: Admin1Entry[];
  DE: Admin1Entry[];
  /** Optional for older files. */
  regions?: RegionEntry[];
}

export interface KreisEntry {
  name: string;
  land: string;
  /** Seat town, used to find the five-digit Kreis code in the municipal data. */
  seat: string;
  aliases?: string[];
}

export interface KreiseFile {
  kreise: KreisEntry[];
}

/** An extra written form for a place: exonym, transliteration, English name, irregular adjective. */
export interface CuratedAlias {
  alias: string;
  /** Canonical name of the place the alias points to. */
  name: string;
  country: Country;
  /** Place id when the canonical name has namesakes. */
  id?: string;
}

/** A named region or network kept as one place with the places inside. */
export interface CuratedRegion {
  name: string;
  country: Country;
  admin1: string | null;
  aliases: string[];
  places: string[];
}

export interface CuratedFile {
  aliases: CuratedAlias[];
  regions: CuratedRegion[];
  /** Place names that are also common words or person names: mentions only count in strong contexts. */
  weakNames: string[];
  /**
   * Official names the generated data lacks (GeoNames still says "Dessau" for Dessau-Roßlau, merged in
   * 2007): the place with `id` takes `name`, and its old name stays an alias. Optional for older files.
   */
  renames?: CuratedRename[];
}

/** A place whose canonical name differs from the generated one. */
export interface CuratedRename {
  id: string;
  name: string;
}
