import type { CityAttributeClaim, CountQualifier } from '../../../core/claim.ts';
import type { Gazetteer, Place } from '../../../extractors/gazetteer/gazetteer-types.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';
import { documentDateOf, evidenceIds, ofKind, sourceLabel, timeline, timelinePoint, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';
import { directionsOf, regionOfProvince, regionsAgree } from './china-regions.ts';

type AttributeClaim = ClaimWithSource & { claim: CityAttributeClaim };

/** Attributes that place a city; a city has one of each (population varies and is checked apart). */
const PLACING = new Set(['province', 'state', 'capital_of', 'district_of', 'region']);

/** The capitals of the two countries, by the names a capital_of claim gives the country. */
const NATIONAL_CAPITALS: Record<string, string> = { China: 'Beijing', 'Volksrepublik China': 'Beijing', Deutschland: 'Berlin', Germany: 'Berlin' };

/** How far two population figures may differ at the same as-of, and how much more per year between them. */
export const POPULATION_TOLERANCE = { base: 0.02, perYear: 0.02, max: 0.15 };

/**
 * Attributes of one city across sources and against the gazetteer: province or state, capital,
 * district, region (a province implies its region), and population with a tolerance that widens
 * with the years between the figures. One flag per city for where it lies, one for its population,
 * citing the statements that disagree and those (and the gazetteer) that outvote them.
 */
export const attributeConflict: ReconcileRule = ({ claims, gazetteer }) => {
  const byCity = new Map<string, AttributeClaim[]>();
  for (const claim of ofKind(claims, 'city_attribute')) byCity.set(claim.claim.city, [...(byCity.get(claim.claim.city) ?? []), claim]);
  const drafts: FlagDraft[] = [];
  for (const [city, cityClaims] of [...byCity].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const placing = cityClaims.filter((c) => PLACING.has(c.claim.attribute));
    if (placing.length) drafts.push(...placementConflict(city, placing, gazetteer));
    const population = cityClaims.filter((c) => c.claim.attribute === 'population' && typeof c.claim.value === 'number');
    if (population.length > 1) drafts.push(...populationConflict(city, population));
  }
  return drafts;
};

function placementConflict(city: string, statements: AttributeClaim[], gazetteer: Gazetteer): FlagDraft[] {
  const places = gazetteer.byName(city);
  const admin1Of = (value: string) => gazetteer.admin1(value)?.name ?? value;
  const provinceClaims = statements.filter((c) => c.claim.attribute === 'province' || c.claim.attribute === 'state');
  const stated = provinceClaims.map((c) => admin1Of(String(c.claim.value)));
  // Where the city lies: the gazetteer when all its namesakes agree, else a clear majority of documents.
  const known = new Set(places.map((p) => p.admin1).filter((a): a is string => !!a));
  let truth: string | null = known.size === 1 ? [...known][0]! : null;
  let truthSource = truth ? 'the gazetteer' : '';
  if (!truth && known.size > 1) {
    const matching = stated.filter((s) => known.has(s));
    if (matching.length && new Set(matching).size === 1) truth = matching[0]!;
  }
  if (!truth) {
    const votes = new Map<string, Set<string>>();
    provinceClaims.forEach((c, i) => votes.set(stated[i]!, new Set([...(votes.get(stated[i]!) ?? []), c.documentId])));
    const ranked = [...votes].sort((a, b) => b[1].size - a[1].size);
    if (ranked[0] && (!ranked[1] || ranked[0][1].size > ranked[1][1].size) && ranked[0][1].size >= 2) {
      truth = ranked[0][0];
      truthSource = `${ranked[0][1].size} sources`;
    }
  }
  const place: Place | undefined = truth ? places.find((p) => p.admin1 === truth) ?? (places.length === 1 ? places[0] : undefined) : places.length === 1 ? places[0] : undefined;
  const wrong: Array<{ claim: AttributeClaim; why: string }> = [];
  for (const c of statements) {
    const value = String(c.claim.value);
    switch (c.claim.attribute as string) {
      case 'province':
      case 'state':
        if (truth && admin1Of(value) !== truth) wrong.push({ claim: c, why: `${c.claim.attribute} ${value}` });
        break;
      case 'capital_of': {
        const capitalOf = admin1Of(value);
        // The capital of a country is checked against the country's capital, a province's or Land's against the gazetteer.
        const national = NATIONAL_CAPITALS[value];
        if (national) {
          if (national !== city) wrong.push({ claim: c, why: `capital of ${value}` });
          break;
        }
        const isCapital = places.some((p) => p.capitalOf === capitalOf);
        if (places.length > 0 && !isCapital) wrong.push({ claim: c, why: `capital of ${value}` });
        break;
      }
      case 'district_of':
        if (places.length > 0 && !places.some((p) => p.parent === value) && places.every((p) => p.parent !== null || p.type === 'prefecture_city')) {
          wrong.push({ claim: c, why: `part of ${value}` });
        }
        break;
      case 'region': {
        const province = truth ?? (place?.admin1 ?? null);
        // The province implies the region (the gazetteer's, else the table beside this rule); a delta stands for the region it lies in.
        const region = province ? (gazetteer.regionOfAdmin1?.(province) ?? regionOfProvince(province)) : null;
        const stated = gazetteer.region?.(value)?.within ?? value;
        if (region && directionsOf(stated).size > 0 && !regionsAgree(stated, region)) wrong.push({ claim: c, why: `in ${value}` });
        break;
      }
    }
  }
  // Sources that disagree among themselves with no way to tell who is right: all of them are cited.
  if (!truth && new Set(stated).size > 1) {
    for (const c of provinceClaims) if (!wrong.some((w) => w.claim === c)) wrong.push({ claim: c, why: `${c.claim.attribute} ${c.claim.value}` });
  }
  if (wrong.length === 0) return [];
  const outvoting = truth ? provinceClaims.filter((c) => admin1Of(String(c.claim.value)) === truth && !wrong.some((w) => w.claim === c)) : [];
  const claimedCapital = wrong.find((w) => w.claim.claim.attribute === 'capital_of');
  const claimedOf = claimedCapital ? String(claimedCapital.claim.claim.value) : null;
  const capital = claimedOf ? NATIONAL_CAPITALS[claimedOf] ?? gazetteer.capitalOf?.(claimedOf)?.name ?? null : null;
  const reasons = [...new Set(wrong.map((w) => `${w.why} (${sourceLabel(w.claim)})`))].sort();
  const against = truth
    ? `; it lies in ${truth} per ${[outvoting.length ? `${new Set(outvoting.map((c) => c.documentId)).size} other source(s)` : '', truthSource === 'the gazetteer' ? 'the gazetteer' : ''].filter(Boolean).join(' and ') || truthSource}${claimedCapital && capital ? `, and the capital of ${claimedCapital.claim.claim.value} is ${capital}` : ''}`
    : '; the sources disagree and the gazetteer cannot decide';
  const point = (c: AttributeClaim, role: 'conflicting' | 'outvoting') => {
    const date = documentDateOf(c);
    return date ? [timelinePoint(c, date, String(c.claim.value), `${c.claim.attribute} ${c.claim.value}`, role)] : [];
  };
  const [first] = wrong;
  return [{
    kind: 'attribute_conflict',
    severity: 'contradiction',
    subject: city,
    key: city,
    explanation: `${city}: ${reasons.join('; ')}${against}`,
    details: {
      city,
      gazetteer: place ? { admin1: place.admin1, parent: place.parent, capitalOf: place.capitalOf ?? null } : null,
      statements: [...wrong.map((w) => w.claim), ...outvoting].map((c) => ({ claimId: Number(c.id), attribute: c.claim.attribute, value: c.claim.value })),
      timeline: timeline(`${city} · where it lies`, [...wrong.flatMap((w) => point(w.claim, 'conflicting')), ...outvoting.flatMap((c) => point(c, 'outvoting'))]),
      likelyWrong: truth && wrong.length === 1 && first ? { claimId: Number(first.claim.id), reason: `${truthSource === 'the gazetteer' ? 'the gazetteer' : truthSource}${outvoting.length && truthSource === 'the gazetteer' ? ` and ${new Set(outvoting.map((c) => c.documentId)).size} other source(s)` : ''} place ${city} in ${truth}` } : null,
    },
    claimIds: evidenceIds([...wrong.map((w) => w.claim), ...outvoting]),
  }];
}

const QUALIFIER_WORDS: Record<CountQualifier, string> = { exact: '', about: 'about ', more_than: 'over ', at_least: 'at least ', at_most: 'at most ', less_than: 'under ' };

/**
 * The populations a wording allows: a bound reaches half a step of its last stated digit, since
 * a figure nearer the next step would be written as that ("über 7 Millionen" is 7 to 7.5 million —
 * 7.8 million is "fast 8 Millionen"; "unter 2 Mio." 1.5 to 2); "rund" and an exact figure are the
 * figure, their rounding left to the tolerance.
 */
export function populationRange(claim: Pick<CityAttributeClaim, 'value' | 'qualifier'>): { lo: number; hi: number } {
  const value = Number(claim.value);
  const step = roundingStep(value);
  switch (claim.qualifier) {
    case 'more_than':
    case 'at_least':
      return { lo: value, hi: value + step / 2 };
    case 'at_most':
    case 'less_than':
      return { lo: value - step / 2, hi: value };
    default:
      return { lo: value, hi: value };
  }
}

/** The unit of a figure's last non-zero digit: 7 000 000 → 1 000 000, 15 000 000 → 1 000 000, 2 150 000 → 10 000. */
function roundingStep(value: number): number {
  let step = 1;
  while (value % (step * 10) === 0 && step * 10 <= value) step *= 10;
  return step;
}

function populationConflict(city: string, statements: AttributeClaim[]): FlagDraft[] {
  if (new Set(statements.map((c) => c.documentId)).size < 2) return [];
  const year = (c: AttributeClaim) => {
    const date = documentDateOf(c);
    return date ? Number(date.slice(0, 4)) : null;
  };
  const agree = (a: AttributeClaim, b: AttributeClaim) => {
    const [x, y] = [populationRange(a.claim), populationRange(b.claim)];
    const [ya, yb] = [year(a), year(b)];
    const years = ya !== null && yb !== null ? Math.abs(ya - yb) : 0;
    const tolerance = Math.min(POPULATION_TOLERANCE.max, POPULATION_TOLERANCE.base + POPULATION_TOLERANCE.perYear * years);
    // The gap between the two ranges the wordings allow, against the tolerance of the larger figure.
    const gap = Math.max(0, x.lo - y.hi, y.lo - x.hi);
    return gap <= tolerance * Math.max(Number(a.claim.value), Number(b.claim.value));
  };
  // The largest group of figures from different documents that all agree: the consensus, if any.
  let best: AttributeClaim[] = [];
  for (const anchor of statements) {
    const group = statements.filter((c) => agree(c, anchor) && statements.filter((d) => agree(c, d)).length >= 1);
    const consistent = group.filter((c) => group.every((d) => agree(c, d)));
    const docs = new Set(consistent.map((c) => c.documentId)).size;
    if (docs > new Set(best.map((c) => c.documentId)).size) best = consistent;
  }
  const disagreeing = statements.filter((c) => !best.includes(c));
  if (disagreeing.length === 0) return [];
  // Two figures in one document (city and metropolitan area) are both cited; a single document is no consensus.
  const consensus = new Set(best.map((c) => c.documentId)).size >= 2 ? best : [];
  const conflicting = consensus.length ? disagreeing : statements;
  if (new Set(conflicting.map((c) => c.documentId)).size === 1 && consensus.length === 0) return [];
  const fmt = (n: number) => (n >= 1_000_000 ? `${+(n / 1_000_000).toFixed(2)} million` : n.toLocaleString('en-US'));
  const describe = (c: AttributeClaim) => `${QUALIFIER_WORDS[c.claim.qualifier ?? 'exact']}${fmt(Number(c.claim.value))} (${sourceLabel(c)}${documentDateOf(c) ? `, ${documentDateOf(c)}` : ''})`;
  const ordered = [...statements].sort((a, b) => Number(a.claim.value) - Number(b.claim.value) || (a.url < b.url ? -1 : 1));
  const point = (c: AttributeClaim, role: 'conflicting' | 'outvoting') => {
    const date = documentDateOf(c);
    return date ? [timelinePoint(c, date, Number(c.claim.value), fmt(Number(c.claim.value)), role)] : [];
  };
  return [{
    kind: 'population_conflict',
    severity: 'discrepancy',
    subject: city,
    key: `${city}|population`,
    explanation: `${city}'s population is given as ${ordered.map(describe).join(' vs ')}${consensus.length && disagreeing.length === 1 ? `; ${fmt(Number(disagreeing[0]!.claim.value))} stands apart` : ''}`,
    details: {
      city, tolerance: POPULATION_TOLERANCE,
      values: ordered.map((c) => ({ claimId: Number(c.id), value: c.claim.value, asOf: documentDateOf(c) })),
      timeline: timeline(`${city} · population`, [...conflicting.flatMap((c) => point(c, 'conflicting')), ...consensus.flatMap((c) => point(c, 'outvoting'))], 'inhabitants'),
      likelyWrong: consensus.length && disagreeing.length === 1 ? { claimId: Number(disagreeing[0]!.id), reason: `${new Set(consensus.map((c) => c.documentId)).size} other sources agree on about ${fmt(Number(consensus[0]!.claim.value))}` } : null,
    },
    claimIds: evidenceIds([...conflicting, ...consensus]),
  }];
}
