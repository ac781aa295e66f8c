/** The membership timeline rules on claims built here: each rule with a case it flags and one it must not. */
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../extractors/gazetteer/gazetteer.ts';
import type { Place } from '../../../extractors/gazetteer/gazetteer-types.ts';
import type { CountQualifier } from '../../../core/claim.ts';
import { countTimeline } from '../../../pipelines/reconcile/rules/count-timeline.ts';
import { listVsEvents } from '../../../pipelines/reconcile/rules/list-vs-events.ts';
import { granularity } from '../../../pipelines/reconcile/rules/granularity.ts';
import { unresolvedName, looksLikeName } from '../../../pipelines/reconcile/rules/unresolved-name.ts';
import { member, stored } from './claim-builders.ts';

const place = (name: string, country: 'DE' | 'CN', admin1: string, type: Place['type'] = country === 'CN' ? 'prefecture_city' : 'municipality', parent: string | null = null): Place => ({
  id: `${country}:${name}:${admin1}`, name, country, type, admin1, parent, capitalOf: null,
});
const gazetteer = buildGazetteer([
  place('Hangzhou', 'CN', 'Zhejiang'), place('Xiaoshan', 'CN', 'Zhejiang', 'city_district', 'Hangzhou'), place('Weifang', 'CN', 'Shandong'),
  place('Yichang', 'CN', 'Hubei'), place('Harbin', 'CN', 'Heilongjiang'),
  place('Eisenach', 'DE', 'Thüringen'), place('Herne', 'DE', 'Nordrhein-Westfalen'), place('Mössingen', 'DE', 'Baden-Württemberg'),
  place('Ulm', 'DE', 'Baden-Württemberg'), place('Kleve', 'DE', 'Nordrhein-Westfalen'), place('Gera', 'DE', 'Thüringen'),
  { ...place('Taizhou', 'CN', 'Zhejiang'), id: 'cn:331000' }, { ...place('Taizhou', 'CN', 'Jiangsu'), id: 'cn:321200' },
]);

let doc = 100;
const source = (published: string | null = null) => {
  doc++;
  return { documentId: String(doc), url: `http://press${doc}.example/release`, published };
};
const count = (country: 'DE' | 'CN', n: number, asOf: string | null, where = source(), qualifier: CountQualifier = 'exact', scope: 'current' | 'founding' | 'event' = 'current') =>
  stored({ kind: 'member_count', subject: 'ISA', country, count: n, qualifier, unit: 'cities', scope, asOf }, where);
const joined = (city: string, date: string | null, where = source(), event: 'joined' | 'left' = 'joined') =>
  stored({ kind: 'membership_event', subject: 'ISA', city, event, date }, where);
const list = (country: 'DE' | 'CN', names: string[], asOf: string, where = source(), statedCount: number | null = names.length, scope: 'current' | 'founding' | 'event' = 'current') =>
  stored({ kind: 'member_list', subject: 'ISA', country, scope, asOf, statedCount, members: names.map((n) => member(n)) }, where);
const kinds = (flags: Array<{ kind: string }>) => flags.map((f) => f.kind).sort();

describe('same-time disagreement', () => {
  it('flags two sources about the same month with different exact counts, citing only those two', () => {
    const a = count('CN', 18, '2019-12-05');
    const b = count('CN', 19, '2019-12');
    const earlier = count('CN', 12, '2018-03');
    const flags = countTimeline({ claims: [earlier, a, b], gazetteer });
    const flag = flags.find((f) => f.kind === 'count_same_time_disagreement');
    expect(flag?.severity).toBe('contradiction');
    expect(flag?.claimIds).toEqual([a.id, b.id]);
    expect(flag?.explanation).toMatch(/^ISA CN members around 2019-12: 18 .* vs 19 /);
    expect(flag?.details.timeline?.points.map((p) => [p.value, p.role])).toEqual([[12, 'context'], [19, 'conflicting'], [18, 'conflicting']]);
  });

  it('respects qualifiers: "over 40" agrees with 47 at the same moment', () => {
    const flags = countTimeline({ claims: [count('DE', 40, '2021-05', source(), 'more_than'), count('DE', 47, '2021-05-12')], gazetteer });
    expect(kinds(flags).filter((k) => k !== 'count_growth_explained')).toEqual([]);
  });

  it('names the outvoted value when more sources agree on the other', () => {
    const odd = count('DE', 21, '2020-11');
    const flags = countTimeline({ claims: [odd, count('DE', 23, '2020-11-03'), count('DE', 23, '2020-11-20')], gazetteer });
    expect(flags[0]?.details.likelyWrong?.claimId).toBe(Number(odd.id));
  });

  it('does not take one document\'s before and after for a disagreement', () => {
    const page = source();
    expect(kinds(countTimeline({ claims: [count('DE', 21, '2019-11-04', page), count('DE', 23, '2019-11-04', page)], gazetteer }))).toEqual([]);
  });

  it('does not take one year for one moment: members join within a year', () => {
    expect(kinds(countTimeline({ claims: [count('CN', 14, '2017'), count('CN', 16, '2017')], gazetteer }))).toEqual(['count_growth_explained']);
  });
});

