/**
 * Words that name events in press releases, as data by language: the assemblies of an alliance,
 * its conferences, its founding, and the trips of delegations. The rules in this folder join the
 * two languages (a German release quotes English names and the other way round); each entry is a
 * regex source, matched as a whole word unless it says otherwise.
 */

export interface EventWords {
  /** Assemblies of the members: "Plenarversammlung", "Mitgliedertreffen", "plenary session". */
  plenaryNouns: string[];
  /** Meetings that are an assembly only where the alliance or "the next" marks them: "Treffen", "meeting". */
  meetingNouns: string[];
  /** Words before a meeting noun that make it the series' next one: "nächste", "next". */
  nextWords: string[];
  /** Conferences, summits, forums, specialist meetings; a compound's head counts ("Wirtschaftskonferenz"). */
  conferenceHeads: string[];
  /** Conference compounds that are no event of the alliance: a press conference, a video call. */
  notConferences: string[];
  /** Nouns for a group that travels: "Delegation", "Wirtschaftsdelegation", "delegation". */
  delegationNouns: string[];
  /** Prepositions naming where a delegation comes from: "aus", "from". */
  originPrepositions: string[];
  /** Verbs and nouns of a trip, the destination after them: "reiste nach", "Delegationsreise nach", "travelled to". */
  tripTo: string[];
  /** Verbs of a visit whose object is the place visited: "besuchte", "visited". */
  visitVerbs: string[];
  /** Phrases of being a guest somewhere: "zu Gast in", "war in", "guests in". */
  guestIn: string[];
  /** Nouns of a visit that a delegation pays: "Besuch", "Gegenbesuch", "visit". */
  visitNouns: string[];
  /** People whose trip is a visit of their city without a delegation named: "Oberbürgermeister", "mayor". */
  officials: string[];
  /** Words of a rule or a habit rather than one event: "jährlich", "in der Regel", "once a year". */
  habitual: string[];
  /** Words of an event still to come: "soll", "geplant", "erwartet", "planned", "is expected". */
  planned: string[];
  /** Ordinal words with their number: "vierte", "fourth". */
  ordinals: Array<[word: string, value: number]>;
}

export const GERMAN_EVENT_WORDS: EventWords = {
  plenaryNouns: [
    'Plenarversammlung\\p{L}*', 'Plenarsitzung\\p{L}*', 'Plenartagung\\p{L}*', 'Plenartreffen\\p{L}*', 'Jahrestreffen\\p{L}*',
    'Jahresversammlung\\p{L}*', 'Mitgliederversammlung\\p{L}*', 'Mitgliedertreffen\\p{L}*', 'Vollversammlung\\p{L}*',
  ],
  meetingNouns: ['Treffen', 'Sitzung', 'Versammlung'],
  nextWords: ['nächste[nmrs]?', 'kommende[nmrs]?', 'diesjährige[nmrs]?'],
  conferenceHeads: ['konferenz', 'gipfel', 'kongress', 'forum', 'fachtagung', 'tagung', 'symposium'],
  notConferences: ['Pressekonferenz', 'Videokonferenz', 'Telefonkonferenz', 'Onlinekonferenz', 'Online-Konferenz', 'Web-Konferenz'],
  delegationNouns: ['\\p{L}*[Dd]elegation'],
  originPrepositions: ['aus', 'der', 'des'],
  tripTo: ['\\p{L}*[Rr]eise\\s+nach', 'reiste[n]?\\s+(?:\\p{L}+\\s+){0,8}?(?:nach|in\\s+die|in\\s+den|ins)', 'gereist', 'fuhr\\s+(?:\\p{L}+\\s+){0,4}?nach', 'fahren\\s+nach'],
  visitVerbs: ['besuchte', 'besuchten', 'besucht', 'besuchen', 'bereiste', 'bereisten'],
  guestIn: ['zu\\s+Gast\\s+(?:in|im|bei)', 'Station\\s+in'],
  visitNouns: ['Besuch\\p{L}*', 'Gegenbesuch\\p{L}*', 'Arbeitsbesuch\\p{L}*', 'Chinareise', 'Chinabesuch\\p{L}*', 'China-Besuch\\p{L}*', 'China-Reise'],
  officials: ['Oberbürgermeister\\p{L}*', 'OB', 'Bürgermeister\\p{L}*', 'Landrat', 'Landrätin', 'Minister\\p{L}*', 'Ministerpräsident\\p{L}*', 'Staatssekretär\\p{L}*', 'Beigeordnete\\p{L}*', 'Dezernent\\p{L}*', 'Wirtschaftsförder\\p{L}*'],
  habitual: ['jährlich\\p{L}*', 'alljährlich\\p{L}*', 'eines\\s+Jahres', 'jedes\\s+Jahr', 'jeden\\s+Jahres', 'jeweils', 'regelmäßig\\p{L}*', 'in\\s+der\\s+Regel', 'zweimal', 'mehrmals'],
  planned: ['soll', 'sollen', 'geplant', 'plant', 'planen', 'vorgesehen', 'erwartet', 'wird', 'werden', 'künftig'],
  ordinals: [
    ['erste', 1], ['zweite', 2], ['dritte', 3], ['vierte', 4], ['fünfte', 5], ['sechste', 6], ['siebte', 7], ['siebente', 7],
    ['achte', 8], ['neunte', 9], ['zehnte', 10], ['elfte', 11], ['zwölfte', 12],
  ],
};

