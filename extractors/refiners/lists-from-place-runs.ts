/**
 * The fallback for member lists no specific rule read: a run of two or more places joined by
 * list punctuation ("Aus Nordrhein-Westfalen sind bislang Aachen, Bottrop und Köln vertreten",
 * "elf Städte zu den Gründern, darunter Foshan und Jiangmen in der Provinz Guangdong, Zhuzhou
 * …", "Neu in der Allianz sind:\n- Ji'an, Provinz Jiangxi\n- …") is a member list when its
 * sentence speaks of the alliance's members, whatever syntactic frame surrounds the run. A
 * sentence that only says the places are "vertreten" / "dabei" / "represented" counts when the
 * sentence before speaks of the alliance's membership. Itineraries, partnerships, intentions
 * and places governed by a preposition are no member lists. A list another rule already read
 * is not read twice: this refiner adds only runs no list claim covers. A run mixing countries is
 * one list only as a whole enumeration after a colon or bullets; coordinated subjects from both
 * countries are one list per country. Every place of a run its sentence says was admitted is a
 * `joined` event, single places of a split run included.
 */
import type { Claim, Country, MemberListClaim, MembershipEventClaim, MembershipScope } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { Sentence } from '../text/segment-text.ts';
import type { CityMention } from '../places/find-cities.ts';
import { sentenceOf } from '../analyse-document.ts';
import { asOfFor, evidenceOf, organisationFor, sentenceDate, type OrganisationLink, type Refiner } from '../parser.ts';
import { isGoverned } from '../places/governed.ts';
import { countryOfWords, MEMBERSHIP_CUE, SCOPE_CUES, scopeNear, sideBefore, speaksOfAttendance } from '../counts/count-vocabulary.ts';
import { JOINT_MEMBER, MEMBERSHIP_CUES, PARTIAL } from '../membership/membership-vocabulary.ts';
import { BESIDES_BEFORE, endsEnumeration, findPlaceRuns, groupsByCountry, groupsBySameCountry, sharedCountry, type PlaceRun } from '../lists/find-place-runs.ts';
import { ADMISSION } from './list-admissions.ts';

// Words that make a sentence about the alliance's members: nouns of membership and admission verbs.
const MEMBER_WORDS = /(?<![\p{L}])(?:Mitglied|Mitglieder|Mitgliedern|Mitgliedschaft|Mitgliedsstädte\p{L}*|Mitgliedsstadt|Mitgliedskommunen|Gründungsmitglied\p{L}*|Gründungsstädte\p{L}*|Gründungsstadt|Gründer|Gründern|Mitbegründer\p{L}*|members?|membership|founding\s+(?:members?|cities)|founders?|co-?founders?|aufgenommen|beigetreten|admitted|joined|newcomers?|Neuzug[aä]ng\p{L}*|[Nn]eu\s+(?:in|im|dabei)|new\s+(?:in|to))(?![\p{L}])/u;
// Words that only say the places are present: enough after a sentence about the membership.
const PRESENCE = /(?<![\p{L}])(?:vertreten|dabei|represented|on\s+board|angehören|gehören|gehörten|zählen|zählten|part\s+of)(?![\p{L}])/iu;
// Verbs that make places the alliance's members when the alliance is named in the sentence.
const BELONGING = /(?<![\p{L}])(?:gehören|gehörten|angehören|angehörten|zählen|zählten|umfasst|umfasste|vereint|vereinte|comprises|comprised|includes|included|unites|brings\s+together)(?![\p{L}])/u;
// Travel, partnerships and events name places for other reasons.
const ITINERARY = /(?<![\p{L}])(?:besucht\p{L}*|Besuch\p{L}*|\p{L}*[Rr]eise\p{L}*|reist\p{L}*|bereist\p{L}*|führte|führt|Station\p{L}*|Tour\p{L}*|visit\p{L}*|toured|tours?|trips?|itinerar\p{L}*|travel\p{L}*|stops?)(?![\p{L}])/u;
const PARTNERSHIP = /(?<![\p{L}])(?:\p{L}*[Pp]artnerst[aä]dt\p{L}*|\p{L}*[Pp]artnerschaft\p{L}*|\p{L}*[Ff]reundschaft\p{L}*|Partnerkommune\p{L}*|sister[-\s]cit\p{L}*|twin\p{L}*|partner\s+cit\p{L}*|partnerships?|friendship\p{L}*|Kooperationsvereinbarung\p{L}*|cooperation\s+agreements?)(?![\p{L}])/u;
const EVENT_WORDS = /(?<![\p{L}])(?:\p{L}*(?:Forum|Messe|Konferenz|Tagung|Treffen|Veranstaltung|Workshop|Empfang)\p{L}*|forum|fair|conference|meeting|workshop|reception|exhibition)(?![\p{L}])/u;
const BETWEEN = /(?<![\p{L}])(?:zwischen|between)\s+(?:(?:den|the)\s+)?(?:\p{L}+\s+){0,2}$/iu;
// "Der 2016 gegründeten Allianz gehören …": the alliance named before, by its generic noun.
const ALLIANCE_NOUN = /(?<![\p{L}])(?:Allianz|Bündnis|Städtebündnis|Netzwerk|Verbund|alliance|network)(?![\p{L}])/iu;
// "Die Städte X, Y und Z sind als Städtenetzwerk … Gründungsmitglied": the places joined as one member.
const AS_ONE = /(?<![\p{L}])(?:als|as)\s+(?:(?:ein|eine|einen|a|an|the|das|der|die)\s+)?(?:gemeinsame\p{L}*\s+|joint\s+)?(?:Region|Städtenetzwerk|Netzwerk|Städteverbund|Verbund|Kooperationsraum|network|region)(?![\p{L}])/u;
// Intentions, departures and guests: a list of those is no list of members.
const OTHER_KINDS = MEMBERSHIP_CUES.filter(({ kind }) => kind === 'intends_to_join' || kind === 'left' || kind === 'guest')
  .map(({ pattern, gate }) => ({ pattern: new RegExp(pattern.source, pattern.flags.replace('g', '')), gate }));

