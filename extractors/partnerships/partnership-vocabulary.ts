/**
 * The words partnerships are written with, one record per language (regex sources, matched as
 * whole words). The parsers compose them; a new phrasing is a new entry here, not a new rule.
 */
import type { PartnershipRelation } from '../../core/claim.ts';

export interface PartnershipWords {
  /** Nouns, adjectives and phrases naming each relation, most specific relation first in `RELATION_ORDER`. */
  relations: Record<PartnershipRelation, string[]>;
  /**
   * Friendly relations: a friendship city only where no other cue names the bond
   * ("freundschaftlicher Beziehungen … eine offizielle Provinzpartnerschaft" is a partnership).
   */
  friendlyRelations: string[];
  /** A relation only examined or explored: "prüft", "is exploring". */
  underReview: string[];
  /** A relation prepared, sought or planned but not made: "soll … unterzeichnet werden", "planned". */
  planned: string[];
  /** A relation put on hold or ended: "ausgesetzt", "suspended". */
  suspended: string[];
  /** Verbs of making a relation: the sentence's date is its since-date. */
  established: string[];
  /** Nouns of making a relation; a date right after one is the since-date ("Begründung der Partnerschaft im November 2009"). */
  founding: string[];
  /** The two parties named together without their names: "beide Städte", "both cities". */
  bothParties: string[];
  /** Anniversaries; the group `years` (or `decades`) holds the number ("20 Jahre Partnerschaft", "tenth anniversary", "two decades of friendship"). */
  anniversaries: string[];
}

// The trailing guard every cue shares: no letter after, a hyphen only before a noun the cue governs.
export const CUE_END = '(?![\\p{L}]|-(?!Beziehung|Vertrag|Abkommen|Vereinbarung|Partnerschaft))';

export const PARTNERSHIP_DE: PartnershipWords = {
  relations: {
    friendship_treaty: ['Freundschaftsvertr(?:a|ä)g\\p{L}*'],
    friendship_city: [
      'Freundschaftsst(?:a|ä)dt\\p{L}*',
      'Städtefreundschaft\\p{L}*',
      'freundschaftlich\\s+(?:\\p{Ll}+\\s+)?verbunden',
      'Freundschaftsvereinbarung\\p{L}*',
      'Freundschaftsabkommen\\p{L}*',
    ],
    partner_city: [
      'partnerschaftlich\\s+(?:\\p{Ll}+\\s+)?verbunden',
      'Partnerst(?:a|ä)dt\\p{L}*',
      'Städtepartnerschaft\\p{L}*',
      'städtepartnerschaftlich\\p{L}*',
      'Partnerschaftsst(?:a|ä)dt\\p{L}*',
      // "Regionalpartnerschaft", "Landkreis-Partnerschaft", "Provinzpartnerschaft", "Hafenpartnerschaft".
      '(?:Regional|Region|Landkreis|Kreis|Provinz|Länder|Hafen|Bezirks)-?[Pp]artnerschaft\\p{L}*',
      // "Bayerns Partnerprovinz Shandong", "die Partnerregion".
      'Partner(?:provinz|region|landkreis|kreis|bezirk)\\p{L}*',
      'Partnerschafts(?:vertrag|verträge|abkommen|urkunde|erklärung)\\p{L}*',
      'partnerschaftlich\\p{Ll}*\\s+(?:Verhältnis\\p{L}*|Beziehung\\p{L}*|Verbindung\\p{L}*)',
      // A partnership between two named places; a strategic or economic one is an agreement.
      '(?<!strategisch\\p{Ll}*\\s+)(?:offizielle\\p{Ll}*\\s+)?Partnerschaft(?:en)?',
      '(?:Städte)?[Bb]ündnis(?:se)?(?!\\s*90)',
    ],
    cooperation_agreement: [
      'Kooperationsvereinbarung\\p{L}*',
      'Kooperationsabkommen\\p{L}*',
      'Kooperationsvertr(?:a|ä)g\\p{L}*',
      'Kooperationsmemorand\\p{L}*',
      'Absichtserklärung\\p{L}*',
      'Partnerschaftsvereinbarung\\p{L}*',
      'Memorand(?:um|en|a)\\p{L}*',
      'Rahmen(?:abkommen|vereinbarung)\\p{L}*',
      // "eine Vereinbarung über die (freundschaftliche) Zusammenarbeit": an agreement named by what it agrees on.
      'Vereinbarung\\s+über\\s+(?:die\\s+)?(?:\\p{Ll}+\\s+)?(?:Zusammenarbeit|Kooperation)',
      'strategisch\\p{Ll}*\\s+(?:Partnerschaft|Kooperation|Zusammenarbeit)',
      '(?:Kooperation|Zusammenarbeit)(?=(?:[^.;]|\\.(?=\\d)){0,120}(?:vereinbart|unterzeichnet|geschlossen|besiegelt))',
    ],
  },
  // "freundschaftlicher (und kooperativer) Beziehungen".
  friendlyRelations: ['freundschaftlich\\p{Ll}*\\s+(?:(?:und|sowie)\\s+\\p{Ll}+\\s+)?Beziehung\\p{L}*'],
  underReview: ['prüf\\p{L}*', 'geprüft', 'erwäg\\p{L}*', 'sondier\\p{L}*', 'auszuloten', 'ausloten'],
  planned: [
    'vorzubereiten', 'vorbereite\\p{L}*', 'vorbereitet', 'angestrebt\\p{L}*', 'anzustreben', 'anstreb\\p{L}*', 'strebt',
    'beabsichtig\\p{L}*', 'anbahn\\p{L}*', 'Entwurf', 'geplant\\p{L}*', 'möglich\\p{L}*',
    'interessier\\p{L}*', 'vielleicht', 'eventuell', 'möglicherweise', 'wünsch\\p{L}*',
    // A twinning proposed or suggested by one side is not made: "wurde eine Städtepartnerschaft angeregt".
    'angeregt', 'anzuregen', 'regte\\p{L}*', 'vorgeschlagen', 'vorzuschlagen', 'schlug\\p{L}*',
  ],
  suspended: ['ausgesetzt', 'aussetz\\p{L}*', 'suspendiert', 'eingefroren', 'auf\\s+Eis', 'ruht', 'ruhen', 'aufgekündigt', 'gekündigt', 'beendet'],
  established: [
    'gegründet', 'geschlossen', 'abgeschlossen', 'abzuschließen', 'unterzeichne\\p{L}*', 'unterschrieben', 'unterschrieb\\p{L}*', 'besiegelt',
    'vereinbart', 'begründe\\p{L}*', 'eingegangen', 'schl(?:o|ie)ss\\p{L}*', 'startete\\p{L}*', 'mündete', 'wurden', 'wurde',
  ],
  founding: ['Begründung', 'Gründung', 'Abschluss', 'Abschlusses', 'Unterzeichnung', 'Beginn', 'Aufnahme'],
  bothParties: ['beide[nr]?\\s+Städte[n]?', 'beide[nr]?\\s+(?:Partner)?st(?:a|ä)dt\\p{L}*', 'beiden\\s+Seiten'],
  anniversaries: [
    '(?<years>\\d{1,3})\\s*(?:-\\s*)?jährig\\p{L}*\\s+(?:Bestehen|Jubiläum|Partnerschaft|Städtepartnerschaft|Freundschaft)',
    '(?<years>\\d{1,3})\\s+Jahre\\s+(?:\\p{L}+\\s+)?(?:Partnerschaft|Städtepartnerschaft|Freundschaft|Regionalpartnerschaft)',
    'seit\\s+(?:über\\s+|mehr\\s+als\\s+)?(?<years>\\d{1,3}|\\p{Ll}+)\\s+Jahren',
  ],
};

