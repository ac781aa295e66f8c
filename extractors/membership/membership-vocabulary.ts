/**
 * How German and English press releases say that a city joins, plans to join, founded, left
 * or visits an alliance as a guest. Ordered: the first kind whose cue matches a stretch of
 * text claims it ("will beitreten" is an intention before it is a joining).
 */
import type { MembershipEventKind } from '../claim.ts';

export const MEMBERSHIP_CUES: Array<[MembershipEventKind, RegExp]> = [
  ['intends_to_join', /(?<![\p{L}])(?:beabsichtig\p{L}*[^.;]{0,120}?beizutreten|(?:will|wollen|möchte|möchten|plant|planen|strebt|streben|prüft|prüfen|erwägt|erwägen)\s[^.;]{0,100}?(?:beitreten|beizutreten|Beitritt|Mitgliedschaft\s+an|Mitglied\s+werden|Mitglied\s+zu\s+werden)|Antrag\s+auf\s+(?:Aufnahme|Mitgliedschaft|Beitritt)|Aufnahmeantrag|Beitrittsantrag|Entschluss\s+zum\s+Beitritt|Beitritt\s+(?:beantragt|beantragen|anstreben|angestrebt)|offiziellen\s+Antrag\s+stellen|(?:plans?|planning|intends?|intending|wants?|seeks?|seeking|hopes?|aims?|applied|applies|apply)\s+(?:to\s+(?:join|become\s+a\s+member)|for\s+membership)|application\s+for\s+membership)(?![\p{L}])/giu],
  ['left', /(?<![\p{L}])(?:ausgetreten|austreten|Austritt|tritt\s[^.;]{0,60}?\saus|trat\s[^.;]{0,60}?\saus|verlässt|verließ|verlassen\s+hat|left\s+the|has\s+left|withdr[ae]w\s+from|withdrawn\s+from|quit\s+the)(?![\p{L}])/giu],
  ['founding_member', /(?<![\p{L}])(?:Gründungsmitglied\p{L}*|Gründungsstädte\p{L}*|Gründungsstadt|Mitbegründer\p{L}*|mitbegründet|founding\s+members?|founding\s+cit(?:y|ies)|co-?founders?|co-?founded)(?![\p{L}])/giu],
  ['guest', /(?<![\p{L}])(?:als\s+Gast\p{L}*|Gaststadt|Gastmitglied\p{L}*|Beobachterstatus|as\s+(?:a\s+)?guests?|guest\s+(?:city|member)|observer\s+status)(?![\p{L}])/giu],
  ['joined', /(?<![\p{L}])(?:beigetreten|beitritt|beitrat|beitraten|tritt\s[^.;]{0,80}?\sbei|traten?\s[^.;]{0,80}?\sbei|aufgenommen|Aufnahme\s+(?:in|als|zur|zum)|Beitritt\s+(?:zur|zum|in)|neu\s+dabei|joined|has\s+joined|became\s+(?:a\s+)?(?:new\s+)?members?|(?:was|were|been)\s+admitted|admitted|(?:ist|sind|is|are|war|waren)\s+(?:[^.;,]{0,40}?\s)?(?:Mitglied|a\s+member)(?![\p{L}]))(?![\p{L}])/giu],
];

// A clause opened by a condition or a question does not report an event.
export const CONDITIONAL_CLAUSE = /(?:^|[,;:–—]\s*|\s)(?:wenn|falls|sofern|sobald|ob|if|whether|once|unless)\s[^,;]*$/iu;

/** Plural subjects that are no city: "sechs weitere Städte wurden aufgenommen". */
export const PLURAL_SUBJECT = /(?<![\p{L}])(?:Städte|Städten|Kommunen|Mitglieder|cities|members|municipalities)(?![\p{L}])/iu;
