/**
 * Partnerships between a German and a Chinese city: partner city (Städtepartnerschaft,
 * sister city, twin town), friendship city, cooperation agreement (Kooperationsvereinbarung,
 * Absichtserklärung, MoU, letter of intent) and friendship treaty, with the date they date
 * from ("seit 2012", "am 22. Juli 2004 … gegründet", "since 1998"). The two parties must be
 * the cities themselves — "X und Y sind Partnerstädte", "X … mit (der Metropole) Y",
 * "zwischen X und Y" — not agencies or firms of a city ("mit den Wirtschaftsförderungen von
 * Düsseldorf").
 */
import type { PartnershipClaim, PartnershipRelation } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import { datesIn, evidenceOf, type Parser } from '../parser.ts';
import { isGoverned } from '../places/governed.ts';

/** Cues of each relation, most specific first. */
export const RELATIONS: Array<[PartnershipRelation, RegExp]> = [
  ['friendship_treaty', /(?<![\p{L}])(?:Freundschaftsvertrag\p{L}*|Freundschaftsverträge\p{L}*|friendship\s+(?:treaty|agreement|pact))(?![\p{L}]|-(?!Beziehung|Vertrag|Abkommen|Vereinbarung|Partnerschaft))/iu],
  ['friendship_city', /(?<![\p{L}])(?:Freundschaftsst(?:a|ä)dt\p{L}*|Städtefreundschaft\p{L}*|friendship\s+cit(?:y|ies)|friendly\s+cit(?:y|ies)|freundschaftlich\s+(?:\p{Ll}+\s+)?verbunden)(?![\p{L}]|-(?!Beziehung|Vertrag|Abkommen|Vereinbarung|Partnerschaft))/iu],
  ['partner_city', /(?<![\p{L}])(?:partnerschaftlich\s+(?:\p{Ll}+\s+)?verbunden|Partnerst(?:a|ä)dt\p{L}*|Städtepartnerschaft\p{L}*|Partnerschaftsst(?:a|ä)dt\p{L}*|sister[-\s]cit(?:y|ies)|twin[-\s]?towns?|twin\s+cit(?:y|ies)|twinned|town\s+twinning|partner\s+cit(?:y|ies)|city\s+partnerships?)(?![\p{L}]|-(?!Beziehung|Vertrag|Abkommen|Vereinbarung|Partnerschaft))/iu],
  ['cooperation_agreement', /(?<![\p{L}])(?:Kooperationsvereinbarung\p{L}*|Kooperationsabkommen\p{L}*|Kooperationsvertr(?:a|ä)g\p{L}*|Absichtserklärung\p{L}*|Partnerschaftsvereinbarung\p{L}*|Memorandum\s+of\s+Understanding|MoU|cooperation\s+agreements?|agreement\s+on\s+cooperation|letters?\s+of\s+intent|framework\s+agreement|(?:Kooperation|Zusammenarbeit|cooperation)(?=(?:[^.;]|\.(?=\d)){0,120}(?:vereinbart|unterzeichnet|geschlossen|besiegelt|signed|agreed)))(?![\p{L}-])/iu],
];

