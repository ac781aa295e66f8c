import type { MemberCountClaim, MembershipEventClaim, MemberListClaim, CountQualifier } from '../../../core/claim.ts';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';
import {
  compareDates, effectiveDate, evidenceIds, ofKind, sourceLabel, timeline, timelinePoint,
  type DraftTimelinePoint, type FlagDraft, type ReconcileRule,
} from '../flag-draft.ts';

type CountClaim = ClaimWithSource & { claim: MemberCountClaim };
type EventClaim = ClaimWithSource & { claim: MembershipEventClaim };
type ListClaim = ClaimWithSource & { claim: MemberListClaim };

/** Units that all count members of the alliance ("Städte", "Mitglieder", "Städte und Regionen"). */
const MEMBER_UNITS = new Set(['cities', 'members', 'municipalities', 'regions']);

/** A count on the axis: the range of totals its wording allows ("über 40" is 41 and up). */
interface CountPoint {
  claim: CountClaim;
  date: string;
  lo: number;
  hi: number;
}

/** Statements about one moment: same month or finer, with no admission or exit between them. */
interface Moment {
  date: string;
  points: CountPoint[];
  lo: number;
  hi: number;
  /** Sources about this moment disagree: flagged by itself, left out of the series checks. */
  disagrees: boolean;
}

/** An admission or exit on the axis, from an event claim or an admissions list. */
interface Change {
  claim: ClaimWithSource;
  date: string;
  city: string;
  direction: 1 | -1;
}

export function countRange(count: number, qualifier: CountQualifier): { lo: number; hi: number } {
  switch (qualifier) {
    case 'exact': return { lo: count, hi: count };
    case 'more_than': return { lo: count + 1, hi: Infinity };
    case 'at_least': return { lo: count, hi: Infinity };
    case 'about': return { lo: Math.floor(count * 0.9), hi: Math.ceil(count * 1.1) };
    case 'at_most': return { lo: 0, hi: count };
    case 'less_than': return { lo: 0, hi: count - 1 };
  }
}

const rangeText = (p: { lo: number; hi: number }) => (p.lo === p.hi ? String(p.lo) : p.hi === Infinity ? `over ${p.lo - 1}` : p.lo === 0 ? `up to ${p.hi}` : `${p.lo}–${p.hi}`);

/**
 * The membership timeline of one organisation and country: member counts placed on the axis by
 * their as-of dates, with the admissions and exits reported between them. Checks, in this order:
 * - same-time disagreement: sources about one moment whose values cannot both hold ("über 40"
 *   agrees with 47);
 * - outlier: a value its two neighbours contradict while they agree with each other;
 * - unexplained change: a fall with no exit reported, a rise larger than the admissions reported;
 * - otherwise growth the dates explain is shown once as explained, never as a conflict.
 */
