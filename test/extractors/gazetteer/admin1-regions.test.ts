/**
 * Provinces spelt wrong are found like misspelt cities, but only where a designator marks the
 * name as a province; China's macro-regions resolve from their written forms, and each
 * province names its region so a region can be compared with a province.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlaceGazetteer } from '../../../extractors/gazetteer/gazetteer.ts';
import { loadGazetteer } from '../../../extractors/gazetteer/load-gazetteer.ts';
import { findCityMentions } from '../../../extractors/places/find-cities.ts';

let gazetteer: PlaceGazetteer;
beforeAll(() => {
  gazetteer = loadGazetteer();
});

describe('misspelt provinces', () => {
  it.each([
    ['Guandong', 'Guangdong'],
    ['Provinz Shangdon', 'Shandong'],
    ['Zheijang Province', 'Zhejiang'],
    ['Sichaun', 'Sichuan'],
  ])('%s → %s', (written, name) => {
    expect(gazetteer.admin1(written)).toBeNull();
    expect(gazetteer.admin1Fuzzy(written)?.name).toBe(name);
  });

  it('resolves neither of two provinces equally close, nor a short word', () => {
    // "Shanxj" is one edit from Shanxi and two from Shaanxi: Shanxi; "Hanan" is one from Hunan, Henan and Hainan: none.
    expect(gazetteer.admin1Fuzzy('Shanxj')?.name).toBe('Shanxi');
    expect(gazetteer.admin1Fuzzy('Hanan')).toBeNull();
    expect(gazetteer.admin1Fuzzy('Hub')).toBeNull();
  });

  it('finds a misspelt province in running text only after a designator', () => {
    const { admin1 } = findCityMentions('Foshan liegt in der Provinz Guandong. Guandong ist groß.', gazetteer);
    expect(admin1.map((m) => [m.raw, m.name])).toEqual([['Guandong', 'Guangdong']]);
  });
});

describe('regions', () => {
  it.each([
    ['Süden Chinas', 'Südchina', null],
    ['South China', 'Südchina', null],
    ['Ostchina', 'Ostchina', null],
    ['Yangtze River Delta', 'Jangtse-Delta', 'Ostchina'],
    ['Delta des Perlflusses', 'Perlflussdelta', 'Südchina'],
  ])('%s → %s', (written, name, within) => {
    expect(gazetteer.region(written)).toEqual({ name, within });
  });

  it('gives each province its region', () => {
    expect(gazetteer.regionOfAdmin1('Guangdong')).toBe('Südchina');
    expect(gazetteer.regionOfAdmin1('Provinz Sichuan')).toBe('Südwestchina');
    expect(gazetteer.regionOfAdmin1('Jiangsu')).toBe('Ostchina');
    expect(gazetteer.regionOfAdmin1('Bayern')).toBeNull();
    expect(gazetteer.region('Bayern')).toBeNull();
  });
});
