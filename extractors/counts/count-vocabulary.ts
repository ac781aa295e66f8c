/**
 * Words around a member count, as data: qualifiers, units, the countries they count, and the
 * cues that tell founding, current and event counts apart (German and English).
 */
import type { CountQualifier, Country, MemberUnit, MembershipScope } from '../../core/claim.ts';
import { allMatches } from '../text/all-matches.ts';

export const QUALIFIERS: Array<[source: string, qualifier: CountQualifier]> = [
  // "gut zwei Dutzend", "gut 30 Städte": a good thirty is a little more than thirty.
  ['mehr\\s+als|über|ueber|gut|more\\s+than|over|upwards\\s+of|in\\s+excess\\s+of', 'more_than'],
  ['mindestens|wenigstens|at\\s+least|no\\s+fewer\\s+than', 'at_least'],
  ['bis\\s+zu|höchstens|maximal|up\\s+to|at\\s+most', 'at_most'],
  // "knapp 30", "nearly 70": not quite the number, just under it.
  ['weniger\\s+als|unter|knapp|fast|nahezu|beinahe|less\\s+than|fewer\\s+than|under|just\\s+under|nearly|almost', 'less_than'],
  ['rund|etwa|ca\\.|circa|zirka|ungefähr|about|around|approximately|roughly|some|close\\s+to|approx\\.', 'about'],
];

export const QUALIFIER_SOURCE = QUALIFIERS.map(([s]) => s).join('|');

// Compiled once: these are asked for every count phrase.
const WHOLE_QUALIFIERS = QUALIFIERS.map(([source, qualifier]) => [new RegExp(`^(?:${source})$`, 'iu'), qualifier] as const);

export function qualifierOf(raw: string | undefined): CountQualifier {
  if (!raw) return 'exact';
  const word = raw.trim();
  for (const [whole, q] of WHOLE_QUALIFIERS) if (whole.test(word)) return q;
  return 'exact';
}

/** Nouns that count an alliance's members, longest first. */
export const UNITS: Array<[source: string, unit: MemberUnit]> = [
  ['(?:mitglieds|industrie|groß)?städte[n]?\\s+(?:und|&)\\s+(?:regionen|gemeinden|kreise[n]?|landkreise[n]?|kommunen|bezirke[n]?)', 'cities'],
  ['(?:mitglieds)?kommunen\\s+(?:und|&)\\s+(?:regionen|kreise[n]?|landkreise[n]?)', 'municipalities'],
  ['(?:founding\\s+|member\\s+|industrial\\s+)*(?:cities|towns)\\s+and\\s+(?:regions|districts|counties)', 'cities'],
  ['municipalities\\s+and\\s+(?:regions|districts|counties)', 'municipalities'],
  ['(?:mitglieds|industrie|groß|gründungs)?städte[n]?', 'cities'],
  ['(?:mitglieds)?kommunen|gemeinden', 'municipalities'],
  ['metropolen', 'cities'],
  ['(?:founding\\s+|member\\s+|industrial\\s+)*(?:cities|towns)', 'cities'],
  ['(?:member\\s+)?municipalities', 'municipalities'],
  ['bundesländer[n]?|bundesländern|federal\\s+states|german\\s+states|states', 'states'],
  ['provinzen|provinces', 'provinces'],
  ['(?:gründungs)?mitglieder[n]?|(?:founding\\s+)?members', 'members'],
  ['regionen|regions', 'regions'],
];

export const UNIT_SOURCE = UNITS.map(([s]) => s).join('|');

const WHOLE_UNITS = UNITS.map(([source, unit]) => [new RegExp(`^(?:${source})$`, 'iu'), unit] as const);

/** A unit word at the end of a noun phrase ("weiteren Mitgliedsstädte" → "Mitgliedsstädte"). */
export const UNIT_AT_END = new RegExp(`(?:${UNIT_SOURCE})$`, 'iu');

export function unitOf(raw: string): MemberUnit | null {
  const word = raw.trim();
  for (const [whole, unit] of WHOLE_UNITS) if (whole.test(word)) return unit;
  return null;
}

