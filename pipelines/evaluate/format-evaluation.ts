/** Text report of an evaluation for `isa eval`: one block per gold set, then the floor verdict. */
import type { FloorFailure } from './check-floors.ts';
import type { GoldEvaluation } from './evaluate-gold.ts';

const HEADLINE_KINDS = ['member_count', 'member_list', 'membership_event', 'partnership', 'city_attribute'];

/** Renders per-set precision / recall / F1 per kind, document errors, misses and extras, and the failures. */
export function formatEvaluation(results: GoldEvaluation, failures: readonly FloorFailure[], options: { details?: boolean } = {}): string {
  const lines: string[] = [`scorer: ${results.scorer}`];
  for (const set of results.sets) {
    const { report } = set;
    lines.push('', `== ${set.set} (${set.documents} documents, ${set.goldDir})`);
    lines.push('kind               tp   fp   fn  precision  recall      F1  attr-ok');
    const kinds = Object.keys(report.kinds).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    for (const kind of kinds) {
      const t = report.kinds[kind];
      if (t === undefined) continue;
      lines.push(`${kind.padEnd(17)}${num(t.tp)} ${num(t.fp)} ${num(t.fn)}  ${pct(t.p)}  ${pct(t.r)}  ${pct(t.f1)}  ${pct(t.attrAccuracy)}`);
    }
    lines.push(`published date accuracy: ${pct(report.published)}`);
    lines.push(`headline F1: ${pct(report.headline.f1)} (precision ${pct(report.headline.p)}, recall ${pct(report.headline.r)})`);
    for (const error of set.errors) lines.push(`  error   ${error.document}: ${error.message}`);
    if (options.details !== false) {
      for (const doc of report.docs) {
        if (doc.misses.length === 0 && doc.extras.length === 0) continue;
        lines.push(`  ${doc.doc}`);
        for (const miss of doc.misses) lines.push(`    missed  ${miss}`);
        for (const extra of doc.extras) lines.push(`    extra   ${extra}`);
      }
    }
  }
  lines.push('');
  if (failures.length === 0) lines.push('all floors met');
  else for (const failure of failures) lines.push(`FLOOR  ${failure.message}`);
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
