/** Text report of an evaluation for `isa eval`: one block per gold set, then the floor verdict. */
import type { FloorFailure } from './check-floors.ts';
import type { GoldSetResult } from './evaluate-gold.ts';
import type { FlagScore } from './evaluate-flags.ts';
import { BLIND_SUFFIX } from './evaluate-corpus.ts';

const HEADLINE_KINDS = ['member_count', 'member_list', 'membership_event', 'partnership', 'city_attribute'];

/** What each kind's attr-ok column compares once a claim is matched (the scorer's secondary fields). */
const ATTRIBUTE_OF_KIND: Record<string, string> = {
  member_count: 'scope',
  member_list: 'statedCount',
  membership_event: 'date',
  partnership: 'relation+since',
};

export interface FormatEvaluationOptions {
  /** Reconciler scores per set, printed under the set. */
  flags?: readonly FlagScore[];
  /** Print per-document misses and extras of every seen set (never of a blind one). @defaultValue false */
  details?: boolean;
  /** Sets whose documents are never shown (besides every `NAME-blind`). */
  blind?: readonly string[];
  /** Lines printed before the verdict (a corpus that was skipped, …). */
  notes?: readonly string[];
}

/** Renders per-set precision / recall / F1 and attribute accuracy per kind, as-of accuracy, errors, and the verdict. */
export function formatEvaluation(scorer: string, sets: readonly GoldSetResult[], failures: readonly FloorFailure[], options: FormatEvaluationOptions = {}): string {
  const lines: string[] = [`scorer: ${scorer}`];
  for (const set of sets) {
    const { report } = set;
    const blind = set.set.endsWith(BLIND_SUFFIX) || (options.blind ?? []).includes(set.set);
    lines.push('', `== ${set.set}: ${set.documents} documents${blind ? ' (blind: measured, not gated, no per-document output)' : ''}`);
    lines.push(`headline F1 ${pct(report.headline.f1)} (precision ${pct(report.headline.p)}, recall ${pct(report.headline.r)})`);
    lines.push('  kind               tp   fp   fn  precision  recall      F1  attr-ok  (attribute)');
    const kinds = Object.keys(report.kinds).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const kind of kinds) {
      const t = report.kinds[kind];
      if (t === undefined) continue;
      const attribute = t.attrAll > 0 ? `  (${ATTRIBUTE_OF_KIND[kind] ?? 'attributes'} ${t.attrOk}/${t.attrAll})` : '';
      lines.push(`  ${kind.padEnd(17)}${num(t.tp)} ${num(t.fp)} ${num(t.fn)}     ${pct(t.p)}  ${pct(t.r)}  ${pct(t.f1)}   ${pct(t.attrAccuracy)}${attribute}`);
    }
    lines.push(`  as-of of matched counts and lists: ${pct(set.asOf.accuracy)} (${set.asOf.ok}/${set.asOf.all})`);
    if (report.published !== null) lines.push(`  publication date accuracy: ${pct(report.published)}`);
    for (const error of set.errors) lines.push(`  error   ${error.document}: ${error.message}`);
    const flagScore = options.flags?.find((f) => f.set === set.set);
    if (flagScore) {
      lines.push(`  reconciler, flags within one document: found ${flagScore.tp} of ${flagScore.tp + flagScore.fn} the gold names, ${flagScore.fp} more`);
      for (const miss of flagScore.misses) lines.push(`    missed ${miss}`);
      for (const extra of flagScore.extras) lines.push(`    extra  ${extra}`);
    }
    if (options.details === true && !blind) {
      for (const doc of report.docs) {
        if (doc.misses.length === 0 && doc.extras.length === 0) continue;
        lines.push(`  ${doc.doc}`);
        for (const miss of doc.misses) lines.push(`    missed  ${miss}`);
        for (const extra of doc.extras) lines.push(`    extra   ${extra}`);
      }
    }
  }
  lines.push('', ...(options.notes ?? []));
  if (failures.length === 0) lines.push('every floor met');
  else lines.push('below the floors:', ...failures.map((f) => `  ${f.message}`));
  return lines.join('\n');
}

function rank(kind: string): number {
  const i = HEADLINE_KINDS.indexOf(kind);
  return i === -1 ? HEADLINE_KINDS.length : i;
}

function num(n: number): string {
  return String(n).padStart(4);
}

function pct(x: number | null): string {
  return x === null ? '     -' : `${(100 * x).toFixed(1).padStart(5)}%`;
}
