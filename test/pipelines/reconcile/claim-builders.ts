/** Builds stored-claim records for reconcile tests, with evidence that points into a stand-in text. */
import type { Claim } from '../../../core/claim.ts';
import type { ClaimWithSource } from '../../../sql/queries/claims.ts';

let nextId = 1;

type ClaimBody = Claim extends infer C ? (C extends Claim ? Omit<C, 'evidence'> : never) : never;

export function stored(claim: ClaimBody, where: { documentId: string; url: string; published?: string | null; quote?: string; at?: number }): ClaimWithSource {
  const quote = where.quote ?? `quote ${nextId}`;
  const start = where.at ?? 0;
  return {
    id: String(nextId++),
    versionId: where.documentId,
    documentId: where.documentId,
    claim: { ...claim, evidence: { quote, start, end: start + quote.length } } as Claim,
    extractorVersion: 'test',
    url: where.url,
    finalUrl: where.url,
    fetchedAt: new Date('2026-01-01T00:00:00Z'),
    published: where.published ?? null,
    title: null,
  };
}

export const member = (name: string, resolved = true, raw = name, suggestion: string | null = null) => ({ name, raw, resolved, suggestion });
