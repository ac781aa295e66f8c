/**
 * A list whose size the text states in an earlier sentence of the same paragraph ("Auf
 * deutscher Seite zählt die Allianz 16 Mitglieder. … Die deutschen ISA-Mitgliedsstädte sind:
 * …") takes that number as its `statedCount`, and the count's scope and as-of date.
 */
import type { Claim, MemberCountClaim, MemberListClaim } from '../../core/claim.ts';
import type { Refiner } from '../parser.ts';
import type { AnalysedDocument } from '../analyse-document.ts';
import { sentenceOf } from '../analyse-document.ts';
import { PARTIAL } from '../membership/membership-vocabulary.ts';

// "Aus Nordrhein-Westfalen sind …", "From Shandong province, …": a list restricted to one region of its country.
const REGION_LEAD = /^(?:Aus|From|In)\s+(?:(?:den|dem|der|the)\s+)?((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)/u;
const ROSTER_RULES = new Set(['member-list/line-block']);
const REGION_NOUN = /^(?:Bundesl[aä]nder\p{L}*|Bundesland|Provinz\p{L}*|provinces?|states?|regions?|Regionen)$/u;

// "Aachen, Köln und Wuppertal aus dem übrigen Nordrhein-Westfalen": the members' one region named after them.
const REGION_AFTER = /(?<![\p{L}])(?:aus|from)\s+(?:(?:dem|der|the)\s+)?(?:übrigen|restlichen|rest\s+of(?:\s+the)?)\s+([\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?)/u;

/** Whether a list's evidence opens with a region of a country, or places its members in "the rest of" one, which makes it a part of the membership. */
function namesRegion(doc: AnalysedDocument, quote: string): boolean {
  const words = REGION_LEAD.exec(quote)?.[1]?.split(/\s+/u) ?? [];
  if (words.some((w, i) => REGION_NOUN.test(w) || doc.gazetteer.admin1(words.slice(0, i + 1).join(' ')) !== null)) return true;
  const rest = REGION_AFTER.exec(quote)?.[1];
  return rest !== undefined && doc.gazetteer.admin1(rest) !== null;
}

/** Whether paragraph `index` opens with a member list of a country other than `country`. */
function opensWithListOfOtherCountry(doc: AnalysedDocument, lists: MemberListClaim[], index: number, country: MemberListClaim['country']): boolean {
  const first = doc.sentences.find((s) => s.paragraph === index);
  return first !== undefined && lists.some((l) => l.country !== null && l.country !== country && sentenceOf(doc, l.evidence.start) === first);
}

export const linkListCounts: Refiner = {
  name: 'link-list-counts',
  refine(claims, doc) {
    const counts = claims.filter((c): c is MemberCountClaim => c.kind === 'member_count' && c.unit !== 'states' && c.unit !== 'provinces');
    const lists = claims.filter((c): c is MemberListClaim => c.kind === 'member_list');
    const linked = new Set<MemberCountClaim>();
    // A count without a country that sizes a list of one country ("Mit Chemnitz, … hat die Allianz sieben Mitglieder gewonnen") counts that country's members.
    const countryOfCount = new Map<MemberCountClaim, MemberListClaim['country']>();
    for (const list of lists) {
      if (list.statedCount !== null) {
        const sentence = sentenceOf(doc, list.evidence.start);
        const own = counts.find((c) => c.evidence.start >= list.evidence.start && c.evidence.end <= list.evidence.end)
          ?? counts.find((c) => c.count === list.statedCount && sentence !== undefined && c.evidence.start >= sentence.start && c.evidence.end <= sentence.end);
        if (own) linked.add(own);
        if (own && own.country === null && list.country !== null) countryOfCount.set(own, list.country);
      }
    }
    const candidateOf = new Map<MemberListClaim, MemberCountClaim>();
    for (const claim of lists) {
      // "unter anderem Köln und Aachen" names some members: no count sizes it.
      // "Dazu zählen …" after a count names examples too (member-list/follow-on-partial).
      if (claim.statedCount !== null || PARTIAL.test(claim.evidence.quote) || claim.provenance?.rule.endsWith('-partial') || namesRegion(doc, claim.evidence.quote)) continue;
      const sentence = sentenceOf(doc, claim.evidence.start);
      if (!sentence) continue;
      const paragraph = doc.paragraphs[sentence.paragraph]!;
      // A list that opens its paragraph ("Die deutschen Gründungsmitglieder sind:" after "… zu den sieben
      // deutschen Gründungsstädten.") may take a count of its own country from the paragraph before.
      const opens = doc.sentences[sentence.index - 1]?.paragraph !== sentence.paragraph;
      // Sibling lists in between ("Die deutschen Mitgliedsstädte sind: …" between the counts and "Die chinesischen …") are skipped over.
      let back = sentence.paragraph - 1;
      while (opens && claim.country !== null && back > 0 && opensWithListOfOtherCountry(doc, lists, back, claim.country)) back--;
      const previous = opens && claim.country !== null ? doc.paragraphs[back] : undefined;
      // A roster under its own heading ("German members" over one name per line) is sized by the page's count of its country, however far above.
      const roster = ROSTER_RULES.has(claim.provenance?.rule ?? '') && claim.country !== null;
      // A list of admissions is sized by a count of admissions, never by the membership it grew.
      const candidates = counts.filter((c) => !linked.has(c) && c.subject === claim.subject && c.evidence.end <= claim.evidence.start
        && (claim.scope !== 'event' || c.scope === 'event')
        && ((c.evidence.start >= paragraph.start && (c.country === claim.country || claim.country === null))
          || (previous !== undefined && c.evidence.start >= previous.start && c.country === claim.country)
          || (roster && c.country === claim.country && c.scope === claim.scope)));
      // The closest count before the list with the list's country; a total ("45 member cities") sizes no German list.
      const count = candidates.at(-1);
      if (count) candidateOf.set(claim, count);
    }
    // "sieben neue Mitglieder" followed by a German and a Chinese list: the number sizes neither list alone.
    const shared = new Set([...candidateOf.values()].filter((count) => [...candidateOf.values()].filter((c) => c === count).length > 1));
    return claims.map((claim): Claim => {
      const country = claim.kind === 'member_count' ? countryOfCount.get(claim) : undefined;
      if (claim.kind === 'member_count' && country) return { ...claim, country, provenance: { rule: claim.provenance?.rule ?? 'member-count', implied: [...(claim.provenance?.implied ?? []), 'country'] } };
      if (claim.kind !== 'member_list') return claim;
      const count = candidateOf.get(claim);
      if (!count || shared.has(count)) return claim;
      linked.add(count);
      const implied = [...(claim.provenance?.implied ?? []), 'statedCount'];
      return { ...claim, statedCount: count.count, scope: count.scope, asOf: count.asOf, country: claim.country ?? count.country, provenance: { rule: claim.provenance?.rule ?? 'member-list', implied } };
    });
  },
};
