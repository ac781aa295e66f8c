/**
 * The quality gate: extraction over the gold documents, scored by the shared scorer, must stay
 * above pinned floors. Raise a floor when the extractors improve; never lower one silently.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import { predictGoldDir } from './support/predict-gold.ts';
import { testGazetteer } from './support/extract-helpers.ts';

// Floors: the seeds are what the issue asks for (0.95); the own corpus is judged at 0.90. The holdouts are
// development sets now (holdout-2 since the place-run round, at 92.5 %; holdout-3 since the roster round, where it
// went from 77.6 % blind to 98.3 %, pinned with a margin): pinned so no change quietly loses them.
const FLOORS: Record<string, number> = { seeds: 0.95, own: 0.9, holdout: 0.95, 'holdout-2': 0.9, 'holdout-3': 0.95 };
const SCORER = existsSync('../shared/tools/score.mjs') ? '../shared/tools/score.mjs' : 'fixtures/gold/score.mjs';

let gazetteer: Gazetteer;
let out: string;
beforeAll(() => {
  gazetteer = testGazetteer();
  out = mkdtempSync(join(tmpdir(), 'isa-extract-gate-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Score {
  headline: { f1: number; p: number; r: number };
  docs: Array<{ doc: string; misses: string[]; extras: string[] }>;
}

describe('quality gate', () => {
  for (const [set, floor] of Object.entries(FLOORS)) {
    it(`scores at least ${floor} headline F1 on fixtures/gold/${set}`, async () => {
      const gold = join('fixtures/gold', set);
      const pred = join(out, set);
      const { failed } = await predictGoldDir(gold, pred, gazetteer);
      const score = JSON.parse(execFileSync('node', [SCORER, '--gold', gold, '--pred', pred, '--json'], { encoding: 'utf8' })) as Score;
      // The misses and extras are the debug output, shown only when the floor is not met.
      const report = [...failed, ...score.docs.filter((d) => d.misses.length || d.extras.length)];
      expect({ f1: score.headline.f1 >= floor ? 'ok' : score.headline.f1, report: score.headline.f1 >= floor ? [] : report }).toEqual({ f1: 'ok', report: [] });
    });
  }
});