export const ENGLISH_EVENT_WORDS: EventWords = {
  plenaryNouns: [
    'plenary\\s+(?:meeting|session|assembly|conference)s?', 'annual\\s+(?:meeting|conference|assembly)', 'general\\s+assembly',
    'members[’\']?\\s+meeting',
  ],
  meetingNouns: ['meeting', 'session'],
  nextWords: ['next', 'upcoming', 'this\\s+year[’\']s'],
  conferenceHeads: ['conference', 'summit', 'congress', 'forum', 'symposium'],
  notConferences: ['press\\s+conference', 'video\\s+conference', 'videoconference'],
  delegationNouns: ['delegation'],
  originPrepositions: ['from', 'of'],
  tripTo: ['trip\\s+to', 'travel(?:l)?ed\\s+to', 'journey\\s+to', 'went\\s+to', 'mission\\s+to'],
  visitVerbs: ['visited', 'visits', 'toured'],
  guestIn: ['guests?\\s+in', 'stayed\\s+in'],
  visitNouns: ['visit', 'return\\s+visit', 'trip'],
  officials: ['mayor', 'vice\\s+mayor', 'governor', 'minister', 'secretary', 'consul-general', 'consul\\s+general', 'Lord\\s+Mayor'],
  habitual: ['annually', 'once\\s+a\\s+year', 'twice\\s+a\\s+year', 'every\\s+year', 'each\\s+year', 'usually', 'regularly'],
  planned: ['will', 'shall', 'planned', 'plans', 'scheduled', 'is\\s+expected', 'are\\s+expected', 'is\\s+to', 'upcoming'],
  ordinals: [
    ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7], ['eighth', 8],
    ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12],
  ],
};

export const EVENT_WORDS: readonly EventWords[] = [GERMAN_EVENT_WORDS, ENGLISH_EVENT_WORDS];

/** The sources of one field in both languages. */
export function eventSources(...fields: Array<Exclude<keyof EventWords, 'ordinals'>>): string[] {
  return fields.flatMap((field) => EVENT_WORDS.flatMap((words) => words[field]));
}

/** The sources of one field in both languages, as one alternation. */
export function eventAlternation(field: Exclude<keyof EventWords, 'ordinals'>): string {
  return eventSources(field).join('|');
}

/** Every ordinal word (German ones may carry an ending: "vierten"), longest first. */
export const ORDINAL_WORD_SOURCE = EVENT_WORDS.flatMap((w) => w.ordinals.map(([word]) => word)).sort((a, b) => b.length - a.length).join('|');

const ORDINAL_VALUES = new Map(EVENT_WORDS.flatMap((w) => w.ordinals));

/** The number of an ordinal word as written ("vierten", "Fourth"), or null. */
export function ordinalWordValue(written: string): number | null {
  const word = written.toLowerCase();
  return ORDINAL_VALUES.get(word) ?? ORDINAL_VALUES.get(word.replace(/[nrsm]$/u, '')) ?? null;
}

/** Trade fairs that stand for their city: "Hannover Messe", "Hanover Fair". */
export const FAIR_PLACES: ReadonlyArray<readonly [RegExp, string]> = [
  [/Hannover[-\s]Messe|Hanover\s+(?:Fair|Messe)|Hannover\s+Fair/iu, 'Hannover'],
];
