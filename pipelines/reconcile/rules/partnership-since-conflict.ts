import { compareDates, ofKind, where, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

/** One partnership dated differently, in one document or across sources ("seit 2011" vs "2012"). */
export const partnershipSinceConflict: ReconcileRule = ({ claims }) => {
  const byPair = new Map<string, ReturnType<typeof ofKind<'partnership'>>>();
  for (const p of ofKind(claims, 'partnership')) {
    if (!p.claim.since) continue;
    const key = [...p.claim.cities].sort().join('|');
    byPair.set(key, [...(byPair.get(key) ?? []), p]);
  }
  const drafts: FlagDraft[] = [];
  for (const [key, statements] of byPair) {
    const disagreeing = statements.filter((a) => statements.some((b) => compareDates(a.claim.since!, b.claim.since!) !== 0));
    if (disagreeing.length === 0) continue;
    const dates = [...new Set(disagreeing.map((p) => p.claim.since))].sort();
    const cities = key.split('|');
    drafts.push({
      kind: 'partnership_since_conflict',
      severity: 'warning',
      subject: cities.join(' – '),
      key,
      explanation: `${cities.join(' – ')}: partnership dated ${dates.join(' and ')} (${disagreeing.map((p) => `${p.claim.since} ${p.claim.relation.replace('_', ' ')} per ${where(p)}`).join('; ')})`,
      details: { cities, dates, statements: disagreeing.map((p) => ({ since: p.claim.since, relation: p.claim.relation, quote: p.claim.evidence.quote, url: p.url })) },
      claimIds: disagreeing.map((p) => p.id),
    });
  }
  return drafts;
};
