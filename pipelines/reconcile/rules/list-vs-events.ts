import type { MemberListClaim, MembershipEventClaim } from '../../../core/claim.ts';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';
import {
  compareDates, effectiveDate, evidenceIds, isLater, ofKind, sourceLabel, timeline, timelinePoint,
  type FlagDraft, type ReconcileRule,
} from '../flag-draft.ts';
import { countryOf, foundingDateOf } from './count-timeline.ts';

type ListClaim = ClaimWithSource & { claim: MemberListClaim };
type EventClaim = ClaimWithSource & { claim: MembershipEventClaim };

interface DatedList {
  list: ListClaim;
  date: string;
  names: Set<string>;
  /** States its size and names at least that many: every member is there. */
  complete: boolean;
}

/**
 * Member lists against membership events, one organisation at a time:
 * - a member listed before its admission (a founding list naming a city that joined a year later);
 * - an admitted member missing from a complete list published after the admission;
 * - a member that later complete lists drop with no exit reported;
 * - a member listed after it left;
 * - one city's admission dated differently by two sources.
 * One flag per organisation, city and finding.
 */
export const listVsEvents: ReconcileRule = ({ claims, gazetteer }) => {
  const founding = foundingDateOf(claims);
  const lists: DatedList[] = [];
  for (const list of ofKind(claims, 'member_list') as ListClaim[]) {
    if (list.claim.scope === 'event') continue;
    const date = list.claim.scope === 'founding' ? (list.claim.asOf ?? founding.get(list.claim.subject) ?? null) : effectiveDate(list);
    if (!date) continue;
    // A grouped item ("Region Lahr-Freiburg-Schwarzwald", "Raunheim Kelsterbach") covers the places it names.
    const names = new Set(list.claim.members.flatMap((m) => [m.name, ...(m.resolved ? [] : placesInName(m.raw, gazetteer))]));
    const complete = list.claim.scope === 'current' && list.claim.statedCount !== null && list.claim.members.length >= list.claim.statedCount;
    lists.push({ list, date, names, complete });
  }
  const events = (ofKind(claims, 'membership_event') as EventClaim[]).filter((e) => e.claim.date);
  const drafts: FlagDraft[] = [];
  const subjects = [...new Set([...lists.map((l) => l.list.claim.subject), ...events.map((e) => e.claim.subject)])].sort();
  for (const subject of subjects) {
    const subjectLists = lists.filter((l) => l.list.claim.subject === subject);
    const subjectEvents = events.filter((e) => e.claim.subject === subject);
    const cities = [...new Set([...subjectLists.flatMap((l) => [...l.names]), ...subjectEvents.map((e) => e.claim.city)])].sort();
    for (const city of cities) {
      const joins = subjectEvents.filter((e) => e.claim.city === city && e.claim.event === 'joined');
      const exits = subjectEvents.filter((e) => e.claim.city === city && e.claim.event === 'left');
      const listing = subjectLists.filter((l) => l.names.has(city));
      const country = countryOf(city, gazetteer);
      const point = (c: ClaimWithSource, date: string, label: string, role: 'conflicting' | 'outvoting' | 'context' | 'event') => timelinePoint(c, date, null, label, role);
      const axis = `${subject} · ${city}`;

      // Admission dated differently by two sources (at the precision both give).
      const disagreeing = joins.filter((a) => joins.some((b) => b.documentId !== a.documentId && compareDates(a.claim.date!, b.claim.date!) !== 0));
      if (disagreeing.length > 0) {
        const dates = [...new Set(disagreeing.map((e) => e.claim.date!))].sort();
        drafts.push({
          kind: 'join_date_conflict',
          severity: 'discrepancy',
          subject,
          key: [subject, city, 'join-date'].join('|'),
          explanation: `${city}'s admission to ${subject} is dated ${dates.join(' and ')} by different sources (${disagreeing.map((e) => `${e.claim.date} per ${sourceLabel(e)}`).sort().join('; ')})`,
          details: { city, dates, timeline: timeline(axis, disagreeing.map((e) => point(e, e.claim.date!, `${city} admitted`, 'conflicting'))), likelyWrong: null },
          claimIds: evidenceIds(disagreeing),
        });
      }

      // Listed before its admission: the earliest admission any source gives is after the list's date.
      const earliestJoin = [...joins].sort((a, b) => compareDates(a.claim.date!, b.claim.date!) || (a.claim.date!.length - b.claim.date!.length))[0];
      if (earliestJoin) {
        const early = listing.filter((l) => isLater(earliestJoin.claim.date!, l.date) && !joins.some((j) => !isLater(j.claim.date!, l.date)));
        if (early.length > 0) {
          const foundingList = early.some((l) => l.list.claim.scope === 'founding');
          const own = joins.find((j) => isOwnRelease(j, city));
          const outvoting = joins.filter((j) => j.documentId !== early[0]!.list.documentId);
          const likelyWrong = own
            ? { claimId: Number(early[0]!.list.id), reason: `${city}'s own release dates its admission ${own.claim.date}` }
            : outvoting.length >= 2 ? { claimId: Number(early[0]!.list.id), reason: `${outvoting.length} sources date ${city}'s admission after the list` } : null;
          drafts.push({
            kind: foundingList ? 'founding_vs_joined_later' : 'listed_before_joining',
            severity: 'contradiction',
            subject,
            key: [subject, city].join('|'),
            explanation: foundingList
              ? `${city} is listed among the founding members (${early[0]!.date}, ${sourceLabel(early[0]!.list)}) but joined on ${earliestJoin.claim.date} per ${sourceLabel(earliestJoin)}; one of them is wrong`
              : `${city} is listed as a member on ${early[0]!.date} (${sourceLabel(early[0]!.list)}) before its admission on ${earliestJoin.claim.date} per ${sourceLabel(earliestJoin)}`,
            details: {
              city, listed: early.map((l) => l.date).sort(), joined: earliestJoin.claim.date,
              timeline: timeline(axis, [
                ...early.map((l) => point(l.list, l.date, `${city} listed`, 'conflicting')),
                ...joins.map((j) => point(j, j.claim.date!, `${city} admitted`, 'conflicting')),
              ]),
              likelyWrong,
            },
            claimIds: evidenceIds([...early.map((l) => l.list), ...joins]),
          });
        }
      }

      // Admitted, then missing from a complete list published after the admission.
      const exitBetween = (from: string, to: string) => exits.some((e) => compareDates(e.claim.date!, from) >= 0 && compareDates(e.claim.date!, to) <= 0);
      let missingFlagged = false;
      if (earliestJoin && country) {
        const missing = subjectLists.filter((l) => l.complete && l.list.claim.country === country && !l.names.has(city)
          && isLater(l.date, earliestJoin.claim.date!) && !exitBetween(earliestJoin.claim.date!, l.date));
        if (missing.length > 0) {
          missingFlagged = true;
          drafts.push({
            kind: 'admitted_missing_from_list',
            severity: 'discrepancy',
            subject,
            key: [subject, city, 'missing-after-admission'].join('|'),
            explanation: `${city} was admitted on ${earliestJoin.claim.date} (${sourceLabel(earliestJoin)}) but is missing from the complete list of ${missing[0]!.date} (${sourceLabel(missing[0]!.list)}), and no exit is reported`,
            details: {
              city, joined: earliestJoin.claim.date, lists: missing.map((l) => l.date).sort(),
              timeline: timeline(axis, [point(earliestJoin, earliestJoin.claim.date!, `${city} admitted`, 'conflicting'), ...missing.map((l) => point(l.list, l.date, `${city} not listed`, 'conflicting'))]),
              likelyWrong: null,
            },
            claimIds: evidenceIds([earliestJoin, ...missing.map((l) => l.list)]),
          });
        }
      }

      // Listed, then dropped by a later complete list with no exit.
      if (!missingFlagged && listing.length > 0 && country) {
        const firstListed = [...listing].sort((a, b) => compareDates(a.date, b.date))[0]!;
        const dropping = subjectLists.filter((l) => l.complete && l.list.claim.country === country && !l.names.has(city)
          && isLater(l.date, firstListed.date) && !exitBetween(firstListed.date, l.date)
          && !joins.some((j) => isLater(j.claim.date!, firstListed.date)));
        if (dropping.length > 0) {
          drafts.push({
            kind: 'dropped_without_exit',
            severity: 'discrepancy',
            subject,
            key: [subject, city, 'dropped'].join('|'),
            explanation: `${city} is listed as a member on ${firstListed.date} (${sourceLabel(firstListed.list)}) but missing from the complete list of ${dropping[0]!.date} (${sourceLabel(dropping[0]!.list)}), and no exit is reported`,
            details: {
              city, listed: firstListed.date, droppedBy: dropping.map((l) => l.date).sort(),
              timeline: timeline(axis, [point(firstListed.list, firstListed.date, `${city} listed`, 'conflicting'), ...dropping.map((l) => point(l.list, l.date, `${city} not listed`, 'conflicting'))]),
              likelyWrong: null,
            },
            claimIds: evidenceIds([firstListed.list, ...dropping.map((l) => l.list)]),
          });
        }
      }

      // Listed after it left, with no new admission.
      for (const exit of exits) {
        const later = listing.filter((l) => l.list.claim.scope !== 'founding' && isLater(l.date, exit.claim.date!));
        const rejoined = joins.some((j) => isLater(j.claim.date!, exit.claim.date!));
        if (later.length === 0 || rejoined) continue;
        drafts.push({
          kind: 'listed_after_leaving',
          severity: 'discrepancy',
          subject,
          key: [subject, city, exit.claim.date].join('|'),
          explanation: `${city} left ${subject} on ${exit.claim.date} per ${sourceLabel(exit)} but is listed as a member later (${later.map((l) => `${l.date}, ${sourceLabel(l.list)}`).sort().join('; ')})`,
          details: {
            city, left: exit.claim.date,
            timeline: timeline(axis, [point(exit, exit.claim.date!, `${city} left`, 'conflicting'), ...later.map((l) => point(l.list, l.date, `${city} listed`, 'conflicting'))]),
            likelyWrong: null,
          },
          claimIds: evidenceIds([exit, ...later.map((l) => l.list)]),
        });
      }
    }
  }
  return drafts;
};

/** Known places among the parts of an unresolved list item. */
export function placesInName(raw: string, gazetteer: Gazetteer): string[] {
  return raw.split(/[\s\-–/,]+/).filter((part) => /^\p{Lu}/u.test(part)).flatMap((part) => {
    const resolution = gazetteer.resolve(part);
    return resolution.resolved && resolution.place && resolution.place.name === part ? [resolution.place.name] : [];
  });
}

/** A release by the city itself (its name in the host: koeln.de, stadt-koeln.de, lahr.de). */
function isOwnRelease(claim: ClaimWithSource, city: string): boolean {
  const ascii = city.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss').replace(/[^a-z]/g, '');
  const alt = city.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '');
  try {
    const host = new URL(claim.url).host.toLowerCase().replace(/[^a-z]/g, '');
    // A site served under a path prefix (/koeln/…, /h/koeln.de/…) names its host in the first parts.
    const parts = new URL(claim.url).pathname.split('/').slice(1, 3).map((p) => p.toLowerCase().split('.')[0]!.replace(/[^a-z]/g, ''));
    return [ascii, alt].some((name) => name.length > 2 && (host.includes(name) || parts.some((p) => p === name || p === `stadt${name}`)));
  } catch {
    return false;
  }
}
