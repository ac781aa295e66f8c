/** City attributes and partnerships across sources, on claims built here. */
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../extractors/gazetteer/gazetteer.ts';
import type { Place } from '../../../extractors/gazetteer/gazetteer-types.ts';
import type { CityAttributeClaim, PartnershipRelation } from '../../../core/claim.ts';
import { attributeConflict } from '../../../pipelines/reconcile/rules/attribute-conflict.ts';
import { granularity } from '../../../pipelines/reconcile/rules/granularity.ts';
import { partnershipConflict } from '../../../pipelines/reconcile/rules/partnership-conflict.ts';
import { stored } from './claim-builders.ts';
import { testGazetteer } from '../../extractors/support/extract-helpers.ts';

const place = (name: string, admin1: string): Place => ({ id: `cn:${name}`, name, country: 'CN', type: 'prefecture_city', admin1, parent: null, capitalOf: null });
const gazetteer = buildGazetteer([place('Zibo', 'Shandong'), place('Wuhu', 'Anhui'), place('Zhuhai', 'Guangdong')]);

let doc = 500;
const source = (published: string | null = null) => {
  doc++;
  return { documentId: String(doc), url: `http://news${doc}.example/a`, published };
};
const attribute = (city: string, name: CityAttributeClaim['attribute'] | 'region', value: string | number, where = source()) =>
  stored({ kind: 'city_attribute', city, attribute: name as CityAttributeClaim['attribute'], value }, where);
const partnership = (relation: PartnershipRelation, since: string | null, where = source()) =>
  stored({ kind: 'partnership', cities: ['Jena', 'Wuhu'], relation, since }, where);

describe('population across sources', () => {
  it('flags a figure twice the one other sources give, naming it as likely wrong', () => {
    const a = attribute('Zibo', 'population', 4_700_000, source('2020-05'));
    const b = attribute('Zibo', 'population', 4_650_000, source('2020-09'));
    const odd = attribute('Zibo', 'population', 9_400_000, source('2020-07'));
    const flags = attributeConflict({ claims: [a, b, odd], gazetteer });
    expect(flags.map((f) => f.kind)).toEqual(['population_conflict']);
    expect(flags[0]?.details.likelyWrong?.claimId).toBe(Number(odd.id));
    expect(flags[0]?.claimIds).toEqual([a.id, b.id, odd.id]);
  });

  it('accepts rounding, and more change the more years lie between the figures', () => {
    expect(attributeConflict({ claims: [attribute('Zibo', 'population', 4_700_000), attribute('Zibo', 'population', 4_680_000)], gazetteer })).toEqual([]);
    const old = attribute('Zibo', 'population', 4_200_000, source('2012'));
    const recent = attribute('Zibo', 'population', 4_700_000, source('2020'));
    expect(attributeConflict({ claims: [old, recent], gazetteer })).toEqual([]);
    expect(attributeConflict({ claims: [attribute('Zibo', 'population', 4_200_000, source('2020')), recent], gazetteer })).toHaveLength(1);
  });

  it('reads a bound up to half a step of its last digit: "über 4 Mio." fits 4.3 million, not 4.7 or 3.9', () => {
    const over = (n: number, where = source('2020')) => stored({ kind: 'city_attribute', city: 'Zibo', attribute: 'population', value: n, qualifier: 'more_than' }, where);
    expect(attributeConflict({ claims: [over(4_000_000), attribute('Zibo', 'population', 4_300_000, source('2020'))], gazetteer })).toEqual([]);
    const flags = attributeConflict({ claims: [over(4_000_000), attribute('Zibo', 'population', 4_700_000, source('2020'))], gazetteer });
    expect(flags.map((f) => f.kind)).toEqual(['population_conflict']);
    expect(flags[0]?.explanation).toContain('over 4 million');
    expect(attributeConflict({ claims: [over(4_000_000), attribute('Zibo', 'population', 3_900_000, source('2020'))], gazetteer })).toHaveLength(1);
  });

  it('does not compare two figures of one document (a city and its metropolitan area)', () => {
    const page = source();
    expect(attributeConflict({ claims: [attribute('Zhuhai', 'population', 2_400_000, page), attribute('Zhuhai', 'population', 7_000_000, page)], gazetteer })).toEqual([]);
  });
});

