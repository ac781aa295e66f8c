import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';
import { EVENT_NEGATIVE_CASES } from './negative-cases.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

describe('negative cases: no event', () => {
  it.each(EVENT_NEGATIVE_CASES)('$text ($why)', ({ text, language }) => {
    expect(ofKind(extract(gazetteer, text, { published: null, language: language ?? 'de' }), 'event')).toEqual([]);
  });
});
