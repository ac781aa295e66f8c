import { ofKind, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

/**
 * List members the gazetteer could not resolve: a likely misspelling ("Zhuzhouan", most likely
 * Zhuzhou) or a name with several namesakes (two Taizhous). Reviewed, never silently mapped.
 */
export const unresolvedName: ReconcileRule = ({ claims }) => {
  const drafts: FlagDraft[] = [];
  for (const list of ofKind(claims, 'member_list')) {
    for (const member of list.claim.members) {
      if (member.resolved) continue;
      const suggestion = member.suggestion ?? (member.name !== member.raw ? member.name : null);
      drafts.push({
        kind: 'unresolved_name',
        severity: 'warning',
        subject: list.claim.subject,
        key: [member.raw, list.url].join('|'),
        explanation: suggestion
          ? `"${member.raw}" is no known place; most likely ${suggestion}`
          : `"${member.raw}" is no known place and nothing close is known`,
        details: { raw: member.raw, suggestion, country: list.claim.country, listQuote: list.claim.evidence.quote },
        claimIds: [list.id],
      });
    }
  }
  return drafts;
};