// Words allowed between "mit"/"with" and the partner city: articles, lower-case adjectives, city nouns.
const PARTNER_LEAD_SOURCE = '(?:\\s+(?:[\\p{Ll}][\\p{L}-]*|\\p{Lu}\\p{Ll}+(?:stadt|metropole)|Stadt|Metropole|Millionenmetropole|Hafenstadt|Partnerstadt|Provinzhauptstadt|Hauptstadt|Bezirk|Stadtbezirk|Kreis|Landkreis|City|Chinese|German))*\\s*';
// What may stand between two coordinated party cities: "und", "and the Hessian town of", "–".
const COORDINATION_GAP = /^\s*(?:(?:am|an\s+der|im)\s+\p{Lu}\p{L}+\s*|(?:District|district|Bezirk)\s+)?(?:und|and|&|–|-|—|\/)\s*(?:(?:die|der|dem|the)\s+)?(?:(?:[\p{L}][\p{L}-]*\s+)?(?:Stadt|Bezirk|Stadtbezirk|city|town|district|Metropole|metropolis)\s+(?:of\s+)?|[\p{Ll}][\p{L}-]*\s+)?$/u;
// "Mit dem Bezirk", "with the city": a partner named by its noun alone, no name after it.
const WITH_ANAPHOR = /(?<![\p{L}])(?:[Mm]it|[Ww]ith)\s+(?:dem|der|the)\s+(?:Bezirk|Stadtbezirk|Stadt|Metropole|Provinz|district|city|municipality)(?![\p{L}])(?!\s+(?:of\s+)?\p{Lu})/u;
// Between an antecedent and the subject of its relative clause: ", mit dem", ", with which", ", zu der".
const RELATIVE_WITH = /^\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:mit\s+(?:dem|der|denen)|zu\s+(?:dem|der)|with\s+which|with\s+whom)\s+(?:(?:die|der|das|the)\s+)?(?:(?:Stadt|city|town)\s+(?:of\s+)?)?$/u;
// A preposition right before a city makes it an object, not a party ("von Düsseldorf und Duisburg").
const GOVERNED = /(?:von|vom|aus|in|bei|mit|nach|zu|of|from|at|with|to)\s+(?:der|dem|den|des|die|the)?\s*(?:Stadt\s+)?$/iu;
// A relation only examined, prepared or sought is none yet: "eine Kooperationsvereinbarung vorzubereiten", "is exploring a sister-city relationship".
export const PROSPECTIVE = /(?<![\p{L}])(?:prüf\p{L}*|geprüft|vorzubereiten|vorbereite\p{L}*|vorbereitet|angestrebt\p{L}*|anzustreben|anstreb\p{L}*|strebt|erwäg\p{L}*|sondier\p{L}*|auszuloten|ausloten|beabsichtig\p{L}*|anbahn\p{L}*|Entwurf|explor\p{L}*|consider\p{L}*|examin\p{L}*|prepar\p{L}*|intends?|seeks?|seeking|draft)(?![\p{L}])/iu;
// "X ist (offizielle) Freundschaftsstadt": a predicate cue without "von"/"of"/"mit" names the document's city as the other party.
const COPULA = /(?<![\p{L}])(?:ist|sind|war|waren|wurde|wurden|is|are|was|were|became|has\s+been|have\s+been)(?![\p{L}])/iu;
// "Wuhan, unsere Partnerstadt seit 1982, …", "Jinan, our sister city, …": the cue in apposition to the subject.
const APPOSITION = /^\s*(?:\([^()]{0,60}\)\s*)?,\s*(?:(?:die|der|unsere|unserer|the|our|its|seine|ihre|chinesische|Chinese|langjährige|long-standing|official|offizielle)\s+)*$/iu;
const PARTNER_AFTER_CUE = /^\s*(?:von|vom|of|mit|with|der|des|zu|to)\s/iu;
// "aus dem Jahr 2019", "von 2019", "dating from 2019": the year the agreement dates from.
const DATES_FROM = /(?:aus\s+dem\s+Jahre?|vom|von|from|dating\s+(?:back\s+)?(?:from|to)|dated|of)\s*$/iu;
const GENITIVE_GAP = /^\s+(?:der|des|of(?:\s+the)?)\s+(?:[\p{Ll}][\p{L}-]*\s+){0,2}(?:Metropole|Millionenmetropole|Stadt|Hauptstadt|Provinzhauptstadt|city|metropolis|capital)\s+$/u;
const ESTABLISHED = /(?<![\p{L}])(?:gegründet|geschlossen|unterzeichne\p{L}*|besiegelt|vereinbart|begründet|eingegangen|wurden|wurde|signed|established|concluded|founded|sealed|entered|became|become)(?![\p{L}])/iu;

