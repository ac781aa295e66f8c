/**
 * Words around a city attribute, as data by language: what counts inhabitants, what multiplies a
 * number, what places a city in a region. The rules in this folder join the two languages (a
 * German release quotes English names and the other way round); each entry is a regex source.
 */

export interface AttributeWords {
  /** Nouns a population counts: "Einwohner", "inhabitants". */
  inhabitants: string[];
  /** Nouns that count people, a population only where the text says they live there. */
  people: string[];
  /** Multipliers after a number, with their value: "Mio.", "Millionen", "million". */
  multipliers: Array<[source: string, value: number]>;
  /** Adverbs that may stand before a population's number: "immerhin", "mittlerweile", "now". */
  populationAdverbs: string[];
  /** Participles tying a population to the noun after it: "die 8 Mio. Einwohner zählende Stadt". */
  populationParticiples: string[];
  /** Nouns for a population before its number: "Einwohnerzahl von", "population of". */
  populationNouns: string[];
  /** What joins such a noun and the number: "von", "liegt bei", "of", "stands at". */
  populationLinks: string[];
  /** Verbs of living after a people noun: "Menschen leben in Laizhou". */
  livingVerbs: string[];
  /** The head of a compound population noun: "Acht-Millionen-Stadt", "16-Millionen-Metropole". */
  compoundHeads: string[];
  /** A comparison that leaves the counted noun out, the place before it: "In Ulm sind es 120 000", "in Ulm, the figure is 120,000". */
  ellipticCopulas: string[];
  /** Nouns that stand for a city in an anaphor ("die Stadt", "die Küstenmetropole", "the city"). */
  cityNouns: string[];
  /** Nouns for the area around a city, whose population is the city's metropolitan one: "im Großraum", "in the metropolitan area". */
  metroNouns: string[];
  /** Words that open a relative or attached clause after a city, about it: "…, in deren Großraum", "…, where", "…, whose population". */
  relativeOpeners: string[];
}

export const GERMAN_ATTRIBUTE_WORDS: AttributeWords = {
  inhabitants: ['Einwohner\\p{L}*', 'Bewohner\\p{L}*'],
  people: ['Menschen'],
  multipliers: [['Mio\\.?', 1e6], ['Millionen', 1e6], ['Million', 1e6], ['Mrd\\.?', 1e9], ['Milliarden', 1e9], ['Tsd\\.', 1e3], ['Tausend', 1e3]],
  populationAdverbs: ['immerhin', 'mittlerweile', 'inzwischen', 'heute', 'derzeit', 'aktuell', 'gerade\\s+mal', 'nun'],
  populationParticiples: ['zählende\\p{L}*', 'umfassende\\p{L}*', 'starke\\p{L}*'],
  populationNouns: ['Einwohnerzahl', 'Bevölkerung', 'Bevölkerungszahl'],
  populationLinks: ['von', 'liegt\\s+bei', 'beträgt', 'umfasst', 'ist', 'mit'],
  livingVerbs: ['leben', 'wohnen', 'lebten', 'wohnten'],
  ellipticCopulas: ['sind\\s+es', 'waren\\s+es', 'zählt\\s+man', 'leben', 'wohnen'],
  compoundHeads: ['\\p{L}*[Ss]tadt', '\\p{L}*[Mm]etropole', 'Metropolregion', 'Provinz', 'Einwohner-Stadt', 'Einwohner-Metropole', 'Menschen-Metropole'],
  cityNouns: [
    // "Wartburgstadt", "Mega-Metropole", "Küstenmetropole": a compound names the city talked about.
    '\\p{Lu}[\\p{Ll}-]*?(?:stadt|-Stadt|metropole|-Metropole)', 'Landkreis', 'Kreis', 'Stadt', 'Kreisstadt', 'Große\\s+Kreisstadt', 'Großstadt',
    'Universitätsstadt', 'Hansestadt', 'Industriestadt', 'Kommune', 'Gemeinde', 'Metropole', 'Millionenmetropole', 'Millionenstadt',
    'Stadtbezirk', 'Bezirk', 'Provinzhauptstadt', 'Hauptstadt', 'Hafenstadt',
  ],
  metroNouns: ['Großraum', 'Ballungsraum', 'Ballungsgebiet', 'Metropolregion', 'Einzugsgebiet', 'Stadtgebiet', 'Verwaltungsgebiet', 'Agglomeration'],
  relativeOpeners: ['in\\s+deren', 'in\\s+dessen', 'deren', 'dessen', 'die', 'der', 'das', 'wo', 'in\\s+der', 'in\\s+dem'],
};

