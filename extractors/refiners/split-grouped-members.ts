/**
 * One list member per municipality (the corpus gold's convention): a region or network named
 * with its towns ("Region Schwarzwald (Lahr und Freiburg)", "das Städtenetzwerk „Drei gewinnt“
 * mit Rüsselsheim/Raunheim/Kelsterbach", "Region Lahr-Freiburg-Schwarzwald") becomes one member
 * per town, each with the item as `raw` and the region or network as `group`, so a reader can
 * still count it once against a stated number. Two names glued by a missing comma ("Raunheim
 * Kelsterbach") become two members; "Hangzhou-Jianggan" (a city and its district) is the district.
 */
import type { Claim, ListMember, MemberListClaim } from '../../core/claim.ts';
import type { Gazetteer, Place } from '../gazetteer/gazetteer-types.ts';
import type { Refiner } from '../parser.ts';
import { isCityLike } from '../places/find-cities.ts';

// A name that says it stands for several places: "Region …", "Städtenetzwerk …".
const GROUP_LEAD = /^(?:(?:die|das|der|the)\s+)?(?:Region|Städtenetzwerk|Netzwerk|Städteverbund|Verbund|Städtedreieck|Kooperationsraum|network|region)(?![\p{L}])/iu;
const GROUP_TAIL = /\s+(?:region|network|area)$/u;
// Parts of a glued or hyphenated name: words between blanks, hyphens and slashes.
const PART_SEPARATOR = /[\s\-–/]+/u;

export const splitGroupedMembers: Refiner = {
  name: 'split-grouped-members',
  refine(claims, doc) {
    return claims.map((claim): Claim => {
      if (claim.kind !== 'member_list') return claim;
      const members = claim.members.flatMap((m) => byMunicipality(doc.gazetteer, m));
      return members.length === claim.members.length && members.every((m, i) => m === claim.members[i]) ? claim : ({ ...claim, members } satisfies MemberListClaim);
    });
  },
};

/** The municipalities one member stands for: itself, unless it groups or glues several. */
export function byMunicipality(gazetteer: Gazetteer, member: ListMember): ListMember[] {
  const { places, ...rest } = member;
  if (places?.length) {
    // "Bao'an District (Shenzhen)", "Fulda (Region)": a town with its city or type in brackets is that town.
    // "Region Fulda (Fulda/Petersberg)": a region named after its town still stands for the towns it lists.
    const region = GROUP_LEAD.test(member.raw) && places.length > 1;
    if (!region && (isTown(gazetteer, member.name) || (places.length === 1 && places[0] === member.name))) return [rest];
    return places.map((name) => ({ name, raw: member.raw, resolved: true, group: member.name }));
  }
  if (member.resolved) return [member];
  // "the Lahr-Freiburg-Black Forest region": English puts the group noun last.
  const grouped = GROUP_LEAD.test(member.raw) || GROUP_TAIL.test(member.raw);
  const words = member.raw.replace(GROUP_LEAD, '').replace(GROUP_TAIL, '').split(PART_SEPARATOR).filter((w) => /^\p{Lu}/u.test(w));
  if (words.length < 2) return [member];
  const parts = words.map((w) => exactCity(gazetteer, w));
  const towns = parts.filter((p): p is Place => p !== null);
  // A region may name a landscape beside its towns ("Lahr-Freiburg-Schwarzwald"); glued names must all be towns.
  if (grouped ? towns.length === 0 : towns.length !== words.length) return [member];
  // "Hangzhou-Jianggan": a district with its city is the district.
  const kept = towns.filter((t) => !towns.some((other) => other !== t && other.parent === t.name));
  const names = [...new Set(kept.map((t) => t.name))];
  if (grouped) return names.map((name) => ({ name, raw: member.raw, resolved: true, group: member.name }));
  return names.map((name) => ({ name, raw: member.raw, resolved: true }));
}

/** The town a single written word names exactly (no typo tolerance: glued words must be clean names). */
function exactCity(gazetteer: Gazetteer, word: string): Place | null {
  const r = gazetteer.resolve(word);
  return r.resolved && r.place && isCityLike(r.place) && r.place.type !== 'region' && r.suggestion === null && (r.place.name === word || r.place.name.startsWith(`${word} `)) ? r.place : null;
}

/** Whether a canonical name is a town or district itself, not a region or network. */
function isTown(gazetteer: Gazetteer, name: string): boolean {
  return gazetteer.byName(name).some((p) => isCityLike(p) && p.type !== 'region');
}
