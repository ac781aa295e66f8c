/**
 * A list that runs across two sentences: one member named with the size of the group ("Yantai …
 * was one of eight new members admitted at the meeting", "Jena ist eine von fünf neuen
 * Mitgliedsstädten") and the rest in the next sentence ("The others are …", "Die anderen
 * sind …", "The remaining four were …"). The first city and the others make one list, sized by
 * the number; its country is the members' when they share one, else none.
 */
import type { Country, MemberListClaim } from '../../core/claim.ts';
import { asOfFor, evidenceOf, organisationFor, type Parser } from '../parser.ts';
import { isGoverned } from '../places/governed.ts';
import { scopeNear } from '../counts/count-vocabulary.ts';
import { CARDINAL_SOURCE, parseCardinal } from '../text/number-words.ts';
import { splitListItems } from './split-list-items.ts';
import { resolveListItem } from './resolve-list-members.ts';

// "one of eight new members", "eine von fünf neuen Mitgliedsstädten", "einer der sieben Neuzugänge".
const ONE_OF = new RegExp(`(?<![\\p{L}])(?:one\\s+of|eine[rs]?\\s+(?:von|der))\\s+(?:the\\s+|den\\s+)?(${CARDINAL_SOURCE})\\s+(?:(?:new|newly\\s+admitted|founding|neue\\p{L}*|weitere\\p{L}*|German|Chinese|deutsche\\p{L}*|chinesische\\p{L}*)\\s+){0,2}(?:members?|member\\s+cities|cities|newcomers|Mitglied\\p{L}*|Städte\\p{L}*|Neuzugänge\\p{L}*|Gründungs\\p{L}*)(?![\\p{L}])`, 'iu');
// "The others are", "The other seven were", "The remaining cities include", "Die anderen sind", "Die übrigen sechs waren".
const OTHERS_LEAD = /^(?:The\s+(?:others|(?:other|remaining)(?:\s+[\p{L}-]+){0,2})\s+(?:are|were|include[sd]?)|Die\s+(?:anderen|übrigen|weiteren)(?:\s+[\p{L}-]+){0,2}\s+(?:sind|waren|heißen))(?:\s*:)?\s+/u;

const MEMBERSHIP_WORDS = /(?<![\p{L}])(?:members?|membership|admitted|joined|newcomers?|founding|founders?|Mitglied\p{L}*|aufgenommen|beigetreten|Neuzug\p{L}*|Gründ\p{L}*)(?![\p{L}])/iu;

export const splitListParser: Parser = {
  name: 'member-list-split-sentences',
  parse(doc) {
    const claims: MemberListClaim[] = [];
    doc.sentences.forEach((first, index) => {
      const m = ONE_OF.exec(first.text);
      const next = doc.sentences[index + 1];
      if (!m || !next || next.paragraph !== first.paragraph) return;
      const lead = OTHERS_LEAD.exec(next.text);
      // "one of five cities in Shandong" counts no members: the first sentence must speak of membership.
      if (!lead || !MEMBERSHIP_WORDS.test(first.text)) return;
      const size = parseCardinal(m[1]!, doc.language);
      if (size === null || !Number.isInteger(size) || size < 2) return;
      const at = first.start + m.index;
      // The member the first sentence is about: its first city before "one of" that no preposition governs.
      const named = doc.cities.find((c) => c.start >= first.start && c.end <= at && !isGoverned(doc, c, first.start));
      if (!named) return;
      const link = organisationFor(doc, first, { documentFallback: true });
      if (!link) return;
      const items = splitListItems(doc.text, next.start + lead[0].length, next.end);
      const others = items.map((item) => resolveListItem(doc.gazetteer, item, null));
      // The sentence must name places: "The others are still negotiating" is no list.
      const known = others.filter((r) => r.member.resolved);
      if (known.length < 1 || known.length < Math.ceil(others.length / 2)) return;
      const members = [{ name: named.name, raw: named.raw, resolved: true }, ...others.map((r) => r.member)];
      const countries = new Set<Country | null>([named.country, ...others.map((r) => r.country)]);
      const country = countries.size === 1 ? named.country : null;
      const { asOf, implied } = asOfFor(doc, first, at);
      const impliedFields = [...(implied ? ['asOf'] : []), ...(link.inSentence ? [] : ['subject'])];
      claims.push({
        kind: 'member_list', subject: link.subject, country, scope: scopeNear(first.text, m.index), asOf, members, statedCount: size,
        evidence: evidenceOf(doc, first.start, next.end),
        provenance: { rule: 'member-list/split-sentences', ...(impliedFields.length ? { implied: impliedFields } : {}) },
      });
    });
    return claims;
  },
};
