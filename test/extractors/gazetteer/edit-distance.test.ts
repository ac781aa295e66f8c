import { describe, expect, it } from 'vitest';
import { editDistance } from '../../../extractors/gazetteer/edit-distance.ts';

describe('editDistance', () => {
  it.each([
    ['jiaozuo', 'jiaozuo', 0],
    ['jaozuo', 'jiaozuo', 1],
    ['maomimg', 'maoming', 1],
    ['nuernburg', 'nuernberg', 1],
    ['kaiserslauten', 'kaiserslautern', 1],
    ['ab', 'ba', 1],
    ['', 'abc', 3],
    ['koeln', 'berlin', 4],
  ])('%s / %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops early above the limit and reports limit + 1', () => {
    expect(editDistance('wuppertal', 'guangzhou', 2)).toBe(3);
    expect(editDistance('a', 'abcdefgh', 2)).toBe(3);
  });
});
