import { EXIT, print, UsageError, type Command } from '../command.ts';
import { openGazetteer } from '../services.ts';
import { extractDocument } from '../../pipelines/extract/extract-document.ts';
import { PdfWorkerPool } from '../../pipelines/parse/pdf-to-document.ts';
import { REAL_CORPORA } from '../../pipelines/evaluate/evaluate-corpus.ts';
import { formatEvaluation } from '../../pipelines/evaluate/format-evaluation.ts';
import { runEvaluation } from '../../pipelines/evaluate/run-evaluation.ts';
import { runFlagEvaluation } from '../../pipelines/evaluate/run-flag-evaluation.ts';

export const evalCommand: Command = {
  name: 'eval',
  summary: 'score extraction on the gold documents and the real corpora; fail below the pinned floors',
  help: `Runs \`isa extract\` on every gold document under fixtures/gold (seeds, our own set, holdouts) and on
the body of every document of the real corpora in ../shared/corpus (${REAL_CORPORA.join(', ')}; read from
there, never copied), scores the output with the shared scorer (corpora with --skip-published), and
compares the results with the floors pinned in pipelines/evaluate/eval-floors.json. Each corpus is
reported as a seen set (NAME) and a blind set (NAME-blind: documents numbered 003, 006, …), which is
measured, not gated, and never shown document by document.

Exit codes: 0 every floor met, 1 a floor was missed (the report names it), 2 usage.`,
  options: {
    gold: { type: 'string', value: 'DIR', description: 'a gold set (fixtures/gold/own) or a folder of sets; with --corpus and no --gold, none' },
    corpus: { type: 'string', multiple: true, value: 'NAME', choices: [...REAL_CORPORA, 'none'], description: 'score only this real corpus (repeatable; "none" for no corpus)' },
    'corpus-root': { type: 'string', value: 'DIR', description: 'where the corpora live (default ../shared/corpus; skipped with a note if missing)' },
    show: { type: 'string', choices: ['seen'], description: "print each seen document's misses and extras (blind documents are never shown)" },
    predictions: { type: 'string', value: 'DIR', description: 'keep the predictions there, one SET/NAME.json per document (not for blind sets)' },
    format: { type: 'string', default: 'text', choices: ['text', 'json'], description: 'output format' },
    flags: { type: 'boolean', default: false, description: 'score the reconciler instead: crawl each real corpus through its served site and compare the flags with pipelines/evaluate/flag-expectations' },
  },
  allowPositionals: false,
  async run({ values }, io) {
    const format = String(values.format);
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
    if (values.show !== undefined && values.show !== 'seen') {
      throw new UsageError(`--show takes "seen", not "${String(values.show)}"; blind documents are measured only, never shown`);
    }
    const asked = (values.corpus as string[] | undefined) ?? null;
    const corpora = asked === null ? [...REAL_CORPORA] : asked.filter((c) => c !== 'none');
    const unknown = corpora.filter((c) => !(REAL_CORPORA as readonly string[]).includes(c));
    if (unknown.length > 0) throw new UsageError(`unknown corpus ${unknown.join(', ')}; choose from ${REAL_CORPORA.join(', ')} or none`);
    const gazetteer = await openGazetteer();
    if (values.flags) return runFlagEvaluation({ corpora, corpusRoot: values['corpus-root'] as string | undefined, format, gazetteer }, io);
    const pdfWorkers = new PdfWorkerPool();
    const run = await runEvaluation({
      gazetteer,
      extract: (file) => extractDocument({ gazetteer, pdfWorkers }, { source: file, now: new Date() }),
      // --corpus alone means "just that corpus"; with --gold, both.
      goldDir: values.gold !== undefined ? String(values.gold) : asked !== null ? null : undefined,
      corpora,
      ...(values['corpus-root'] !== undefined ? { corpusRoot: String(values['corpus-root']) } : {}),
      ...(values.predictions !== undefined ? { predictionsDir: String(values.predictions) } : {}),
    }).finally(() => pdfWorkers.close());
    if (format === 'json') for (const note of run.notes) print(io.stderr, note);
    print(io.stdout, format === 'json'
      ? JSON.stringify(run, null, 2)
      : formatEvaluation(run.scorer, run.sets, run.failures, { flags: run.flags, details: values.show === 'seen', blind: run.blind, notes: run.notes }));
    return run.failures.length === 0 ? EXIT.ok : EXIT.failed;
  },
};
