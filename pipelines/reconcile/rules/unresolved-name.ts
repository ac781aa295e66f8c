import type { Place } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { ofKind, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

/**
 * List members the gazetteer could not resolve: a name with several namesakes that the context
 * does not decide (two Taizhous), or a likely misspelling ("Zhuzhouan", most likely Zhuzhou).
 * Both are reviewed, never silently mapped.
 */
export const unresolvedName: ReconcileRule = ({ claims, gazetteer }) => {
  const drafts: FlagDraft[] = [];
  // A province or district stated for a city in the same document is the context that decides.
  const placements = ofKind(claims, 'city_attribute').filter((c) => ['province', 'state', 'district_of'].includes(c.claim.attribute));
  const placedInDocument = new Set(placements.map((c) => `${c.documentId}|${c.claim.city}`));
  for (const list of ofKind(claims, 'member_list')) {
    for (const member of list.claim.members) {
      // Namesakes share a canonical name, so the extractor may call the name resolved while the place is not.
      const resolution = gazetteer.resolve(member.raw, { country: list.claim.country });
      const candidates = resolution.resolved ? [] : resolution.candidates;
      const decided = placedInDocument.has(`${list.documentId}|${member.name}`);
      if (candidates.length > 1 && !decided) {
        drafts.push({
          kind: 'ambiguous_name',
          severity: 'warning',
          subject: list.claim.subject,
          key: [member.raw, list.url].join('|'),
          explanation: `"${member.raw}" could be ${candidates.map(describe).join(' or ')}; nothing in the text decides${hint(placements, member.name)}`,
          details: { raw: member.raw, candidates: candidates.map((c) => ({ id: c.id, name: c.name, admin1: c.admin1, parent: c.parent })), listQuote: list.claim.evidence.quote },
          claimIds: [list.id],
        });
        continue;
      }
      if (member.resolved || candidates.length > 1) continue;
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

function describe(place: Place): string {
  const where = [place.parent, place.admin1].filter((part) => part && part !== place.name).join(', ');
  return where ? `${place.name} (${where})` : place.name;
}

/** What other documents say about where a city lies: a hint for the reviewer, not a decision. */
function hint(placements: ReturnType<typeof ofKind<'city_attribute'>>, city: string): string {
  const elsewhere = [...new Set(placements.filter((c) => c.claim.city === city).map((c) => `${c.claim.value} (${c.url})`))];
  return elsewhere.length ? `; elsewhere placed in ${elsewhere.join(', ')}` : '';
}
