/**
 * Memberships a city lists on its own pages: a line under a heading such as "Netzwerke und
 * Mitgliedschaften" / "Memberships" that names the alliance with a year ("• Chinesisch-Deutsche
 * Industriestädteallianz (ISA), seit 2017", "Industrial Cities Alliance – member since 2019").
 * The member is the page's own city, and the year is when it joined.
 */
import type { MembershipEventClaim } from '../../core/claim.ts';
import { evidenceOf, type Parser } from '../parser.ts';
import { textLines } from '../lists/parse-line-blocks.ts';
import { documentLines } from '../text/text-lines.ts';

// After the alliance's name: its abbreviation in brackets, a comma or dash, then "seit 2017" / "member since 2019".
const SINCE_AFTER = /^\s*(?:\([^()\n]{1,30}\))?\s*[,:–—-]?\s*(?:(?:Mitglied|member)\s+)?(?:seit|since)\s+((?:19|20)\d{2})(?!\d)/iu;
// The heading over such lines, or the line itself, speaks of memberships or networks.
const MEMBERSHIP_HEADING = /(?<![\p{L}])(?:Mitgliedschaft\p{L}*|Mitglied\p{L}*|Netzwerk\p{L}*|Verbünde|memberships?|networks?|member\s+of)(?![\p{L}])/iu;
const HEADING_LOOKBACK = 12;

export const membershipLineParser: Parser = {
  name: 'membership-line',
  parse(doc) {
    if (!doc.mainCity) return [];
    const lines = doc.shared(documentLines);
    const claims: MembershipEventClaim[] = [];
    lines.forEach((line, index) => {
      const org = doc.organisations.find((o) => o.start >= line.start && o.end <= line.end && o.form !== 'anaphor'
        && /^[-•–*·▪\s]*$/u.test(doc.text.slice(line.start, o.start)));
      if (!org) return;
      const since = SINCE_AFTER.exec(doc.text.slice(org.end, line.end));
      if (!since || !underMembershipHeading(lines, index)) return;
      claims.push({
        kind: 'membership_event', subject: org.subject, city: doc.mainCity!.name, event: 'joined', date: since[1]!,
        evidence: evidenceOf(doc, org.start, org.end + since.index + since[0].length),
        provenance: { rule: 'membership/joined/membership-line', implied: ['city'] },
      });
    });
    return claims;
  },
};

/** Whether the line itself says "member since", or the heading over its block of lines speaks of memberships or networks. */
function underMembershipHeading(lines: ReturnType<typeof textLines>, index: number): boolean {
  if (/(?:Mitglied|member)\s+(?:seit|since)/iu.test(lines[index]!.text)) return true;
  let i = index - 1;
  // Up over the other lines of the block (bullets or plain list lines), then over blank lines.
  while (i >= 0 && index - i <= HEADING_LOOKBACK && lines[i]!.text !== '' && /^[-•–*·▪]/u.test(lines[i]!.text)) i--;
  while (i >= 0 && lines[i]!.text === '') i--;
  const heading = lines[i]?.text ?? '';
  return heading.split(/\s+/u).length <= 6 && !/[.!?]$/u.test(heading) && MEMBERSHIP_HEADING.test(heading);
}
