/**
 * The evaluation on real documents: `../shared/corpus/{isa,partners}` read at evaluation time (never
 * copied into the repo), each document's body extracted as `isa extract` would, scored by the shared
 * scorer with `--skip-published`. Each corpus is split into a seen set and a blind set (team rule:
 * NNN divisible by 3 is blind); the blind set is measured, never shown per document.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Extraction } from '../../core/claim.ts';
import { ConfigError, errorMessageOf } from '../../core/errors.ts';
import { evaluateGold, type GoldSetResult } from './evaluate-gold.ts';

/** The real corpora `isa eval` scores, in this order. */
export const REAL_CORPORA = ['isa', 'partners'] as const;

/** Suffix of a corpus's blind set name (`isa-blind`). */
export const BLIND_SUFFIX = '-blind';

/** Team rule: documents whose number is divisible by 3 are kept out of development. */
export function isBlindDocument(name: string): boolean {
  const number = Number.parseInt(name, 10);
  return Number.isInteger(number) && number % 3 === 0;
}

/** The body of a corpus document: everything after the first blank line (the header is URL, RETRIEVED-VIA, PARTIAL). */
export function corpusBody(raw: string): string {
  const match = /\r?\n[ \t]*\r?\n/.exec(raw);
  return match === null ? raw : raw.slice(match.index + match[0].length);
}

export interface EvaluateCorpusOptions {
  /** A corpus directory with `docs/NNN.txt` and `gold/NNN.json`. */
  corpusDir: string;
  /** Corpus name; the seen set is called so, the blind one `NAME-blind`. */
  name: string;
  /** What `isa extract` does for one file. */
  extract: (file: string) => Promise<Extraction>;
  /** Path of `score.mjs`. @defaultValue as in {@link evaluateGold} */
  scorer?: string;
  /** Keep the seen set's predictions here (`NAME/NNN.json`); blind predictions are never kept. */
  predictionsDir?: string;
}

/**
 * Scores one corpus as two sets, seen then blind. The blind set's result carries no per-document
 * misses and extras (`report.docs` is empty), so nobody reads what to tune to.
 */
export async function evaluateCorpus(options: EvaluateCorpusOptions): Promise<GoldSetResult[]> {
  const corpusDir = resolve(options.corpusDir);
  const goldDir = join(corpusDir, 'gold');
  const docsDir = join(corpusDir, 'docs');
  let names: string[];
  try {
    names = (await readdir(goldDir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
  } catch (error) {
    throw new ConfigError(`cannot read corpus gold ${goldDir}: ${errorMessageOf(error)}; pass a corpus directory with docs/ and gold/`, { input: corpusDir, cause: error });
  }
  if (names.length === 0) throw new ConfigError(`corpus ${corpusDir} has no gold/NNN.json files`, { input: corpusDir });
  // Scratch sets in the layout evaluateGold reads (NNN.json beside NNN.txt), outside the repo.
  const scratch = await mkdtemp(join(tmpdir(), `isa-corpus-${options.name}-`));
  try {
    const results: GoldSetResult[] = [];
    for (const blind of [false, true]) {
      const setName = blind ? `${options.name}${BLIND_SUFFIX}` : options.name;
      const setDir = join(scratch, setName);
      await mkdir(setDir);
      const chosen = names.filter((n) => isBlindDocument(n) === blind);
      if (chosen.length === 0) continue;
      for (const name of chosen) {
        await copyFile(join(goldDir, `${name}.json`), join(setDir, `${name}.json`));
        const doc = join(docsDir, `${name}.txt`);
        // A missing document stays missing: evaluateGold reports it as an error and a missing prediction.
        if (existsSync(doc)) await writeFile(join(setDir, `${name}.txt`), corpusBody(await readFile(doc, 'utf8')));
      }
      const result = await evaluateGold({
        goldDir: setDir,
        extract: options.extract,
        skipPublished: true,
        ...(options.scorer !== undefined ? { scorer: options.scorer } : {}),
        ...(!blind && options.predictionsDir !== undefined ? { predictionsDir: options.predictionsDir } : {}),
      });
      for (const set of result.sets) {
        const shown = { ...set, goldDir: corpusDir };
        results.push(blind ? { ...shown, report: { ...shown.report, docs: [] }, errors: shown.errors.map((e) => ({ ...e, message: 'no prediction (blind document: details withheld)' })) } : shown);
      }
    }
    return results;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** `../shared/corpus` beside the repo, or null when this clone has none. */
export function defaultCorpusRoot(repoRoot: string): string | null {
  const root = resolve(repoRoot, '..', 'shared', 'corpus');
  return existsSync(root) ? root : null;
}
