import { describe, expect, it } from 'vitest';
import { checkFloors, defaultEvalFloorsPath, loadFloors } from '../../../pipelines/evaluate/check-floors.ts';
import type { EvalFloors } from '../../../pipelines/evaluate/check-floors.ts';
import type { GoldSetResult } from '../../../pipelines/evaluate/evaluate-gold.ts';
import type { ScoreReport } from '../../../pipelines/evaluate/score-report.ts';
import { ConfigError } from '../../../core/errors.ts';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function setResult(set: string, headline: number, options: { memberCountF1?: number; published?: number | null; errors?: number } = {}): GoldSetResult {
  const kinds: ScoreReport['kinds'] = {};
  if (options.memberCountF1 !== undefined) {
    kinds.member_count = { tp: 1, fp: 0, fn: 0, attrOk: 1, attrAll: 1, p: 1, r: 1, f1: options.memberCountF1, attrAccuracy: 1 };
  }
  return {
    set,
    goldDir: `/gold/${set}`,
    documents: 3,
    errors: Array.from({ length: options.errors ?? 0 }, (_, i) => ({ document: `doc${i}`, file: null, message: 'boom' })),
    report: { documents: 3, missingPredictions: 0, kinds, published: options.published ?? null, headline: { p: headline, r: headline, f1: headline }, docs: [] },
    asOf: { ok: 0, all: 0, accuracy: null },
  };
}

const floors: EvalFloors = {
  sets: {
    seeds: { headline: 0.95 },
    own: { headline: 0.9, kinds: { member_count: 0.8 }, published: 0.7, maxDocumentErrors: 0 },
  },
};

describe('checkFloors', () => {
  it('passes when every set is at or above its floors', () => {
    const results = [setResult('seeds', 0.95), setResult('own', 0.93, { memberCountF1: 0.8, published: 0.9 })];
    expect(checkFloors(results, floors)).toEqual([]);
  });

  it('fails a set whose headline F1 is below its floor, naming set, floor and value', () => {
    const failures = checkFloors([setResult('seeds', 0.949), setResult('own', 0.95)], floors);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ set: 'seeds', metric: 'headline', floor: 0.95, actual: 0.949 });
    expect(failures[0]?.message).toContain('below the floor');
  });

  it('fails on a per-kind floor, the published floor and document errors', () => {
    const failures = checkFloors([setResult('seeds', 1), setResult('own', 0.95, { memberCountF1: 0.5, published: 0.5, errors: 2 })], floors);
    expect(failures.map((f) => f.metric).sort()).toEqual(['documentErrors', 'kind:member_count', 'published']);
  });

  it('fails when a set with floors was not evaluated at all', () => {
    const failures = checkFloors({ scorer: 'score.mjs', sets: [setResult('seeds', 1)] }, floors);
    expect(failures).toEqual([expect.objectContaining({ set: 'own', metric: 'set', actual: null })]);
  });

  it('skips a kind that the set neither expects nor predicts', () => {
    expect(checkFloors([setResult('seeds', 1), setResult('own', 1, { published: 1 })], floors)).toEqual([]);
  });

  it('loads the pinned floors file with the required headline floors', async () => {
    const pinned = await loadFloors(defaultEvalFloorsPath());
    expect(pinned.sets.seeds?.headline).toBeGreaterThanOrEqual(0.95);
    expect(pinned.sets.own?.headline).toBeGreaterThanOrEqual(0.9);
  });

  it('rejects a malformed floors file with a ConfigError', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isa-floors-'));
    const path = join(dir, 'floors.json');
    await writeFile(path, JSON.stringify({ sets: { own: { headline: 90 } } }));
    await expect(loadFloors(path)).rejects.toBeInstanceOf(ConfigError);
  });
});
