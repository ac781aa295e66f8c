/**
 * The gazetteer: place names indexed by normalised tokens in a trie (for running text) and by
 * compact key (for single names), with a trigram index for misspelling suggestions. Matching cost
 * per token is bounded by name length in tokens, never by the number of places.
 */
import type { Country } from '../../core/claim.ts';
import { editDistance } from './edit-distance.ts';
import type { Admin1File, CuratedAlias, CuratedRegion } from './gazetteer-data.ts';
import type { Gazetteer, NameResolution, Place, PlaceMention, PlaceType, ResolveOptions } from './gazetteer-types.ts';
import { compactKey, nameKeys, normalizeWord, tokenize } from './normalize-name.ts';
import type { Token } from './normalize-name.ts';

/** Extra data besides places and aliases; all optional so tests can build tiny gazetteers. */
export interface GazetteerExtras {
  /** Province / Land names and their written variants for `admin1()`. */
  admin1?: Admin1File | null;
  /** Named regions and networks, added as places of type `region`. */
  regions?: CuratedRegion[];
  /** Names that are also common words or person names (see `PlaceMention.weak`). */
  weakNames?: string[];
}

/** A list item resolved to one member: the shape of `ListMember` in `core/claim.ts`. */
export interface ListItemResolution {
  name: string;
  raw: string;
  resolved: boolean;
  suggestion: string | null;
  /** Places inside a region or network item; empty for a plain place. */
  places: string[];
}

interface TrieNode {
  /** Null for a leaf: most names are one token, and a Map per leaf made most of the start-up's garbage. */
  children: Map<string, TrieNode> | null;
  /** Indexes into the place table of every place this exact token path names. */
  places: number[] | null;
}

// Higher-level units win over namesakes: a prefecture city over its county-level namesake,
// a Gemeinde over the Kreis named after it, a city over a province of the same name.
const TYPE_RANK: Record<PlaceType, number> = {
  prefecture_city: 0,
  municipality: 0,
  province: 1,
  state: 1,
  county_city: 2,
  district: 2,
  city_district: 3,
  region: 4,
};

// A German namesake is taken without a hint only when it is this many times larger than the next.
const DE_POPULATION_DOMINANCE = 5;

// Single-word German municipalities below this size are weak mentions unless a cue makes them strong.
const SMALL_TOWN_POPULATION = 10_000;

// A German village is suggested for a name two or more edits away only above this size.
const SUGGEST_MIN_POPULATION = 5_000;

// A hall, stand or club number after a name: "Halle 2", "Hall 4", "Hannover 96"; not a date ("Lahr 28.05.") or a decimal.
const NUMBERED_AFTER = /^[ \u00a0]\d{1,2}(?![\d]|[.,:/]\d)/u;
// A fair, airport or station named after its city: "Hannover Messe", "Leipzig Airport", "Köln Hbf" name the venue.
export const VENUE_AFTER = /^[ \u00a0](?:Messe|Airport|Flughafen|Hauptbahnhof|Hbf|Marathon)(?![\p{L}])/u;

// Words before a name that make it a place even when the name is also a common word.
const STRONG_CUES = new Set(
  [
    'stadt', 'staedte', 'gemeinde', 'landkreis', 'kreis', 'landeshauptstadt', 'hauptstadt', 'kreisstadt', 'hansestadt',
    'metropole', 'partnerstadt', 'stadtverwaltung', 'oberbuergermeister', 'oberbuergermeisterin', 'buergermeister',
    'buergermeisterin', 'bezirk', 'stadtbezirk', 'distrikt', 'provinz', 'city', 'town', 'district', 'municipality',
    'in', 'aus', 'nach', 'von',
  ],
);
// Words before a name that make it a person ("Herrn LIANG Weidong", "Frau Berg").
const PERSON_CUES = new Set(['herr', 'herrn', 'frau', 'dr', 'prof', 'mr', 'mrs', 'ms', 'minister', 'ministerin']);
const DISTRICT_CUES = new Set(['bezirk', 'stadtbezirk', 'distrikt', 'district', 'qu', 'stadtteil']);

// Designators written around a single name ("Bezirk X", "X District", "Landkreis X").
const PREFIX_DESIGNATORS: Array<[RegExp, PlaceType | null]> = [
  [/^(?:die\s+|der\s+|the\s+)?(?:stadtbezirk|bezirk|distrikt|district)\s+/iu, 'city_district'],
  [/^(?:der\s+|the\s+)?(?:landkreis|kreis|lk)\s+/iu, 'district'],
  [/^(?:die\s+|the\s+)?(?:provinz|province\s+of|province|bundesland|freistaat|land)\s+/iu, null],
  [/^(?:die\s+|der\s+|des\s+|the\s+)?(?:landeshauptstadt|hauptstadt|hansestadt|kreisstadt|universitätsstadt|großstadt|metropole|stadt|gemeinde|markt|city\s+of|town\s+of|municipality\s+of)\s+/iu, null],
  [/^(?:die\s+|the\s+)?(?:region)\s+/iu, null],
];
const SUFFIX_DESIGNATORS: Array<[RegExp, PlaceType | null]> = [
  [/\s+(?:district|bezirk|qu)$/iu, 'city_district'],
  [/\s+(?:county|landkreis|kreis)$/iu, 'district'],
  [/\s+(?:province|provinz|prefecture|city|shi|region|municipality)$/iu, null],
];

