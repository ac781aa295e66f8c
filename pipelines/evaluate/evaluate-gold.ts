/**
 * The evaluation gate's measuring half: run the extractor over every gold document, write its
 * predictions next to nothing else, and let the shared scorer compare them with the gold files.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extraction } from '../../core/claim.ts';
import { ConfigError, errorMessageOf } from '../../core/errors.ts';
import { scoreReportSchema } from './score-report.ts';
import type { ScoreReport } from './score-report.ts';
import { asOfAccuracy } from './as-of-accuracy.ts';

/** Document extensions tried beside a gold `NAME.json`, in this order. */
export const GOLD_DOCUMENT_EXTENSIONS = ['txt', 'html', 'htm', 'pdf'] as const;

export interface EvaluateGoldOptions {
  /**
   * A directory of gold files (`NAME.json` beside `NAME.txt|html|pdf`), or a directory whose
   * subdirectories are such sets (`fixtures/gold` with `seeds/` and `own/`).
   */
  goldDir: string;
  /** What `isa extract` does for one file: parse it by its type, then extract claims. */
  extract: (file: string) => Promise<Extraction>;
  /**
   * Path of `score.mjs`.
   * @defaultValue `../shared/tools/score.mjs` relative to the repo root when it exists, else the
   * vendored `fixtures/gold/score.mjs`
   */
  scorer?: string;
  /**
   * Where to write the `NAME.json` predictions, one subdirectory per set; kept afterwards.
   * @defaultValue a temp directory, removed when scoring is done
   */
  predictionsDir?: string;
  /**
   * Repo root the default scorer is looked up from.
   * @defaultValue two levels above this file
   */
  repoRoot?: string;
  /**
   * Leave publication dates unscored (`score.mjs --skip-published`): plain text carries no page metadata.
   * @defaultValue false
   */
  skipPublished?: boolean;
}

/** A gold document that produced no prediction. */
export interface GoldDocumentError {
  /** Gold file base name (`NAME`). */
  document: string;
  /** The document file, or null when none was found beside the gold file. */
  file: string | null;
  message: string;
}

export interface GoldSetResult {
  /** Set name: the directory's base name (`seeds`, `own`). */
  set: string;
  goldDir: string;
  /** Gold files in the set. */
  documents: number;
  /** Documents the extractor failed on or that are missing; each also counts as a missing prediction. */
  errors: GoldDocumentError[];
  report: ScoreReport;
  /** As-of agreement of matched counts and lists (the scorer does not measure it); null when no gold claim states one. */
  asOf: { ok: number; all: number; accuracy: number | null };
}

export interface GoldEvaluation {
  /** The scorer that was run. */
  scorer: string;
  sets: GoldSetResult[];
}

/**
 * Scores `extract` against every gold set under `goldDir`. Returns a result per set and never
 * throws for a single document (a failing document becomes an entry in `errors` and a missing
 * prediction); throws `ConfigError` only when the gold directory or the scorer is unusable.
 */
export async function evaluateGold(options: EvaluateGoldOptions): Promise<GoldEvaluation> {
  const scorer = options.scorer ?? defaultScorerPath(options.repoRoot ?? defaultRepoRoot());
  if (!existsSync(scorer)) {
    throw new ConfigError(`scorer ${scorer} does not exist; pass the path of score.mjs or restore fixtures/gold/score.mjs`, { input: scorer });
  }
  const sets = await findGoldSets(options.goldDir);
  const predictionsRoot = options.predictionsDir ?? (await mkdtemp(join(tmpdir(), 'isa-eval-')));
  try {
    const results: GoldSetResult[] = [];
    for (const setDir of sets) {
      const predDir = join(predictionsRoot, basename(setDir));
      await mkdir(predDir, { recursive: true });
      const { documents, errors, extractions } = await writePredictions(setDir, predDir, options.extract);
      const report = await runScorer(scorer, setDir, predDir, options.skipPublished ?? false);
      const asOf = await scoreAsOf(setDir, extractions, report);
      results.push({ set: basename(setDir), goldDir: setDir, documents, errors, report, asOf });
    }
    return { scorer, sets: results };
  } finally {
    // Predictions in a temp dir are scratch; a caller-given directory is kept for inspection.
    if (options.predictionsDir === undefined) await rm(predictionsRoot, { recursive: true, force: true });
  }
}

/** `../shared/tools/score.mjs` beside the repo when present (the reference), else the vendored copy. */
export function defaultScorerPath(repoRoot: string): string {
  const shared = resolve(repoRoot, '..', 'shared', 'tools', 'score.mjs');
  return existsSync(shared) ? shared : resolve(repoRoot, 'fixtures', 'gold', 'score.mjs');
}