export const ENGLISH_ATTRIBUTE_WORDS: AttributeWords = {
  inhabitants: ['inhabitants', 'residents'],
  people: ['people'],
  multipliers: [['million', 1e6], ['mn', 1e6], ['billion', 1e9], ['thousand', 1e3]],
  populationAdverbs: ['now', 'currently', 'today'],
  populationParticiples: [],
  populationNouns: ['population'],
  populationLinks: ['of', 'is', 'was', 'stands\\s+at', 'totals', 'exceeds', 'reaches'],
  livingVerbs: ['live', 'living', 'lived', 'reside'],
  ellipticCopulas: ['it\\s+is', 'it\\s+was', 'the\\s+figure\\s+is', 'the\\s+number\\s+is', 'there\\s+are'],
  compoundHeads: [],
  cityNouns: ['city', 'metropolis', 'district', 'town', 'municipality', 'capital'],
  metroNouns: ['metropolitan\\s+area', 'metro\\s+area', 'urban\\s+area', 'greater\\s+area', 'wider\\s+area', 'agglomeration', 'administrative\\s+area'],
  relativeOpeners: ['where', 'whose', 'which', 'that', 'in\\s+which', 'home\\s+to'],
};

export const ATTRIBUTE_WORDS: readonly AttributeWords[] = [GERMAN_ATTRIBUTE_WORDS, ENGLISH_ATTRIBUTE_WORDS];

/** The sources of one field in both languages, as one alternation. */
export function alternation(field: Exclude<keyof AttributeWords, 'multipliers'>): string {
  return ATTRIBUTE_WORDS.flatMap((words) => words[field]).join('|');
}

/** Every multiplier source, as one alternation (longest first, so "Millionen" wins over "Million"). */
export const MULTIPLIER_SOURCE = ATTRIBUTE_WORDS.flatMap((w) => w.multipliers.map(([source]) => source))
  .sort((a, b) => b.length - a.length)
  .join('|');

const MULTIPLIERS = ATTRIBUTE_WORDS.flatMap((w) => w.multipliers).map(([source, value]) => [new RegExp(`^(?:${source})$`, 'iu'), value] as const);

/** Value of a multiplier as written ("Mio.", "million"), 1 where none is written. */
export function multiplierValue(written: string | undefined): number {
  if (!written) return 1;
  return MULTIPLIERS.find(([whole]) => whole.test(written.trim()))?.[1] ?? 1;
}

/** Words that place a city in a region: verbs before the preposition, and the preposition. */
export interface RegionWords {
  /** "Shenzhen liegt im …", "gelegen im …", "located in …". */
  locatives: string[];
  /** The prepositions (with article) before a region noun: "im", "in der", "in the". */
  prepositions: string[];
}

export const GERMAN_REGION_WORDS: RegionWords = {
  locatives: ['liegt', 'lag', 'gelegen', 'befindet\\s+sich', 'beheimatet'],
  prepositions: ['im', 'in\\s+der', 'in\\s+dem', 'in'],
};

export const ENGLISH_REGION_WORDS: RegionWords = {
  locatives: ['lies', 'is\\s+located', 'located', 'situated', 'is'],
  prepositions: ['in\\s+the', 'in'],
};

export const REGION_WORDS: readonly RegionWords[] = [GERMAN_REGION_WORDS, ENGLISH_REGION_WORDS];

/** Words around a city named beside its province or Land (`read-gazetteer-placement.ts`). */
export interface PlacementWords {
  /** Nouns for a capital: "Hauptstadt", "capital". */
  capitals: string[];
  /** Words that make the two names two separate things: "und", "zwischen", "and", "to". */
  separating: string[];
}

export const GERMAN_PLACEMENT_WORDS: PlacementWords = {
  capitals: ['Hauptstadt', 'Provinzhauptstadt', 'Landeshauptstadt'],
  separating: ['und', 'sowie', 'oder', 'zwischen', 'nach', 'bis', 'mit', 'gegenüber', 'statt', 'neben'],
};

export const ENGLISH_PLACEMENT_WORDS: PlacementWords = {
  capitals: ['capital', 'provincial\\s+capital'],
  separating: ['and', 'or', 'between', 'to', 'with', 'versus', 'vs\\.', 'than', 'besides'],
};
