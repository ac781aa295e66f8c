/**
 * Member counts: a count phrase ("zehn deutsche Städte", "mehr als 30 Städte", "aus 8
 * Bundesländern") that counts an alliance's members. The count must be tied to an alliance:
 * named in its sentence, or named earlier in the paragraph with a membership verb in the
 * sentence. "600 chinesische Unternehmen" never qualifies (no member unit), nor "14 Städte"
 * a delegation visited (a visit is no membership).
 */
import type { MemberCountClaim } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { Sentence } from '../text/segment-text.ts';
import { asOfFor, evidenceOf, organisationFor, type OrganisationLink, type Parser } from '../parser.ts';
import { findCountPhrases, type CountPhrase } from './find-count-phrases.ts';
import { MEMBERSHIP_CUE, OTHER_NETWORK, impliedCountryOfUnit, scopeNear, speaksOfAttendance } from './count-vocabulary.ts';

// Sentences about trips, applications or interest count other things than members.
const NOT_MEMBERSHIP = /(?<![\p{L}])(?:besuch\p{L}*|visit\p{L}*|reise\p{L}*|Delegation\p{L}*|trip|tour\p{L}*|bewerb\p{L}*|interessiert\p{L}*|Interesse|applied|applications?|Partnerstädte\p{L}*|Partnerschaft\p{L}*|sister\s+cit\p{L}*|twin\p{L}*)(?![\p{L}])/iu;

const MEMBER_NOUN = /(?<![\p{L}])(?:Mitglied\p{L}*|Gründer\p{L}*|Gründungs\p{L}+|members?|member\s+cities|founders?|founding\s+(?:members?|cities|declaration|charter|document|agreement))(?![\p{L}])/iu;

// A sentence opening with the pronoun of a feminine alliance ("Ihr gehören …", "Zu ihr zählen …") or "It has / It now counts".
const ALLIANCE_PRONOUN = /^(?:Ihr|(?:Zu|In)\s+ihr|It\s+(?:now\s+|currently\s+)?(?:has|counts|comprises|includes|unites|brings\s+together))\s/u;

// A sentence that presents members by name after a colon: "Die deutschen Mitgliedsstädte sind: …", "Members: …".
const MEMBERS_PRESENTED = /^(?:(?:Die|The)\s+)?(?:\p{L}+\s+){0,2}?(?:\p{L}+-)?(?:Mitglied\p{L}*|Gründungsmitglied\p{L}*|(?:founding\s+)?members|member\s+cities)\s*(?:(?:sind|waren|are|were)\s*)?:/iu;

const OTHER_PART = /^\S+\s+(?:other|others|remaining|anderen|andere|übrigen|restlichen)(?![\p{L}])/iu;

export interface MemberCountFinding {
  phrase: CountPhrase;
  sentence: Sentence;
  link: OrganisationLink;
  /** The sentence whose scope the count shares: the one before, for a part of its count ("Eleven of them are Chinese"). */
  scopeFrom?: Sentence;
}

/** Count phrases in the document that count an alliance's members. */
export function findMemberCountPhrases(doc: AnalysedDocument): MemberCountFinding[] {
  const findings: MemberCountFinding[] = [];
  // The last member count of the sentence before, for "Eleven of them are Chinese" after "Eighteen cities … signed".
  let carried: MemberCountFinding | null = null;
  for (const sentence of doc.sentences) {
    const previous = carried?.sentence.paragraph === sentence.paragraph && carried.sentence.index === sentence.index - 1 ? carried : null;
    carried = null;
    // Without the count before, a member noun or an alliance in reach, no count here can be linked: skip the phrase finder.
    if (previous === null && !MEMBER_NOUN.test(sentence.text) && !ALLIANCE_PRONOUN.test(sentence.text) && !MEMBERS_PRESENTED.test(doc.sentences[sentence.index + 1]?.text ?? '') && organisationFor(doc, sentence) === null) continue;
    const base = previous && { ...previous.phrase, start: previous.phrase.start - sentence.start, end: previous.phrase.end - sentence.start };
    const phrases = findCountPhrases(sentence.text, sentence.start, doc.language, base);
    if (!phrases.length) continue;
    const fromPrevious = previous !== null && phrases.some((p) => p.unitFrom === 'elliptic' && !phrases.some((q) => q.end <= p.start && q.unitFrom !== 'elliptic' && !q.origin));
    // "Die sieben deutschen Gründungsstädte sind: …": a counted membership noun is a cue of its own.
    const countsMemberNoun = phrases.some((p) => !p.origin && MEMBER_NOUN.test(doc.text.slice(p.start, p.end)));
    const cue = MEMBERSHIP_CUE.test(sentence.text) || countsMemberNoun || fromPrevious;
    // A sentence about "members" may refer to the alliance named paragraphs before; a part of the count before, to its alliance.
    // "Ihr gehören aktuell zwölf Städte an" opening a paragraph refers to the alliance (die Allianz, die ISA) named paragraphs before.
    // "Aktuell sind zwölf deutsche Städte dabei. Die deutschen Mitgliedsstädte sind: …": the next sentence says whose members they are.
    const next = doc.sentences[sentence.index + 1];
    const membersNext = next !== undefined && next.paragraph === sentence.paragraph && MEMBERS_PRESENTED.test(next.text);
    const link = fromPrevious ? previous.link : organisationFor(doc, sentence, { documentFallback: cue && (MEMBER_NOUN.test(sentence.text) || ALLIANCE_PRONOUN.test(sentence.text) || membersNext) });
    if (!link) continue;
    if (!cue && (!link.inSentence || NOT_MEMBERSHIP.test(sentence.text))) continue;
    // "Vertreter von 20 Mitgliedsstädten nahmen teil": who attended, not how many members there are.
    if (speaksOfAttendance(sentence.text)) continue;
    // "Teil des Netzwerks der Lutherstädte, dem 16 Städte angehören": another network's members.
    if (!link.inSentence && OTHER_NETWORK.test(sentence.text)) continue;
    const countsMembers = phrases.some((p) => !p.origin && p.unit !== 'states' && p.unit !== 'provinces');
    for (const phrase of phrases) {
      if (phrase.possessive) continue;
      // "Vertreter aus elf Mitgliedsstädten": members present, not the membership.
      if (phrase.origin && phrase.unit !== 'states' && phrase.unit !== 'provinces') continue;
      // "aus 8 Bundesländern" says where members come from only next to a count of members.
      if ((phrase.unit === 'states' || phrase.unit === 'provinces') && !(phrase.origin && countsMembers)) continue;
      // "drei Kommunen aus dem Kreis Groß-Gerau", "zwei Städte aus Thüringen": the members of one region, a part of the membership.
      if (!phrase.origin && regionalPart(doc, phrase, sentence)) continue;
      const finding: MemberCountFinding = { phrase, sentence, link, ...(fromPrevious && phrase.unitFrom === 'elliptic' ? { scopeFrom: previous.scopeFrom ?? previous.sentence } : {}) };
      findings.push(finding);
      if (!phrase.origin) carried = finding;
    }
  }
  return findings;
}