/** The country an adjective or "aus …" phrase names. */
export function countryOfWords(text: string): Country | null {
  // "Sino-German Industrial Cities Alliance", "German-Chinese": the alliance's own name names both countries, no side.
  const words = text.replace(/(?<![\p{L}])(?:Sino-German|German-Chinese|Chinese-German|Sino-Deutsch\p{L}*)(?![\p{L}])/giu, ' ');
  const de = /(?<![\p{L}])(?:deutsch\p{L}*|german|germany)(?![\p{L}])/iu.test(words);
  const cn = /(?<![\p{L}])(?:chinesisch\p{L}*|chinese|china|(?:ost|west|nord|süd|zentral)chinesisch\p{L}*)(?![\p{L}])/iu.test(words);
  if (de === cn) return null;
  return de ? 'DE' : 'CN';
}

// "Auf deutscher Seite", "on the Chinese side": the country of everything counted after it in the clause.
const SIDE = /(?<![\p{L}])(?:auf\s+(deutscher|chinesischer)\s+Seite|on\s+the\s+(German|Chinese)\s+side|(deutscherseits|chinesischerseits))(?![\p{L}])/giu;

/** The country of the last "auf deutscher Seite" / "on the Chinese side" before `at` in `sentence`. */
export function sideBefore(sentence: string, at: number): Country | null {
  let country: Country | null = null;
  SIDE.lastIndex = 0;
  for (const m of allMatches(SIDE, sentence)) {
    if (m.index >= at) break;
    country = /^(?:deutsch|german)/iu.test(m[1] ?? m[2] ?? m[3] ?? '') ? 'DE' : 'CN';
  }
  return country;
}

/**
 * The country of a side phrase standing after `from` and before `to` that closes its conjunct ("27 Städte … aus zehn
 * Bundesländern auf deutscher Seite und 33 …"): followed by a conjunction, punctuation or the end, it belongs to the
 * count before it; followed by more words ("…, auf chinesischer Seite 30 Städte") it opens the next one.
 */
export function sideAfter(sentence: string, from: number, to: number): Country | null {
  SIDE.lastIndex = 0;
  for (const m of allMatches(SIDE, sentence)) {
    if (m.index < from) continue;
    if (m.index >= to) break;
    const rest = sentence.slice(m.index + m[0].length);
    if (!/^\s*(?:[,;.:)]|(?:und|sowie|and|as\s+well\s+as)(?![\p{L}])|$)/iu.test(rest)) continue;
    return /^(?:deutsch|german)/iu.test(m[1] ?? m[2] ?? m[3] ?? '') ? 'DE' : 'CN';
  }
  return null;
}

/** Units whose country follows from the word itself: Bundesländer are German, Provinzen Chinese. */
export function impliedCountryOfUnit(unit: MemberUnit): Country | null {
  if (unit === 'states') return 'DE';
  if (unit === 'provinces') return 'CN';
  return null;
}

export const SCOPE_CUES: Array<[RegExp, MembershipScope]> = [
  [/(?<![\p{L}])(?:gründ\p{L}*|gegründet\p{L}*|mitbegründ\p{L}*|founding|founded|foundation|establish\p{L}*|ins\s+Leben\s+gerufen|launched)(?![\p{L}])/giu, 'founding'],
  [/(?<![\p{L}])(?:aktuell|mittlerweile|inzwischen|derzeit|zurzeit|heute|momentan|nunmehr|jetzt|now|currently|today|at\s+present|presently|so\s+far|bislang|bisher|has\s+grown|grown|gewachsen|angewachsen)(?![\p{L}])/giu, 'current'],
  [/(?<![\p{L}])(?:aufgenommen|hinzugekommen|hinzukommen|dazugekommen|dazugewonnen|hinzugewonnen|gained|neu\s+beigetreten|beigetreten|neuen?\s+Mitglied\p{L}*|new\s+(?:\p{L}+\s+)?members?|newly|admitted|joined|newcomers?|[Nn]eu\s+(?:in\s+(?:der|dem|den)|im)\s+\p{L}+|new\s+to\s+the|Aufnahme|nahm|nahmen|nimmt|begrüßte|begrüßt|welcomed|welcomes)(?![\p{L}])/giu, 'event'],
];

