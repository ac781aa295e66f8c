/**
 * One claim per fact and document: the same membership event, partnership, attribute or count
 * found by several sentences ("Köln tritt … bei" in the title, "Köln ist … beigetreten", "Die
 * Aufnahme … am 24. April 2017") is merged, keeping the most precise date and its evidence.
 */
import type { Claim } from '../../core/claim.ts';
import type { Refiner } from '../parser.ts';

function keyOf(claim: Claim): string {
  switch (claim.kind) {
    case 'member_count':
      return [claim.kind, claim.subject, claim.country, claim.count, claim.unit, claim.qualifier, claim.scope].join('|');
    case 'member_list':
      return [claim.kind, claim.subject, claim.country, claim.members.map((m) => m.name).join(',')].join('|');
    case 'membership_event':
      return [claim.kind, claim.subject, claim.city, claim.event].join('|');
    case 'partnership':
      return [claim.kind, ...claim.cities].join('|');
    case 'city_attribute':
      return [claim.kind, claim.city, claim.attribute, claim.value].join('|');
    case 'event':
      return [claim.kind, claim.type, claim.subject, claim.ordinal ?? '', claim.type === 'visit' ? claim.place : '', claim.date ?? ''].join('|');
  }
}

const precision = (d: string | null | undefined) => (d ? d.length : 0);

/** The date field that decides which duplicate to keep. */
function dateOf(claim: Claim): string | null {
  if (claim.kind === 'membership_event' || claim.kind === 'event') return claim.date;
  if (claim.kind === 'partnership') return claim.since;
  return null;
}

// A partnership's relation: the specific bond beats the generic agreement when one pair has both.
const RELATION_RANK = { partner_city: 4, friendship_city: 3, friendship_treaty: 2, cooperation_agreement: 1 } as const;

export const dedupeClaims: Refiner = {
  name: 'dedupe-claims',
  refine(claims) {
    const kept = new Map<string, Claim>();
    for (const claim of claims) {
      const key = keyOf(claim);
      // An undated mention of a twinning joins the dated twinning of its pair, not the earlier agreement it would re-date.
      const sameBond = claim.kind === 'partnership' ? sameBondOf(kept, key, claim) : undefined;
      if (sameBond && claim.kind === 'partnership') {
        const [bondKey, bond] = sameBond;
        if (precision(claim.since) > precision(bond.since)) kept.set(bondKey, { ...bond, since: claim.since, evidence: claim.evidence });
        continue;
      }
      const existing = kept.get(key);
      if (!existing) {
        kept.set(key, claim);
        continue;
      }
      if (existing.kind === 'partnership' && claim.kind === 'partnership') {
        // Two signings on different dates (an agreement in 2001, the partnership treaty in 2004) are two facts of one pair.
        if (existing.since && claim.since && !existing.since.startsWith(claim.since) && !claim.since.startsWith(existing.since)) {
          if (!kept.has(`${key}|${claim.since}`)) kept.set(`${key}|${claim.since}`, claim);
          continue;
        }
        const better = RELATION_RANK[claim.relation] > RELATION_RANK[existing.relation] ? claim : existing;
        const since = precision(claim.since) > precision(existing.since) ? claim.since : existing.since;
        kept.set(key, { ...better, since, evidence: precision(claim.since) > precision(existing.since) ? claim.evidence : better.evidence });
        continue;
      }
      if (precision(dateOf(claim)) > precision(dateOf(existing))) kept.set(key, claim);
    }
    return dropUndatedEvents(dropContainedLists([...kept.values()]));
  },
};

/** The kept partnership of the same pair and relation whose date fits the claim's (equal at their common precision, or one undated). */
function sameBondOf(kept: Map<string, Claim>, key: string, claim: Extract<Claim, { kind: 'partnership' }>): [string, Extract<Claim, { kind: 'partnership' }>] | undefined {
  const fits = (a: string | null, b: string | null) => !a || !b || a.startsWith(b) || b.startsWith(a);
  for (const [k, c] of kept) {
    if ((k === key || k.startsWith(`${key}|`)) && c.kind === 'partnership' && c.relation === claim.relation && fits(c.since, claim.since)) return [k, c];
  }
  return undefined;
}

/**
 * "Ingolstadt bei der Plenarversammlung …" in a title and "am Montag bei der zweiten
 * Plenarversammlung" in the text are one event: an undated event gives way to a dated one of
 * the same type and subject unless their ordinals differ.
 */
function dropUndatedEvents(claims: Claim[]): Claim[] {
  const events = claims.filter((c) => c.kind === 'event');
  return claims.filter((claim) => {
    if (claim.kind !== 'event' || claim.date !== null) return true;
    return !events.some((other) => other !== claim && other.kind === 'event' && other.date !== null && other.type === claim.type
      && other.subject === claim.subject && (claim.ordinal === null || other.ordinal === null || claim.ordinal === other.ordinal));
  });
}

/**
 * Two rules may read one enumeration ("The founding cities … were Foshan, Guiyang, …" is a verb
 * list and the founding statement's subjects): a list whose members all stand in a longer list
 * over the same stretch of text is the same list read short.
 */
function dropContainedLists(claims: Claim[]): Claim[] {
  const lists = claims.filter((c) => c.kind === 'member_list');
  return claims.filter((claim) => {
    if (claim.kind !== 'member_list') return true;
    const names = claim.members.map((m) => m.name);
    return !lists.some((other) => other !== claim && other.kind === 'member_list'
      && other.evidence.start < claim.evidence.end && claim.evidence.start < other.evidence.end
      && other.members.length > names.length
      && names.every((n) => other.members.some((m) => m.name === n)));
  });
}