describe('outlier', () => {
  it('names a value its two neighbours contradict and the sources that outvote it', () => {
    const before = count('DE', 19, '2018-04');
    const outlier = count('DE', 23, '2018-11');
    const after = count('DE', 21, '2019-04');
    const flags = countTimeline({ claims: [before, outlier, after, joined('Herne', '2018-10'), joined('Kleve', '2019-03')], gazetteer });
    const flag = flags.find((f) => f.kind === 'count_outlier');
    expect(flag?.details.likelyWrong?.claimId).toBe(Number(outlier.id));
    expect(flag?.details.likelyWrong?.reason).toMatch(/19 \(2018-04\) and 21 \(2019-04\) agree/);
    expect(flag?.claimIds).toEqual([before.id, outlier.id, after.id]);
    expect(kinds(flags)).not.toContain('count_unexplained_change');
  });

  it('leaves a steadily growing series alone and shows it as explained', () => {
    const flags = countTimeline({ claims: [count('DE', 19, '2018-04'), count('DE', 21, '2018-11'), count('DE', 23, '2019-04')], gazetteer });
    expect(kinds(flags)).toEqual(['count_growth_explained']);
    expect(flags[0]).toMatchObject({ severity: 'explained', initialStatus: 'explained' });
  });
});

describe('unexplained change', () => {
  it('flags a fall with no exit reported, and not one an exit explains', () => {
    const a = count('CN', 20, '2018-04');
    const b = count('CN', 18, '2019-04');
    expect(kinds(countTimeline({ claims: [a, b], gazetteer }))).toContain('count_unexplained_change');
    const exits = [joined('Weifang', '2018-09', source(), 'left'), joined('Yichang', '2018-12', source(), 'left')];
    expect(kinds(countTimeline({ claims: [a, b, ...exits], gazetteer }))).not.toContain('count_unexplained_change');
  });

  it('flags a rise larger than the admissions a source counts between the two dates', () => {
    const admitted = count('DE', 2, '2018-10', source(), 'exact', 'event');
    const flags = countTimeline({ claims: [count('DE', 12, '2018-04'), admitted, count('DE', 17, '2019-04')], gazetteer });
    expect(flags.find((f) => f.kind === 'count_unexplained_change')?.explanation).toMatch(/more than the 2 admission/);
    expect(kinds(countTimeline({ claims: [count('DE', 12, '2018-04'), count('DE', 17, '2019-04')], gazetteer }))).toEqual(['count_growth_explained']);
  });

  it('places a founding figure at the founding, not at the date of the text recalling it', () => {
    const founding = stored({ kind: 'event', type: 'founding', subject: 'ISA', date: '2016-04', place: null, ordinal: null }, source());
    const flags = countTimeline({ claims: [founding, count('CN', 11, null, source('2019-06-01'), 'exact', 'founding'), count('CN', 23, '2019-06')], gazetteer });
    expect(kinds(flags)).toEqual(['count_growth_explained']);
    expect(flags[0]?.explanation).toContain('11 (2016-04) → 23 (2019-06)');
  });
});

