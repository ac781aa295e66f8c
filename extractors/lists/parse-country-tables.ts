/**
 * Member tables written as one line per country: "Deutschland (21): Aachen, Bottrop, …",
 * "China (23): Bao’an (Shenzhen), Foshan, …", "German members (3): …", "Chinese cities: …". Each
 * line is a member list of that country; a number in the bracket is its stated size and a
 * member count too. The unit comes from the bracket ("Germany (21 cities)") or from the heading
 * or sentence before the table ("Die Mitglieder im Überblick"), else `members`.
 */
import type { Claim, Country, MemberUnit } from '../../core/claim.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import { sentenceOf } from '../analyse-document.ts';
import { asOfFor, evidenceOf, organisationFor, type Parser } from '../parser.ts';
import { unitOf } from '../counts/count-vocabulary.ts';
import { splitListItems } from './split-list-items.ts';
import { resolveListItem } from './resolve-list-members.ts';
import { allMatches } from '../text/all-matches.ts';

// The country as a name ("Deutschland", "VR China") or as an adjective with a member noun ("Chinese members").
const COUNTRY_LABEL = '(?:Deutschland|Germany|(?:Volksrepublik|VR|PR|People[’\']s\\s+Republic\\s+of)\\s+China|China|(?:Deutsche|Chinesische|German|Chinese)\\s+(?:Mitglieder|Mitgliedsstädte|Städte|Kommunen|members|member\\s+cities|cities))';
const TABLE_LINE = new RegExp(
  `^[ \\t]*(?:[•*·▪–-][ \\t]+)?(${COUNTRY_LABEL})[ \\t]*(?:\\([ \\t]*(\\d{1,3})(?:[ \\t]+([\\p{L}]+(?:[ \\t]+[\\p{L}]+)?))?[ \\t]*\\))?[ \\t]*:[ \\t]*(\\S.*)$`,
  'gmu',
);
// Unit nouns in the heading or sentence before a table, last one wins.
const UNIT_BEFORE = /(?<![\p{L}])(Mitgliedsstädte\p{L}*|Mitglieder\p{L}*|Städte\p{L}*|Kommunen|members|member\s+cities|cities|municipalities)(?![\p{L}])/giu;
const FOUNDING_BEFORE = /(?<![\p{L}])(?:Gründungs\p{L}*|Gründer\p{L}*|founding|founders?)(?![\p{L}])/iu;

export const countryTableParser: Parser = {
  name: 'member-list-country-table',
  parse(doc) {
    const claims: Claim[] = [];
    TABLE_LINE.lastIndex = 0;
    for (const m of allMatches(TABLE_LINE, doc.text)) {
      const labelStart = m.index + m[0].indexOf(m[1]!);
      const itemsStart = m.index + m[0].length - m[4]!.length;
      const itemsEnd = m.index + m[0].length;
      const sentence = sentenceOf(doc, labelStart);
      if (!sentence) continue;
      // A table about members refers to the alliance the page named before.
      const link = organisationFor(doc, sentence, { documentFallback: true });
      if (!link) continue;
      const country: Country = /deutsch|german/iu.test(m[1]!) ? 'DE' : 'CN';
      const items = splitListItems(doc.text, itemsStart, itemsEnd);
      if (items.length < 2) continue;
      const members = items.map((item) => resolveListItem(doc.gazetteer, item, country));
      const ofCountry = members.filter((r) => r.member.resolved && r.country === country).length;
      // Most names must be places of the labelled country: "China: Absatzmarkt, Zulieferer" is no table.
      if (ofCountry < Math.ceil(items.length * 0.75)) continue;
      const statedCount = m[2] ? Number(m[2]) : null;
      const unit = unitOfTable(doc, labelStart, m[3], m[1]!);
      const lookback = doc.text.slice(Math.max(0, labelStart - 300), labelStart);
      const scope = FOUNDING_BEFORE.test(lookback) ? 'founding' : 'current';
      const { asOf, implied } = asOfFor(doc, sentence, labelStart);
      const impliedFields = [...(implied ? ['asOf'] : []), ...(link.inSentence ? [] : ['subject'])];
      const provenance = (rule: string) => ({ rule, ...(impliedFields.length ? { implied: impliedFields } : {}) });
      if (statedCount !== null && statedCount > 0) {
        const countEnd = doc.text.indexOf(')', labelStart) + 1;
        claims.push({
          kind: 'member_count', subject: link.subject, country, count: statedCount, qualifier: 'exact', unit, scope, asOf,
          evidence: evidenceOf(doc, labelStart, countEnd), provenance: provenance('member-count/country-table'),
        });
      }
      claims.push({
        kind: 'member_list', subject: link.subject, country, scope, asOf, members: members.map((r) => r.member), statedCount,
        evidence: evidenceOf(doc, labelStart, items[items.length - 1]!.end), provenance: provenance('member-list/country-table'),
      });
    }
    return claims;
  },
};

/** The unit a table counts: the bracket's noun, the label's noun, the heading's, else members. */
function unitOfTable(doc: AnalysedDocument, at: number, bracketNoun: string | undefined, label: string): MemberUnit {
  const own = bracketNoun ? unitOf(bracketNoun) : null;
  if (own) return own;
  const labelNoun = /\s(\p{L}+(?:\s+\p{L}+)?)$/u.exec(label)?.[1];
  const fromLabel = labelNoun ? unitOf(labelNoun) : null;
  if (fromLabel) return fromLabel;
  const before = allMatches(UNIT_BEFORE, doc.text.slice(Math.max(0, at - 300), at)).at(-1)?.[1];
  return (before ? unitOf(before) : null) ?? 'members';
}
