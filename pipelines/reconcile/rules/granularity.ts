import type { Place } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { REGIONAL_GROUP_NOTE } from '../../../extractors/partnerships/regional-group-note.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';
import { documentDateOf, evidenceIds, ofKind, sourceLabel, timeline, timelinePoint, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

/**
 * A city named where other sources name its district (Hangzhou / Xiaoshan), or the region around
 * it (Nürnberg / Region Nürnberg), as a member of the same organisation or as the partner of the
 * same city: kept as two entities, flagged once per pair so a reviewer decides whether they are one.
 */
export const granularity: ReconcileRule = ({ claims, gazetteer }) => {
  const drafts: FlagDraft[] = [];
  // Who is named as a member of each organisation, and where.
  const members = new Map<string, Map<string, ClaimWithSource[]>>();
  const note = (group: string, name: string, claim: ClaimWithSource) => {
    const names = members.get(group) ?? new Map<string, ClaimWithSource[]>();
    names.set(name, [...(names.get(name) ?? []), claim]);
    members.set(group, names);
  };
  for (const list of ofKind(claims, 'member_list')) for (const m of list.claim.members) note(`member|${list.claim.subject}`, m.name, list);
  for (const e of ofKind(claims, 'membership_event')) if (e.claim.event !== 'guest') note(`member|${e.claim.subject}`, e.claim.city, e);
  // A regional partnership whose side is a group of towns names the region around its first town.
  const groups = new Map<ClaimWithSource, string[]>();
  for (const p of ofKind(claims, 'partnership')) {
    const [a, b] = p.claim.cities;
    const group = regionalGroupOf(p.claim.provenance?.notes);
    if (group) groups.set(p, group);
    const named = (city: string) => (group?.[0] === city ? `Region ${city}` : city);
    note(`partner|${a}`, named(b), p);
    note(`partner|${b}`, named(a), p);
  }
  for (const [group, names] of [...members].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [role = '', subject = ''] = group.split('|');
    for (const [district, districtClaims] of [...names].sort(([a], [b]) => (a < b ? -1 : 1))) {
      // A city's district is the narrower name; "Region X" is the wider one around the city X.
      const around = widerAreaOf(district);
      const parent = around ?? parentOf(gazetteer.byName(district), names);
      if (!parent || parent === district || !names.has(parent)) continue;
      const cityClaims = names.get(parent)!;
      // One source naming both is a source that tells them apart, not a mix-up.
      const documents = new Set([...districtClaims, ...cityClaims].map((c) => c.documentId));
      if (documents.size < 2) continue;
      const group = districtClaims.map((c) => groups.get(c)).find((g) => g !== undefined);
      const aroundText = group ? `the group of ${group.length} towns and districts led by it (${group.join(', ')})` : `the ${district} around it`;
      const point = (c: ClaimWithSource, name: string) => {
        const date = documentDateOf(c);
        return date ? [timelinePoint(c, date, name, name, 'conflicting')] : [];
      };
      drafts.push({
        kind: 'granularity',
        severity: 'discrepancy',
        subject: role === 'member' ? subject : subject,
        key: [role, subject, parent, district].join('|'),
        explanation: around
          ? `${subject}${role === 'member' ? ' counts among its members' : "'s partner is named"} ${parent} by ${[...new Set(cityClaims.map(sourceLabel))].sort().join(', ')} and ${aroundText} by ${[...new Set(districtClaims.map(sourceLabel))].sort().join(', ')}; kept as two entities — the city or the region?`
          : role === 'member'
          ? `${parent} (${[...new Set(cityClaims.map(sourceLabel))].sort().join(', ')}) and its district ${district} (${[...new Set(districtClaims.map(sourceLabel))].sort().join(', ')}) are both named as members of ${subject}; kept as two entities — are they one member?`
          : `${subject}'s partner is named ${parent} by ${[...new Set(cityClaims.map(sourceLabel))].sort().join(', ')} and its district ${district} by ${[...new Set(districtClaims.map(sourceLabel))].sort().join(', ')}; kept as two entities`,
        details: {
          city: parent, ...(around ? { region: district } : { district }), ...(group ? { group } : {}), role,
          timeline: timeline(`${subject} · ${parent} / ${district}`, [...cityClaims.flatMap((c) => point(c, parent)), ...districtClaims.flatMap((c) => point(c, district))]),
          likelyWrong: null,
        },
        claimIds: evidenceIds([...cityClaims, ...districtClaims]),
      });
    }
  }
  return drafts;
};

/** The towns of a regional partnership's side, from the note the partnership extractor leaves, first town first. */
function regionalGroupOf(notes: readonly string[] | undefined): string[] | null {
  const note = notes?.find((n) => n.startsWith(`${REGIONAL_GROUP_NOTE}:`));
  return note ? note.slice(REGIONAL_GROUP_NOTE.length + 1).split(',').map((n) => n.trim()).filter(Boolean) : null;
}

/** The city a "Region X", "Großraum X" or "Metropolregion X" is named after: the region is wider, the city inside it. */
export function widerAreaOf(name: string): string | null {
  return /^(?:Region|Großraum|Metropolregion)\s+(\p{Lu}.*)$/u.exec(name)?.[1] ?? null;
}

/**
 * The city a district or county-level city belongs to, when every namesake agrees; where they do
 * not (Qixia lies in Nanjing and in Yantai), the one whose city the same group names decides.
 */
function parentOf(places: Place[], named: ReadonlyMap<string, unknown>): string | null {
  const parts = places.filter((p) => p.type === 'city_district' || p.type === 'county_city');
  if (parts.length < places.length) return null;
  const parents = new Set(parts.map((p) => p.parent).filter((p): p is string => p !== null));
  if (parents.size === 1) return [...parents][0]!;
  const namedParents = [...parents].filter((p) => named.has(p));
  return namedParents.length === 1 ? namedParents[0]! : null;
}
