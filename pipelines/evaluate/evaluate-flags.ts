/**
 * How well the reconciler finds what a careful reader flags inside one document: each gold file's
 * `flags` against the flags the reconcile rules raise over that document's extracted claims alone.
 * Flags that need other documents (a founding member that joined later) cannot be raised from one
 * document and are not in the gold per document; `explained` findings (membership growth) are
 * context, not flags, and are left out.
 */
import { basename, join } from 'node:path';
import type { Extraction } from '../../core/claim.ts';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import type { ClaimWithSource } from '../../sql/queries/claims.ts';
import { checkSubjects, groupBySubject } from '../reconcile/reconcile.ts';
import { findGoldDocument, listGoldNames } from './evaluate-gold.ts';
import { readGoldFile } from './gold-file.ts';

/** Gold names for the same finding, written before the reconciler named its kinds. */
const KIND_ALIASES: Record<string, string> = { count_sum_mismatch: 'count_sum_conflict' };

export interface FlagScore {
  set: string;
  tp: number;
  fp: number;
  fn: number;
  misses: string[];
  extras: string[];
}

/** Scores the reconciler per set; `extractions` maps each gold document's path to its extraction. */
export async function evaluateFlags(setDirs: readonly string[], extractions: ReadonlyMap<string, Extraction>, gazetteer: Gazetteer): Promise<FlagScore[]> {
  const scores: FlagScore[] = [];
  for (const setDir of setDirs) {
    const score: FlagScore = { set: basename(setDir), tp: 0, fp: 0, fn: 0, misses: [], extras: [] };
    for (const name of await listGoldNames(setDir)) {
      const file = findGoldDocument(setDir, name);
      const extraction = file ? extractions.get(file) : undefined;
      if (!extraction) continue;
      const gold = await readGoldFile(join(setDir, `${name}.json`));
      const wanted = gold.flags.map((f) => KIND_ALIASES[f.kind] ?? f.kind);
      const raised = documentFlags(extraction, gazetteer);
      for (const kind of wanted) {
        const at = raised.indexOf(kind);
        if (at >= 0) {
          score.tp++;
          raised.splice(at, 1);
        } else {
          score.fn++;
          score.misses.push(`${name}: ${kind}`);
        }
      }
      score.fp += raised.length;
      score.extras.push(...raised.map((kind) => `${name}: ${kind}`));
    }
    scores.push(score);
  }
  return scores;
}

/** The kinds of the open flags the rules raise over one document's claims. */
export function documentFlags(extraction: Extraction, gazetteer: Gazetteer): string[] {
  const claims: ClaimWithSource[] = extraction.claims.map((claim, i) => ({
    id: String(i + 1),
    versionId: '1',
    documentId: '1',
    claim,
    extractorVersion: 'eval',
    url: extraction.document.source,
    finalUrl: extraction.document.source,
    fetchedAt: new Date(0),
    published: extraction.document.published,
    title: extraction.document.title,
  }));
  return checkSubjects(groupBySubject(claims), gazetteer, claims.filter((c) => c.claim.kind === 'city_attribute')).drafts
    .filter((flag) => flag.initialStatus !== 'explained')
    .map((flag) => flag.kind);
}
