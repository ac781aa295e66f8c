import type { MemberCountClaim } from '../../../core/claim.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';
import { compareDates, effectiveDate, evidenceIds, ofKind, timeline, timelinePoint, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

type CountClaim = ClaimWithSource & { claim: MemberCountClaim };

/** How far a breakdown may stand from its total: the same sentence or the next one. */
const BREAKDOWN_DISTANCE = 250;

/**
 * A total and its parts that do not add up: "24 Städte, zehn deutsche und 15 chinesische". Only
 * exact counts of one organisation, unit family and date in one document are compared, and only
 * parts stated next to the total: a founding total and a later breakdown are different figures.
 */
export const countSumConflict: ReconcileRule = ({ claims }) => {
  const drafts: FlagDraft[] = [];
  const exact = ofKind(claims, 'member_count').filter((c) => c.claim.qualifier === 'exact' && ['cities', 'members', 'municipalities'].includes(c.claim.unit));
  const groups = new Map<string, CountClaim[]>();
  for (const count of exact) {
    const key = [count.documentId, count.claim.subject, count.claim.scope].join('|');
    groups.set(key, [...(groups.get(key) ?? []), count]);
  }
  for (const counts of groups.values()) {
    const totals = counts.filter((c) => c.claim.country === null);
    for (const total of totals) {
      const date = effectiveDate(total);
      const sameDate = (c: CountClaim) => {
        const other = effectiveDate(c);
        return date === null || other === null || compareDates(date, other) === 0;
      };
      const near = (c: CountClaim) =>
        Math.abs(c.claim.evidence.start - total.claim.evidence.end) <= BREAKDOWN_DISTANCE || Math.abs(total.claim.evidence.start - c.claim.evidence.end) <= BREAKDOWN_DISTANCE;
      const de = counts.filter((c) => c.claim.country === 'DE' && sameDate(c) && near(c));
      const cn = counts.filter((c) => c.claim.country === 'CN' && sameDate(c) && near(c));
      // One count per country, or the parts are ambiguous (two dates, a founding and a current figure).
      if (de.length !== 1 || cn.length !== 1) continue;
      const [germany, china] = [de[0]!, cn[0]!];
      const sum = germany.claim.count + china.claim.count;
      // A breakdown belongs to the total it adds up to ("founded by 18 cities, now 26 members –
      // 10 in Germany and 16 in China"): another total nearby that matches explains it.
      if (sum === total.claim.count || totals.some((other) => other !== total && other.claim.count === sum && near(other))) continue;
      drafts.push({
        kind: 'count_sum_conflict',
        severity: 'contradiction',
        subject: total.claim.subject,
        key: [total.claim.subject, total.claim.scope, total.url, total.claim.count, sum].join('|'),
        explanation: `"${total.claim.evidence.quote}" but "${germany.claim.evidence.quote}" and "${china.claim.evidence.quote}" add up to ${sum}, not ${total.claim.count}; one of the three numbers is wrong`,
        details: {
          total: total.claim.count, germany: germany.claim.count, china: china.claim.count, url: total.url,
          timeline: timeline(`${total.claim.subject} · total and parts`, date ? [
            timelinePoint(total, date, total.claim.count, `${total.claim.count} in all`, 'conflicting'),
            timelinePoint(germany, date, germany.claim.count, `${germany.claim.count} DE`, 'conflicting'),
            timelinePoint(china, date, china.claim.count, `${china.claim.count} CN`, 'conflicting'),
          ] : []),
          likelyWrong: null,
        },
        claimIds: evidenceIds([total, germany, china]),
      });
    }
  }
  return drafts;
};