function defaultRepoRoot(): string {
  return fileURLToPath(new URL('../../', import.meta.url));
}

/** The gold sets under `goldDir`: itself if it holds gold files, else its subdirectories that do. */
export async function findGoldSets(goldDir: string): Promise<string[]> {
  const root = resolve(goldDir);
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true });
  } catch (error) {
    throw new ConfigError(`cannot read gold directory ${root}: ${errorMessageOf(error)}; pass --gold with a directory of NAME.json gold files`, { input: root, cause: error });
  }
  if (entries.some((e) => e.isFile() && e.name.endsWith('.json'))) return [root];
  const sets: string[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(root, entry.name);
    const files = await readdir(dir);
    if (files.some((f) => f.endsWith('.json'))) sets.push(dir);
  }
  if (sets.length === 0) {
    throw new ConfigError(`no gold files (NAME.json) in ${root} or its subdirectories; pass the directory that holds the gold sets`, { input: root });
  }
  return sets;
}

/** Base names of the gold files in one set, sorted as the scorer sorts them. */
export async function listGoldNames(setDir: string): Promise<string[]> {
  const files = await readdir(setDir);
  return files.filter((f) => f.endsWith('.json')).sort().map((f) => f.slice(0, -'.json'.length));
}

/** The document beside gold `NAME.json`, or null when there is none. */
export function findGoldDocument(setDir: string, name: string): string | null {
  for (const ext of GOLD_DOCUMENT_EXTENSIONS) {
    const file = join(setDir, `${name}.${ext}`);
    if (existsSync(file)) return file;
  }
  return null;
}

async function writePredictions(
  setDir: string,
  predDir: string,
  extract: (file: string) => Promise<Extraction>,
): Promise<{ documents: number; errors: GoldDocumentError[]; extractions: Map<string, Extraction> }> {
  const names = await listGoldNames(setDir);
  const errors: GoldDocumentError[] = [];
  const extractions = new Map<string, Extraction>();
  // One document at a time: PDF parsing is heavy and the machine is shared.
  for (const name of names) {
    const file = findGoldDocument(setDir, name);
    if (file === null) {
      errors.push({ document: name, file: null, message: `no document ${name}.${GOLD_DOCUMENT_EXTENSIONS.join('|')} beside gold ${name}.json in ${setDir}` });
      continue;
    }
    try {
      const extraction = await extract(file);
      await writeFile(join(predDir, `${name}.json`), `${JSON.stringify(extraction, null, 2)}\n`);
      extractions.set(name, extraction);
    } catch (error) {
      errors.push({ document: name, file, message: errorMessageOf(error) });
    }
  }
  return { documents: names.length, errors, extractions };
}

/** As-of accuracy over the set; each document's as-of misses join its misses in the report. */
async function scoreAsOf(setDir: string, extractions: ReadonlyMap<string, Extraction>, report: ScoreReport): Promise<GoldSetResult['asOf']> {
  let ok = 0;
  let all = 0;
  for (const [name, extraction] of extractions) {
    let claims: unknown[];
    try {
      const gold = JSON.parse(await readFile(join(setDir, `${name}.json`), 'utf8')) as { claims?: unknown };
      claims = Array.isArray(gold.claims) ? gold.claims : [];
    } catch {
      continue; // the scorer has already judged an unreadable gold file
    }
    const tally = asOfAccuracy(claims, extraction.claims);
    ok += tally.ok;
    all += tally.all;
    report.docs.find((d) => d.doc === name)?.misses.push(...tally.misses);
  }
  return { ok, all, accuracy: all === 0 ? null : ok / all };
}

function runScorer(scorer: string, goldDir: string, predDir: string, skipPublished: boolean): Promise<ScoreReport> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      process.execPath,
      [scorer, '--gold', goldDir, '--pred', predDir, '--json', ...(skipPublished ? ['--skip-published'] : [])],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new ConfigError(`scorer ${scorer} failed on ${goldDir}: ${stderr.trim() || error.message}; check the gold files and the scorer`, { input: goldDir, cause: error }));
          return;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(stdout);
        } catch (cause) {
          reject(new ConfigError(`scorer ${scorer} printed no JSON for ${goldDir}; is it the score.mjs that supports --json?`, { input: scorer, cause }));
          return;
        }
        const report = scoreReportSchema.safeParse(parsed);
        if (!report.success) {
          reject(new ConfigError(`scorer ${scorer} printed a report of unexpected shape: ${report.error.message}; update score-report.ts to the scorer's output`, { input: scorer }));
          return;
        }
        resolvePromise(report.data);
      },
    );
  });
}

// The CLI imports the whole gate from here.
export { checkFloors, loadFloors } from './check-floors.ts';
export type { EvalFloors, FloorFailure } from './check-floors.ts';
