import type { MembershipEventClaim } from '../../../core/claim.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';
import { compareDates, effectiveDate, ofKind, where, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

type EventClaim = ClaimWithSource & { claim: MembershipEventClaim };

/**
 * A city's membership told two ways: joining dated differently by two sources (2017 in one,
 * March 2018 in another), or a city listed as a current member after a source says it left.
 */
export const membershipTimeline: ReconcileRule = ({ claims }) => {
  const drafts: FlagDraft[] = [];
  const byCity = new Map<string, EventClaim[]>();
  for (const event of ofKind(claims, 'membership_event')) {
    const key = `${event.claim.subject}|${event.claim.city}`;
    byCity.set(key, [...(byCity.get(key) ?? []), event]);
  }

  for (const [key, events] of byCity) {
    const [subject = '', city = ''] = key.split('|');
    // Join dates that disagree at the precision both give; one source counts once.
    const joins = events.filter((e) => e.claim.event === 'joined' && e.claim.date);
    const disagreeing = joins.filter((a) => joins.some((b) => b.documentId !== a.documentId && compareDates(a.claim.date!, b.claim.date!) !== 0));
    if (disagreeing.length > 0) {
      const dates = [...new Set(disagreeing.map((e) => e.claim.date))].sort();
      drafts.push({
        kind: 'join_date_conflict',
        severity: 'warning',
        subject,
        key: [subject, city].join('|'),
        explanation: `${city} joined ${subject} on ${dates.join(' or ')}: ${disagreeing.map((e) => `${e.claim.date} per ${where(e)}`).join('; ')}`,
        details: { city, dates, statements: disagreeing.map((e) => ({ date: e.claim.date, quote: e.claim.evidence.quote, url: e.url })) },
        claimIds: disagreeing.map((e) => e.id),
      });
    }

    // Listed as a current member after leaving.
    for (const left of events.filter((e) => e.claim.event === 'left' && e.claim.date)) {
      const laterLists = ofKind(claims, 'member_list').filter((list) => {
        if (list.claim.subject !== subject || list.claim.scope === 'founding') return false;
        if (!list.claim.members.some((m) => m.name === city)) return false;
        const asOf = effectiveDate(list, claims);
        return asOf !== null && compareDates(asOf, left.claim.date!) > 0;
      });
      const rejoined = events.some((e) => e.claim.event === 'joined' && e.claim.date && compareDates(e.claim.date, left.claim.date!) > 0);
      if (laterLists.length === 0 || rejoined) continue;
      drafts.push({
        kind: 'listed_after_leaving',
        severity: 'warning',
        subject,
        key: [subject, city, left.claim.date].join('|'),
        explanation: `${city} left ${subject} on ${left.claim.date} per ${where(left)} but is listed as a member later in ${laterLists.map((l) => where(l)).join(', ')}`,
        details: { city, left: left.claim.date, lists: laterLists.map((l) => ({ url: l.url, asOf: effectiveDate(l, claims), quote: l.claim.evidence.quote })) },
        claimIds: [left.id, ...laterLists.map((l) => l.id)],
      });
    }
  }
  return drafts;
};
