/**
 * Membership events, one per city a membership statement names (see
 * `find-membership-mentions.ts`). An admission announced for later ("Die Aufnahme soll noch
 * in diesem Jahr erfolgen") is a joining only when the text also says the city has joined;
 * otherwise it is an intention.
 */
import type { MembershipEventClaim } from '../../core/claim.ts';
import { evidenceOf, type Parser } from '../parser.ts';
import { findMembershipMentions } from './find-membership-mentions.ts';

export const membershipEventParser: Parser = {
  name: 'membership-event',
  parse(doc) {
    const mentions = doc.shared(findMembershipMentions);
    const citiesOf = (kind: string, test: (m: (typeof mentions)[number]) => boolean) =>
      new Set(mentions.filter((m) => m.kind === kind && test(m)).flatMap((m) => m.cities.map((c) => c.name)));
    const joinedForSure = citiesOf('joined', (m) => !m.planned && m.sure);
    const intending = citiesOf('intends_to_join', () => true);
    const claims: MembershipEventClaim[] = [];
    for (const mention of mentions) {
      for (const city of mention.cities) {
        // A planned admission, or a "tritt … bei" next to a decision to join, is an intention until the text says it happened.
        const undecided = mention.planned || (!mention.sure && intending.has(city.name));
        const event = mention.kind === 'joined' && undecided && !joinedForSure.has(city.name) ? 'intends_to_join' : mention.kind;
        const start = Math.min(city.start ?? mention.cueStart, mention.cueStart);
        const end = Math.max(city.end ?? mention.cueEnd, mention.cueEnd);
        const implied = [...(city.how === 'subject' || city.how === 'after' || city.how === 'appositive' ? [] : ['city']), ...(event !== mention.kind ? ['event'] : [])];
        claims.push({
          kind: 'membership_event',
          subject: mention.link.subject,
          city: city.name,
          event,
          // A planned admission of a city that has not joined yet says when it will, not when it did.
          date: event === 'intends_to_join' && mention.kind === 'joined' ? null : mention.date?.value ?? null,
          evidence: evidenceOf(doc, start, end),
          provenance: { rule: `membership/${mention.kind.replace(/_/g, '-')}/${city.how}`, ...(implied.length ? { implied } : {}) },
        });
      }
    }
    return claims;
  },
};
