import { compareDates, ofKind, where, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

/**
 * One meeting given two ordinals ("7th Plenary Session" in the headline, "the sixth" in the text),
 * or one ordinal given to meetings in different years.
 */
export const eventOrdinalConflict: ReconcileRule = ({ claims }) => {
  const events = ofKind(claims, 'event').filter((e) => e.claim.ordinal !== null && e.claim.date);
  const drafts: FlagDraft[] = [];
  const seen = new Set<string>();
  for (const a of events) {
    for (const b of events) {
      if (a.id >= b.id || a.claim.type !== b.claim.type || a.claim.subject !== b.claim.subject) continue;
      const sameYear = compareDates(a.claim.date!.slice(0, 4), b.claim.date!.slice(0, 4)) === 0;
      const sameMeeting = sameYear && compareDates(a.claim.date!, b.claim.date!) === 0;
      const conflict = (sameMeeting && a.claim.ordinal !== b.claim.ordinal) || (!sameYear && a.claim.ordinal === b.claim.ordinal);
      if (!conflict) continue;
      const key = [a.claim.subject, a.claim.type, ...[a.claim.date, b.claim.date].sort(), ...[a.claim.ordinal, b.claim.ordinal].sort()].join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      drafts.push({
        kind: 'event_ordinal_conflict',
        severity: 'discrepancy',
        subject: a.claim.subject,
        key,
        explanation: sameMeeting
          ? `the ${a.claim.type} of ${a.claim.date} is called no. ${a.claim.ordinal} (${where(a)}) and no. ${b.claim.ordinal} (${where(b)})`
          : `${a.claim.type} no. ${a.claim.ordinal} is dated ${a.claim.date} (${where(a)}) and ${b.claim.date} (${where(b)})`,
        details: { type: a.claim.type, statements: [a, b].map((e) => ({ ordinal: e.claim.ordinal, date: e.claim.date, quote: e.claim.evidence.quote, url: e.url })) },
        claimIds: [a.id, b.id],
      });
    }
  }
  return drafts;
};
