import { beforeAll, describe, expect, it } from 'vitest';
import type { PlaceGazetteer } from '../../../extractors/gazetteer/gazetteer.ts';
import { loadGazetteer } from '../../../extractors/gazetteer/load-gazetteer.ts';
import { negativeCases } from './negative-cases.ts';

let gazetteer: PlaceGazetteer;
beforeAll(() => {
  gazetteer = loadGazetteer();
});

describe('negative cases: common words and person names are not strong place mentions', () => {
  it.each(negativeCases)('$name in "$text" ($why)', ({ text, name }) => {
    const strong = gazetteer.findMentions(text).filter((m) => !m.weak && m.raw === name);
    expect(strong).toEqual([]);
  });
});