export const PARTNERSHIP_EN: PartnershipWords = {
  relations: {
    friendship_treaty: ['friendship\\s+(?:treaty|agreement|pact)'],
    friendship_city: ['friendship\\s+cit(?:y|ies)', 'friendly\\s+cit(?:y|ies)'],
    partner_city: [
      'sister[-\\s]cit(?:y|ies)', 'sister[-\\s](?:province|state|region)s?', 'twin[-\\s]?towns?', 'twin\\s+cit(?:y|ies)', 'twinned', 'twinning',
      'town\\s+twinning', 'partner\\s+(?:cit(?:y|ies)|provinces?|regions?|states?)', 'city\\s+partnerships?',
      '(?<!strategic\\s+)partnerships?',
    ],
    cooperation_agreement: [
      'Memorandum\\s+of\\s+Understanding', 'MoU', 'cooperation\\s+agreements?', 'agreement\\s+on\\s+cooperation', 'letters?\\s+of\\s+intent',
      'framework\\s+agreement', 'strategic\\s+(?:partnership|cooperation)',
      'cooperation(?=(?:[^.;]|\\.(?=\\d)){0,120}(?:signed|agreed))',
    ],
  },
  friendlyRelations: ['friendly\\s+relations(?:hip)?s?', 'friendship\\s+relations(?:hip)?s?', 'friendly\\s+(?:and\\s+\\p{Ll}+\\s+)?ties'],
  underReview: ['explor\\p{L}*', 'consider\\p{L}*', 'examin\\p{L}*', 'review\\p{L}*'],
  planned: ['prepar\\p{L}*', 'intends?', 'seeks?', 'seeking', 'draft', 'planned', 'will\\s+sign', 'to\\s+be\\s+signed', 'proposed', 'suggested', 'perhaps', 'possibly', 'interested\\s+in'],
  suspended: ['suspend\\p{L}*', 'frozen', 'froze', 'terminated', 'on\\s+hold', 'put\\s+on\\s+ice'],
  established: ['signed', 'established', 'concluded', 'founded', 'sealed', 'entered', 'became', 'become', 'began', 'started', 'launched'],
  founding: ['establishment', 'signing', 'founding', 'conclusion', 'start'],
  bothParties: ['both\\s+cities', 'the\\s+two\\s+cities', 'both\\s+sides', 'these\\s+two\\s+(?:cities|metropolises)'],
  anniversaries: [
    '(?<years>\\d{1,3}|\\p{Ll}+)\\s+years\\s+of\\s+(?:[\\p{L}-]+\\s+){0,3}?(?:partnership|friendship|twinning)',
    '(?<years>\\d{1,3}(?:st|nd|rd|th)|\\p{Ll}+)\\s+anniversary',
    '(?<decades>\\d{1,3}|\\p{Ll}+)\\s+decades?\\s+of\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:partnership|friendship|twinning)',
  ],
};

export const PARTNERSHIP_VOCABULARY = { de: PARTNERSHIP_DE, en: PARTNERSHIP_EN } as const;

/** The relations in the order a sentence is tried: the most specific cue wins. */
export const RELATION_ORDER: readonly PartnershipRelation[] = ['friendship_treaty', 'friendship_city', 'partner_city', 'cooperation_agreement'];

/** One whole-word pattern from the sources of both languages (releases mix them). */
export function wordsPattern(select: (words: PartnershipWords) => string[], flags = 'iu'): RegExp {
  const sources = [...select(PARTNERSHIP_DE), ...select(PARTNERSHIP_EN)];
  return new RegExp(`(?<![\\p{L}])(?:${sources.join('|')})${CUE_END}`, flags);
}