export const countTimeline: ReconcileRule = ({ claims, gazetteer }) => {
  const foundingDate = foundingDateOf(claims);
  const series = new Map<string, CountPoint[]>();
  for (const c of ofKind(claims, 'member_count')) {
    const { country, scope, unit } = c.claim;
    // Admissions at an event count newcomers, not the membership; a total without a country mixes two series.
    if (country === null || scope === 'event') continue;
    // A founding figure speaks for the founding, never for the date of the text that recalls it.
    const date = scope === 'founding' ? (c.claim.asOf ?? foundingDate.get(c.claim.subject) ?? null) : effectiveDate(c);
    if (!date) continue;
    const family = MEMBER_UNITS.has(unit) ? 'members' : unit;
    const key = [c.claim.subject, country, family].join('|');
    series.set(key, [...(series.get(key) ?? []), { claim: c, date, ...countRange(c.claim.count, c.claim.qualifier) }]);
  }
  const changes = membershipChanges(claims, gazetteer);
  const admissionCounts = ofKind(claims, 'member_count').filter((c) => c.claim.scope === 'event' && c.claim.qualifier === 'exact');

  const drafts: FlagDraft[] = [];
  for (const [key, points] of [...series].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [subject = '', country = '', family = ''] = key.split('|');
    const axis = `${subject} · ${country} · ${family}`;
    const label = (p: CountPoint) => `${rangeText(p)} ${country} ${family}`;
    const countryChanges = changes.filter((ch) => ch.claim.claim.kind !== 'member_count' && (ch.city === '' || countryOf(ch.city, gazetteer) === country) && subjectOf(ch.claim) === subject);
    const moments = momentsOf(points, countryChanges);
    const flagged = new Set<string>();
    const contextPoints = (except: Set<string>, from?: string, to?: string): DraftTimelinePoint[] => [
      ...points.filter((p) => !except.has(p.claim.id)).map((p) => timelinePoint(p.claim, p.date, p.claim.claim.count, label(p), 'context')),
      ...countryChanges.filter((ch) => (!from || compareDates(ch.date, from) >= 0) && (!to || compareDates(ch.date, to) <= 0))
        .map((ch) => timelinePoint(ch.claim, ch.date, null, `${ch.city} ${ch.direction > 0 ? 'admitted' : 'left'}`, 'event')),
    ];

    // Same-time disagreement.
    for (const moment of moments.filter((m) => m.disagrees)) {
      const groups = valueGroups(moment.points);
      const documents = (g: CountPoint[]) => new Set(g.map((p) => p.claim.documentId)).size;
      const sortedGroups = [...groups].sort((a, b) => documents(b) - documents(a));
      const majority = sortedGroups[0] && sortedGroups[1] && documents(sortedGroups[0]) > documents(sortedGroups[1]) ? sortedGroups[0] : null;
      const wrong = majority ? moment.points.filter((p) => !majority.includes(p)) : [];
      const allExact = moment.points.every((p) => p.lo === p.hi);
      const describe = (p: CountPoint) => `${rangeText(p)} (${sourceLabel(p.claim)}, ${p.date})`;
      const ordered = [...moment.points].sort((a, b) => a.lo - b.lo || compareDates(a.date, b.date) || (a.claim.url < b.claim.url ? -1 : 1));
      moment.points.forEach((p) => flagged.add(p.claim.id));
      drafts.push({
        kind: 'count_same_time_disagreement',
        severity: allExact ? 'contradiction' : 'discrepancy',
        subject,
        key: [subject, country, family, 'same-time', moment.date.slice(0, 7)].join('|'),
        explanation: `${subject} ${country} ${family} around ${moment.date.slice(0, 7)}: ${ordered.map(describe).join(' vs ')} — sources about the same moment disagree${majority && wrong.length === 1 ? `; ${rangeText(wrong[0]!)} is outvoted` : ''}`,
        details: {
          country, unit: family, moment: moment.date.slice(0, 7),
          values: ordered.map((p) => ({ claimId: Number(p.claim.id), count: p.claim.claim.count, qualifier: p.claim.claim.qualifier, asOf: p.date })),
          timeline: timeline(axis, [
            ...moment.points.map((p) => timelinePoint(p.claim, p.date, p.claim.claim.count, label(p), majority && majority.includes(p) ? 'outvoting' : 'conflicting')),
            ...contextPoints(new Set(moment.points.map((p) => p.claim.id))),
          ], family),
          likelyWrong: majority && wrong.length === 1 ? { claimId: Number(wrong[0]!.claim.id), reason: `${documents(majority)} other sources give ${rangeText(majority[0]!)} for the same moment` } : null,
        },
        claimIds: evidenceIds(moment.points.map((p) => p.claim)),
      });
    }

    // Outliers and unexplained changes along the series of moments that agree within themselves.
    const steady = moments.filter((m) => !m.disagrees);
    const outliers = new Set<Moment>();
    for (let i = 1; i + 1 < steady.length; i++) {
      const [before, moment, after] = [steady[i - 1]!, steady[i]!, steady[i + 1]!];
      const ordered = compareDates(moment.date, before.date) > 0 && compareDates(after.date, moment.date) > 0;
      const neighboursAgree = ordered && !falls(before, after, countryChanges) && !risesTooMuch(before, after, countryChanges, admissionCounts, country);
      const tooHigh = moment.lo > after.hi && !explainedFall(moment, after, countryChanges);
      const tooLow = before.lo > moment.hi && !explainedFall(before, moment, countryChanges);
      if (!neighboursAgree || !(tooHigh || tooLow)) continue;
      outliers.add(moment);
      const outvoting = [...before.points, ...after.points];
      const admitted = between(countryChanges, before.date, after.date).filter((ch) => ch.direction > 0);
      moment.points.forEach((p) => flagged.add(p.claim.id));
      const first = moment.points[0]!;
      drafts.push({
        kind: 'count_outlier',
        severity: 'discrepancy',
        subject,
        key: [subject, country, family, 'outlier', first.claim.url, first.claim.claim.count].join('|'),
        explanation: `${subject} ${country} ${family}: ${rangeText(moment)} on ${moment.date} (${sourceLabel(first.claim)}) does not fit between ${rangeText(before)} on ${before.date} and ${rangeText(after)} on ${after.date}${admitted.length ? ` with ${admitted.length} admission(s) reported between them` : ''}`,
        details: {
          country, unit: family,
          timeline: timeline(axis, [
            ...moment.points.map((p) => timelinePoint(p.claim, p.date, p.claim.claim.count, label(p), 'conflicting')),
            ...outvoting.map((p) => timelinePoint(p.claim, p.date, p.claim.claim.count, label(p), 'outvoting')),
            ...contextPoints(new Set([...moment.points, ...outvoting].map((p) => p.claim.id)), before.date, after.date),
          ], family),
          likelyWrong: { claimId: Number(first.claim.id), reason: `its neighbours ${rangeText(before)} (${before.date}) and ${rangeText(after)} (${after.date}) agree with each other${admitted.length ? ` and with the ${admitted.length} admission(s) reported between them` : ''}` },
        },
        claimIds: evidenceIds([...moment.points, ...outvoting].map((p) => p.claim)),
      });
    }
    const series2 = steady.filter((m) => !outliers.has(m));
    for (let i = 1; i < series2.length; i++) {
      const [before, after] = [series2[i - 1]!, series2[i]!];
      const fall = falls(before, after, countryChanges);
      const rise = risesTooMuch(before, after, countryChanges, admissionCounts, country);
      if (!fall && !rise) continue;
      const involved = [...before.points, ...after.points];
      involved.forEach((p) => flagged.add(p.claim.id));
      const admitted = between(countryChanges, before.date, after.date).filter((ch) => ch.direction > 0);
      const reported = Math.max(admitted.length, admissionsBetween(admissionCounts, before.date, after.date, country));
      drafts.push({
        kind: 'count_unexplained_change',
        severity: 'discrepancy',
        subject,
        key: [subject, country, family, fall ? 'fall' : 'rise', before.date, after.date].join('|'),
        explanation: fall
          ? `${subject} ${country} ${family} fall from ${rangeText(before)} (${before.date}, ${sourceLabel(before.points[0]!.claim)}) to ${rangeText(after)} (${after.date}, ${sourceLabel(after.points[0]!.claim)}) with no exit reported between them`
          : `${subject} ${country} ${family} rise from ${rangeText(before)} (${before.date}) to ${rangeText(after)} (${after.date}), more than the ${reported} admission(s) reported between them`,
        details: {
          country, unit: family,
          timeline: timeline(axis, [
            ...before.points.map((p) => timelinePoint(p.claim, p.date, p.claim.claim.count, label(p), 'conflicting')),
            ...after.points.map((p) => timelinePoint(p.claim, p.date, p.claim.claim.count, label(p), 'conflicting')),
            ...contextPoints(new Set(involved.map((p) => p.claim.id)), before.date, after.date),
          ], family),
          likelyWrong: null,
        },
        claimIds: evidenceIds(involved.map((p) => p.claim)),
      });
    }

    // Growth the dates explain: shown once per series, for context.
    const values = new Set(series2.map((m) => `${m.lo}-${m.hi}`));
    const documents = new Set(points.map((p) => p.claim.documentId));
    if (values.size > 1 && documents.size > 1) {
      const shown = points.filter((p) => !flagged.has(p.claim.id) && series2.some((m) => m.points.includes(p)));
      const steps = series2.map((m) => `${rangeText(m)} (${m.date})`).join(' → ');
      drafts.push({
        kind: 'count_growth_explained',
        severity: 'explained',
        subject,
        key: [subject, country, family, 'growth'].join('|'),
        explanation: `${subject} ${country} ${family}: ${steps} — the dates explain the differences (the membership grew)`,
        details: {
          country, unit: family,
          timeline: timeline(axis, [
            ...shown.map((p) => timelinePoint(p.claim, p.date, p.claim.claim.count, label(p), 'explained')),
            ...contextPoints(new Set(shown.map((p) => p.claim.id))),
          ], family),
          likelyWrong: null,
        },
        claimIds: evidenceIds(shown.map((p) => p.claim)),
        initialStatus: 'explained',
      });
    }
  }
  return drafts;
};

