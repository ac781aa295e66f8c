/**
 * Turn list items into claim members through the gazetteer: canonical name when the item
 * resolves, otherwise the gazetteer's suggestion (or the text) with `resolved: false`, so a
 * misspelt member stays in the list for review instead of vanishing or being silently mapped.
 */
import type { Country, ListMember } from '../../core/claim.ts';
import type { Gazetteer, NameResolution } from '../gazetteer/gazetteer-types.ts';
import { isCityLike } from '../places/find-cities.ts';
import type { ListItem } from './split-list-items.ts';

export interface ResolvedMember {
  member: ListMember;
  country: Country | null;
}

// Typographic apostrophes ("Ma’anshan") become the ASCII one pinyin names use.
// A word hyphenated at a line break ("Gelsen-\nkirchen") is joined again.
const normaliseRaw = (raw: string) => raw.replace(/[’‘ʼ`´]/g, "'").replace(/-[ \t]*\n\s*(?=\p{Ll})/gu, '').replace(/\s+/g, ' ').trim();
// What a network member's name is without article, generic noun and quotes: "Drei gewinnt".
const GENERIC_LEAD = /^(?:(?:der|die|das|dem|den|the)\s+)?(?:Städtenetzwerk|Netzwerk|Städteverbund|Verbund|Städtebund|Kooperationsraum|network(?:\s+of)?)?\s*/iu;
const cleanName = (raw: string) => normaliseRaw(raw).replace(GENERIC_LEAD, '').replace(/[„“”"‚‘«»]/gu, '').trim();
const PREFIX = /^(?:Bezirk|Stadtbezirk|Stadt|Landkreis|Kreis|Region|District|City\s+of|Distrikt)\s+/iu;

/** Resolve one written name, retrying without a "Bezirk"/"Stadt"/"Landkreis" prefix. */
export function resolveName(gazetteer: Gazetteer, raw: string, country: Country | null, admin1Hint: string | null = null): NameResolution {
  const name = normaliseRaw(raw);
  const first = sameNamed(gazetteer.resolve(name, { country, admin1Hint }));
  if (first.resolved && first.place) return first;
  const stripped = name.replace(PREFIX, '');
  if (stripped !== name) {
    const second = sameNamed(gazetteer.resolve(stripped, { country, admin1Hint }));
    if (second.resolved && second.place) return second;
  }
  return first;
}

/** Namesakes ("Taizhou" in Zhejiang and in Jiangsu) share one canonical name: the name is resolved, the place is not. */
function sameNamed(resolution: NameResolution): NameResolution {
  if (resolution.resolved || resolution.candidates.length < 2) return resolution;
  const names = new Set(resolution.candidates.map((p) => p.name));
  if (names.size !== 1) return resolution;
  return { ...resolution, resolved: true, place: resolution.candidates[0]! };
}

// "Esslingen (district)", "Kleve (Kreis)": a bracket that only names the type picks the Kreis of that name.
const DISTRICT_SUFFIX = /^(?:the\s+)?(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)\s+(?:district|county|rural\s+district)$/u;
const DISTRICT_TYPE = /^(?:district|county|Kreis|Landkreis|Lkr\.?|LK|rural\s+district)$/iu;

/** The Kreis a name with a type bracket stands for, or null when the bracket is no type or no Kreis bears the name. */
function districtOf(gazetteer: Gazetteer, item: ListItem): ListMember | null {
  const typed = item.inner.length === 1 && DISTRICT_TYPE.test(item.inner[0]!.raw.trim());
  // "Rhein-Sieg district", "Esslingen district": the type written after the name.
  const suffixed = !typed && !item.district ? DISTRICT_SUFFIX.exec(normaliseRaw(item.raw)) : null;
  if (!typed && !item.district && !suffixed) return null;
  // "the German district of Kleve in North Rhine-Westphalia": the name without what it carries after it.
  const base = (suffixed ? suffixed[1]! : normaliseRaw(typed ? item.base.raw : item.raw)).replace(/\s+(?:in|im)\s+.*$/u, '');
  const district = [...gazetteer.resolve(base, { country: 'DE' }).candidates, ...gazetteer.byName(`Landkreis ${base}`, 'DE'), ...gazetteer.byName(`Kreis ${base}`, 'DE'), ...gazetteer.byName(`${base}-Kreis`, 'DE')]
    .find((p) => p.type === 'district');
  return district ? { name: district.name, raw: item.raw, resolved: true } : null;
}

/** One list item as a member; `places` for a region or network with its towns in brackets; `admin1Hint` picks among namesakes (a roster's Land column). */
export function resolveListItem(gazetteer: Gazetteer, item: ListItem, country: Country | null, admin1Hint: string | null = null): ResolvedMember {
  const district = districtOf(gazetteer, item);
  if (district) return { member: district, country: 'DE' };
  const whole = resolveName(gazetteer, item.raw, country, admin1Hint);
  if (whole.resolved && whole.place && (item.inner.length === 0 || isCityLike(whole.place))) {
    // "Halle (Saale)" names one town; a bracket that resolves as part of the name is no sub-list.
    if (item.inner.length === 0 || !item.inner.every((i) => resolveName(gazetteer, i.raw, country).resolved)) {
      return { member: { name: whole.place.name, raw: item.raw, resolved: true }, country: whole.place.country };
    }
  }
  const base = item.inner.length ? resolveName(gazetteer, item.base.raw, country) : whole;
  const member: ListMember = base.resolved && base.place
    ? { name: base.place.name, raw: item.raw, resolved: true }
    : item.inner.length
      // A region or network is named as written; a suggestion would pick some namesake town.
      ? { name: cleanName(item.base.raw), raw: item.raw, resolved: false, suggestion: null }
      : { name: base.suggestion ?? cleanName(item.base.raw), raw: item.raw, resolved: false, suggestion: base.suggestion ?? null };
  const places = item.inner.flatMap((i) => {
    const r = resolveName(gazetteer, i.raw, country);
    return r.resolved && r.place ? [r.place.name] : [];
  });
  // Only towns make a member's places; "Fulda (Region)" is Fulda.
  if (places.length) {
    member.places = places;
    // A region or network whose towns all resolve is identified by them, even when its own name is not in the gazetteer.
    if (!member.resolved && places.length === item.inner.length) {
      member.resolved = true;
      delete member.suggestion;
    }
  }
  // A misspelt name has the country of the name it is taken for, so a list of both countries still splits by it.
  return { member, country: base.place?.country ?? (member.suggestion ? countryOfName(gazetteer, member.suggestion) : null) };
}

/** The one country places of this canonical name lie in, else null. */
function countryOfName(gazetteer: Gazetteer, name: string): Country | null {
  const countries = new Set(gazetteer.byName(name).map((p) => p.country));
  return countries.size === 1 ? [...countries][0]! : null;
}