// What may follow a count and restrict it to one region of a country: "aus dem Kreis X", "aus Thüringen", "in the Ruhr area".
const REGION_AFTER = /^\s+(?:aus|in|im|from)\s+(?:(?:dem|der|den|the)\s+)?((?:Kreis|Landkreis|Region|Regierungsbezirk|Provinz|province\s+of|state\s+of|Ruhrgebiet|Rheinland|Ruhr)\b[\p{L}\s-]{0,30}|\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)/u;

const REGION_LEAD = /^(?:Aus|From|In)\s+(?:(?:dem|der|den|the)\s+)?((?:Kreis|Landkreis|Region|Regierungsbezirk|Provinz|province\s+of|state\s+of|Ruhrgebiet|Rheinland|Ruhr)\b[\p{L}\s-]{0,30}?|\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)(?=\s+(?:sind|waren|kommen|stammen|gehören|are|come|were))/u;

/** Whether a count is followed (or its sentence led) by a region of one country (a Kreis, a Land, a province) that restricts what it counts. */
function regionalPart(doc: AnalysedDocument, phrase: CountPhrase, sentence: Sentence): boolean {
  // "Aus Thüringen sind drei Städte dabei": the region may lead the sentence.
  const m = REGION_AFTER.exec(doc.text.slice(phrase.end, phrase.end + 60)) ?? REGION_LEAD.exec(doc.text.slice(sentence.start, phrase.start));
  if (!m) return false;
  const name = m[1]!.trim();
  if (/^(?:Deutschland|China|Germany|beiden|both)/u.test(name)) return false;
  return /^(?:Kreis|Landkreis|Region|Regierungsbezirk|Provinz|province|state|Ruhrgebiet|Rheinland|Ruhr)/u.test(name) || doc.gazetteer.admin1(name) !== null;
}

export const memberCountParser: Parser = {
  name: 'member-count',
  parse(doc) {
    // "Two other new members", "die drei anderen Städte": the rest of a group counted elsewhere, no count of the alliance.
    return doc.shared(findMemberCountPhrases).filter(({ phrase }) => !OTHER_PART.test(doc.text.slice(phrase.start, phrase.end))).map(({ phrase, sentence, link, scopeFrom }): MemberCountClaim => {
      const scope = scopeFrom ? scopeNear(scopeFrom.text, scopeFrom.text.length) : scopeNear(sentence.text, phrase.start - sentence.start);
      // A current count is as of its sentence's date ("Ende 2019 gehörten …") unless that dates the founding, else of publication.
      const { asOf, implied } = asOfFor(doc, sentence, phrase.start, scope === 'current' ? 500 : Infinity);
      const impliedFields: string[] = [];
      let country = phrase.country;
      if (!country) {
        country = impliedCountryOfUnit(phrase.unit);
        if (country) impliedFields.push('country');
      }
      if (implied) impliedFields.push('asOf');
      if (!link.inSentence) impliedFields.push('subject');
      return {
        kind: 'member_count',
        subject: link.subject,
        country,
        count: phrase.count,
        qualifier: phrase.qualifier,
        unit: phrase.unit,
        scope,
        asOf,
        evidence: evidenceOf(doc, phrase.start, phrase.end),
        provenance: { rule: phrase.unitFrom === 'shared' ? 'member-count/shared-noun' : phrase.unitFrom === 'elliptic' ? 'member-count/elliptic' : phrase.origin ? 'member-count/origin' : 'member-count/number-noun', ...(impliedFields.length ? { implied: impliedFields } : {}) },
      };
    });
  },
};
