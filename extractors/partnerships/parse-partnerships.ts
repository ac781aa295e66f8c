/**
 * Partnerships between a German and a Chinese city: partner city (Städtepartnerschaft,
 * sister city, twin town), friendship city, cooperation agreement (Kooperationsvereinbarung,
 * Absichtserklärung, MoU, letter of intent) and friendship treaty, with the date they date
 * from ("seit 2012", "am 22. Juli 2004 … gegründet", "since 1998"). The two parties must be
 * the cities themselves — "X und Y sind Partnerstädte", "X … mit (der Metropole) Y",
 * "zwischen X und Y" — not agencies or firms of a city ("mit den Wirtschaftsförderungen von
 * Düsseldorf").
 */
import type { EventClaim, PartnershipClaim, PartnershipRelation } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import { datesIn, evidenceOf, type Parser } from '../parser.ts';
import { isGoverned } from '../places/governed.ts';
import { parseCardinal } from '../text/number-words.ts';
import { PARTNERSHIP_DE, PARTNERSHIP_EN, RELATION_ORDER, wordsPattern } from './partnership-vocabulary.ts';
import { prospectOf, type Prospect } from './partnership-prospects.ts';
import { REGIONAL_GROUP_NOTE } from './regional-group-note.ts';

/** Cues of each relation, most specific first, composed from the vocabulary of both languages. */
export const RELATIONS: Array<[PartnershipRelation, RegExp]> = [
  ...RELATION_ORDER.map((relation): [PartnershipRelation, RegExp] => [relation, wordsPattern((w) => w.relations[relation])]),
  ['friendship_city', wordsPattern((w) => w.friendlyRelations)],
];

