import type { CityAttributeClaim } from '../../../core/claim.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';
import { ofKind, where, type FlagDraft, type ReconcileRule } from '../flag-draft.ts';

type AttributeClaim = ClaimWithSource & { claim: CityAttributeClaim };

/** Administrative attributes a city has exactly one of; population varies with the year. */
const SINGLE_VALUED = new Set(['province', 'state', 'capital_of', 'district_of']);

/**
 * Attributes that disagree with each other (Qingdao in Shandong and capital of Guangdong) or with
 * the gazetteer (Qingdao is no provincial capital). One flag per city and attribute family.
 */
export const attributeConflict: ReconcileRule = ({ claims, gazetteer }) => {
  const byCity = new Map<string, AttributeClaim[]>();
  for (const claim of ofKind(claims, 'city_attribute')) {
    if (!SINGLE_VALUED.has(claim.claim.attribute)) continue;
    const list = byCity.get(claim.claim.city) ?? [];
    list.push(claim);
    byCity.set(claim.claim.city, list);
  }
  const drafts: FlagDraft[] = [];
  for (const [city, cityClaims] of byCity) {
    const problems: string[] = [];
    const involved = new Set<string>();
    const places = gazetteer.byName(city);
    const place = places.length === 1 ? places[0] : undefined;

    // Two sources (or one page twice) giving the same attribute different values.
    const byAttribute = new Map<string, AttributeClaim[]>();
    for (const c of cityClaims) byAttribute.set(c.claim.attribute, [...(byAttribute.get(c.claim.attribute) ?? []), c]);
    for (const [attribute, list] of byAttribute) {
      const values = [...new Set(list.map((c) => String(c.claim.value)))];
      if (values.length > 1) {
        problems.push(`${attribute} given as ${values.map((v) => `"${v}"`).join(' and ')}`);
        list.forEach((c) => involved.add(c.id));
      }
    }
    // A capital of one province said to lie in another.
    const provinces = new Set((byAttribute.get('province') ?? byAttribute.get('state') ?? []).map((c) => String(c.claim.value)));
    for (const c of byAttribute.get('capital_of') ?? []) {
      const capitalOf = String(c.claim.value);
      if (provinces.size > 0 && !provinces.has(capitalOf)) {
        problems.push(`said to be capital of ${capitalOf} but placed in ${[...provinces].join(', ')}`);
        involved.add(c.id);
        for (const p of [...(byAttribute.get('province') ?? []), ...(byAttribute.get('state') ?? [])]) involved.add(p.id);
      }
    }
    // Against the gazetteer, when the name is unambiguous there.
    if (place) {
      for (const c of cityClaims) {
        const value = String(c.claim.value);
        const known = knownValue(place, c.claim.attribute);
        if (known === undefined) continue;
        if (c.claim.attribute === 'capital_of' && known !== value) {
          const capital = gazetteer.capitalOf?.(value)?.name ?? null;
          problems.push(known
            ? `gazetteer: ${city} is capital of ${known}, not ${value}`
            : `gazetteer: ${city} is no capital of ${value}${capital ? ` (its capital is ${capital})` : ''}`);
          involved.add(c.id);
        } else if (c.claim.attribute !== 'capital_of' && known && known !== value) {
          problems.push(`gazetteer: ${city} lies in ${known}, not ${value}`);
          involved.add(c.id);
        }
      }
    }
    if (problems.length === 0) continue;
    const evidence = cityClaims.filter((c) => involved.has(c.id));
    drafts.push({
      kind: 'attribute_conflict',
      severity: 'warning',
      subject: city,
      key: city,
      explanation: `${city}: ${[...new Set(problems)].join('; ')}`,
      details: {
        city,
        gazetteer: place ? { admin1: place.admin1, parent: place.parent, capitalOf: place.capitalOf ?? null } : null,
        statements: evidence.map((c) => ({ attribute: c.claim.attribute, value: c.claim.value, quote: c.claim.evidence.quote, where: where(c) })),
      },
      claimIds: evidence.map((c) => c.id),
    });
  }
  return drafts;
};

function knownValue(place: { admin1: string | null; parent: string | null; capitalOf?: string | null }, attribute: string): string | null | undefined {
  switch (attribute) {
    case 'province':
    case 'state':
      return place.admin1;
    case 'capital_of':
      return place.capitalOf ?? null;
    case 'district_of':
      return place.parent;
    default:
      return undefined;
  }
}
