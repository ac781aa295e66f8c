/**
 * Partnerships a city lists rather than tells: a heading over one partner per line
 * ("Partnerstädte" / "Freundschaftsstadt" / "Sister cities" over "Jiangmen (Provinz Guangdong) –
 * seit 2018"), or a colon list ("Partnerstädte: Wuhan (seit 1982), Jena (seit 1990)"). Each
 * partner is paired with the city whose list it is — one named after "von"/"of" before the
 * colon, else the document's own — and dated by its own year. As in running text, only a German
 * and a Chinese city make a pair, and a relation only examined or prepared is none.
 */
import type { PartnershipClaim, PartnershipRelation } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import type { CityMention } from '../places/find-cities.ts';
import { evidenceOf, type Parser } from '../parser.ts';
import type { TextLine } from '../text/text-lines.ts';
import { PROSPECTIVE, RELATIONS } from './parse-partnerships.ts';
import { documentLines } from '../text/text-lines.ts';

// "– seit 2018", "(since 1986)", "(1998)", ", ab 2012": the year a listed partnership dates from.
const YEAR = /(?:(?:seit|since|ab|from)\s+(?:dem\s+Jahr\s+)?|\(\s*)((?:19|20)\d{2})(?!\d)/iu;
const LIST_LINE = /^[-•–*·▪]?\s*\p{Lu}[^.!?]{0,90}$/u;
// "Nürnberg - Shenzhen", "Augsburg – Jinan": a pair written as one item.
const DASH_PAIR = /^\s+[-–—]\s+$|^[–—]$/u;
// A heading or lead-in is short; a longer line is prose that mentions partnerships.
const MAX_HEADING_WORDS = 5;

export const partnershipListParser: Parser = {
  name: 'partnership-list',
  parse(doc) {
    const claims: PartnershipClaim[] = [];
    const lines = doc.shared(documentLines);
    lines.forEach((line, index) => {
      const relation = headingRelation(line.text);
      if (!relation || !doc.mainCity) return;
      for (const entry of entriesBelow(doc, lines, index + 1)) {
        // The evidence keeps the heading: it names the relation.
        const claim = pairClaim(doc, doc.mainCity, entry.city, relation, entry.year, line.start, entry.line.end);
        if (claim) claims.push(claim);
      }
    });
    for (const sentence of doc.sentences) {
      const colon = sentence.text.indexOf(':');
      if (colon < 0) continue;
      const lead = sentence.text.slice(0, colon);
      const relation = leadRelation(lead);
      if (!relation || PROSPECTIVE.test(sentence.text)) continue;
      const leadEnd = sentence.start + colon;
      // "Partnerstädte von Bochum: …" names the owner; otherwise it is the document's city.
      const owner = doc.cities.find((c) => c.start >= sentence.start && c.end <= leadEnd && /(?:von|of)\s+(?:der\s+Stadt\s+|the\s+city\s+of\s+)?$/iu.test(doc.text.slice(sentence.start, c.start))) ?? doc.mainCity;
      if (!owner) continue;
      const items = doc.cities.filter((c) => c.start > leadEnd && c.end <= sentence.end);
      items.forEach((city, i) => {
        const until = items[i + 1]?.start ?? sentence.end;
        const year = YEAR.exec(doc.text.slice(city.end, until))?.[1] ?? null;
        const claim = pairClaim(doc, owner, city, relation, year, sentence.start, until);
        if (claim) claims.push(claim);
      });
    }
    // "Zu den aktivsten Städtepartnerschaften zählen Nürnberg - Shenzhen, Regensburg - Qingdao …": pairs joined by a dash.
    for (const sentence of doc.sentences) {
      const relation = RELATIONS.find(([, cue]) => cue.test(sentence.text))?.[0];
      if (!relation || PROSPECTIVE.test(sentence.text)) continue;
      const places = [...doc.cities, ...doc.admin1Mentions].filter((c) => c.start >= sentence.start && c.end <= sentence.end).sort((a, b) => a.start - b.start);
      for (let i = 0; i + 1 < places.length; i++) {
        const [a, b] = [places[i]!, places[i + 1]!];
        if (!DASH_PAIR.test(doc.text.slice(a.end, b.start))) continue;
        const claim = pairClaim(doc, a, b, relation, null, a.start, b.end);
        if (claim) {
          claims.push(claim);
          i++;
        }
      }
    }
    return claims;
  },
};

/** The relation a short heading line names ("Partnerstädte", "Freundschaftsstadt", "Sister cities"), else null. */
function headingRelation(text: string): PartnershipRelation | null {
  const clean = text.replace(/:$/u, '').trim();
  if (!clean || clean.includes(':') || /[.!?]$/u.test(clean) || clean.split(/\s+/u).length > MAX_HEADING_WORDS) return null;
  return leadRelation(clean);
}

/** The relation a lead-in names, when it is only that noun phrase (no verb, no sentence). */
function leadRelation(lead: string): PartnershipRelation | null {
  if (lead.split(/\s+/u).length > 8) return null;
  for (const [relation, cue] of RELATIONS) {
    // "Kooperationen" or "Netzwerke und Mitgliedschaften" are no partnership headings; agreements are signed, not listed.
    if (relation === 'cooperation_agreement') continue;
    if (cue.test(lead)) return relation;
  }
  return null;
}

/** Lines below a heading, one partner each, until prose or a blank line before a non-list line. */
function entriesBelow(doc: AnalysedDocument, lines: TextLine[], from: number): Array<{ city: CityMention; year: string | null; line: TextLine }> {
  const entries: Array<{ city: CityMention; year: string | null; line: TextLine }> = [];
  let i = from;
  while (i < lines.length && lines[i]!.text === '' && i - from < 2) i++;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') {
      const next = lines.slice(i + 1).find((l) => l.text !== '');
      if (!next || !YEAR.test(next.text) || !LIST_LINE.test(next.text)) break;
      continue;
    }
    if (!LIST_LINE.test(line.text) || headingRelation(line.text)) break;
    // The partner is the place that opens the line: "Jiangmen (Provinz Guangdong, Volksrepublik China) – seit 2018".
    const city = doc.cities.find((c) => c.start >= line.start && c.end <= line.end && /^[-•–*·▪\s]*$/u.test(doc.text.slice(line.start, c.start)));
    const year = YEAR.exec(line.text)?.[1] ?? null;
    if (!city && year === null) break;
    if (city) entries.push({ city, year, line });
  }
  return entries;
}

function pairClaim(doc: AnalysedDocument, owner: CityMention, partner: CityMention, relation: PartnershipRelation, year: string | null, start: number, end: number): PartnershipClaim | null {
  if (owner.country === partner.country || owner.name === partner.name) return null;
  return {
    kind: 'partnership',
    cities: [owner.name, partner.name].sort() as [string, string],
    relation,
    since: year,
    evidence: evidenceOf(doc, start, end),
    provenance: { rule: `partnership-list/${relation.replace(/_/g, '-')}`, implied: ['cities'] },
  };
}
