/**
 * The whole quality gate as `isa eval` and the gate test run it: the gold sets of fixtures/gold and
 * the real corpora of ../shared/corpus, scored, then held to eval-floors.json.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '../../core/claim.ts';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import { checkFloors, defaultEvalFloorsPath, loadEvalFloors, type FloorFailure } from './check-floors.ts';
import { BLIND_SUFFIX, defaultCorpusRoot, evaluateCorpus, REAL_CORPORA } from './evaluate-corpus.ts';
import { defaultScorerPath, evaluateGold, type GoldSetResult } from './evaluate-gold.ts';
import { evaluateFlags, type FlagScore } from './evaluate-flags.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** fixtures/gold: the seeds, our own set and the holdouts. */
export const FIXTURE_GOLD_DIR = join(REPO_ROOT, 'fixtures', 'gold');

export interface RunEvaluationOptions {
  extract: (file: string) => Promise<Extraction>;
  gazetteer: Gazetteer;
  /** Gold sets to score; null scores none. @defaultValue {@link FIXTURE_GOLD_DIR} */
  goldDir?: string | null;
  /** Real corpora to score (names under `corpusRoot`). @defaultValue {@link REAL_CORPORA} */
  corpora?: readonly string[];
  /** Where the corpora live. @defaultValue `../shared/corpus` beside the repo; when absent, corpora are skipped with a note */
  corpusRoot?: string | null;
  /** Keep predictions of the fixture sets and of the seen corpus sets here. */
  predictionsDir?: string;
  /** Score the reconciler's within-document flags on the fixture sets. @defaultValue true */
  flags?: boolean;
}

export interface EvaluationRun {
  scorer: string;
  sets: GoldSetResult[];
  flags: FlagScore[];
  failures: FloorFailure[];
  /**
   * Sets kept out of development: each corpus's NAME-blind and every fixture set without floors
   * (a held-out set that is still blind). Measured, never shown document by document.
   */
  blind: string[];
  /** What was skipped and why, for the report. */
  notes: string[];
}

/**
 * Scores everything asked for and checks the floors of what was scored. Floors of a set that was
 * not asked for are left out; floors of a set that was asked for but went missing fail. Blind sets
 * have no floors: they are measured, not gated.
 */
export async function runEvaluation(options: RunEvaluationOptions): Promise<EvaluationRun> {
  const scorer = defaultScorerPath(REPO_ROOT);
  const notes: string[] = [];
  const sets: GoldSetResult[] = [];
  const asked = new Set<string>();
  let flags: FlagScore[] = [];
  const goldDir = options.goldDir === undefined ? FIXTURE_GOLD_DIR : options.goldDir;
  if (goldDir !== null) {
    // The flags eval reads each gold document's extraction by its path.
    const extractions = new Map<string, Extraction>();
    const extract = async (file: string): Promise<Extraction> => {
      const extraction = await options.extract(file);
      extractions.set(file, extraction);
      return extraction;
    };
    const gold = await evaluateGold({ goldDir, extract, scorer, ...(options.predictionsDir !== undefined ? { predictionsDir: options.predictionsDir } : {}) });
    sets.push(...gold.sets);
    for (const s of gold.sets) asked.add(s.set);
    // With a --gold of its own, only the sets found there are held to floors.
    if (goldDir === FIXTURE_GOLD_DIR) asked.add('*fixtures');
    if (options.flags !== false) flags = await evaluateFlags(gold.sets.map((s) => s.goldDir), extractions, options.gazetteer);
  }
  const corpora = options.corpora ?? REAL_CORPORA;
  if (corpora.length > 0) {
    const root = options.corpusRoot === undefined ? defaultCorpusRoot(REPO_ROOT) : options.corpusRoot;
    if (root === null) {
      notes.push(`real corpora skipped: no ../shared/corpus beside the repo (${join(REPO_ROOT, '..', 'shared', 'corpus')}); their floors are not checked`);
    } else {
      for (const name of corpora) {
        asked.add(name);
        sets.push(...(await evaluateCorpus({ corpusDir: join(root, name), name, extract: options.extract, scorer, ...(options.predictionsDir !== undefined ? { predictionsDir: options.predictionsDir } : {}) })));
      }
    }
  }
  const floors = await loadEvalFloors(defaultEvalFloorsPath());
  const gated = {
    ...Object.fromEntries(Object.entries(floors.sets).filter(([name]) => asked.has('*fixtures') || asked.has(name))),
    ...Object.fromEntries(Object.entries(floors.corpora ?? {}).filter(([name]) => asked.has(name) && !name.endsWith(BLIND_SUFFIX))),
  };
  const blind = sets.map((s) => s.set).filter((name) => name.endsWith(BLIND_SUFFIX) || (floors.sets[name] === undefined && floors.corpora?.[name] === undefined));
  return { scorer, sets, flags, failures: checkFloors(sets, { sets: gated }), blind, notes };
}