/**
 * The built index as plain JSON-safe data (`toIndex`, `fromIndex`), so a build can store it and a
 * start read it instead of normalising every name again (`gazetteer-index.ts`). Maps are kept as
 * entry lists in insertion order, which the lookups' tie-breaks depend on.
 */
export interface GazetteerIndex {
  places: Place[];
  /** Trie nodes depth-first, the root first: `[places | null, [[token key, node number], …] | null]`. */
  trie: Array<[number[] | null, Array<[string, number]> | null]>;
  byKey: Array<[string, number[]]>;
  byCanonical: Array<[string, number[]]>;
  admin1: Array<[string, { name: string; country: Country }]>;
  weak: string[];
  regionPlaces: Array<[number, string[]]>;
  capitals: Array<[string, number]>;
  weakPlaces: number[];
  regions: Array<[string, { name: string; within: string | null }]>;
  admin1Regions: Array<[string, string]>;
}

/** The in-memory gazetteer. Build with `buildGazetteer` or `loadGazetteer`. */
export class PlaceGazetteer implements Gazetteer {
  // Not readonly: `fromIndex` fills them from a stored index instead of building them.
  #places: Place[] = [];
  #trie: TrieNode = { children: new Map(), places: null };
  /** compact key → place indexes (canonical names and aliases). */
  #byKey = new Map<string, number[]>();
  /** canonical-name compact key → place indexes, for `byName`. */
  #byCanonical = new Map<string, number[]>();
  /** trigram → ids of the compact keys containing it (positions in #trigramKeys), for suggestions; null until first needed. */
  #trigrams: Map<string, number[]> | null = null;
  #trigramKeys: string[] = [];
  /** Shared-trigram count per key id, reused by every suggestion (all zero between calls): integers, not a Map of strings. */
  #sharedCounts = new Uint32Array(0);
  #admin1 = new Map<string, { name: string; country: Country }>();
  #weak = new Set<string>();
  #regionPlaces = new Map<number, string[]>();
  /** admin1 compact key → index of its capital. */
  #capitals = new Map<string, number>();
  /** Places whose canonical name is in `weakNames`. */
  #weakPlaces = new Set<number>();
  /** region compact key (name or alias) → canonical region. */
  #regions = new Map<string, { name: string; within: string | null }>();
  /** admin1 canonical name → its region. */
  #admin1Regions = new Map<string, string>();