describe('region across sources', () => {
  it('flags a city placed in a region its province does not lie in (the province implies the region)', () => {
    const flags = attributeConflict({ claims: [attribute('Zhuhai', 'region', 'Nordchina'), attribute('Zhuhai', 'province', 'Guangdong')], gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.explanation).toContain('in Nordchina');
  });

  it('accepts a region that fits its province', () => {
    expect(attributeConflict({ claims: [attribute('Zhuhai', 'region', 'Südchina'), attribute('Wuhu', 'region', 'East China')], gazetteer })).toEqual([]);
  });
});

describe('partnerships across sources', () => {
  it('flags one relation dated a year apart and names the date fewer sources give', () => {
    const odd = partnership('partner_city', '2013');
    const flags = partnershipConflict({ claims: [odd, partnership('partner_city', '2012-10'), partnership('partner_city', '2012')], gazetteer });
    expect(flags.map((f) => f.kind)).toEqual(['partnership_since_conflict']);
    expect(flags[0]?.details.likelyWrong?.claimId).toBe(Number(odd.id));
  });

  it('lets stated dates outvote one worked out from an anniversary, without a flag', () => {
    const computed = stored({ kind: 'partnership', cities: ['Jena', 'Wuhu'], relation: 'partner_city', since: '1992', provenance: { rule: 'r', implied: ['since'] } }, source());
    expect(partnershipConflict({ claims: [partnership('partner_city', '1987-07'), partnership('partner_city', '1987'), computed], gazetteer })).toEqual([]);
  });

  it('lets dates worked out from anniversaries be a year apart, and no more', () => {
    const computed = (since: string) => stored({ kind: 'partnership', cities: ['Jena', 'Wuhu'], relation: 'partner_city', since, provenance: { rule: 'r', implied: ['since'] } }, source());
    // "20 Jahre" in a 2017 article and in a 2018 one: the same jubilee.
    expect(partnershipConflict({ claims: [computed('1997'), computed('1998')], gazetteer })).toEqual([]);
    expect(partnershipConflict({ claims: [computed('1997'), computed('2002')], gazetteer }).map((f) => f.kind)).toEqual(['partnership_since_conflict']);
  });

  it('keeps the dates of two instruments apart (a cooperation agreement before the twinning)', () => {
    expect(partnershipConflict({ claims: [partnership('cooperation_agreement', '2009'), partnership('partner_city', '2012'), partnership('partner_city', '2012-05')], gazetteer })).toEqual([]);
  });

  it('flags a twinning that another source calls a friendship-city agreement, and not a treaty beside a twinning', () => {
    expect(partnershipConflict({ claims: [partnership('partner_city', null), partnership('friendship_city', null)], gazetteer }).map((f) => f.kind)).toEqual(['partnership_relation_conflict']);
    expect(partnershipConflict({ claims: [partnership('partner_city', null), partnership('friendship_treaty', null)], gazetteer })).toEqual([]);
  });

  it('compares the dates of a twinning and a friendship-city agreement as one instrument, and not those of a cooperation agreement', () => {
    const odd = partnership('friendship_city', '2004-09');
    const kinds = partnershipConflict({ claims: [odd, partnership('partner_city', '2004-10'), partnership('partner_city', '2004-10-20')], gazetteer }).map((f) => f.kind);
    expect(kinds).toEqual(['partnership_since_conflict', 'partnership_relation_conflict']);
    expect(partnershipConflict({ claims: [partnership('cooperation_agreement', '2004-09'), partnership('partner_city', '2004-10')], gazetteer })).toEqual([]);
  });
});

describe('a friendship agreement that later became a twinning', () => {
  it('keeps the two steps apart once a source tells both, and flags neither their dates nor their names', () => {
    const both = source();
    const claims = [partnership('friendship_city', '2004', both), partnership('partner_city', '2008', both), partnership('friendship_city', '2004-05'), partnership('partner_city', '2008-11')];
    expect(partnershipConflict({ claims, gazetteer })).toEqual([]);
    // Without that source, the same dates are one instrument dated two ways, named two ways.
    expect(partnershipConflict({ claims: claims.slice(2), gazetteer }).map((f) => f.kind)).toEqual(['partnership_since_conflict', 'partnership_relation_conflict']);
  });

  it('still flags a twinning dated two ways when a source tells the steps apart', () => {
    const both = source();
    const flags = partnershipConflict({ claims: [partnership('friendship_city', '2004', both), partnership('partner_city', '2008', both), partnership('partner_city', '2009')], gazetteer });
    expect(flags.map((f) => f.kind)).toEqual(['partnership_since_conflict']);
    expect(flags[0]?.details.dates).toEqual(['2008', '2009']);
  });
});

describe('a partner named as a city and as the region around it', () => {
  const pair = (cities: [string, string], where = source()) => stored({ kind: 'partnership', cities, relation: 'partner_city', since: null }, where);

  it('flags Jena in one source and the Region Jena in another once, keeping both', () => {
    const flags = granularity({ claims: [pair(['Jena', 'Wuhu']), pair(['Region Jena', 'Wuhu']), pair(['Jena', 'Wuhu'])], gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'granularity', details: { city: 'Jena', region: 'Region Jena' } });
    expect(flags[0]?.claimIds).toHaveLength(3);
  });

  it('reads a regional partnership of several towns as the region around the first, against the city alone', () => {
    const regional = stored({ kind: 'partnership', cities: ['Jena', 'Wuhu'], relation: 'partner_city', since: null, provenance: { rule: 'r', notes: ['regional-group: Jena, Gera, Landkreis Greiz'] } }, source());
    const city = pair(['Jena', 'Wuhu']);
    const flags = granularity({ claims: [regional, city], gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'granularity', details: { city: 'Jena', region: 'Region Jena', group: ['Jena', 'Gera', 'Landkreis Greiz'] } });
    expect(flags[0]?.claimIds).toEqual([regional.id, city.id]);
    // Two sources telling the same regional partnership: nothing to flag.
    const again = stored({ kind: 'partnership', cities: ['Jena', 'Wuhu'], relation: 'partner_city', since: null, provenance: { rule: 'r', notes: ['regional-group: Jena, Gera'] } }, source());
    expect(granularity({ claims: [regional, again], gazetteer })).toEqual([]);
  });

  it('leaves one source naming both alone, and a region with no city of its name', () => {
    const both = source();
    expect(granularity({ claims: [pair(['Jena', 'Wuhu'], both), pair(['Region Jena', 'Wuhu'], both)], gazetteer })).toEqual([]);
    expect(granularity({ claims: [pair(['Region Gera', 'Wuhu']), pair(['Jena', 'Wuhu'])], gazetteer })).toEqual([]);
  });
});

describe('a partner named as a city and as one of its districts', () => {
  const district = (name: string, parent: string, admin1: string): Place => ({ id: `cn:${name}:${parent}`, name, country: 'CN', type: 'city_district', admin1, parent, capitalOf: null });
  // Two namesake districts in two cities, as many Chinese district names have.
  const namesakes = buildGazetteer([place('Wuhu', 'Anhui'), place('Zibo', 'Shandong'), district('Jinghu', 'Wuhu', 'Anhui'), district('Jinghu', 'Zibo', 'Shandong')]);
  const pair = (cities: [string, string], where = source()) => stored({ kind: 'partnership', cities, relation: 'partner_city', since: null }, where);

  it('lets the city another source names decide which namesake district is meant', () => {
    const flags = granularity({ claims: [pair(['Jena', 'Jinghu']), pair(['Jena', 'Wuhu'])], gazetteer: namesakes });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'granularity', details: { city: 'Wuhu', district: 'Jinghu' } });
  });

  it('stays silent when no source names a city the district could lie in, or both of them', () => {
    expect(granularity({ claims: [pair(['Jena', 'Jinghu']), pair(['Jena', 'Zhuhai'])], gazetteer: namesakes })).toEqual([]);
    expect(granularity({ claims: [pair(['Jena', 'Jinghu']), pair(['Jena', 'Wuhu']), pair(['Jena', 'Zibo'])], gazetteer: namesakes })).toEqual([]);
  });
});

