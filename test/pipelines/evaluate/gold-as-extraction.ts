/**
 * Test helper: turns a gold file into the extraction a perfect extractor would print, so the
 * evaluation plumbing and the gold files themselves can be checked against the real scorer.
 */
import type { Claim, Extraction } from '../../../core/claim.ts';
import type { GoldClaim, GoldFile } from '../../../pipelines/evaluate/gold-file.ts';

export function goldAsExtraction(gold: GoldFile, source: string, text: string): Extraction {
  return {
    document: { source, title: null, published: gold.published, language: gold.language, text },
    claims: gold.claims.map((claim) => toClaim(claim, text)),
  };
}

function toClaim(claim: GoldClaim, text: string): Claim {
  const start = Math.max(0, text.indexOf(claim.quote));
  const evidence = { quote: claim.quote, start, end: start + claim.quote.length };
  switch (claim.kind) {
    case 'member_count':
      return { kind: claim.kind, subject: claim.subject, country: claim.country, count: claim.count, qualifier: claim.qualifier, unit: claim.unit, scope: claim.scope, asOf: claim.asOf ?? null, evidence };
    case 'member_list':
      return {
        kind: claim.kind, subject: claim.subject, country: claim.country, scope: claim.scope, asOf: claim.asOf ?? null, statedCount: claim.statedCount,
        members: claim.members.map((name) => ({ name, raw: name, resolved: true })), evidence,
      };
    case 'membership_event':
      return { kind: claim.kind, subject: claim.subject, city: claim.city, event: claim.event, date: claim.date, evidence };
    case 'partnership':
      return { kind: claim.kind, cities: claim.cities, relation: claim.relation, since: claim.since, evidence };
    case 'city_attribute':
      return { kind: claim.kind, city: claim.city, attribute: claim.attribute, value: claim.value, evidence };
    case 'event':
      return { kind: claim.kind, type: claim.type, subject: claim.subject, date: claim.date, place: claim.place ?? null, ordinal: claim.ordinal ?? null, evidence };
  }
}
