import { compareDates, effectiveDate, ofKind, where, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

/**
 * A city named a founding member in one place and said to have joined after the founding in
 * another (Köln in the founding list of April 2016, admitted 24 April 2017 per Köln's release).
 */
export const foundingVsJoinedLater: ReconcileRule = ({ claims }) => {
  const foundingDates = new Map<string, string>();
  for (const event of ofKind(claims, 'event')) {
    if (event.claim.type !== 'founding' || !event.claim.date) continue;
    const known = foundingDates.get(event.claim.subject);
    if (!known || event.claim.date.length > known.length) foundingDates.set(event.claim.subject, event.claim.date);
  }

  // Who is said to be a founding member, and where.
  const founders = new Map<string, Array<{ id: string; url: string; quote: string; date: string | null; at: string }>>();
  const addFounder = (subject: string, city: string, entry: { id: string; url: string; quote: string; date: string | null; at: string }) => {
    const key = `${subject}|${city}`;
    founders.set(key, [...(founders.get(key) ?? []), entry]);
  };
  for (const list of ofKind(claims, 'member_list')) {
    if (list.claim.scope !== 'founding') continue;
    const date = effectiveDate(list, claims) ?? foundingDates.get(list.claim.subject) ?? null;
    for (const member of list.claim.members) {
      addFounder(list.claim.subject, member.name, { id: list.id, url: list.url, quote: list.claim.evidence.quote, date, at: where(list) });
    }
  }
  for (const event of ofKind(claims, 'membership_event')) {
    if (event.claim.event !== 'founding_member') continue;
    addFounder(event.claim.subject, event.claim.city, {
      id: event.id, url: event.url, quote: event.claim.evidence.quote,
      date: foundingDates.get(event.claim.subject) ?? null, at: where(event),
    });
  }

  const drafts: FlagDraft[] = [];
  for (const join of ofKind(claims, 'membership_event')) {
    if (join.claim.event !== 'joined' || !join.claim.date) continue;
    const entries = founders.get(`${join.claim.subject}|${join.claim.city}`) ?? [];
    const founding = foundingDates.get(join.claim.subject) ?? entries.find((e) => e.date)?.date ?? null;
    if (entries.length === 0 || !founding || compareDates(join.claim.date, founding) <= 0) continue;
    const [first] = entries;
    if (!first) continue;
    drafts.push({
      kind: 'founding_vs_joined_later',
      severity: 'error',
      subject: join.claim.subject,
      key: [join.claim.subject, join.claim.city].join('|'),
      explanation: `${join.claim.city} is listed as a founding member (${founding}) in ${first.at} but joined on ${join.claim.date} per ${where(join)}; one of them is wrong`,
      details: {
        city: join.claim.city,
        founding,
        joined: join.claim.date,
        foundingStatements: entries.map((e) => ({ url: e.url, quote: e.quote })),
        joinStatement: { url: join.url, quote: join.claim.evidence.quote },
      },
      claimIds: [...new Set([...entries.map((e) => e.id), join.id])],
    });
  }
  return drafts;
};