describe('region against the province, through the gazetteer', () => {
  const real = testGazetteer();
  it('checks the capital of a country against that country\'s capital, not against a province\'s', () => {
    expect(attributeConflict({ claims: [attribute('Beijing', 'capital_of', 'China'), attribute('Berlin', 'capital_of', 'Deutschland')], gazetteer: real })).toEqual([]);
    const flags = attributeConflict({ claims: [attribute('Nanjing', 'capital_of', 'China')], gazetteer: real });
    expect(flags.map((f) => f.kind)).toEqual(['attribute_conflict']);
    expect(flags[0]?.explanation).toContain('the capital of China is Beijing');
  });

  it('flags a city placed in a region its province (per the gazetteer) does not lie in', () => {
    const flags = attributeConflict({ claims: [attribute('Foshan', 'region', 'Ostchina')], gazetteer: real });
    expect(flags.map((f) => f.kind)).toEqual(['attribute_conflict']);
  });

  it('accepts the delta a city lies in and a region that shares the province\'s direction', () => {
    expect(attributeConflict({ claims: [attribute('Foshan', 'region', 'Perlflussdelta'), attribute('Foshan', 'region', 'Südostchina')], gazetteer: real })).toEqual([]);
    expect(attributeConflict({ claims: [attribute('Foshan', 'region', 'Jangtse-Delta')], gazetteer: real })).toHaveLength(1);
  });

  it('takes central China as vague at its edges: it fits the southwest, not the northeast', () => {
    expect(attributeConflict({ claims: [attribute('Chengdu', 'region', 'Zentralchina')], gazetteer: real })).toEqual([]);
    expect(attributeConflict({ claims: [attribute('Dalian', 'region', 'Zentralchina')], gazetteer: real })).toHaveLength(1);
  });
});
