import type { MemberListClaim } from '../../../core/claim.ts';
import type { Place } from '../../../extractors/gazetteer/gazetteer-types.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';
import { placesInName } from './list-vs-events.ts';
import { documentDateOf, evidenceIds, ofKind, sourceLabel, timeline, timelinePoint, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

type ListClaim = ClaimWithSource & { claim: MemberListClaim };

/**
 * List members the gazetteer could not resolve: a name with several namesakes that no source
 * decides (two Taizhous), or a likely misspelling ("Zhuzhouan", most likely Zhuzhou). One flag per
 * name and organisation, listing every list it occurs in; never silently mapped. What is no name
 * at all (a list fragment such as "aus China Foshan") never reaches this rule as a name.
 */
export const unresolvedName: ReconcileRule = ({ claims, gazetteer, placements }) => {
  // A province or district stated for the name anywhere decides between its namesakes.
  const placing = (placements ?? ofKind(claims, 'city_attribute')).filter((c) => c.claim.kind === 'city_attribute' && ['province', 'state', 'district_of'].includes(c.claim.attribute));
  const placedIn = new Map<string, Set<string>>();
  for (const c of placing) {
    if (c.claim.kind !== 'city_attribute') continue;
    placedIn.set(c.claim.city, new Set([...(placedIn.get(c.claim.city) ?? []), String(c.claim.value)]));
  }
  const occurrences = new Map<string, { kind: 'ambiguous_name' | 'unresolved_name'; raw: string; name: string; suggestion: string | null; candidates: Place[]; lists: ListClaim[]; subject: string }>();
  for (const list of ofKind(claims, 'member_list') as ListClaim[]) {
    for (const member of list.claim.members) {
      // A fragment is no name; an item that fuses known places ("Raunheim Kelsterbach") is a group, not an unknown place.
      if (!looksLikeName(member.raw) || (!member.resolved && placesInName(member.raw, gazetteer).length >= 2)) continue;
      const resolution = gazetteer.resolve(member.raw, { country: list.claim.country });
      const candidates = resolution.resolved ? [] : resolution.candidates;
      let kind: 'ambiguous_name' | 'unresolved_name' | null = null;
      if (candidates.length > 1) {
        const stated = placedIn.get(member.name);
        const decided = stated && stated.size === 1 && candidates.filter((c) => stated.has(c.admin1 ?? '') || stated.has(c.parent ?? '')).length === 1;
        if (!decided) kind = 'ambiguous_name';
      } else if (!member.resolved) kind = 'unresolved_name';
      if (!kind) continue;
      const id = `${list.claim.subject}|${kind}|${normalise(kind === 'ambiguous_name' ? member.name : member.raw)}`;
      const known = occurrences.get(id);
      if (known) {
        if (!known.lists.includes(list)) known.lists.push(list);
        continue;
      }
      const suggestion = member.suggestion ?? (member.name !== member.raw ? member.name : null);
      occurrences.set(id, { kind, raw: member.raw, name: member.name, suggestion, candidates, lists: [list], subject: list.claim.subject });
    }
  }
  const drafts: FlagDraft[] = [];
  for (const [id, o] of [...occurrences].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const where = [...new Set(o.lists.map(sourceLabel))].sort();
    const points = o.lists.flatMap((l) => {
      const date = documentDateOf(l);
      return date ? [timelinePoint(l, date, o.raw, `"${o.raw}" listed`, 'conflicting')] : [];
    });
    const elsewhere = [...(placedIn.get(o.name) ?? [])].sort();
    drafts.push({
      kind: o.kind,
      severity: 'discrepancy',
      subject: o.subject,
      key: id,
      explanation: o.kind === 'ambiguous_name'
        ? `"${o.raw}" could be ${o.candidates.map(describe).sort().join(' or ')}; nothing decides${elsewhere.length ? ` (placed in ${elsewhere.join(' and ')} elsewhere)` : ''} — in ${where.length} source(s): ${where.join(', ')}`
        : o.suggestion
          ? `"${o.raw}" is no known place; most likely ${o.suggestion} — in ${where.join(', ')}`
          : `"${o.raw}" is no known place and nothing close is known — in ${where.join(', ')}`,
      details: {
        raw: o.raw, name: o.name, suggestion: o.suggestion,
        candidates: o.candidates.map((c) => ({ id: c.id, name: c.name, admin1: c.admin1, parent: c.parent })),
        // By URL first: claim ids follow the order documents were stored in, which a killed run changes.
        occurrences: o.lists.map((l) => ({ claimId: Number(l.id), url: l.url })).sort((a, b) => (a.url !== b.url ? (a.url < b.url ? -1 : 1) : a.claimId - b.claimId)),
        timeline: timeline(`${o.subject} · "${o.raw}"`, points),
        likelyWrong: null,
      },
      claimIds: evidenceIds(o.lists),
    });
  }
  return drafts;
};

/** Folds case and spacing so "Zhuzhouan" and "ZHUZHOUAN " are one name. */
function normalise(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Words a place name may contain in lower case ("Frankfurt am Main", "Mülheim an der Ruhr"). */
const NAME_PARTICLES = new Set(['am', 'an', 'der', 'die', 'dem', 'den', 'im', 'in', 'ob', 'bei', 'vor', 'von', 'unter', 'upon', 'on', 'de', 'la', 'auf']);

/**
 * Whether a raw list item can be a place name at all: a fragment of the sentence around a list
 * ("aus China Foshan", "Liuzhou. let", "und weitere") is not, and is no name to flag.
 */
export function looksLikeName(raw: string): boolean {
  const text = raw.trim();
  if (text.length < 2 || text.length > 60) return false;
  if (/[.!?;:]\s*\S/.test(text.replace(/\b(St|Bad|Dr)\.\s/g, '$1 ')) || /[.!?;:]$/.test(text) || /\d/.test(text)) return false;
  const words = text.split(/[\s/]+/).filter(Boolean);
  if (words.length > 5) return false;
  // Every word is capitalised, a particle, or a bracket ("Halle (Saale)"), and it starts with a capital.
  if (!/^[\p{Lu}(]/u.test(text)) return false;
  return words.every((w) => /^[\p{Lu}(„"'‚]/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()) || /^-/.test(w));
}

function describe(place: Place): string {
  const where = [place.parent, place.admin1].filter((part) => part && part !== place.name).join(', ');
  return where ? `${place.name} (${where})` : place.name;
}
