/**
 * The alliances the extractors know, as data: one entry per organisation with the written
 * forms that name it. Add an alliance by adding an entry; no code changes.
 */

export interface OrganisationAliases {
  /** Canonical short name used as `subject` in claims. */
  subject: string;
  /**
   * Full names as regular-expression sources, matched case-insensitively on word boundaries.
   * They absorb inflection ("-e", "-en", "-er") and known misspellings.
   */
  names: string[];
  /** Abbreviations, matched case-sensitively, also as the head of a compound ("ISA-Mitgliedsstädte"). */
  abbreviations: string[];
  /**
   * Generic forms that name this organisation only once it was named in full earlier in the
   * document ("die Industrieallianz"), as regular-expression sources.
   */
  shortForms: string[];
}

// "chinesisch-deutsche", "Deutsch-chinesischen", "Chinesisch Deutscher", "Sino-German", "China-Germany".
const DE_PAIR = '(?:chinesisch|deutsch)(?:e|en|er|es|em)?[-\\s–]+(?:deutsch|chinesisch)(?:e|en|er|es|em)?';
const EN_PAIR = '(?:sino|china|chinese|german|germany)[-\\s–]+(?:german|germany|china|chinese|sino)';

export const ORGANISATION_ALIASES: OrganisationAliases[] = [
  {
    subject: 'ISA',
    names: [
      // Industriestädteallianz with an optional hyphen and the doubled "a" seen in the wild.
      `${DE_PAIR}\\s+industriest(?:ä|ae|a)dte[-\\s]?a+llianz`,
      'industriest(?:ä|ae|a)dte[-\\s]?a+llianz',
      `${EN_PAIR}\\s+industrial[-\\s]+cit(?:y|ies)\\s+alliance`,
      'industrial[-\\s]+cit(?:y|ies)\\s+alliance',
      `${DE_PAIR}\\s+allianz\\s+der\\s+industriest(?:ä|ae)dte`,
      // "Industrie-Städte-Allianz", "Sino-German Alliance of Industrial Cities".
      'industrie-st(?:ä|ae)dte-a+llianz',
      `${EN_PAIR}\\s+alliance\\s+of\\s+industrial\\s+cities`,
    ],
    abbreviations: ['ISA'],
    shortForms: ['industrieallianz', `${DE_PAIR}\\s+(?:städte)?allianz`, 'städteallianz', 'industriestadt-?allianz'],
  },
];

/**
 * Words that refer back to the organisation last named ("die Allianz", "das Netzwerk",
 * "the alliance"); only the head nouns, the article is checked by the finder.
 */
export const ANAPHOR_NOUNS = [
  'allianz', 'netzwerk', 'netzwerks', 'netzwerkes', 'bündnis', 'bündnisses', 'städtebündnis', 'städtenetzwerk',
  'städtenetzwerks', 'verbund', 'verbunds', 'verbundes', 'initiative',
  'alliance', 'network', 'association',
];
