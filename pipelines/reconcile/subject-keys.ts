import type { Claim } from '../../core/claim.ts';
import type { ClaimSubjects } from '../../sql/queries/claims.ts';

/** What a reconcile rule checks at a time: an organisation, a city's attributes, a city's partnerships. */
export type SubjectKind = 'org' | 'city' | 'partner' | 'any';

/**
 * The subject a claim is checked in, as `org:ISA`, `city:Foshan` or `partner:Nürnberg` (the first
 * of the two cities, sorted, owns a partnership). A run re-checks the subjects its claims touch.
 */
export function subjectKeyOf(kind: string, subject: string | null): string | null {
  if (subject === null) return null;
  switch (kind) {
    case 'member_count':
    case 'member_list':
    case 'membership_event':
    case 'event':
      return `org:${subject}`;
    case 'city_attribute':
      return `city:${subject}`;
    case 'partnership':
      return `partner:${[...subject.split('|')].sort()[0]}`;
    default:
      return null;
  }
}

/** Every subject key a claim touches: a partnership touches both cities' partnership subjects. */
export function subjectKeysOf(kind: string, subject: string | null): string[] {
  if (kind === 'partnership' && subject) return subject.split('|').map((city) => `partner:${city}`);
  const key = subjectKeyOf(kind, subject);
  return key ? [key] : [];
}

export function claimSubjectKey(claim: Claim): string | null {
  switch (claim.kind) {
    case 'city_attribute':
      return subjectKeyOf(claim.kind, claim.city);
    case 'partnership':
      return subjectKeyOf(claim.kind, claim.cities.join('|'));
    default:
      return subjectKeyOf(claim.kind, claim.subject);
  }
}

export function parseSubjectKey(key: string): { kind: Exclude<SubjectKind, 'any'>; name: string } | null {
  const match = /^(org|city|partner):(.*)$/s.exec(key);
  return match ? { kind: match[1] as 'org' | 'city' | 'partner', name: match[2]! } : null;
}

/** The claims query's filter for a set of subject keys. */
export function claimSubjectsOf(keys: Iterable<string>): ClaimSubjects {
  const subjects: ClaimSubjects = { orgs: [], cities: [], partners: [] };
  for (const key of keys) {
    const parsed = parseSubjectKey(key);
    if (!parsed) continue;
    if (parsed.kind === 'org') subjects.orgs.push(parsed.name);
    else if (parsed.kind === 'city') subjects.cities.push(parsed.name);
    else subjects.partners.push(parsed.name);
  }
  return subjects;
}