export const listsFromPlaceRuns: Refiner = {
  name: 'lists-from-place-runs',
  refine(claims, doc) {
    const lists = claims.filter((c): c is MemberListClaim => c.kind === 'member_list');
    const events = claims.filter((c): c is MembershipEventClaim => c.kind === 'membership_event');
    const covered = (start: number, end: number) => lists.some((l) => l.evidence.start < end && start < l.evidence.end);
    const added: Claim[] = [];
    for (const run of findPlaceRuns(doc)) {
      const sentence = sentenceOf(doc, run.start);
      if (!sentence) continue;
      const link = membersContext(doc, sentence, run.places[0]!);
      if (!link) continue;
      const groups = groupsByCountry(run).flatMap((places) => (sharedCountry(places) || presentedAsList(doc, sentence, places) || examplesOf(doc, sentence, places) ? [places] : groupsBySameCountry(places)));
      groups.forEach((places, i) => {
        if (places.length < 2 || !places.some((p) => doc.cities.includes(p))) return;
        const first = places[0]!;
        const last = places[places.length - 1]!;
        if (covered(first.start, last.end)) return;
        const claim = listClaim(doc, sentence, link, places, i === 0);
        // "Neu dabei sind unter anderem Köln und Bottrop": examples of admissions are no list (a current or founding list may be partial).
        added.push(claim);
      });
      added.push(...admissions(doc, sentence, link, run, events));
    }
    return added.length ? [...claims, ...added] : claims;
  },
};

/** "Zu den Mitgliedern zählen unter anderem X und Y aus … sowie Z", "darunter X sowie Y": examples are picked across countries, not subjects coordinated per country. */
function examplesOf(doc: AnalysedDocument, sentence: Sentence, places: CityMention[]): boolean {
  // "neben Eisenach unter anderem Chemnitz …": the marker may follow the place a "neben" opens the run with.
  return PARTIAL.test(doc.text.slice(sentence.start, (places[1] ?? places[0]!).start));
}

/** A run that mixes countries is one list only when it is the whole enumeration after a colon or bullets ("Neu sind:\n- Ji'an …\nsowie Salzgitter."). */
function presentedAsList(doc: AnalysedDocument, sentence: Sentence, places: CityMention[]): boolean {
  const first = places[0]!;
  const last = places[places.length - 1]!;
  const lastSentence = sentenceOf(doc, last.start) ?? sentence;
  return /:\s*(?:[-•–*·▪]\s*)?$/u.test(doc.text.slice(sentence.start, first.start)) && endsEnumeration(doc, doc.text.slice(last.end, lastSentence.end));
}

/** Every place of a run its sentence says was admitted ("Neu aufgenommen wurden …", "newcomers were welcomed: …") joined, unless another claim already says what it did. */
function admissions(doc: AnalysedDocument, sentence: Sentence, link: OrganisationLink, run: PlaceRun, events: MembershipEventClaim[]): MembershipEventClaim[] {
  if (!ADMISSION.test(sentence.text) || scopeOf(doc, sentence, run.start) !== 'event') return [];
  const date = sentenceDate(doc, sentence, run.start, { allowSince: true });
  const evidence = evidenceOf(doc, sentence.start, run.end);
  return run.places
    .filter((p) => !events.some((e) => e.city === p.name && e.evidence.start < sentence.end && sentence.start < e.evidence.end && e.event !== 'joined'))
    .map((p) => ({
      kind: 'membership_event', subject: link.subject, city: p.name, event: 'joined', date: date?.value ?? null,
      evidence, provenance: { rule: 'membership/joined/place-run', ...(link.inSentence ? {} : { implied: ['subject'] }) },
    }));
}

