import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';
import { CITY_ATTRIBUTE_NEGATIVE_CASES } from './negative-cases.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

describe('negative cases: no city attribute', () => {
  it.each(CITY_ATTRIBUTE_NEGATIVE_CASES)('$text ($why)', ({ text, language }) => {
    expect(ofKind(extract(gazetteer, text, { published: '2020-01-01', language: language ?? 'de' }), 'city_attribute')).toEqual([]);
  });
});
