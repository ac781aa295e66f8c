/**
 * `isa eval --flags`: the reconciler measured on real data. Each real corpus is served as a press
 * site on loopback, crawled, extracted and reconciled as `isa run` does, and its flags are scored
 * against the expectations written from its INDEX.md (flag-expectations/NAME.json), then held to
 * the floors of flag-floors.json.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import { currentExtractorVersion } from '../extract/extractor-version.ts';
import { defaultCorpusRoot } from './evaluate-corpus.ts';
import {
  checkFlagFloors, crawlCorpusFlags, defaultExpectationsPath, defaultFlagFloorsPath, formatCorpusFlagScore, loadExpectations,
  scoreCorpusFlags, type CorpusFlagScore, type FlagFloors,
} from './evaluate-flags.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface FlagEvaluation {
  scores: CorpusFlagScore[];
  failures: string[];
  notes: string[];
}

export async function evaluateCorpusFlags(options: { corpora: string[]; corpusRoot?: string | undefined; gazetteer: Gazetteer }): Promise<FlagEvaluation> {
  const root = options.corpusRoot ?? defaultCorpusRoot(REPO_ROOT);
  if (!root) return { scores: [], failures: [], notes: ['no ../shared/corpus beside this checkout: nothing to score'] };
  const floors = JSON.parse(await readFile(defaultFlagFloorsPath(), 'utf8')) as FlagFloors;
  const serveScript = resolve(root, '..', 'tools', 'serve-corpus.mjs');
  const scores: CorpusFlagScore[] = [];
  const failures: string[] = [];
  for (const corpus of options.corpora) {
    const expectations = await loadExpectations(defaultExpectationsPath(corpus));
    const crawled = await crawlCorpusFlags({ corpusDir: join(root, corpus), corpus, gazetteer: options.gazetteer, extractorVersion: currentExtractorVersion(), serveScript });
    const score = scoreCorpusFlags(corpus, expectations, crawled.flags, { documents: crawled.documents, claims: crawled.claims });
    scores.push(score);
    failures.push(...checkFlagFloors(score, floors));
  }
  return { scores, failures, notes: [] };
}

export async function runFlagEvaluation(
  options: { corpora: string[]; corpusRoot?: string | undefined; format: string; gazetteer: Gazetteer },
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): Promise<number> {
  const result = await evaluateCorpusFlags(options);
  const text = options.format === 'json'
    ? JSON.stringify(result, null, 2)
    : [...result.notes, ...result.scores.map(formatCorpusFlagScore), result.failures.length ? `below the flag floors:\n${result.failures.map((f) => `  ${f}`).join('\n')}` : 'every flag floor met'].join('\n\n');
  io.stdout.write(`${text}\n`);
  return result.failures.length ? 1 : 0;
}
