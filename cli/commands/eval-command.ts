import { fileURLToPath } from 'node:url';
import { EXIT, print, UsageError, type Command } from '../command.ts';
import { openGazetteer } from '../services.ts';
import { extractDocument } from '../../pipelines/extract/extract-document.ts';
import { PdfWorkerPool } from '../../pipelines/parse/pdf-to-document.ts';
import { evaluateFlags, type FlagScore } from '../../pipelines/evaluate/evaluate-flags.ts';
import type { Extraction } from '../../core/claim.ts';
import { evaluateGold, type GoldEvaluation } from '../../pipelines/evaluate/evaluate-gold.ts';
import { checkFloors, defaultEvalFloorsPath, loadEvalFloors, type FloorFailure } from '../../pipelines/evaluate/check-floors.ts';

const GOLD_DIR = fileURLToPath(new URL('../../fixtures/gold', import.meta.url));

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score extraction on the gold documents and fail below the pinned floors',
  help: `Runs \`isa extract\` on every gold document under fixtures/gold (the five seeds and our own set), scores
the output with the shared scorer, and compares each set's headline F1 with the floors pinned in
pipelines/evaluate/eval-floors.json.

Exit codes: 0 every floor met, 1 a floor was missed (the report names it), 2 usage.`,
  options: {
    gold: { type: 'string', value: 'DIR', description: 'a gold set (fixtures/gold/own) or a folder of sets (default fixtures/gold)' },
    predictions: { type: 'string', value: 'DIR', description: 'keep the predictions there, one NAME.json per gold file, to read or rescore' },
    format: { type: 'string', default: 'text', choices: ['text', 'json'], description: 'text, or json with per-document misses and extras' },
  },
  allowPositionals: false,
  async run({ values }, io) {
    const format = String(values.format);
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
    const gazetteer = await openGazetteer();
    const pdfWorkers = new PdfWorkerPool();
    const extractions = new Map<string, Extraction>();
    const results = await evaluateGold({
      goldDir: (values.gold as string | undefined) ?? GOLD_DIR,
      ...(values.predictions ? { predictionsDir: String(values.predictions) } : {}),
      extract: async (file) => {
        const extraction = await extractDocument({ gazetteer, pdfWorkers }, { source: file, now: new Date() });
        extractions.set(file, extraction);
        return extraction;
      },
    }).finally(() => pdfWorkers.close());
    const flags = await evaluateFlags(results.sets.map((s) => s.goldDir), extractions, gazetteer);
    const floors = await loadEvalFloors(defaultEvalFloorsPath());
    // With --gold, only the sets asked for are held to their floors; by default a missing set fails.
    if (values.gold) floors.sets = Object.fromEntries(Object.entries(floors.sets).filter(([name]) => results.sets.some((s) => s.set === name)));
    const failures = checkFloors(results, floors);
    print(io.stdout, format === 'json' ? JSON.stringify({ results, flags, failures }, null, 2) : formatEvaluation(results, flags, failures));
    return failures.length === 0 ? EXIT.ok : EXIT.failed;
  },
};

function formatEvaluation(results: GoldEvaluation, flags: FlagScore[], failures: FloorFailure[]): string {
  const pct = (x: number | null | undefined) => (x == null ? '  -  ' : `${(100 * x).toFixed(1)}%`);
  const lines = [`scorer: ${results.scorer}`];
  for (const set of results.sets) {
    const { headline, kinds } = set.report;
    lines.push('', `${set.set}: ${set.documents} documents — headline F1 ${pct(headline.f1)} (precision ${pct(headline.p)}, recall ${pct(headline.r)}); publication dates ${pct(set.report.published)}`);
    for (const [kind, k] of Object.entries(kinds)) {
      lines.push(`  ${kind.padEnd(17)} tp ${String(k.tp).padStart(3)}  fp ${String(k.fp).padStart(3)}  fn ${String(k.fn).padStart(3)}  F1 ${pct(k.f1)}`);
    }
    for (const e of set.errors) lines.push(`  error ${e.document}: ${e.message}`);
    const flagScore = flags.find((f) => f.set === set.set);
    if (flagScore) {
      lines.push(`  reconciler, flags within one document: found ${flagScore.tp} of ${flagScore.tp + flagScore.fn} the gold names, ${flagScore.fp} more`);
      for (const miss of flagScore.misses) lines.push(`    missed ${miss}`);
      for (const extra of flagScore.extras) lines.push(`    extra  ${extra}`);
    }
  }
  lines.push('', failures.length === 0 ? 'every floor met' : `below the floors:\n${failures.map((f) => `  ${f.message}`).join('\n')}`);
  return lines.join('\n');
}
