/**
 * Lists that are the coordinated subject of a membership statement: "On the Chinese side,
 * Weihai and Dezhou joined the alliance", "Neben Fulda nahm sie … auf" with its cities. Not
 * for examples ("unter anderem Köln und Bottrop") nor for towns that joined as one network
 * ("… sind als Städtenetzwerk „Drei gewinnt“ Gründungsmitglied").
 */
import type { Country, MemberListClaim, MembershipScope } from '../../core/claim.ts';
import { asOfFor, evidenceOf, type Parser } from '../parser.ts';
import { COUNTRY_SWITCH, findMembershipMentions, gluedInEnumeration, inOneEnumeration } from '../membership/find-membership-mentions.ts';
import type { CityMention } from '../places/find-cities.ts';
import { countryOfWords, sideBefore } from '../counts/count-vocabulary.ts';
import { JOINT_MEMBER } from '../membership/membership-vocabulary.ts';

const SCOPE: Partial<Record<string, MembershipScope>> = { joined: 'event', founding_member: 'founding' };
// "die Musterstadt Wirtschaft und Marketing GmbH": a city's name opening a company's is no member city.
const COMPANY_AFTER = /^[^,;.()]{0,60}?(?<![\p{L}])(?:GmbH|mbH|AG|e\.\s?V\.|KG|Ltd\.?|Inc\.?|Co\.)(?![\p{L}])/u;

export const coordinatedListParser: Parser = {
  name: 'member-list-coordinated',
  parse(doc) {
    const claims: MemberListClaim[] = [];
    for (const mention of doc.shared(findMembershipMentions)) {
      const scope = SCOPE[mention.kind];
      if (!scope || mention.planned || mention.partial) continue;
      // Cities named as a network or taken from context make no list; an appositive subject stands apart from the enumeration.
      if (mention.cities.some((c) => c.how === 'joined-as' || c.how === 'main-city' || c.how === 'previous')) continue;
      const named = mention.cities.filter((c) => c.how === 'subject' || c.how === 'after' || c.how === 'together');
      if (named.length < 2) continue;
      const mentioned = named.map((c) => doc.cities.find((m) => m.start === c.start)).filter((m): m is CityMention => m !== undefined).sort((a, b) => a.start - b.start);
      if (JOINT_MEMBER.test(mention.sentence.text) || mentioned.some((c) => COMPANY_AFTER.test(doc.text.slice(c.end, c.end + 70)))) continue;
      // "… und Solingen sowie aus China die Städte Weifang und Changzhou": one list per country, one per enumeration.
      const afterVerb = new Set(named.filter((c) => c.how === 'after').map((c) => c.start));
      const groups: CityMention[][] = [];
      for (const city of mentioned) {
        const current = groups[groups.length - 1];
        const previous = current?.[current.length - 1];
        const gap = previous ? doc.text.slice(previous.end, city.start) : '';
        // Subjects from both countries are two lists ("Hagen und Huai'an wurden aufgenommen" names no mixed list).
        // What a verb admitted, named after it ("Neu aufgenommen wurden die Städte Köln und Mainz sowie Wuhu"), is one enumeration whatever the countries.
        const objects = afterVerb.has(previous?.start ?? -1) && afterVerb.has(city.start);
        if (current && previous && (previous.country === city.country || objects) && !COUNTRY_SWITCH.test(gap) && (inOneEnumeration(gap) || gluedInEnumeration(gap, current.length))) current.push(city);
        else groups.push([city]);
      }
      for (const places of groups) {
        if (places.length < 2) continue;
        const first = places[0]!;
        const last = places[places.length - 1]!;
        const lead = doc.text.slice(Math.max(mention.sentence.start, first.start - 30), first.start);
        const side = sideBefore(mention.sentence.text, first.start - mention.sentence.start);
        const countries = new Set(places.map((p) => p.country));
        const country: Country | null = countryOfWords(lead) ?? side ?? (countries.size === 1 ? first.country : null);
        const { asOf, implied } = asOfFor(doc, mention.sentence, mention.cueStart);
        claims.push({
          kind: 'member_list',
          subject: mention.link.subject,
          country,
          scope,
          asOf,
          members: places.map((p) => ({ name: p.name, raw: p.raw, resolved: true })),
          statedCount: null,
          evidence: evidenceOf(doc, Math.min(first.start, mention.cueStart), Math.max(last.end, groups.length > 1 ? last.end : mention.cueEnd)),
          provenance: { rule: 'member-list/coordinated', ...(implied ? { implied: ['asOf'] } : {}) },
        });
      }
    }
    return claims;
  },
};
