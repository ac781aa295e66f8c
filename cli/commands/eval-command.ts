import { fileURLToPath } from 'node:url';
import { EXIT, print, UsageError, type Command } from '../command.ts';
import { openGazetteer } from '../services.ts';
import { extractDocument } from '../../pipelines/extract/extract-document.ts';
import { evaluateGold, checkFloors, loadFloors, formatEvaluation } from '../../pipelines/evaluate/evaluate-gold.ts';

const GOLD_DIR = fileURLToPath(new URL('../../fixtures/gold', import.meta.url));

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score extraction on the gold documents and fail below the pinned floors',
  help: `Usage: isa eval [--gold DIR] [--format text|json]

Runs \`isa extract\` on every gold document under fixtures/gold (the five seeds and our own set), scores
the output with the shared scorer, and compares each set's headline F1 with the floors pinned in
pipelines/evaluate/eval-floors.json.

Exit codes: 0 every floor met, 1 a floor was missed (the report names it), 2 usage.`,
  options: {
    gold: { type: 'string' },
    format: { type: 'string', default: 'text' },
  },
  allowPositionals: false,
  async run({ values }, io) {
    const format = String(values.format);
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
    const gazetteer = await openGazetteer();
    const results = await evaluateGold({
      goldDir: (values.gold as string | undefined) ?? GOLD_DIR,
      extract: (file) => extractDocument({ gazetteer }, { source: file, now: new Date() }),
    });
    const failures = checkFloors(results, await loadFloors());
    print(io.stdout, format === 'json' ? JSON.stringify({ results, failures }, null, 2) : formatEvaluation(results, failures));
    return failures.length === 0 ? EXIT.ok : EXIT.failed;
  },
};