function subjectOf(claim: ClaimWithSource): string {
  return 'subject' in claim.claim ? claim.claim.subject : '';
}

export function countryOf(city: string, gazetteer: Gazetteer): string | null {
  const countries = new Set(gazetteer.byName(city).map((p) => p.country));
  return countries.size === 1 ? [...countries][0]! : null;
}

/** The founding date of each organisation, the most precise one stated. */
export function foundingDateOf(claims: ClaimWithSource[]): Map<string, string> {
  const dates = new Map<string, string>();
  for (const event of ofKind(claims, 'event')) {
    if (event.claim.type !== 'founding' || !event.claim.date) continue;
    const known = dates.get(event.claim.subject);
    if (!known || event.claim.date.length > known.length) dates.set(event.claim.subject, event.claim.date);
  }
  return dates;
}

/** Admissions (joined, an admissions list) and exits with a date, one per city and date. */
export function membershipChanges(claims: ClaimWithSource[], _gazetteer: Gazetteer): Change[] {
  const changes = new Map<string, Change>();
  const add = (change: Change) => {
    const key = `${subjectOf(change.claim)}|${change.city}|${change.direction}|${change.date}`;
    if (!changes.has(key)) changes.set(key, change);
  };
  for (const e of ofKind(claims, 'membership_event') as EventClaim[]) {
    if (!e.claim.date || (e.claim.event !== 'joined' && e.claim.event !== 'left')) continue;
    add({ claim: e, date: e.claim.date, city: e.claim.city, direction: e.claim.event === 'joined' ? 1 : -1 });
  }
  for (const list of ofKind(claims, 'member_list') as ListClaim[]) {
    if (list.claim.scope !== 'event') continue;
    const date = effectiveDate(list);
    if (!date) continue;
    for (const m of list.claim.members) add({ claim: list, date, city: m.name, direction: 1 });
  }
  return [...changes.values()].sort((a, b) => compareDates(a.date, b.date) || (a.city < b.city ? -1 : 1));
}

