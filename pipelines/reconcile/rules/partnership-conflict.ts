import type { PartnershipClaim } from '../../../core/claim.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';
import { compareDates, documentDateOf, evidenceIds, ofKind, sourceLabel, timeline, timelinePoint, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

type Partnership = ClaimWithSource & { claim: PartnershipClaim };

/** Relations that cannot both describe one pair: a twinning is not a friendship-city agreement. */
const EXCLUSIVE = new Set(['partner_city', 'friendship_city']);

/**
 * One partnership told two ways: dated differently for the same relation ("seit 2011" vs "2012"),
 * or called a twinning by one source and a friendship-city agreement by another. A cooperation
 * agreement or a friendship treaty beside a twinning is a second instrument, not a contradiction,
 * and each instrument keeps its own date.
 */
export const partnershipConflict: ReconcileRule = ({ claims }) => {
  const byPair = new Map<string, Partnership[]>();
  for (const p of ofKind(claims, 'partnership') as Partnership[]) {
    const key = [...p.claim.cities].sort().join('|');
    byPair.set(key, [...(byPair.get(key) ?? []), p]);
  }
  const drafts: FlagDraft[] = [];
  for (const [key, statements] of [...byPair].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const cities = key.split('|');
    const pair = cities.join(' – ');
    // A twinning and a friendship-city agreement name one instrument two ways: their dates are compared as one,
    // unless a source tells them apart (a friendship agreement that later became a twinning).
    const toldApart = toldApartBySource(statements);
    const instrumentOf = (relation: string) => (EXCLUSIVE.has(relation) && !toldApart ? 'partner_city' : relation);
    for (const relation of [...new Set(statements.map((p) => instrumentOf(p.claim.relation)))].sort()) {
      const sameRelation = statements.filter((p) => instrumentOf(p.claim.relation) === relation && p.claim.since);
      // A date worked out from an anniversary ("25 Jahre Partnerschaft") yields to dates sources state; among
      // themselves such dates count years loosely — a jubilee is kept in its year or the next — so they may be a year apart.
      const workedOut = (p: Partnership) => p.claim.provenance?.implied?.includes('since') ?? false;
      const stated = sameRelation.filter((p) => !workedOut(p));
      const computed = sameRelation.filter(workedOut);
      const disagreeing = stated.length > 0
        ? stated.filter((a) => stated.some((b) => compareDates(a.claim.since!, b.claim.since!) !== 0))
        : computed.filter((w) => computed.some((o) => !withinAYear(w, o)));
      if (disagreeing.length === 0) continue;
      const dates = [...new Set(disagreeing.map((p) => p.claim.since!))].sort();
      // The date more sources give outvotes the other.
      // A date agrees with every date it equals at their common precision ("2012" with "2012-10").
      const votes = dates.map((d) => ({ date: d, docs: new Set(disagreeing.filter((p) => compareDates(p.claim.since!, d) === 0).map((p) => p.documentId)).size }));
      votes.sort((a, b) => b.docs - a.docs || b.date.length - a.date.length);
      const rival = votes.find((v) => compareDates(v.date, votes[0]!.date) !== 0);
      const majority = votes[0] && rival && votes[0].docs > rival.docs ? votes[0].date : null;
      const wrong = majority ? disagreeing.filter((p) => compareDates(p.claim.since!, majority) !== 0) : [];
      drafts.push({
        kind: 'partnership_since_conflict',
        severity: 'discrepancy',
        subject: pair,
        key: [key, relation].join('|'),
        explanation: `${pair}: the ${relation.replace(/_/g, ' ')} is dated ${dates.join(' and ')} (${disagreeing.map((p) => `${p.claim.since} per ${sourceLabel(p)}`).sort().join('; ')})`,
        details: {
          cities, relation, dates,
          timeline: timeline(`${pair} · ${relation}`, disagreeing.map((p) => timelinePoint(p, p.claim.since!, p.claim.since!, `${relation.replace(/_/g, ' ')} since ${p.claim.since}`, wrong.includes(p) ? 'conflicting' : majority ? 'outvoting' : 'conflicting'))),
          likelyWrong: wrong.length === 1 ? { claimId: Number(wrong[0]!.id), reason: `${votes[0]!.docs} sources date it ${majority}` } : null,
        },
        claimIds: evidenceIds(disagreeing),
      });
    }
    const exclusive = statements.filter((p) => EXCLUSIVE.has(p.claim.relation));
    const relations = new Set(exclusive.map((p) => p.claim.relation));
    if (relations.size > 1 && new Set(exclusive.map((p) => p.documentId)).size > 1 && !toldApart) {
      const point = (p: Partnership) => {
        const date = p.claim.since ?? documentDateOf(p);
        return date ? [timelinePoint(p, date, p.claim.relation, p.claim.relation.replace(/_/g, ' '), 'conflicting')] : [];
      };
      drafts.push({
        kind: 'partnership_relation_conflict',
        severity: 'discrepancy',
        subject: pair,
        key: [key, 'relation'].join('|'),
        explanation: `${pair} is called ${[...relations].sort().map((r) => `a ${r.replace(/_/g, ' ')} by ${[...new Set(exclusive.filter((p) => p.claim.relation === r).map(sourceLabel))].sort().join(', ')}`).join(' and ')}`,
        details: { cities, relations: [...relations].sort(), timeline: timeline(`${pair} · relation`, exclusive.flatMap(point)), likelyWrong: null },
        claimIds: evidenceIds(exclusive),
      });
    }
  }
  return drafts;
};

/** Whether one document names both a friendship-city agreement and a twinning of the pair, dated apart: two steps, not two names. */
function toldApartBySource(statements: Partnership[]): boolean {
  const byDocument = new Map<string, Partnership[]>();
  for (const p of statements) if (EXCLUSIVE.has(p.claim.relation)) byDocument.set(p.documentId, [...(byDocument.get(p.documentId) ?? []), p]);
  return [...byDocument.values()].some((told) => {
    const friendship = told.filter((p) => p.claim.relation === 'friendship_city' && p.claim.since);
    const twinning = told.filter((p) => p.claim.relation === 'partner_city' && p.claim.since);
    return friendship.some((f) => twinning.some((t) => compareDates(f.claim.since!, t.claim.since!) < 0));
  });
}

const yearOf = (p: Partnership) => Number(p.claim.since!.slice(0, 4));
const withinAYear = (a: Partnership, b: Partnership) => Math.abs(yearOf(a) - yearOf(b)) <= 1;