/** The alliance whose members the run names, or null when its sentence is about something else. */
function membersContext(doc: AnalysedDocument, sentence: Sentence, first: CityMention): OrganisationLink | null {
  const text = sentence.text;
  if (ITINERARY.test(text) || PARTNERSHIP.test(text) || speaksOfAttendance(text) || OTHER_KINDS.some(({ pattern, gate }) => gate(text) && pattern.test(text))) return null;
  if (AS_ONE.test(doc.text.slice(first.start, sentence.end))) return null;
  if (JOINT_MEMBER.test(text)) return null;
  // "neben Aachen die Städte …" governs the first place but lists it with the others.
  const besides = BESIDES_BEFORE.test(doc.text.slice(sentence.start, first.start));
  if (BETWEEN.test(doc.text.slice(sentence.start, first.start)) || (!besides && isGoverned(doc, first, sentence.start))) return null;
  if (MEMBER_WORDS.test(text)) return organisationFor(doc, sentence, { documentFallback: true });
  // "Der Allianz gehören auf deutscher Seite X und Y an", "Zur ISA zählen X und Y": the alliance's own sentence with a verb of belonging.
  const own = BELONGING.test(text) && !EVENT_WORDS.test(text) ? organisationFor(doc, sentence) : null;
  if (own?.inSentence) return own;
  if (!PRESENCE.test(text) || EVENT_WORDS.test(text)) return null;
  // "Der Allianz gehören 80 Städte an. Aus Sachsen sind bislang Chemnitz und Zwickau vertreten."
  const previous = doc.sentences[sentence.index - 1];
  if (!previous || !MEMBERSHIP_CUE.test(previous.text)) return null;
  if (!organisationFor(doc, previous) && !ALLIANCE_NOUN.test(previous.text)) return null;
  return organisationFor(doc, sentence, { documentFallback: true });
}

function listClaim(doc: AnalysedDocument, sentence: Sentence, link: OrganisationLink, places: CityMention[], opensRun: boolean): MemberListClaim {
  const first = places[0]!;
  const last = places[places.length - 1]!;
  const lead = doc.text.slice(sentence.start, first.start);
  const country: Country | null = sharedCountry(places) ?? (opensRun ? countryOfWords(lead) ?? sideBefore(sentence.text, first.start - sentence.start) : null);
  const { asOf, implied } = asOfFor(doc, sentence, first.start);
  // The evidence keeps the lead-in ("Aus Nordrhein-Westfalen sind unter anderem …"): it says whether the list is partial.
  const start = opensRun && lead.length <= 160 ? sentence.start : first.start;
  const rest = last.end <= sentence.end ? doc.text.slice(last.end, sentence.end) : '';
  const end = last.end <= sentence.end && rest.length <= 40 && !rest.includes('\n') ? sentence.end : last.end;
  const impliedFields = [...(sharedCountry(places) ? [] : ['country']), ...(implied ? ['asOf'] : []), ...(link.inSentence ? [] : ['subject'])];
  return {
    kind: 'member_list',
    subject: link.subject,
    country,
    scope: scopeOf(doc, sentence, first.start),
    asOf,
    members: places.map((p) => ({ name: p.name, raw: p.raw, resolved: true })),
    statedCount: null,
    evidence: evidenceOf(doc, start, end),
    provenance: { rule: 'member-list/place-run', ...(impliedFields.length ? { implied: impliedFields } : {}) },
  };
}

// The scope cues without their global flag, so `test` keeps no position between calls.
const SCOPE_CUE_TESTS = SCOPE_CUES.map(([cue]) => new RegExp(cue.source, cue.flags.replace('g', '')));

/** The scope the sentence gives the list; a lead-in without one ("Neu in der Allianz sind:") takes the sentence before's. */
function scopeOf(doc: AnalysedDocument, sentence: Sentence, at: number): MembershipScope {
  const hasCue = (text: string) => SCOPE_CUE_TESTS.some((cue) => cue.test(text));
  if (hasCue(sentence.text)) return scopeNear(sentence.text, at - sentence.start);
  const previous = doc.sentences[sentence.index - 1];
  if (previous && previous.paragraph === sentence.paragraph && hasCue(previous.text)) return scopeNear(previous.text, previous.text.length);
  return 'current';
}
