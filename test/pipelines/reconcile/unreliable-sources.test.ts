/** A source a reviewer marked unreliable is weighed: its claims never outvote, a conflict only it raises is explained. */
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../../extractors/gazetteer/gazetteer.ts';
import type { Place } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { checkSubjects, groupBySubject } from '../../../pipelines/reconcile/reconcile.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';
import { stored } from './claim-builders.ts';

const place = (name: string, admin1: string): Place => ({ id: `cn:${name}`, name, country: 'CN', type: 'prefecture_city', admin1, parent: null, capitalOf: null });
const gazetteer = buildGazetteer([place('Zibo', 'Shandong')]);

let doc = 900;
const source = (published: string) => {
  doc++;
  return { documentId: String(doc), url: `http://paper${doc}.example/a`, published };
};
const population = (value: number) => stored({ kind: 'city_attribute', city: 'Zibo', attribute: 'population', value }, source('2020-05'));
const cnCount = (count: number) => stored({ kind: 'member_count', subject: 'ISA', country: 'CN', count, qualifier: 'exact', unit: 'cities', scope: 'current', asOf: '2019-11' }, source('2019-11-20'));
const check = (claims: ClaimWithSource[], doubted: ClaimWithSource[]) =>
  checkSubjects(groupBySubject(claims), gazetteer, claims, (c) => doubted.some((d) => d.documentId === c.documentId)).drafts;

describe('a source marked unreliable', () => {
  it('keeps a conflict only it raises as explained, saying why', () => {
    const odd = population(9_400_000);
    const claims = [population(4_700_000), population(4_650_000), odd];
    expect(check(claims, []).map((d) => [d.kind, d.initialStatus ?? 'open'])).toEqual([['population_conflict', 'open']]);
    const drafts = check(claims, [odd]);
    expect(drafts.map((d) => [d.kind, d.initialStatus])).toEqual([['population_conflict', 'explained']]);
    expect(drafts[0]?.explanation).toMatch(/marked unreliable/);
    expect(drafts[0]?.details.unreliableClaims).toEqual([Number(odd.id)]);
  });

  it('never outvotes: two sources that disagree stay open with no likely-wrong pick the unreliable one would have made', () => {
    const [a, b, doubted] = [cnCount(18), cnCount(19), cnCount(19)];
    const full = check([a, b, doubted], []).find((d) => d.kind === 'count_same_time_disagreement');
    expect(full?.details.likelyWrong?.claimId).toBe(Number(a.id));
    const weighed = check([a, b, doubted], [doubted]).find((d) => d.kind === 'count_same_time_disagreement');
    expect(weighed?.initialStatus ?? 'open').toBe('open');
    expect(weighed?.details.likelyWrong ?? null).toBeNull();
    expect(weighed?.claimIds).toEqual([a.id, b.id]);
  });
});
