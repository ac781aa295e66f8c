import { describe, expect, it } from 'vitest';
import { checkFlagFloors, flagMatches, loadExpectations, defaultExpectationsPath, scoreCorpusFlags, type CorpusExpectations, type RaisedFlag } from '../../../pipelines/evaluate/evaluate-flags.ts';

const flag = (over: Partial<RaisedFlag>): RaisedFlag => ({ id: '1', kind: 'count_same_time_disagreement', status: 'open', subject: 'ISA', explanation: 'x', documents: [], values: [], ...over });
const expectations: CorpusExpectations = {
  corpus: 'c',
  conflicts: [
    { id: 'c-1', about: 'count 18 vs 19', documents: ['008', '010'], values: [18, 19] },
    { id: 'c-2', about: 'province', documents: ['025', '012', '016'], required: ['025'], values: ['Sichuan'] },
  ],
  accepted: [{ id: 'c-a', about: 'within 008', documents: ['008'], minDocuments: 1, kinds: ['stated_count_vs_list'] }],
  lookalikes: [{ id: 'c-l', about: 'series', documents: ['008', '014', '024'], kinds: ['count_outlier'] }],
};

describe('the flags evaluation', () => {
  it('matches a flag to a listed conflict by documents and values, not by wording', () => {
    expect(flagMatches(flag({ documents: ['010', '008'], values: [19, 18] }), expectations.conflicts[0]!)).toBe(true);
    expect(flagMatches(flag({ documents: ['008'], values: [19, 18] }), expectations.conflicts[0]!)).toBe(false);
    expect(flagMatches(flag({ documents: ['008', '010'], values: [18, 20] }), expectations.conflicts[0]!)).toBe(false);
    expect(flagMatches(flag({ kind: 'attribute_conflict', documents: ['012', '016'], values: ['Guangdong', 'Sichuan'] }), expectations.conflicts[1]!)).toBe(false);
  });

  it('counts listed conflicts found, look-alikes flagged and open flags that answer nothing', () => {
    const score = scoreCorpusFlags('c', expectations, [
      flag({ id: '1', documents: ['008', '010'], values: [18, 19] }),
      flag({ id: '2', kind: 'stated_count_vs_list', documents: ['008'] }),
      flag({ id: '3', kind: 'count_outlier', documents: ['014', '024'] }),
      flag({ id: '4', kind: 'weekday_mismatch', documents: ['030'] }),
      flag({ id: '5', kind: 'attribute_conflict', status: 'explained', documents: ['025', '012'], values: ['Sichuan'] }),
    ], { documents: 30, claims: 60 });
    expect(score).toMatchObject({ listed: 2, flagged: ['c-1'], missed: ['c-2'], lookalikesFlagged: ['c-l'], open: 4 });
    expect(score.unlisted.map((u) => u.kind)).toEqual(['count_outlier', 'weekday_mismatch']);
    expect(score.blind).toEqual({ listed: 1, flagged: 0 });
    expect(checkFlagFloors(score, { c: { listedMin: 0.9, lookalikesMax: 0, unlistedMax: 0.2 } })).toHaveLength(3);
    expect(checkFlagFloors(score, { c: { listedMin: 0.5, lookalikesMax: 1, unlistedMax: 0.5 } })).toEqual([]);
  });

  it('keeps expectations for both real corpora, every listed conflict with its documents', async () => {
    for (const corpus of ['isa', 'partners']) {
      const loaded = await loadExpectations(defaultExpectationsPath(corpus));
      expect(loaded.conflicts.length).toBeGreaterThan(10);
      for (const c of loaded.conflicts) expect(c.documents.every((d) => /^\d{3}$/.test(d)), c.id).toBe(true);
    }
  });
});
