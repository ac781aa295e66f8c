/**
 * Cardinal numbers as press releases write them: digits with German or English grouping,
 * and number words in German ("elf", "vierzehn", "einundzwanzig") and English ("fourteen",
 * "twenty-one"). Closed vocabularies, so a table beats a general NLP parser here.
 */

const GERMAN_UNITS: Record<string, number> = {
  ein: 1, eins: 1, eine: 1, einen: 1, einem: 1, einer: 1, eines: 1,
  zwei: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9,
};
const GERMAN_TEENS: Record<string, number> = {
  zehn: 10, elf: 11, zwölf: 12, zwoelf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, fuenfzehn: 15,
  sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
};
const GERMAN_TENS: Record<string, number> = {
  zwanzig: 20, dreißig: 30, dreissig: 30, vierzig: 40, fünfzig: 50, fuenfzig: 50, sechzig: 60, siebzig: 70,
  achtzig: 80, neunzig: 90,
};
const GERMAN_OTHER: Record<string, number> = { hundert: 100, einhundert: 100, dutzend: 12, zweihundert: 200 };

const ENGLISH_UNITS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const ENGLISH_TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const ENGLISH_TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const ENGLISH_OTHER: Record<string, number> = { hundred: 100, dozen: 12 };

/** Value of one number word (German or English, any case), or null. */
export function numberWordValue(word: string): number | null {
  const w = word.toLowerCase();
  const direct =
    GERMAN_UNITS[w] ?? GERMAN_TEENS[w] ?? GERMAN_TENS[w] ?? GERMAN_OTHER[w] ??
    ENGLISH_UNITS[w] ?? ENGLISH_TEENS[w] ?? ENGLISH_TENS[w] ?? ENGLISH_OTHER[w];
  if (direct !== undefined) return direct;
  // "einundzwanzig", "dreiundvierzig"
  const de = /^(ein|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun)und(zwanzig|dreißig|dreissig|vierzig|fünfzig|fuenfzig|sechzig|siebzig|achtzig|neunzig)$/.exec(w);
  if (de) return (GERMAN_UNITS[de[1]!] ?? 0) + (GERMAN_TENS[de[2]!] ?? 0);
  // "twenty-one", "twenty one"
  const en = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](one|two|three|four|five|six|seven|eight|nine)$/.exec(w);
  if (en) return (ENGLISH_TENS[en[1]!] ?? 0) + (ENGLISH_UNITS[en[2]!] ?? 0);
  return null;
}

const WORD_ALTERNATIVES = [
  '(?:ein|zwei|drei|vier|fünf|fuenf|sechs|sieben|acht|neun)und(?:zwanzig|dreißig|dreissig|vierzig|fünfzig|fuenfzig|sechzig|siebzig|achtzig|neunzig)',
  '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\\s](?:one|two|three|four|five|six|seven|eight|nine)',
  ...Object.keys({ ...GERMAN_TEENS, ...GERMAN_TENS, ...GERMAN_OTHER, ...ENGLISH_TEENS, ...ENGLISH_TENS, ...ENGLISH_OTHER }),
  ...Object.keys({ ...GERMAN_UNITS, ...ENGLISH_UNITS }),
]
  // Longest first, so "siebzehn" wins over "sieben" and "eine" over "ein".
  .sort((a, b) => b.length - a.length);

// "zwei Dutzend", "two dozen": a small number times twelve.
const UNIT_WORDS = `(?<![\\p{L}])(?:${Object.keys({ ...GERMAN_UNITS, ...ENGLISH_UNITS, ...GERMAN_TEENS, ...ENGLISH_TEENS }).sort((a, b) => b.length - a.length).join('|')})`;

/**
 * Source of a regular expression matching one cardinal: a number word or digits
 * ("21", "1.000", "1,000", "7,5", "7.5", "zwei Dutzend"). Use with the `iu` flags.
 */
export const CARDINAL_SOURCE = `(?:(?:\\d{1,2}|${UNIT_WORDS})\\s+(?:Dutzend|dozen)(?![\\p{L}])|\\d{1,3}(?:[.,]\\d{3})+(?!\\d)|\\d+(?:[.,]\\d+)?|(?<![\\p{L}])(?:${WORD_ALTERNATIVES.join('|')})(?![\\p{L}]))`;

/**
 * Value of a cardinal as written: digits in German or English notation, or number words.
 * `language` decides what "1.500" and "7,5" mean; ambiguous thousands groups follow the language.
 */
export function parseCardinal(raw: string, language: 'de' | 'en' = 'de'): number | null {
  const s = raw.trim();
  if (/^\d+$/.test(s)) return Number(s);
  const dozens = /^(\S+)\s+(?:dutzend|dozen)$/iu.exec(s);
  if (dozens) {
    const n = parseCardinal(dozens[1]!, language);
    return n === null ? null : n * 12;
  }
  // Thousands groups: "600.000" (de) / "600,000" (en); three digits after the separator.
  if (/^\d{1,3}(?:\.\d{3})+$/.test(s) && language === 'de') return Number(s.replace(/\./g, ''));
  if (/^\d{1,3}(?:,\d{3})+$/.test(s) && language === 'en') return Number(s.replace(/,/g, ''));
  // Decimals: comma in German, dot in English; the other separator is read as a decimal too
  // when it is not followed by exactly three digits.
  if (/^\d+[.,]\d+$/.test(s)) return Number(s.replace(',', '.'));
  return numberWordValue(s);
}

// Substrings of every number word but the articles "ein"/"one" (which count only in "ein Dutzend").
const NUMBER_WORD_PART = /zwei|drei|vier|f(?:ü|ue)nf|sechs|sieben|acht|neun|zehn|elf|zw(?:ö|oe)lf|zwanzig|ßig|ssig|zig|hundert|dutzend|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen/i;

/** Cheap check before a cardinal expression runs: false means `text` holds no digits and no number word above one. */
export function mayHoldCardinal(text: string): boolean {
  return /\d/.test(text) || NUMBER_WORD_PART.test(text);
}