// Words allowed between "mit"/"with" and the partner city: articles, lower-case adjectives, city nouns.
const PARTNER_LEAD_SOURCE = '(?:\\s+(?:[\\p{Ll}][\\p{L}-]*|\\p{Lu}\\p{Ll}+(?:stadt|metropole)|Stadt|Metropole|Millionenmetropole|Hafenstadt|Partnerstadt|Provinzhauptstadt|Hauptstadt|Bezirk|Stadtbezirk|Kreis|Landkreis|Provinz|Partnerprovinz|Freistaat|Land|Bundesland|Region|City|Province|State|Chinese|German))*\\s*';
// What may stand between a cue and its partner ("Partnerstadt von der Metropole Y"), and after "mit".
const PARTNER_GAP_AFTER_CUE = new RegExp(`^\\s*(?:von|of|mit|with)?${PARTNER_LEAD_SOURCE}$`, 'u');
const PARTNER_GAP_AFTER_WITH = new RegExp(`^\\s*(?:mit|with|Mit|With)${PARTNER_LEAD_SOURCE}$`, 'u');
// What may stand between two coordinated party cities: "und", "and the Hessian town of", "–".
const COORDINATION_GAP = /^\s*(?:(?:am|an\s+der|im)\s+\p{Lu}\p{L}+\s*|(?:District|district|Bezirk|Provinz|Province|province)\s+)?(?:und|and|&|–|-|—|\/)\s*(?:(?:die|der|dem|the)\s+)?(?:(?:[\p{L}][\p{L}-]*\s+)?(?:Stadt|Bezirk|Stadtbezirk|city|town|district|Metropole|metropolis|Provinz|Freistaat|Land|Bundesland|Landkreis|Kreis|Region|province|state|region)\s+(?:of\s+)?|[\p{Ll}][\p{L}-]*\s+)?$/u;
// "Mit dem Bezirk", "with the city": a partner named by its noun alone, no name after it.
const WITH_ANAPHOR = /(?<![\p{L}])(?:[Mm]it|[Ww]ith|[Zz]u|[Zz]ur|[Zz]um)\s+(?:(?:dem|der|the)\s+)?(?:Bezirk|Stadtbezirk|Stadt|Metropole|Provinz|district|city|municipality)(?![\p{L}])(?!\s+(?:of\s+)?\p{Lu})/u;
// Between an antecedent and the subject of its relative clause: ", mit dem", ", with which", ", zu der".
const RELATIVE_WITH = /^\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:mit\s+(?:dem|der|denen)|zu\s+(?:dem|der)|with\s+which|with\s+whom)\s+(?:(?:die|der|das|the)\s+)?(?:(?:Stadt|city|town|Freistaat|Land|Bundesland|Landkreis|Kreis|Provinz|state|province)\s+(?:of\s+)?)?$/u;
// A preposition right before a city makes it an object, not a party ("von Düsseldorf und Duisburg").
const GOVERNED = /(?<![\p{L}])(?:von|vom|aus|in|bei|mit|nach|zu|of|from|at|with|to)\s+(?:der|dem|den|des|die|the)?\s*(?:Stadt\s+)?$/iu;
// A relation only examined, prepared, sought or put on hold is none now: "eine Kooperationsvereinbarung vorzubereiten", "is exploring a sister-city relationship".
export const PROSPECTIVE = wordsPattern((w) => [...w.underReview, ...w.planned, ...w.suspended]);
// "X ist (offizielle) Freundschaftsstadt": a predicate cue without "von"/"of"/"mit" names the document's city as the other party.
const COPULA = /(?<![\p{L}])(?:ist|sind|war|waren|wurde|wurden|is|are|was|were|became|has\s+been|have\s+been)(?![\p{L}])/iu;
// "Wuhan, unsere Partnerstadt seit 1982, …", "Jinan, our sister city, …": the cue in apposition to the subject.
const APPOSITION = /^\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:(?:die|der|unsere|unserer|the|our|its|seine|ihre|chinesische|Chinese|langjährige|long-standing|official|offizielle)\s+)*$/iu;
const PARTNER_AFTER_CUE = /^\s*(?:von|vom|of|mit|with|der|des|zu|to)\s/iu;
// "aus dem Jahr 2019", "von 2019", "dating from 2019": the year the agreement dates from.
const DATES_FROM = /(?:aus\s+dem\s+Jahre?|vom|von|from|dating\s+(?:back\s+)?(?:from|to)|dated|of)\s*$/iu;
const GENITIVE_GAP = /^\s+(?:der|des|of(?:\s+the)?)\s+(?:[\p{Ll}][\p{L}-]*\s+){0,2}(?:Metropole|Millionenmetropole|Stadt|Hauptstadt|Provinzhauptstadt|city|metropolis|capital)\s+$/u;
const ESTABLISHED = wordsPattern((w) => w.established);
// Signing in the narrow sense, without the auxiliaries "wurde", "became" that ESTABLISHED accepts next to a date.
const AUXILIARIES = new Set(['wurden', 'wurde', 'became', 'become', 'entered']);
const SIGNED = wordsPattern((w) => w.established.filter((v) => !AUXILIARIES.has(v)));
// "seit Gründung der Partnerschaft im Mai 2011", "since the signing of the agreement in 2009": a date after a founding noun.
const FOUNDING_BEFORE = new RegExp(`(?<![\\p{L}])(?:${[...PARTNERSHIP_DE.founding, ...PARTNERSHIP_EN.founding].join('|')})(?![\\p{L}])[^.;]{0,200}$`, 'iu');
const BOTH_PARTIES = wordsPattern((w) => w.bothParties);
const ANNIVERSARIES = [...PARTNERSHIP_DE.anniversaries, ...PARTNERSHIP_EN.anniversaries].map((source) => new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}])`, 'iu'));
// "eine Städtepartnerschaft in Bayern": a place the relation is sought in, not a party.
const PLACE_PREPOSITION = /(?<![\p{L}])(?:in|im|aus|nach|bei|into|from)(?![\p{L}])/u;
// "Kooperation … unterzeichnet" names no agreement of its own: "twelve cooperation projects were signed" refers to no pair.
const GENERIC_COOPERATION = /^(?:Kooperation|Zusammenarbeit|cooperation)$/iu;
const PREDICATE_GAP = /^\s+(?:ist|war|sind|waren|is|was|are|were)\s+(?:(?:die|der|das|the)\s+)?(?:(?:Stadt|city)\s+(?:of\s+)?)?$/u;
const GENITIVE = /(?:s|['’]s?)$/u;
// "Chongqing, Dusseldorf Celebrate …": two parties and nothing else, joined by a comma.
const COMMA_PAIR_GAP = /^\s*,\s*$/u;

export const partnershipParser: Parser = {
  name: 'partnership',
  parse(doc) {
    const claims: Array<PartnershipClaim | EventClaim> = [];
    let lastPair: [CityMention, CityMention] | null = null;
    let pairSoFar: [CityMention, CityMention] | null = null;
    for (const sentence of doc.sentences) {
      for (const [relation, cue] of RELATIONS) {
        const m = cue.exec(sentence.text);
        if (!m) continue;
        const cueStart = sentence.start + m.index;
        const cueEnd = cueStart + m[0].length;
        const group = regionalGroupOf(doc, sentence, cueStart, cueEnd);
        const explicit = group?.pair ?? partiesOf(doc, sentence, cueStart, cueEnd);
        // "beide Städte", "both cities", or a sentence naming no place at all: the pair talked about.
        const pair = explicit ?? (GENERIC_COOPERATION.test(m[0]) ? null : pairReferredTo(doc, sentence, lastPair ?? pairSoFar));
        if (!pair) continue;
        const [a, b] = pair;
        if (a.country === b.country || a.name === b.name) continue;
        const cities = [partyName(doc, a), partyName(doc, b)].sort() as [string, string];
        const prospect = prospectOf(sentence.text, m.index, m.index + m[0].length);
        if (prospect) {
          claims.push(prospectEvent(doc, sentence, prospect, cities, cueStart, cueEnd));
          break;
        }
        if (explicit) lastPair = explicit;
        const since = sinceOf(doc, sentence);
        // The document's own city named outside the sentence is no part of its evidence.
        const parties = [a, b].filter((c) => c.start >= sentence.start && c.end <= sentence.end);
        const start = Math.min(...parties.map((c) => c.start), cueStart);
        const end = Math.max(...parties.map((c) => c.end), cueEnd);
        claims.push({
          kind: 'partnership',
          cities,
          relation,
          since: since?.value ?? null,
          evidence: evidenceOf(doc, start, end),
          provenance: {
            rule: `partnership/${relation.replace(/_/g, '-')}`,
            ...(explicit ? {} : { implied: ['cities'] }),
            ...(since?.implied ? { implied: [...(explicit ? [] : ['cities']), 'since'] } : {}),
            ...(group ? { notes: [`${REGIONAL_GROUP_NOTE}: ${group.members.join(', ')}`] } : {}),
          },
        });
        break; // one relation per sentence: the most specific cue wins
      }
      // Until a partnership is told, the pair is the document's city and the one place of the other country beside it.
      pairSoFar ??= ownPair(doc, sentence);
    }
    return withoutGroupsNamedAsRegion(claims);
  },
};

const REGIONAL_CUE = /^Region(?:al)?-?[Pp]artnerschaft/u;

/** A group of towns the same document also calls "Region X" (the first town's region) is that region's partnership, told once. */
function withoutGroupsNamedAsRegion(claims: Array<PartnershipClaim | EventClaim>): Array<PartnershipClaim | EventClaim> {
  const pairs = new Set(claims.flatMap((c) => (c.kind === 'partnership' ? [c.cities.join('|')] : [])));
  return claims.filter((c) => {
    if (c.kind !== 'partnership' || !c.provenance?.notes?.some((n) => n.startsWith(`${REGIONAL_GROUP_NOTE}:`))) return true;
    return !c.cities.some((city, i) => pairs.has([`Region ${city}`, c.cities[1 - i]!].sort().join('|')));
  });
}

/**
 * "Die Regionalpartnerschaft mit Y, an der sich die Städte A, B und C beteiligen": one side is a
 * group of towns and districts, named by the first of them; the other side is the one place of
 * the other country the sentence names.
 */
function regionalGroupOf(doc: AnalysedDocument, sentence: Sentence, cueStart: number, cueEnd: number): { pair: [CityMention, CityMention]; members: string[] } | null {
  if (!REGIONAL_CUE.test(doc.text.slice(cueStart, cueEnd))) return null;
  const places = [...doc.cities, ...doc.admin1Mentions].filter((c) => c.start >= sentence.start && c.end <= sentence.end).sort((x, y) => x.start - y.start);
  const byCountry = new Map<string, CityMention[]>();
  for (const c of places) if (!byCountry.get(c.country)?.some((k) => k.name === c.name)) byCountry.set(c.country, [...(byCountry.get(c.country) ?? []), c]);
  if (byCountry.size !== 2) return null;
  const [one, other] = [...byCountry.values()].sort((a, b) => a.length - b.length);
  if (!one || !other || one.length !== 1 || other.length < 2) return null;
  // The partner's mention nearest the cue is the one the evidence spans (a dateline may name it too).
  const distance = (c: CityMention) => Math.min(Math.abs(c.start - cueEnd), Math.abs(cueStart - c.end));
  const partner = places.filter((c) => c.name === one[0]!.name).sort((a, b) => distance(a) - distance(b))[0]!;
  return { pair: [other[0]!, partner], members: other.map((c) => c.name) };
}

// "der Region Nürnberg": the region around a German city is a party of its own, not the city.
const REGION_BEFORE = /(?<![\p{L}])Region\s+$/u;

/** The party's name: the city, or "Region X" where the text names the region around it. */
function partyName(doc: AnalysedDocument, city: CityMention): string {
  if (city.country !== 'DE' || /^Region\s/u.test(city.name)) return city.name;
  return REGION_BEFORE.test(doc.text.slice(Math.max(0, city.start - 8), city.start)) && !/^[\p{L}-]/u.test(doc.text.slice(city.end, city.end + 1)) ? `Region ${city.name}` : city.name;
}

/**
 * The pair a partnership sentence means without naming it: "beide Städte" / "both cities" refer
 * to the pair told last (or the document's city and its counterpart); a sentence naming no
 * place at all and telling a signing refers only to a partnership told before.
 */
function pairReferredTo(doc: AnalysedDocument, sentence: Sentence, pair: [CityMention, CityMention] | null): [CityMention, CityMention] | null {
  if (!pair) return null;
  if (BOTH_PARTIES.test(sentence.text)) return pair;
  const places = [...doc.cities, ...doc.admin1Mentions].filter((c) => c.start >= sentence.start && c.end <= sentence.end);
  return places.length === 0 && ESTABLISHED.test(sentence.text) ? pair : null;
}

/** The document's city and the one place of the other country a sentence names beside it, if that is all it names. */
function ownPair(doc: AnalysedDocument, sentence: Sentence): [CityMention, CityMention] | null {
  const own = doc.mainCity;
  if (!own) return null;
  const named = doc.cities.filter((c) => c.start >= sentence.start && c.end <= sentence.end && c.country !== own.country);
  // "Düsseldorf als Zentrum der Rhein-Ruhr-Region": a region beside a city is where the city lies, not a second counterpart.
  const others = named.some((c) => c.place.type !== 'region') ? named.filter((c) => c.place.type !== 'region') : named;
  const names = new Set(others.map((c) => c.name));
  return names.size === 1 && others[0] ? [own, others[0]] : null;
}

function prospectEvent(doc: AnalysedDocument, sentence: Sentence, prospect: Prospect, cities: [string, string], cueStart: number, cueEnd: number): EventClaim {
  const date = datesIn(doc, sentence).find((d) => d.value)?.value ?? null;
  return {
    kind: 'event',
    type: prospect === 'planned' ? 'partnership_signing_planned' : prospect === 'suspended' ? 'partnership_suspended' : 'partnership_under_review',
    subject: cities.join(' – '),
    date,
    place: null,
    ordinal: null,
    evidence: evidenceOf(doc, Math.min(cueStart, sentence.start), Math.max(cueEnd, sentence.end)),
    provenance: { rule: `partnership/${prospect.replace(/_/g, '-')}` },
  };
}

/** The two parties: coordinated subjects, "zwischen X und Y", or a subject and "mit Y" / "partner city of Y". */
function partiesOf(doc: AnalysedDocument, sentence: Sentence, cueStart: number, cueEnd: number): [CityMention, CityMention] | null {
  // Provinces and Länder partner too ("der Freistaat Bayern und die Provinz Shandong").
  const cities = [...doc.cities, ...doc.admin1Mentions].filter((c) => c.start >= sentence.start && c.end <= sentence.end).sort((x, y) => x.start - y.start);
  if (cities.length < 1) return null;
  // "Bayerns Partnerprovinz Shandong", "Nürnbergs Partnerstadt Shenzhen": a genitive owner before the cue, the partner right after it.
  const owner = cities.find((c) => /^\s*$/u.test(doc.text.slice(c.end, cueStart)) && GENITIVE.test(c.raw) && !GENITIVE.test(c.name));
  const owned = cities.find((c) => c.start >= cueEnd && /^\s*$/u.test(doc.text.slice(cueEnd, c.start)));
  if (owner && owned && owner.country !== owned.country) return [owner, owned];
  // "Die jüngste Partnerstadt Regensburgs ist Qingdao", "The newest sister city of Bonn is Chengdu": owner after the cue, partner after the copula.
  const ownerAfter = cities.find((c) => c.start >= cueEnd && /^\s*(?:(?:von|of)\s+)?$/u.test(doc.text.slice(cueEnd, c.start)) && (GENITIVE.test(c.raw) || /\S/u.test(doc.text.slice(cueEnd, c.start))));
  const predicated = ownerAfter ? cities.find((c) => c.start >= ownerAfter.end && PREDICATE_GAP.test(doc.text.slice(ownerAfter.end, c.start))) : undefined;
  if (ownerAfter && predicated && ownerAfter.country !== predicated.country) return [ownerAfter, predicated];
  const [first, second] = cities;
  if (cities.length === 2 && first && second && first.country !== second.country && COMMA_PAIR_GAP.test(doc.text.slice(first.end, second.start))) return [first, second];
  const before = (c: CityMention) => doc.text.slice(Math.max(sentence.start, c.start - 50), c.start);
  // "X und Y" where no preposition governs X: coordinated subjects or "zwischen X und Y".
  for (let i = 0; i + 1 < cities.length; i++) {
    const x = cities[i]!;
    const y = cities[i + 1]!;
    if (!COORDINATION_GAP.test(doc.text.slice(x.end, y.start))) continue;
    const lead = before(x);
    // "zwischen X und Y", and "die Partnerschaft von X und Y" right after the cue, name the parties.
    const ofCue = x.start >= cueEnd && /^\s*(?:von|of)\s+(?:(?:der|the)\s+)?(?:(?:Stadt|Städte|city|cities)\s+(?:of\s+)?)?$/iu.test(doc.text.slice(cueEnd, x.start));
    if (GOVERNED.test(lead) && !ofCue && !/(?:zwischen|between)\s+(?:der|dem|den|the)?\s*(?:Stadt\s+|Städten\s+|cities\s+of\s+)?$/iu.test(lead)) continue;
    return [x, y];
  }
  // "Foshan, mit dem Ingolstadt seit 2009 eine Städtepartnerschaft verbindet", "Wuhu, with which Jena has had a partnership": a relative clause pairs its antecedent with its subject.
  for (let i = 0; i + 1 < cities.length; i++) {
    const antecedent = cities[i]!;
    const subject = cities[i + 1]!;
    if (subject.end > cueStart) break;
    if (RELATIVE_WITH.test(doc.text.slice(antecedent.end, subject.start))) return [subject, antecedent];
  }
  // "dem Bezirk Bao'an der südchinesischen Metropole Shenzhen": a city in the genitive after another names where that one lies.
  const attached = (c: CityMention) => cities.some((p) => p.end <= c.start && GENITIVE_GAP.test(doc.text.slice(p.end, c.start)));
  const subject = cities.find((c) => c.start < cueStart && !isGoverned(doc, c, sentence.start) && !/\(\s*$/u.test(before(c)) && !attached(c));
  // No subject city: the document's own ("Die Stadt kann auf die Kooperation mit Jiaozuo …", "Mit der Stadt Dezhou besteht …").
  const own = subject ?? doc.mainCity;
  if (!own) return null;
  // "partner city of Y", "Partnerstadt von Y": the partner follows the cue directly.
  const direct = cities.find((c) => c.start >= cueEnd && PARTNER_GAP_AFTER_CUE.test(doc.text.slice(cueEnd, c.start)) && !PLACE_PREPOSITION.test(doc.text.slice(cueEnd, c.start)));
  // "… mit der südostchinesischen Metropole Y", with nothing but articles, adjectives and city nouns between.
  const withPartner = cities.find((c) => {
    const window = doc.text.slice(Math.max(sentence.start, c.start - 80), c.start);
    const lower = window.toLowerCase();
    const at = Math.max(lower.lastIndexOf(' mit '), lower.lastIndexOf(' with '), lower.startsWith('mit ') || lower.startsWith('with ') ? 0 : -1);
    return at >= 0 && PARTNER_GAP_AFTER_WITH.test(window.slice(at));
  });
  const partner = [direct, withPartner].find((c) => c && c.name !== own.name);
  if (partner) return [own, partner];
  // "Über die Aufnahme von Xiangcheng …: Mit dem Bezirk besteht seit 2019 eine Kooperationsvereinbarung": the noun refers to the city of the other country named last.
  const anaphor = WITH_ANAPHOR.exec(doc.text.slice(sentence.start, cueStart));
  if (anaphor) {
    const at = sentence.start + anaphor.index;
    const previous = doc.sentences[sentence.index - 1];
    const from = previous && previous.paragraph === sentence.paragraph ? previous.start : sentence.start;
    const referent = doc.cities.filter((c) => c.start >= from && c.end <= at && c.country !== own.country).at(-1);
    if (referent) return [own, referent];
  }
  // "Seit 2011 ist die Millionenstadt Baoding … offizielle Freundschaftsstadt": the subject is the partner of the document's city.
  if (!doc.mainCity || PARTNER_AFTER_CUE.test(doc.text.slice(cueEnd, sentence.end))) return null;
  if (subject && doc.mainCity.name !== subject.name && COPULA.test(doc.text.slice(sentence.start, cueStart))) return [subject, doc.mainCity];
  // "Eine Delegation aus Wuxi, unserer Partnerstadt seit 2004, …": the city the cue stands in apposition to, governed or not.
  const appositive = cities.find((c) => c.end <= cueStart && APPOSITION.test(doc.text.slice(c.end, cueStart)));
  if (appositive && appositive.name !== doc.mainCity.name) return [appositive, doc.mainCity];
  // "Eine Absichtserklärung unterzeichneten in Laizhou …": an agreement signed names the document's city and the one place of the other country.
  const others = [...new Set(cities.filter((c) => c.country !== doc.mainCity?.country).map((c) => c.name))];
  const other = cities.find((c) => c.country !== doc.mainCity?.country);
  if (others.length === 1 && other && SIGNED.test(sentence.text)) return [doc.mainCity, other];
  return null;
}

/**
 * "seit 2012", "since 1997", a date next to "gegründet"/"unterzeichnet"/"signed" or after
 * "Begründung der Partnerschaft"; else an anniversary in a dated text ("20 Jahre Partnerschaft"
 * published in 2017 → 1997, implied).
 */
function sinceOf(doc: AnalysedDocument, sentence: Sentence): { value: string; implied: boolean } | null {
  const dates = datesIn(doc, sentence).filter((d) => d.value);
  const since = dates.find((d) => d.since || DATES_FROM.test(doc.text.slice(Math.max(sentence.start, d.start - 20), d.start)) || FOUNDING_BEFORE.test(doc.text.slice(sentence.start, d.start)));
  if (since?.value) return { value: since.value, implied: false };
  if (ESTABLISHED.test(sentence.text)) {
    const dated = dates.filter((d) => !d.relative || d.precision === 'day');
    if (dated[0]?.value) return { value: dated[0].value, implied: false };
  }
  const year = doc.published ? Number(doc.published.slice(0, 4)) : NaN;
  if (!Number.isFinite(year)) return null;
  for (const pattern of ANNIVERSARIES) {
    const m = pattern.exec(sentence.text);
    const count = m?.groups?.years ?? m?.groups?.decades;
    const years = count ? (yearsOf(count, doc.language) ?? 0) * (m?.groups?.decades ? 10 : 1) : null;
    if (years !== null && years > 0 && years < 200) return { value: String(year - years), implied: true };
  }
  return null;
}

/** "20", "zehn", "tenth", "20th". */
function yearsOf(written: string, language: 'de' | 'en'): number | null {
  const ordinal = /^(\d{1,3})(?:st|nd|rd|th)$/u.exec(written);
  if (ordinal) return Number(ordinal[1]);
  const word = ORDINAL_WORDS[written.toLowerCase()];
  if (word) return word;
  return parseCardinal(written, language);
}

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, fifteenth: 15, twentieth: 20,
  'twenty-fifth': 25, thirtieth: 30, fortieth: 40, fiftieth: 50,
};
