import type { MemberCountClaim } from '../../../core/claim.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';
import { compareDates, effectiveDate, ofKind, where, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

type CountClaim = ClaimWithSource & { claim: MemberCountClaim };

/**
 * Member counts of one organisation, country and unit that differ between statements. Counts at
 * different dates that grow are shown as explained (the membership grew); counts that disagree
 * at the same date, or shrink, are flagged for review. Counts with a qualifier ("mehr als 30"),
 * counts of another country and counts of admissions are never compared with exact totals.
 */
export const countChange: ReconcileRule = ({ claims }) => {
  const groups = new Map<string, Array<{ claim: CountClaim; date: string | null }>>();
  for (const c of ofKind(claims, 'member_count')) {
    // Admissions at an event ("drei neue Mitglieder") count newcomers, not the membership.
    if (c.claim.qualifier !== 'exact' || c.claim.country === null || c.claim.scope === 'event') continue;
    const key = [c.claim.subject, c.claim.country, c.claim.unit].join('|');
    groups.set(key, [...(groups.get(key) ?? []), { claim: c, date: effectiveDate(c, claims) }]);
  }
  const drafts: FlagDraft[] = [];
  for (const [key, entries] of groups) {
    const counts = new Set(entries.map((e) => e.claim.claim.count));
    if (counts.size < 2) continue;
    const [first] = entries;
    if (!first) continue;
    const { subject, country, unit } = first.claim.claim;
    const dated = entries.filter((e) => e.date !== null).sort((a, b) => compareDates(a.date ?? '', b.date ?? '') || a.claim.claim.count - b.claim.claim.count);
    const sameDateConflicts: string[] = [];
    for (let i = 0; i < dated.length; i++) {
      for (let j = i + 1; j < dated.length; j++) {
        const a = dated[i];
        const b = dated[j];
        if (!a || !b || a.claim.claim.count === b.claim.claim.count) continue;
        if (a.date && b.date && compareDates(a.date, b.date) === 0 && a.date.length === b.date.length) {
          sameDateConflicts.push(`${a.claim.claim.count} vs ${b.claim.claim.count} at ${a.date}`);
        }
      }
    }
    const shrinks = dated.some((e, i) => i > 0 && e.claim.claim.count < (dated[i - 1]?.claim.claim.count ?? 0) && compareDates(e.date ?? '', dated[i - 1]?.date ?? '') > 0);
    const undated = entries.filter((e) => e.date === null);
    const timeline = dated.map((e) => `${e.claim.claim.count} (${e.date}, ${e.claim.claim.scope})`).join(' → ');
    const explained = sameDateConflicts.length === 0 && !shrinks && undated.length === 0;
    const label = `${subject} ${country} ${unit}`;
    drafts.push({
      kind: explained ? 'count_change' : 'count_conflict',
      severity: explained ? 'info' : 'warning',
      subject,
      key,
      explanation: explained
        ? `${label}: ${timeline} — the dates explain the difference (membership grew)`
        : `${label}: ${[...counts].join(' vs ')}${sameDateConflicts.length ? `; same date: ${sameDateConflicts.join(', ')}` : ''}${shrinks ? '; the count shrinks over time' : ''}${undated.length ? `; ${undated.length} undated statement(s) cannot be placed` : ''}`,
      details: {
        statements: entries.map((e) => ({ count: e.claim.claim.count, date: e.date, scope: e.claim.claim.scope, quote: e.claim.claim.evidence.quote, where: where(e.claim) })),
      },
      claimIds: entries.map((e) => e.claim.id),
      initialStatus: explained ? 'explained' : 'open',
    });
  }
  return drafts;
};