export const partnershipParser: Parser = {
  name: 'partnership',
  parse(doc) {
    const claims: PartnershipClaim[] = [];
    for (const sentence of doc.sentences) {
      for (const [relation, cue] of RELATIONS) {
        const m = cue.exec(sentence.text);
        if (!m) continue;
        const cueStart = sentence.start + m.index;
        if (PROSPECTIVE.test(sentence.text)) break;
        const pair = partiesOf(doc, sentence, cueStart, cueStart + m[0].length);
        if (!pair) continue;
        const [a, b] = pair;
        if (a.country === b.country || a.name === b.name) continue;
        const since = sinceOf(doc, sentence);
        // The document's own city named outside the sentence is no part of its evidence.
        const parties = [a, b].filter((c) => c.start >= sentence.start && c.end <= sentence.end);
        const start = Math.min(...parties.map((c) => c.start), cueStart);
        const end = Math.max(...parties.map((c) => c.end), cueStart + m[0].length);
        claims.push({
          kind: 'partnership',
          cities: [a.name, b.name].sort() as [string, string],
          relation,
          since,
          evidence: evidenceOf(doc, start, end),
          provenance: { rule: `partnership/${relation.replace(/_/g, '-')}` },
        });
        break; // one relation per sentence: the most specific cue wins
      }
    }
    return claims;
  },
};

/** The two parties: coordinated subjects, "zwischen X und Y", or a subject and "mit Y" / "partner city of Y". */
function partiesOf(doc: AnalysedDocument, sentence: Sentence, cueStart: number, cueEnd: number): [CityMention, CityMention] | null {
  const cities = doc.cities.filter((c) => c.start >= sentence.start && c.end <= sentence.end);
  if (cities.length < 1) return null;
  const before = (c: CityMention) => doc.text.slice(Math.max(sentence.start, c.start - 50), c.start);
  // "X und Y" where no preposition governs X: coordinated subjects or "zwischen X und Y".
  for (let i = 0; i + 1 < cities.length; i++) {
    const x = cities[i]!;
    const y = cities[i + 1]!;
    if (!COORDINATION_GAP.test(doc.text.slice(x.end, y.start))) continue;
    const lead = before(x);
    if (GOVERNED.test(lead) && !/(?:zwischen|between)\s+(?:der|dem|den|the)?\s*(?:Stadt\s+|Städten\s+|cities\s+of\s+)?$/iu.test(lead)) continue;
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
  const direct = cities.find((c) => c.start >= cueEnd && new RegExp(`^\\s*(?:von|of|mit|with)?${PARTNER_LEAD_SOURCE}$`, 'u').test(doc.text.slice(cueEnd, c.start)));
  // "… mit der südostchinesischen Metropole Y", with nothing but articles, adjectives and city nouns between.
  const withPartner = cities.find((c) => {
    const window = doc.text.slice(Math.max(sentence.start, c.start - 80), c.start);
    const lower = window.toLowerCase();
    const at = Math.max(lower.lastIndexOf(' mit '), lower.lastIndexOf(' with '), lower.startsWith('mit ') || lower.startsWith('with ') ? 0 : -1);
    return at >= 0 && new RegExp(`^\\s*(?:mit|with|Mit|With)${PARTNER_LEAD_SOURCE}$`, 'u').test(window.slice(at));
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
  return null;
}

/** "seit 2012", "since 1997", or a date next to "gegründet"/"unterzeichnet"/"signed". */
function sinceOf(doc: AnalysedDocument, sentence: Sentence): string | null {
  const dates = datesIn(doc, sentence).filter((d) => d.value);
  const since = dates.find((d) => d.since || DATES_FROM.test(doc.text.slice(Math.max(sentence.start, d.start - 20), d.start)));
  if (since) return since.value;
  if (ESTABLISHED.test(sentence.text)) {
    const dated = dates.filter((d) => !d.relative || d.precision === 'day');
    return dated[0]?.value ?? null;
  }
  return null;
}
