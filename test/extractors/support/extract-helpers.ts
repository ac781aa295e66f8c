/**
 * Helpers for extractor tests: one real gazetteer per test file (loaded in `beforeAll`), and
 * `extract` with a fixed "now" so every run sees the same context.
 */
import type { Claim, ClaimKind } from '../../../core/claim.ts';
import type { Gazetteer } from '../../../extractors/gazetteer/gazetteer-types.ts';
import { loadGazetteer } from '../../../extractors/gazetteer/load-gazetteer.ts';
import { extractClaims } from '../../../extractors/extract-claims.ts';

const NOW = new Date('2026-01-01T00:00:00Z');

export function testGazetteer(): Gazetteer {
  return loadGazetteer();
}

export interface ExtractInput {
  published?: string | null;
  language?: 'de' | 'en';
}

/** Claims of `text` under a fixed context. */
export function extract(gazetteer: Gazetteer, text: string, input: ExtractInput = {}): Claim[] {
  return extractClaims(text, { gazetteer, published: input.published ?? null, language: input.language ?? 'de', now: NOW });
}

/** Claims of one kind, without evidence and provenance, for compact assertions. */
export function ofKind<K extends ClaimKind>(claims: Claim[], kind: K): Array<Omit<Extract<Claim, { kind: K }>, 'evidence' | 'provenance'>> {
  return claims
    .filter((c): c is Extract<Claim, { kind: K }> => c.kind === kind)
    .map(({ evidence: _e, provenance: _p, ...rest }) => rest as Omit<Extract<Claim, { kind: K }>, 'evidence' | 'provenance'>);
}