/** The scope whose cue stands closest to `at` in `sentence` (offsets relative to it); `current` without one. */
export function scopeNear(sentence: string, at: number): MembershipScope {
  let best: MembershipScope = 'current';
  let bestDistance = Infinity;
  for (const [pattern, scope] of SCOPE_CUES) {
    pattern.lastIndex = 0;
    for (const m of allMatches(pattern, sentence)) {
      const distance = Math.abs(m.index - at);
      if (distance < bestDistance) { bestDistance = distance; best = scope; }
    }
  }
  return best;
}

/** Verbs and nouns that say a count or list is the alliance's membership. */
export const MEMBERSHIP_CUE = /(?<![\p{L}])(?:gehör\p{L}*|angehör\p{L}*|Mitglied\p{L}*|Gründungsmitglied\p{L}*|zähl\p{L}*|umfass\p{L}*|vereint|vereinen|besteht|bestehen|bestand|beteiligt|beteiligen|vertreten|member\p{L}*|comprises?|comprised|includes?|included|consists?|brings\s+together|unites|counts|links|connects|has\s+grown|gewachsen|wächst|dabei|angeschlossen|joined|vernetzt|Gründungserklärung|Gründungsurkunde|founding\s+(?:declaration|charter|document))(?![\p{L}])/iu;

/**
 * A network named by its own members ("Teil des Netzwerks der Lutherstädte", "a member of the League of Historical
 * Cities", "im Verbund der Hansestädte"): a sentence naming one and no alliance counts that network's members.
 */
export const OTHER_NETWORK = /(?<![\p{L}])(?:Netzwerks?|Verbunds?|Verband(?:es)?|Bündnis(?:ses)?|Städtebund(?:es)?|Vereinigung|Vereins?|[Nn]etwork|[Aa]ssociation|[Ll]eague|[Uu]nion)\s+(?:der|des|von|of)\s+(?:the\s+)?\p{Lu}/u;

// Who came, travelled or took part: delegations, participants, representatives, guests, visitors, exhibitors.
const ATTENDANCE = /(?<![\p{L}])(?:Delegation\p{L}*|\p{L}+delegation(?:en)?|Delegierte\p{L}*|Teilnehm\p{L}*|teilnahmen|teilnehmen|teilgenommen|Vertreter\p{L}*|Gäste\p{L}*|Gast|Besucher\p{L}*|Aussteller\p{L}*|delegations?|delegates?|participants?|participated|took\s+part|attend\p{L}*|representatives?|guests?|visitors?|visited|exhibitors?)(?![\p{L}])|(?<![\p{L}])nahm(?:en)?\s(?:[^.;:]*?\s)?teil(?![\p{L}])/iu;
// What says a sentence states the membership itself, whoever else it names.
// Founding, admission and roster words count too: representatives signing a founding declaration, guests at an admission.
const MEMBERSHIP_STATEMENT = /(?<![\p{L}])(?:gehör\p{L}*|angehör\p{L}*|zählt|zählen|zählte|umfass\p{L}*|vereint|vereinen|beigetreten|beitreten|Beitritt\p{L}*|aufgenommen|Aufnahme|Neuzug\p{L}*|Mitgliedschaft|neue[nr]?\s+Mitglied\p{L}*|[Nn]eu\s+(?:dabei|in|im)|begrüß\p{L}*|Gründ\p{L}*|gegründet|unterzeichne\p{L}*|joined|admitted|admission|new\s+(?:\p{L}+\s+)?members?|newcomers?|welcom\p{L}*|found\p{L}*|signed|signatories|comprises?|comprised|consists?|brings\s+together|unites|roster|has\s+grown|gewachsen|wächst)(?![\p{L}])/iu;

/**
 * Whether a sentence is about who attended or travelled ("Vertreter von 20 Mitgliedsstädten nahmen teil", "Als Gäste
 * waren vier Städte dabei", "The delegation of 12 members visited three cities") and states no membership: its numbers
 * and names are no member counts or lists.
 */
export function speaksOfAttendance(sentence: string): boolean {
  return ATTENDANCE.test(sentence) && !MEMBERSHIP_STATEMENT.test(sentence);
}
