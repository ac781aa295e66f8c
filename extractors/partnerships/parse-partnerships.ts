/**
 * Partnerships between a German and a Chinese city: partner city (Städtepartnerschaft,
 * sister city, twin town), friendship city, cooperation agreement (Kooperationsvereinbarung,
 * Absichtserklärung, MoU, letter of intent) and friendship treaty, with the date they date
 * from ("seit 2012", "am 22. Juli 2004 … gegründet", "since 1998"). The two parties must be
 * the cities themselves — "X und Y sind Partnerstädte", "X … mit (der Metropole) Y",
 * "zwischen X und Y" — not agencies or firms of a city ("mit den Wirtschaftsförderungen von
 * Düsseldorf").
 */
import type { PartnershipClaim, PartnershipRelation } from '../claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import type { Sentence } from '../text/segment-text.ts';
import { datesIn, evidenceOf, type Parser } from '../parser.ts';
import { isGoverned } from '../places/governed.ts';

const RELATIONS: Array<[PartnershipRelation, RegExp]> = [
  ['friendship_treaty', /(?<![\p{L}])(?:Freundschaftsvertrag\p{L}*|Freundschaftsverträge\p{L}*|friendship\s+(?:treaty|agreement|pact))(?![\p{L}]|-(?!Beziehung|Vertrag|Abkommen|Vereinbarung|Partnerschaft))/iu],
  ['friendship_city', /(?<![\p{L}])(?:Freundschaftsst(?:a|ä)dt\p{L}*|Städtefreundschaft\p{L}*|friendship\s+cit(?:y|ies)|friendly\s+cit(?:y|ies))(?![\p{L}]|-(?!Beziehung|Vertrag|Abkommen|Vereinbarung|Partnerschaft))/iu],
  ['partner_city', /(?<![\p{L}])(?:Partnerst(?:a|ä)dt\p{L}*|Städtepartnerschaft\p{L}*|Partnerschaftsst(?:a|ä)dt\p{L}*|sister[-\s]cit(?:y|ies)|twin[-\s]?towns?|twin\s+cit(?:y|ies)|twinned|town\s+twinning|partner\s+cit(?:y|ies)|city\s+partnerships?)(?![\p{L}]|-(?!Beziehung|Vertrag|Abkommen|Vereinbarung|Partnerschaft))/iu],
  ['cooperation_agreement', /(?<![\p{L}])(?:Kooperationsvereinbarung\p{L}*|Kooperationsabkommen\p{L}*|Kooperationsvertr(?:a|ä)g\p{L}*|Absichtserklärung\p{L}*|Partnerschaftsvereinbarung\p{L}*|Memorandum\s+of\s+Understanding|MoU|cooperation\s+agreements?|agreement\s+on\s+cooperation|letters?\s+of\s+intent|framework\s+agreement|(?:Kooperation|Zusammenarbeit|cooperation)(?=(?:[^.;]|\.(?=\d)){0,120}(?:vereinbart|unterzeichnet|geschlossen|besiegelt|signed|agreed)))(?![\p{L}-])/iu],
];

// Words allowed between "mit"/"with" and the partner city: articles, lower-case adjectives, city nouns.
const PARTNER_LEAD_SOURCE = '(?:\\s+(?:[\\p{Ll}][\\p{L}-]*|Stadt|Metropole|Millionenmetropole|Hafenstadt|Partnerstadt|Provinzhauptstadt|Hauptstadt|Bezirk|Stadtbezirk|Kreis|Landkreis|City|Chinese|German))*\\s*';
// What may stand between two coordinated party cities: "und", "and the Hessian town of", "–".
const COORDINATION_GAP = /^\s*(?:(?:am|an\s+der|im)\s+\p{Lu}\p{L}+\s*|(?:District|district|Bezirk)\s+)?(?:und|and|&|–|-|—|\/)\s*(?:(?:die|der|dem|the)\s+)?(?:(?:[\p{L}][\p{L}-]*\s+)?(?:Stadt|Bezirk|Stadtbezirk|city|town|district|Metropole|metropolis)\s+(?:of\s+)?|[\p{Ll}][\p{L}-]*\s+)?$/u;
// A preposition right before a city makes it an object, not a party ("von Düsseldorf und Duisburg").
const GOVERNED = /(?:von|vom|aus|in|bei|mit|nach|zu|of|from|at|with|to)\s+(?:der|dem|den|des|die|the)?\s*(?:Stadt\s+)?$/iu;
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
        const pair = partiesOf(doc, sentence, cueStart, cueStart + m[0].length);
        if (!pair) continue;
        const [a, b] = pair;
        if (a.country === b.country || a.name === b.name) continue;
        const since = sinceOf(doc, sentence);
        const start = Math.min(a.start, b.start, cueStart);
        const end = Math.max(a.end, b.end, cueStart + m[0].length);
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
  const subject = cities.find((c) => c.start < cueStart && !isGoverned(doc, c, sentence.start) && !/\(\s*$/u.test(before(c)));
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
  return partner ? [own, partner] : null;
}

/** "seit 2012", "since 1997", or a date next to "gegründet"/"unterzeichnet"/"signed". */
function sinceOf(doc: AnalysedDocument, sentence: Sentence): string | null {
  const dates = datesIn(doc, sentence).filter((d) => d.value);
  const since = dates.find((d) => d.since);
  if (since) return since.value;
  if (ESTABLISHED.test(sentence.text)) {
    const dated = dates.filter((d) => !d.relative || d.precision === 'day');
    return dated[0]?.value ?? null;
  }
  return null;
}
