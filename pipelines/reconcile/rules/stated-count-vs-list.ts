import { compareDates, effectiveDate, evidenceIds, ofKind, timeline, timelinePoint, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

/**
 * A list whose stated size differs from the names it gives ("sieben deutschen Städten" with
 * eight names). Where another source dates a listed city's joining after the list's date, that
 * city is named as the likely extra.
 */
export const statedCountVsList: ReconcileRule = ({ claims }) => {
  const joins = ofKind(claims, 'membership_event').filter((c) => c.claim.event === 'joined' && c.claim.date);
  const drafts: FlagDraft[] = [];
  for (const list of ofKind(claims, 'member_list')) {
    const { statedCount, members, subject, country, scope } = list.claim;
    const listed = memberUnits(members);
    if (statedCount === null || statedCount === listed) continue;
    // A list far shorter than its number names examples ("30 Städte, darunter …"), not all members:
    // real miscounts are off by one or two, as "sieben" with eight names.
    if (listed < statedCount - Math.max(2, Math.ceil(statedCount / 4))) continue;
    const listDate = effectiveDate(list);
    const lateJoiners = listDate
      ? joins.filter((join) => join.claim.subject === subject && compareDates(join.claim.date ?? '', listDate) > 0
          && members.some((member) => member.name === join.claim.city))
      : [];
    const suspects = [...new Set(lateJoiners.map((join) => join.claim.city))];
    const difference = listed - statedCount;
    const stated = list.claim.evidence.quote.split('(')[0]?.trim() ?? String(statedCount);
    let explanation = `"${stated}" but ${listed} names are listed (${difference > 0 ? `${difference} more` : `${-difference} fewer`} than stated)`;
    if (suspects.length > 0 && difference > 0) {
      explanation += `; likely extra: ${suspects.join(', ')} (joined later per ${lateJoiners.map((j) => j.url).filter((u, i, all) => all.indexOf(u) === i).join(', ')})`;
    }
    drafts.push({
      kind: 'stated_count_vs_list',
      severity: 'contradiction',
      subject,
      key: [subject, country ?? '', scope, list.url, statedCount].join('|'),
      explanation,
      details: {
        statedCount,
        listed,
        members: members.map((m) => m.name),
        country,
        scope,
        asOf: listDate,
        likelyExtra: suspects,
        timeline: timeline(`${subject} · ${country ?? 'all'} · ${scope} list`, [
          ...(listDate ? [timelinePoint(list, listDate, listed, `${listed} names, "${statedCount}" stated`, 'conflicting')] : []),
          ...lateJoiners.map((j) => timelinePoint(j, j.claim.date!, null, `${j.claim.city} admitted`, 'event')),
        ]),
        likelyWrong: suspects.length === 1 && difference === 1 ? { claimId: Number(list.id), reason: `${suspects[0]} is listed but joined later per another source` } : null,
      },
      claimIds: evidenceIds([list, ...lateJoiners]),
    });
  }
  return drafts;
};

/** Members as the text counts them: the towns of one region or network ("Region Schwarzwald (Lahr und Freiburg)") are one. */
function memberUnits(members: ReadonlyArray<{ name: string; group?: string }>): number {
  return new Set(members.map((m) => (m.group === undefined ? `name:${m.name}` : `group:${m.group}`))).size;
}