/** Changes strictly after `from` and up to `to`, at the precision both give. */
function between(changes: Change[], from: string, to: string): Change[] {
  return changes.filter((ch) => compareDates(ch.date, from) > 0 && compareDates(ch.date, to) <= 0);
}

function admissionsBetween(counts: CountClaim[], from: string, to: string, country: string): number {
  return counts
    .filter((c) => (c.claim.country === country || c.claim.country === null) && c.claim.asOf && compareDates(c.claim.asOf, from) > 0 && compareDates(c.claim.asOf, to) <= 0)
    .reduce((sum, c) => sum + c.claim.count, 0);
}

function falls(before: Moment, after: Moment, changes: Change[]): boolean {
  // Two figures of one year have no order: neither can have fallen from the other.
  return compareDates(after.date, before.date) > 0 && before.lo > after.hi && !explainedFall(before, after, changes);
}

function explainedFall(before: Moment, after: Moment, changes: Change[]): boolean {
  const exits = between(changes, before.date, after.date).filter((ch) => ch.direction < 0).length;
  return exits >= before.lo - after.hi;
}

/** A rise beyond the admissions reported between, judged only where a source gives their number. */
function risesTooMuch(before: Moment, after: Moment, changes: Change[], admissionCounts: CountClaim[], country: string): boolean {
  if (compareDates(after.date, before.date) <= 0) return false;
  const counted = admissionsBetween(admissionCounts.filter((c) => c.claim.country === country), before.date, after.date, country);
  if (counted === 0) return false;
  const named = between(changes, before.date, after.date).filter((ch) => ch.direction > 0).length;
  return after.lo - before.hi > Math.max(counted, named);
}