  constructor(places: Place[], aliases: CuratedAlias[], extras: GazetteerExtras = {}) {
    for (const place of places) this.#addPlace(place);
    for (const region of extras.regions ?? []) {
      const index = this.#addPlace({
        id: `region:${compactKey(region.name)}`,
        name: region.name,
        country: region.country,
        type: 'region',
        admin1: region.admin1,
        parent: null,
      });
      this.#regionPlaces.set(index, region.places);
      for (const alias of region.aliases) this.#addName(alias, index);
    }
    this.#addAliases(aliases);
    for (const country of ['CN', 'DE'] as const) {
      for (const entry of extras.admin1?.[country] ?? []) {
        for (const written of [entry.name, ...entry.aliases]) this.#admin1.set(compactKey(written), { name: entry.name, country });
        if (entry.region) this.#admin1Regions.set(entry.name, entry.region);
      }
    }
    for (const region of extras.admin1?.regions ?? []) {
      for (const written of [region.name, ...region.aliases]) this.#regions.set(compactKey(written), { name: region.name, within: region.within });
    }
    for (const place of this.#places) {
      if (place.type === 'province' || place.type === 'state') {
        this.#admin1.set(compactKey(place.name), { name: place.name, country: place.country });
      }
    }
    for (const name of extras.weakNames ?? []) this.#weak.add(compactKey(name));
    this.#places.forEach((p, i) => {
      if (this.#weak.has(compactKey(p.name))) this.#weakPlaces.add(i);
    });
  }

  /**
   * The gazetteer of a stored index, with `aliases` added as the constructor adds them: equal to
   * one built with those aliases after the index's own (nothing else reads the aliases).
   */
  static fromIndex(index: GazetteerIndex, aliases: readonly CuratedAlias[] = []): PlaceGazetteer {
    const gazetteer = new PlaceGazetteer([], []);
    gazetteer.#places = index.places;
    const nodes: TrieNode[] = index.trie.map(([places]) => ({ children: null, places }));
    index.trie.forEach(([, children], i) => {
      const node = nodes[i] as TrieNode;
      if (children) node.children = new Map(children.map(([key, child]) => [key, nodes[child] as TrieNode]));
    });
    gazetteer.#trie = nodes[0] ?? { children: null, places: null };
    gazetteer.#trie.children ??= new Map();
    gazetteer.#byKey = new Map(index.byKey);
    gazetteer.#byCanonical = new Map(index.byCanonical);
    gazetteer.#admin1 = new Map(index.admin1);
    gazetteer.#weak = new Set(index.weak);
    gazetteer.#regionPlaces = new Map(index.regionPlaces);
    gazetteer.#capitals = new Map(index.capitals);
    gazetteer.#weakPlaces = new Set(index.weakPlaces);
    gazetteer.#regions = new Map(index.regions);
    gazetteer.#admin1Regions = new Map(index.admin1Regions);
    gazetteer.#addAliases(aliases);
    return gazetteer;
  }

  /** This gazetteer's index as plain data (see {@link GazetteerIndex}); `fromIndex` makes an equal one. */
  toIndex(): GazetteerIndex {
    const trie: GazetteerIndex['trie'] = [];
    const number = (node: TrieNode): number => {
      const row: GazetteerIndex['trie'][number] = [node.places, null];
      const at = trie.push(row) - 1;
      if (node.children) row[1] = [...node.children].map(([key, child]) => [key, number(child)]);
      return at;
    };
    number(this.#trie);
    // A copy: the index must not share arrays with this gazetteer, whose aliases extend them.
    return structuredClone({
      places: this.#places,
      trie,
      byKey: [...this.#byKey],
      byCanonical: [...this.#byCanonical],
      admin1: [...this.#admin1],
      weak: [...this.#weak],
      regionPlaces: [...this.#regionPlaces],
      capitals: [...this.#capitals],
      weakPlaces: [...this.#weakPlaces],
      regions: [...this.#regions],
      admin1Regions: [...this.#admin1Regions],
    });
  }

  /** Each alias names every place of its canonical name (and country, and id when given). */
  #addAliases(aliases: readonly CuratedAlias[]): void {
    for (const alias of aliases) {
      const targets = (this.#byCanonical.get(compactKey(alias.name)) ?? []).filter((i) => {
        const p = this.#places[i];
        return p !== undefined && p.country === alias.country && (alias.id === undefined || p.id === alias.id);
      });
      for (const i of targets) this.#addName(alias.alias, i);
    }
    this.#trigrams = null; // built on first use from #byKey, which aliases extend
  }

  #isSmallTown(index: number): boolean {
    const p = this.#places[index];
    return p !== undefined && p.type === 'municipality' && (p.population ?? 0) < SMALL_TOWN_POPULATION;
  }

  /** Trigram index for suggestions, built on first use: most documents never need it. */
  #trigramIndex(): Map<string, number[]> {
    if (this.#trigrams === null) {
      const trigrams = new Map<string, number[]>();
      const keys = [...this.#byKey.keys()];
      for (const [id, key] of keys.entries()) {
        for (const gram of trigramsOf(key)) {
          const list = trigrams.get(gram);
          if (list) list.push(id);
          else trigrams.set(gram, [id]);
        }
      }
      this.#trigrams = trigrams;
      this.#trigramKeys = keys;
      this.#sharedCounts = new Uint32Array(keys.length);
    }
    return this.#trigrams;
  }

  /** Number of places indexed (for diagnostics and the bench). */
  get size(): number {
    return this.#places.length;
  }

  #addPlace(place: Place): number {
    const index = this.#places.length;
    this.#places.push(place);
    if (place.capitalOf) this.#capitals.set(compactKey(place.capitalOf), index);
    pushUnique(this.#byCanonical, compactKey(place.name), index);
    this.#addName(place.name, index);
    for (const variant of derivedVariants(place)) this.#addName(variant, index);
    return index;
  }

  #addName(written: string, index: number): void {
    const keys = nameKeys(written);
    if (keys.length === 0) return;
    pushUnique(this.#byKey, keys.filter((k) => k !== '(' && k !== ')').join(''), index);
    let node = this.#trie;
    for (const key of keys) {
      node.children ??= new Map();
      let child = node.children.get(key);
      if (!child) {
        child = { children: null, places: null };
        node.children.set(key, child);
      }
      node = child;
    }
    node.places ??= [];
    if (!node.places.includes(index)) node.places.push(index);
  }

  findMentions(text: string): PlaceMention[] {
    const tokens = tokenize(text);
    const mentions: Array<PlaceMention & { weak: boolean; first: number; last: number }> = [];
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i];
      if (!first?.isWord || !startsUpper(first.text)) continue;
      const match = this.#longestMatch(tokens, i);
      if (!match) continue;
      const start = first.start;
      const end = tokens[match.last]?.end ?? first.end;
      const candidates = this.#rank(match.places).map((k) => this.#places[k]).filter(isPlace);
      // "Berger", "Hofer", "Walder" are surnames and words, not inflections of the villages Berg, Hof, Wald.
      if (match.inflected && match.places.every((k) => this.#weakPlaces.has(k) || this.#isSmallTown(k))) continue;
      mentions.push({ start, end, raw: text.slice(start, end), candidates, weak: false, first: i, last: match.last });
      i = match.last;
    }
    // "in Halle 2" (an exhibition hall), "Hannover 96" (a club): a small number right after the name makes it no place.
    for (const m of mentions) m.weak = NUMBERED_AFTER.test(text.slice(m.end, m.end + 6)) || VENUE_AFTER.test(text.slice(m.end, m.end + 16)) || this.#isWeak(m, tokens, mentions);
    return mentions.map(({ start, end, raw, candidates, weak }) => ({ start, end, raw, candidates, weak }));
  }

  /** Longest token path from `from` that names a place; the last word may carry an inflection. */
  #longestMatch(tokens: Token[], from: number): { last: number; places: number[]; inflected: boolean } | null {
    let node = this.#trie;
    let best: { last: number; places: number[]; inflected: boolean } | null = null;
    for (let j = from; j < tokens.length; j++) {
      const t = tokens[j];
      if (!t) break;
      if (!t.isWord && (t.key === '-' || t.key === '.') && j > from) continue;
      if (!t.isWord && t.key !== '(' && t.key !== ')') break;
      if (t.isWord) {
        for (const stem of inflectionStems(t.key)) {
          const places = node.children?.get(stem)?.places;
          if (places && (!best || best.last < j)) best = { last: j, places, inflected: true };
        }
      }
      const child = node.children?.get(t.key);
      if (!child) break;
      node = child;
      if (node.places) best = { last: j, places: node.places, inflected: false };
    }
    return best;
  }

  #isWeak(m: { candidates: Place[]; first: number; last: number; start: number }, tokens: Token[], all: Array<{ candidates: Place[]; start: number }>): boolean {
    const prev = previousWord(tokens, m.first);
    if (prev && PERSON_CUES.has(prev.key)) return true;
    // "LIANG Weidong": a name after an all-caps family name is a person.
    const own = tokens[m.first]?.text ?? '';
    if (prev && own !== own.toUpperCase() && prev.text.length > 1 && prev.text === prev.text.toUpperCase() && /\p{Lu}/u.test(prev.text) && tokens[m.first - 1] === prev) {
      if (!this.#admin1.has(prev.key) && !this.#byKey.has(prev.key)) return true;
    }
    const strong = prev !== null && STRONG_CUES.has(prev.key) && tokens[m.first - 1] === prev;
    const key = tokens.slice(m.first, m.last + 1).filter((t) => t.isWord).map((t) => t.key).join('');
    if (this.#weak.has(key)) {
      return !strong;
    }
    // Villages under 10 000 people named with one word are mostly homonyms of common words
    // ("Wissen", "Nahe", "Stelle"); bigger towns are listed in weakNames when they are words.
    if (
      m.first === m.last &&
      m.candidates.length > 0 &&
      m.candidates.every((p) => p.type === 'municipality' && (p.population ?? 0) < SMALL_TOWN_POPULATION)
    ) {
      return !strong;
    }
    if (m.candidates.length > 0 && m.candidates.every((p) => p.country === 'CN')) {
      const next = tokens[m.last + 1];
      if ((prev && DISTRICT_CUES.has(prev.key)) || (next && DISTRICT_CUES.has(next.key))) return false;
      // A district is a place when its parent city is named nearby.
      const parents = new Set(m.candidates.map((p) => p.parent));
      if (all.some((o) => Math.abs(o.start - m.start) < 300 && o.candidates.some((p) => parents.has(p.name) && p.type !== 'city_district'))) return false;
      // "Zhang Weidong", "Weidong Zhang": a pinyin name next to a Chinese family name is a person.
      if (prev && tokens[m.first - 1] === prev && this.#weak.has(prev.key) && prev.key.length <= 5 && startsUpper(prev.text)) return true;
      const after = tokens[m.last + 1];
      if (after?.isWord && this.#weak.has(after.key) && after.key.length <= 5 && startsUpper(after.text) && !this.#byKey.has(after.key)) return true;
    }
    return false;
  }

  resolve(raw: string, options: ResolveOptions = {}): NameResolution {
    const parsed = parseWrittenName(raw);
    let admin1Hint = options.admin1Hint ? (this.admin1(options.admin1Hint)?.name ?? options.admin1Hint) : null;
    // Places named in a qualifier: "(Bezirk der Stadt Shenzhen)" names the parent, "(Wenling)" a child.
    const related: Place[] = [];
    for (const qualifier of parsed.qualifiers) {
      const admin = this.admin1(qualifier);
      if (admin) {
        admin1Hint ??= admin.name;
        continue;
      }
      const inner = this.findMentions(qualifier).flatMap((m) => m.candidates);
      related.push(...inner.filter((p) => p.type !== 'province' && p.type !== 'state'));
      const state = inner.find((p) => p.type === 'province' || p.type === 'state');
      if (state && related.length === 0) admin1Hint ??= state.name;
    }
    const found = this.#lookup(parsed.core, parsed.type);
    let indexes = found;
    const narrow = (keep: (p: Place) => boolean): void => {
      const kept = indexes.filter((i) => {
        const p = this.#places[i];
        return p !== undefined && keep(p);
      });
      if (kept.length > 0) indexes = kept;
    };
    if (options.country) narrow((p) => p.country === options.country);
    if (admin1Hint) narrow((p) => p.admin1 === admin1Hint);
    if (related.length > 0) {
      narrow((p) => related.some((q) => p.parent === q.name || (q.parent === p.name && q.admin1 === p.admin1) || q.id === p.id));
    }
    if (parsed.type) narrow((p) => p.type === parsed.type || (parsed.type === 'district' && p.type === 'district'));
    const ranked = this.#rank(indexes);
    const candidates = ranked.map((i) => this.#places[i]).filter(isPlace);
    const rawTrimmed = raw.trim();
    if (candidates.length === 0) {
      return { raw: rawTrimmed, place: null, candidates: [], resolved: false, suggestion: this.#suggest(parsed.core, options.country ?? null) };
    }
    const chosen = choose(candidates);
    return { raw: rawTrimmed, place: chosen, candidates, resolved: chosen !== null, suggestion: null };
  }

  /** Exact key, then inflection stems, then Kreis forms. */
  #lookup(core: string, type: PlaceType | null): number[] {
    const key = compactKey(core);
    if (key === '') return [];
    const exact = this.#byKey.get(key);
    if (exact) return [...exact];
    for (const stem of inflectionStems(key)) {
      const hit = this.#byKey.get(stem);
      if (hit) return [...hit];
    }
    if (type === 'district') {
      for (const prefix of ['landkreis', 'kreis']) {
        const hit = this.#byKey.get(prefix + key);
        if (hit) return [...hit];
      }
    }
    // "Rüsselsheim a. M.", "Frankfurt an der Oder": the town without its river, if the river fits.
    const qualified = core.match(/^(.+?)\s*(?:\(|\/|,|\s(?:am|an der|an den|a\.|in der|im|ob der|bei|i\.)\s*)\s*([\p{L}.]+)/u);
    if (qualified?.[1] && qualified[2]) {
      const base = this.#byKey.get(compactKey(qualified[1])) ?? [];
      const river = normalizeWord(qualified[2].replace(/\.$/u, ''));
      const places = base.map((i) => ({ i, p: this.#places[i] })).filter((x): x is { i: number; p: Place } => x.p !== undefined);
      const fitting = places.filter(({ p }) => nameKeys(p.name).slice(1).some((k) => k.startsWith(river)));
      if (fitting.length > 0) return fitting.map(({ i }) => i);
      const plain = places.filter(({ p }) => compactKey(p.name) === compactKey(qualified[1] ?? ''));
      if (plain.length > 0) return plain.map(({ i }) => i);
    }
    return [];
  }

  /** Nearest known name for a likely misspelling, via the trigram index; prefix matches count ("Zhuzhouan"). */
  #suggest(core: string, country: Country | null): string | null {
    const key = compactKey(core);
    if (key.length < 4) return null;
    const max = maxEditsFor(key);
    const index = this.#trigramIndex();
    const counts = this.#sharedCounts;
    // Keys in the order they first share a trigram: the stable sort below keeps that order among equal counts.
    const touched: number[] = [];
    const grams = trigramsOf(key);
    for (const gram of grams) {
      for (const id of index.get(gram) ?? []) {
        if (counts[id] === 0) touched.push(id);
        counts[id]! += 1;
      }
    }
    const least = Math.max(1, Math.floor(grams.length / 3));
    const pool = touched.filter((id) => counts[id]! >= least).sort((a, b) => counts[b]! - counts[a]!).slice(0, 200).map((id) => this.#trigramKeys[id]!);
    for (const id of touched) counts[id] = 0;
    let best: { index: number; distance: number; rank: number; population: number } | null = null;
    for (const other of pool) {
      let distance = editDistance(key, other, max);
      // "Zhuzhouan" = "Zhuzhou" + junk: a long known name as prefix with a short tail counts as close.
      if (distance > max && other.length >= 5 && key.startsWith(other) && key.length - other.length <= 3) distance = max;
      if (distance > max) continue;
      for (const index of this.#byKey.get(other) ?? []) {
        const p = this.#places[index];
        if (!p || (country && p.country !== country)) continue;
        const population = p.population ?? 0;
        // Two edits away from a village is more likely another word than a misspelt member city.
        if (distance >= 2 && p.type === 'municipality' && population < SUGGEST_MIN_POPULATION) continue;
        const rank = TYPE_RANK[p.type];
        if (
          !best ||
          distance < best.distance ||
          (distance === best.distance && (rank < best.rank || (rank === best.rank && population > best.population)))
        ) {
          best = { index, distance, rank, population };
        }
      }
    }
    return best ? (this.#places[best.index]?.name ?? null) : null;
  }

  byName(name: string, country: Country | null = null): Place[] {
    return this.#rank(this.#byCanonical.get(compactKey(name)) ?? [])
      .map((i) => this.#places[i])
      .filter(isPlace)
      .filter((p) => country === null || p.country === country);
  }

  /** Every place, for filling the database's gazetteer table. */
  places(): readonly Place[] {
    return this.#places;
  }

  capitalOf(admin1: string): Place | null {
    const name = this.admin1(admin1)?.name ?? admin1;
    const index = this.#capitals.get(compactKey(name));
    return index === undefined ? null : (this.#places[index] ?? null);
  }

  admin1Fuzzy(raw: string): { name: string; country: Country } | null {
    const exact = this.admin1(raw);
    if (exact) return exact;
    const key = compactKey(cleanAdmin1(raw));
    const max = maxEditsFor(key);
    if (max === 0) return null;
    // The same edit budget a misspelt city gets; a tie between two provinces ("Shanxi"/"Shaanxi") resolves to neither.
    let best: { name: string; country: Country } | null = null;
    let bestDistance = max + 1;
    let tied = false;
    for (const [written, admin1] of this.#admin1) {
      const distance = editDistance(key, written, max);
      if (distance > max) continue;
      if (distance < bestDistance) {
        best = admin1;
        bestDistance = distance;
        tied = false;
      } else if (distance === bestDistance && best?.name !== admin1.name) tied = true;
    }
    return tied ? null : best;
  }

  region(raw: string): { name: string; within: string | null } | null {
    const key = compactKey(raw.trim().replace(/^(?:der|die|das|dem|des|the)\s+/iu, ''));
    return this.#regions.get(key) ?? (key.endsWith('s') ? this.#regions.get(key.slice(0, -1)) ?? null : null);
  }

  regionOfAdmin1(admin1: string): string | null {
    const name = this.admin1(admin1)?.name ?? admin1;
    return this.#admin1Regions.get(name) ?? null;
  }

  admin1(raw: string): { name: string; country: Country } | null {
    // "Guangxi Zhuang Autonomous Region": the people a region is named after are no part of its name.
    const key = compactKey(cleanAdmin1(raw));
    const direct = this.#admin1.get(key);
    if (direct) return direct;
    // Genitive: "Bayerns", "Guangdongs".
    return key.endsWith('s') ? (this.#admin1.get(key.slice(0, -1)) ?? null) : null;
  }

  /**
   * Resolve one list item as a single member; a region or network ("Region Schwarzwald (Lahr und
   * Freiburg)", "Städtenetzwerk „Drei gewinnt“ mit Rüsselsheim/Raunheim/Kelsterbach") stays one
   * member with the places inside kept.
   */
  resolveListItem(raw: string, options: ResolveOptions = {}): ListItemResolution {
    const trimmed = raw.trim();
    const network = /^(?:das\s+|the\s+)?(?:städtenetzwerk|städteverbund|netzwerk|verbund|städtedreieck|network)\b/iu.test(trimmed);
    const region = /^(?:die\s+|the\s+)?region\b|\(region\)|\bregion$/iu.test(trimmed);
    const direct = this.resolve(trimmed, options);
    // Places named inside the item, in order, without regions and Länder/provinces.
    const inside = [
      ...new Set(
        this.findMentions(trimmed)
          .filter((m) => m.candidates.some((p) => p.type !== 'province' && p.type !== 'state' && p.type !== 'region'))
          .map((m) => this.resolve(m.raw, options).place?.name ?? m.candidates[0]?.name ?? m.raw),
      ),
    ];
    const knownRegion = direct.place?.type === 'region' ? this.#regionPlaces.get(this.#places.indexOf(direct.place)) : undefined;
    if (knownRegion) {
      return { name: direct.place?.name ?? trimmed, raw: trimmed, resolved: true, suggestion: null, places: [...new Set([...knownRegion, ...inside])] };
    }
    if (!network && !region) {
      return {
        name: direct.place?.name ?? direct.suggestion ?? trimmed,
        raw: trimmed,
        resolved: direct.resolved,
        suggestion: direct.resolved ? null : direct.suggestion,
        places: [],
      };
    }
    const head = parseWrittenName(trimmed.replace(/\s*\(.*$/u, '').replace(/\s+(?:mit|with)\s+.*$/iu, ''));
    const headName = head.core.replace(/^(?:städtenetzwerk|städteverbund|netzwerk|verbund|network)\s+/iu, '').replace(/[„“"”‚‘]/gu, '').trim();
    if (region && direct.resolved && direct.place && !/\(/u.test(trimmed)) {
      // "Fulda (Region)" is handled by parseWrittenName; "Region Hannover" names a real unit.
      return { name: direct.place.name, raw: trimmed, resolved: true, suggestion: null, places: [direct.place.name] };
    }
    const places = inside;
    const headPlace = this.resolve(headName, options).place;
    const name = network ? headName || trimmed : headPlace ? `Region ${headPlace.name}` : headName.startsWith('Region') ? headName : `Region ${headName}`;
    return { name, raw: trimmed, resolved: places.length > 0 || headPlace !== null, suggestion: null, places: places.length > 0 ? places : headPlace ? [headPlace.name] : [] };
  }

  /** Rank: type (higher-level unit first), then population, then id for a stable order. */
  #rank(indexes: number[]): number[] {
    const unique = [...new Set(indexes)];
    // A state or province outranks a namesake town (Hessen the Land, not the village; Brandenburg
    // the Land, not Brandenburg an der Havel; Hainan the province, not the prefecture in Qinghai)
    // unless the town is that unit's own capital (Berlin, Hamburg, Beijing, Chongqing).
    const admins = new Set<string | null>(
      unique.map((i) => this.#places[i]).filter((p) => p?.type === 'state' || p?.type === 'province').map((p) => p?.name ?? null),
    );
    const rankOf = (p: Place): number =>
      TYPE_RANK[p.type] < 1 && admins.size > 0 && !admins.has(p.capitalOf ?? null) ? 1.5 : TYPE_RANK[p.type];
    return unique.sort((a, b) => {
      const pa = this.#places[a];
      const pb = this.#places[b];
      if (!pa || !pb) return 0;
      return (
        rankOf(pa) - rankOf(pb) ||
        (pb.population ?? 0) - (pa.population ?? 0) ||
        (pa.id < pb.id ? -1 : pa.id > pb.id ? 1 : 0)
      );
    });
  }
}

/**
 * Pick one place from ranked candidates, or null when they stay ambiguous: a single candidate of the
 * top type rank wins; German namesakes are decided by population when one dwarfs the others.
 */
function choose(ranked: Place[]): Place | null {
  const top = ranked[0];
  if (!top) return null;
  const rivals = ranked.filter((p) => TYPE_RANK[p.type] === TYPE_RANK[top.type]);
  if (rivals.length === 1) return top;
  const second = rivals[1];
  if (top.country === 'DE' && second && (top.population ?? 0) >= DE_POPULATION_DOMINANCE * Math.max(1, second.population ?? 0)) return top;
  return null;
}

/** Written variants derived by rule, so tests with small data behave like the bundled data. */
function derivedVariants(place: Place): string[] {
  const out: string[] = [];
  const name = place.name;
  if (place.country === 'DE') {
    // "Frankfurt am Main" → "Frankfurt", "Halle (Saale)" → "Halle", "Neustadt a. d. Weinstraße" → "Neustadt".
    const base = name.replace(/\s+(?:\(.*\)|(?:am|an der|an den|in der|im|in|ob der|bei|a\.|i\.)\s.*)$/u, '');
    if (base !== name && base.length >= 3) out.push(base);
    if (/^Sankt\s/u.test(name)) out.push(name.replace(/^Sankt\s/u, 'St. '));
    if (/^St\.\s/u.test(name)) out.push(name.replace(/^St\.\s/u, 'Sankt '));
    if (place.type === 'district') {
      const short = name.replace(/^(?:Landkreis|Kreis|Regionalverband|Region|Städteregion)\s+/u, '');
      if (short !== name) {
        out.push(short, `Landkreis ${short}`, `Kreis ${short}`, `Landkreises ${short}`, `Kreises ${short}`);
      }
    }
  } else if (/ü/u.test(name)) {
    // Pinyin ü is often typed as v or u (Lvliang, Luliang).
    out.push(name.replace(/ü/gu, 'v'), name.replace(/ü/gu, 'u'));
  }
  return out;
}

/** Candidate stems of an inflected German name token: Kölns, Kölner, Düsseldorfer, Münchner, Bremer. */
function inflectionStems(key: string): string[] {
  const out: string[] = [];
  if (key.length < 4) return out;
  if (key.endsWith('s')) out.push(key.slice(0, -1));
  if (key.endsWith('ner')) out.push(`${key.slice(0, -3)}en`);
  if (key.endsWith('er')) out.push(key.slice(0, -2), `${key.slice(0, -2)}en`);
  if (key.endsWith('ern') || key.endsWith('ers')) out.push(key.slice(0, -3));
  return out.filter((s) => s.length >= 3);
}

interface ParsedName {
  core: string;
  type: PlaceType | null;
  /** Parenthesised or "in/of X" parts that may name the parent city or the province. */
  qualifiers: string[];
}

/** Split a written name into its core, a type implied by designators, and qualifiers. */
export function parseWrittenName(raw: string): ParsedName {
  let core = raw.trim().replace(/^[-–•*·\s]+|[.,;:\s]+$/gu, '').replace(/[„“"”«»]/gu, '');
  const qualifiers: string[] = [];
  let type: PlaceType | null = null;
  core = core.replace(/\s*\(([^)]*)\)\s*/gu, (_, inner: string) => {
    if (/^(?:region|bezirk|district|landkreis|kreis|stadt|city)$/iu.test(inner.trim())) {
      if (/bezirk|district/iu.test(inner)) type = 'city_district';
      if (/kreis/iu.test(inner)) type = 'district';
    } else {
      if (/bezirk|district/iu.test(inner)) type = 'city_district';
      qualifiers.push(inner.trim());
    }
    return ' ';
  }).trim();
  // "Bezirk Nansha in Guangzhou", "Nansha District of Guangzhou", "Bao'an, Shenzhen".
  // "Yunfu aus der Provinz Guangdong", "Taizhou in der Provinz Zhejiang", "Weinan in Shaanxi province".
  const located = core.match(/^(.+?)\s+(?:in|im|of|bei|der Stadt|von|aus|from)\s+(?:(?:der|dem|the)\s+)?(\p{Lu}.+)$/u) ?? core.match(/^(.+?),\s*(\p{Lu}.+)$/u);
  if (located?.[1] && located[2]) {
    core = located[1];
    qualifiers.push(located[2]);
  }
  for (let changed = true; changed; ) {
    changed = false;
    for (const [re, t] of PREFIX_DESIGNATORS) {
      if (re.test(core) && core.replace(re, '').length >= 2) {
        core = core.replace(re, '');
        type ??= t;
        changed = true;
      }
    }
    for (const [re, t] of SUFFIX_DESIGNATORS) {
      if (re.test(core) && core.replace(re, '').length >= 2) {
        core = core.replace(re, '');
        type ??= t;
        changed = true;
      }
    }
  }
  return { core: core.trim(), type, qualifiers };
}

/** Build a gazetteer from places and aliases (tests use small hand-made data). */
export function buildGazetteer(places: Place[], aliases: CuratedAlias[] = [], extras: GazetteerExtras = {}): PlaceGazetteer {
  return new PlaceGazetteer(places, aliases, extras);
}

/** Resolve one list item (see `PlaceGazetteer.resolveListItem`) against any gazetteer built here. */
export function resolveListItem(gazetteer: PlaceGazetteer, raw: string, options: ResolveOptions = {}): ListItemResolution {
  return gazetteer.resolveListItem(raw, options);
}

/** Edits a misspelt name may have and still be recognised: none under four letters, more for longer names. */
function maxEditsFor(key: string): number {
  return key.length < 4 ? 0 : key.length <= 5 ? 1 : key.length <= 10 ? 2 : 3;
}

/** A written admin1 without designators: "Provinz Guangdong", "Guangdong Province" → "Guangdong". */
function cleanAdmin1(raw: string): string {
  return raw
    .trim()
    .replace(/^[(\s]+|[)\s.,;:]+$/gu, '')
    .replace(/^(?:der\s+|die\s+|the\s+)?(?:provinz|province\s+of|bundesland|land|freistaat|autonome\s+region|autonomous\s+region)\s+/iu, '')
    .replace(/\s+(?:province|provinz|state|(?:(?:zhuang|hui|uygur|uyghur|uighur)\s+)?autonomous\s+region)$/iu, '');
}

function trigramsOf(key: string): string[] {
  const padded = `^${key}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(padded.slice(i, i + 3));
  return out;
}

function pushUnique(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (!list.includes(value)) list.push(value);
}

function startsUpper(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function previousWord(tokens: Token[], index: number): Token | null {
  for (let k = index - 1; k >= 0 && k >= index - 2; k--) {
    const t = tokens[k];
    if (t?.isWord) return t;
    if (t && t.key !== '.') return null;
  }
  return null;
}

function isPlace(p: Place | undefined): p is Place {
  return p !== undefined;
}

