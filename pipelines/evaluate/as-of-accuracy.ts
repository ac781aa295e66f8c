/**
 * As-of accuracy of counts and lists, which the shared scorer does not measure: matched the way the
 * scorer matches them (counts by subject, country, count, unit class, qualifier; lists by country and
 * best member overlap ≥ 0.5), then the gold `asOf` compared with the predicted one.
 */
import type { Claim } from '../../core/claim.ts';

/** Tally of one document or one set. */
export interface AsOfTally {
  ok: number;
  all: number;
  /** `as-of of …: gold (got predicted)` lines for the per-document report. */
  misses: string[];
}

interface GoldLike {
  kind: string;
  subject?: string;
  country?: string | null;
  count?: number;
  unit?: string;
  qualifier?: string;
  asOf?: string | null;
  members?: ReadonlyArray<string | { name: string }>;
  rawAccepted?: Record<string, string[]>;
  quote?: string;
  optional?: boolean;
}

// Same normalisation and unit classes as score.mjs, so a match here is a match there.
const norm = (s: unknown): string => String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
  .toLowerCase().replace(/ß/g, 'ss').replace(/^(bezirk|district|stadt|region|kreis)\s+/, '').replace(/[^a-z0-9]/g, '');
const unitClass = (u: unknown): string => (['cities', 'municipalities', 'members', 'member_cities'].includes(String(u)) ? 'members' : String(u));
const countKey = (c: GoldLike): string => [norm(c.subject), c.country ?? '', c.count, unitClass(c.unit), c.qualifier ?? 'exact'].join('|');
const memberNames = (c: GoldLike): string[] => (c.members ?? []).map((m) => norm(typeof m === 'string' ? m : m.name));

/** Both undated, or one date a prefix of the other. */
function sameAsOf(gold: string | null, predicted: string | null): boolean {
  if (gold === null || predicted === null) return gold === predicted;
  return gold.startsWith(predicted) || predicted.startsWith(gold);
}

/** As-of agreement for one document's gold claims (raw gold JSON) and its predicted claims. */
export function asOfAccuracy(goldClaims: readonly unknown[], predicted: readonly Claim[]): AsOfTally {
  const tally: AsOfTally = { ok: 0, all: 0, misses: [] };
  const gold = goldClaims as readonly GoldLike[];
  const preds = predicted as readonly GoldLike[];
  const score = (g: GoldLike, p: GoldLike, label: string): void => {
    // Optional gold claims take their match (as in the scorer) but are not scored; nor is an unsaid as-of.
    if (g.optional === true || g.asOf === undefined) return;
    const want = g.asOf ?? null;
    const got = p.asOf ?? null;
    tally.all++;
    if (sameAsOf(want, got)) tally.ok++;
    else tally.misses.push(`as-of of ${label}: ${want} (got ${got})`);
  };
  const usedCounts = new Set<number>();
  for (const g of gold.filter((c) => c.kind === 'member_count')) {
    const i = preds.findIndex((p, j) => p.kind === 'member_count' && !usedCounts.has(j) && countKey(p) === countKey(g));
    if (i < 0) continue;
    usedCounts.add(i);
    score(g, preds[i]!, `count ${g.count} ${g.country ?? ''}`.trim());
  }
  const usedLists = new Set<number>();
  for (const g of gold.filter((c) => c.kind === 'member_list')) {
    const wanted = new Set(memberNames(g));
    for (const [alias, raws] of Object.entries(g.rawAccepted ?? {})) for (const r of raws) wanted.add(`${norm(alias)}=${norm(r)}`);
    let best = -1;
    let bestJ = 0;
    preds.forEach((p, i) => {
      if (p.kind !== 'member_list' || usedLists.has(i) || (p.country ?? null) !== (g.country ?? null)) return;
      const got = memberNames(p);
      const inter = got.filter((m) => wanted.has(m) || [...wanted].some((x) => x.endsWith(`=${m}`))).length;
      const j = inter / (new Set([...memberNames(g), ...got]).size || 1);
      if (j > bestJ) {
        bestJ = j;
        best = i;
      }
    });
    if (best < 0 || bestJ < 0.5) continue;
    usedLists.add(best);
    score(g, preds[best]!, `list ${g.country ?? ''}`.trim());
  }
  return tally;
}