/** Groups points by compatible values: each group's ranges overlap. */
function valueGroups(points: CountPoint[]): CountPoint[][] {
  const groups: Array<{ lo: number; hi: number; points: CountPoint[] }> = [];
  for (const p of [...points].sort((a, b) => (a.lo === a.hi ? 0 : 1) - (b.lo === b.hi ? 0 : 1) || a.lo - b.lo)) {
    const group = groups.find((g) => Math.max(g.lo, p.lo) <= Math.min(g.hi, p.hi));
    if (group) {
      group.lo = Math.max(group.lo, p.lo);
      group.hi = Math.min(group.hi, p.hi);
      group.points.push(p);
    } else groups.push({ lo: p.lo, hi: p.hi, points: [p] });
  }
  return groups.map((g) => g.points);
}

/**
 * Moments of the axis: points of the same month or a finer common date, unless a reported
 * admission or exit lies between them. A year alone is no moment (members join within a year).
 */
function momentsOf(points: CountPoint[], changes: Change[]): Moment[] {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.claim.url < b.claim.url ? -1 : a.claim.url > b.claim.url ? 1 : Number(a.claim.id) - Number(b.claim.id)));
  const moments: Moment[] = [];
  for (const p of sorted) {
    const last = moments.at(-1);
    const sameMoment = last && last.points.every((q) => sameTime(p.date, q.date) && !changes.some((ch) => strictlyBetween(ch.date, q.date, p.date)));
    if (last && sameMoment) {
      last.points.push(p);
      continue;
    }
    moments.push({ date: p.date, points: [p], lo: p.lo, hi: p.hi, disagrees: false });
  }
  for (const m of moments) {
    m.lo = Math.max(...m.points.map((p) => p.lo));
    m.hi = Math.min(...m.points.map((p) => p.hi));
    m.disagrees = m.lo > m.hi;
    // One document giving two figures for one moment tells a change ("from 21 to 23 with the new members"), no disagreement.
    if (m.disagrees && new Set(m.points.map((p) => p.claim.documentId)).size === 1) {
      m.disagrees = false;
      m.lo = m.hi = Math.max(...m.points.map((p) => p.lo));
    } else if (m.disagrees) {
      m.lo = Math.min(...m.points.map((p) => p.lo));
      m.hi = Math.max(...m.points.map((p) => p.hi));
    }
    // The most precise date stated for the moment names it.
    m.date = m.points.map((p) => p.date).sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0]!;
  }
  return moments;
}

/** The same month; a year alone is no moment. */
function sameTime(a: string, b: string): boolean {
  return a.length >= 7 && b.length >= 7 && a.slice(0, 7) === b.slice(0, 7);
}

function strictlyBetween(date: string, a: string, b: string): boolean {
  const [from, to] = a <= b ? [a, b] : [b, a];
  // Only a change dated more precisely than the month can fall between two statements of one month.
  return date.length >= 10 && from.length >= 10 && to.length >= 10 && date > from && date < to;
}
