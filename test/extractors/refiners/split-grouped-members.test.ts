import { beforeAll, describe, expect, it } from 'vitest';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { byMunicipality } from '../../../extractors/refiners/split-grouped-members.ts';
import { extract, ofKind, testGazetteer } from '../support/extract-helpers.ts';

let gazetteer: Gazetteer;
beforeAll(() => {
  gazetteer = testGazetteer();
});

const members = (text: string) => ofKind(extract(gazetteer, text, { published: '2019-05-02' }), 'member_list').map((l) => l.members.map((m) => [m.name, m.group ?? null]));

describe('grouped members, one per municipality', () => {
  it('splits a hyphenated region into its towns and keeps the region as their group', () => {
    expect(members('Die deutschen Mitglieder der Industriestädteallianz sind: Bochum, Region Lahr-Freiburg-Schwarzwald, Ulm und Erfurt.')).toEqual([
      [['Bochum', null], ['Lahr', 'Region Lahr-Freiburg-Schwarzwald'], ['Freiburg', 'Region Lahr-Freiburg-Schwarzwald'], ['Ulm', null], ['Erfurt', null]],
    ]);
  });

  it('splits two names glued by a missing comma into two members', () => {
    expect(members('Die deutschen Mitglieder der Industriestädteallianz sind: Bochum, Raunheim Kelsterbach, Ulm und Erfurt.')).toEqual([
      [['Bochum', null], ['Raunheim', null], ['Kelsterbach', null], ['Ulm', null], ['Erfurt', null]],
    ]);
  });

  it('gives the towns of a network with "mit" their network as group', () => {
    expect(members('Die deutschen Mitglieder der Industriestädteallianz sind: Ulm, das Städtenetzwerk „Main-Trio“ mit Rüsselsheim/Raunheim/Kelsterbach und Erfurt.')).toEqual([
      [['Ulm', null], ['Rüsselsheim', 'Main-Trio'], ['Raunheim', 'Main-Trio'], ['Kelsterbach', 'Main-Trio'], ['Erfurt', null]],
    ]);
  });
});

describe('members that stay whole', () => {
  it.each([
    ['a resolved town', { name: 'Halle (Saale)', raw: 'Halle (Saale)', resolved: true }],
    ['a district with its city in brackets', { name: "Bao'an", raw: "Bao'an District (Shenzhen)", resolved: true, places: ['Shenzhen'] }],
    ['an unknown word beside a town', { name: 'Ulm Nordwest', raw: 'Ulm Nordwest', resolved: false, suggestion: null }],
    ['a misspelt hyphenated name', { name: 'Dessau-Roßlau', raw: 'Dessau-Rosslauu', resolved: false, suggestion: 'Dessau-Roßlau' }],
  ])('%s', (_what, member) => {
    const [only, ...more] = byMunicipality(gazetteer, member);
    expect(more).toEqual([]);
    expect(only?.name).toBe(member.name);
    expect(only).not.toHaveProperty('places');
  });
});