describe('list vs events', () => {
  it('flags a member listed before its admission, naming the list as likely wrong when the city itself dates it', () => {
    const roster = list('DE', ['Ulm', 'Gera'], '2016-04');
    const own = joined('Gera', '2017-04-24', { documentId: '900', url: 'http://www.gera.de/presse/isa', published: null });
    const flags = listVsEvents({ claims: [roster, own], gazetteer });
    expect(kinds(flags)).toEqual(['listed_before_joining']);
    expect(flags[0]?.details.likelyWrong).toEqual({ claimId: Number(roster.id), reason: "Gera's own release dates its admission 2017-04-24" });
    expect(listVsEvents({ claims: [list('DE', ['Ulm', 'Gera'], '2017-06'), own], gazetteer })).toEqual([]);
  });

  it('flags an admitted member missing from a later complete list, unless it left', () => {
    const admission = joined('Eisenach', '2019-11');
    const complete = list('DE', ['Ulm', 'Gera', 'Herne'], '2020-05');
    expect(kinds(listVsEvents({ claims: [admission, complete], gazetteer }))).toEqual(['admitted_missing_from_list']);
    expect(listVsEvents({ claims: [admission, complete, joined('Eisenach', '2020-01', source(), 'left')], gazetteer })).toEqual([]);
    // A list that does not say it is complete names examples.
    expect(listVsEvents({ claims: [admission, list('DE', ['Ulm', 'Gera'], '2020-05', source(), null)], gazetteer })).toEqual([]);
  });

  it('flags a member a later complete list drops with no exit, once', () => {
    const before = list('DE', ['Ulm', 'Mössingen'], '2018-01', source(), null);
    const after = list('DE', ['Ulm', 'Herne'], '2019-01');
    const flags = listVsEvents({ claims: [before, after], gazetteer });
    expect(kinds(flags)).toEqual(['dropped_without_exit']);
    expect(flags[0]?.claimIds).toEqual([before.id, after.id]);
    expect(listVsEvents({ claims: [before, after, joined('Mössingen', '2018-06', source(), 'left')], gazetteer })).toEqual([]);
  });

  it('takes a grouped item of a list as the places it names', () => {
    const admitted = joined('Ulm', '2019-11');
    const grouped = stored({ kind: 'member_list', subject: 'ISA', country: 'DE', scope: 'current', asOf: '2020-05', statedCount: 2, members: [member('Gera'), member('Region Ulm-Kleve', false)] }, source());
    expect(listVsEvents({ claims: [admitted, grouped], gazetteer })).toEqual([]);
  });
});

describe('granularity', () => {
  it('flags a city named where another source names its district, once, keeping both', () => {
    const a = list('CN', ['Hangzhou', 'Weifang'], '2019-04');
    const b = list('CN', ['Xiaoshan'], '2019-11');
    const c = joined('Xiaoshan', '2019-11');
    const flags = granularity({ claims: [a, b, c], gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'granularity', details: { city: 'Hangzhou', district: 'Xiaoshan' } });
  });

  it('does not flag one source naming both (it tells them apart)', () => {
    const both = source();
    expect(granularity({ claims: [list('CN', ['Hangzhou'], '2019-04', both), joined('Xiaoshan', '2019-04', both)], gazetteer })).toEqual([]);
  });
});

describe('names', () => {
  it('flags an ambiguous name once per organisation, listing every source it occurs in', () => {
    const lists = [list('CN', ['Taizhou', 'Harbin'], '2018-04'), list('CN', ['Taizhou'], '2019-04'), list('CN', ['Taizhou'], '2020-04')];
    const flags = unresolvedName({ claims: lists, gazetteer });
    expect(flags).toHaveLength(1);
    expect(flags[0]?.claimIds).toEqual(lists.map((l) => l.id));
    expect(flags[0]?.explanation).toContain('in 3 source(s)');
  });

  it('lets a placement in any source decide between namesakes', () => {
    const placement = stored({ kind: 'city_attribute', city: 'Taizhou', attribute: 'province', value: 'Zhejiang' }, source());
    expect(unresolvedName({ claims: [list('CN', ['Taizhou'], '2018-04')], gazetteer, placements: [placement] })).toEqual([]);
  });

  it('never takes a list fragment for a name', () => {
    for (const fragment of ['aus China Foshan', 'Liuzhou. let', 'und weitere Städte', '3 Städte', 'Jena:']) expect(looksLikeName(fragment), fragment).toBe(false);
    for (const name of ['Frankfurt am Main', 'Mülheim an der Ruhr', 'Halle (Saale)', 'Zhuzhouan', "Ma'anshan", 'St. Ingbert']) expect(looksLikeName(name), name).toBe(true);
    const withFragment = stored({ kind: 'member_list', subject: 'ISA', country: 'CN', scope: 'current', asOf: null, statedCount: null, members: [member('aus China Foshan', false)] }, source());
    expect(unresolvedName({ claims: [withFragment], gazetteer })).toEqual([]);
  });
});
