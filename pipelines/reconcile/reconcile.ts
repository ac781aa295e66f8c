import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import { currentClaims } from '../../sql/queries/claims.ts';
import { syncFlags, type SyncFlagsResult } from '../../sql/queries/flags.ts';
import { withClaimCorrections } from '../../sql/queries/decisions.ts';
import type { DB } from '../../sql/schema.ts';
import type { FlagDraft } from './flag-draft.ts';
import { RECONCILE_RULES } from './reconcile-rules.ts';

export interface ReconcileDeps {
  db: Kysely<DB>;
  gazetteer: Gazetteer;
  /** Whose claims count where a version was extracted more than once (after a rollback, say). */
  extractorVersion?: string | null;
}

export interface ReconcileResult extends SyncFlagsResult {
  claims: number;
  byKind: Record<string, number>;
  /** A rule that threw is reported here and the others still run. */
  ruleErrors: Array<{ rule: string; message: string }>;
}

/** Flags conflicts within and between sources over the claims that stand now. */
export async function reconcile(deps: ReconcileDeps, input: { runId: string | null }): Promise<ReconcileResult> {
  // Values reviewers corrected replace the extracted ones (sql/queries/decisions.ts).
  const claims = await withClaimCorrections(deps.db, await currentClaims(deps.db, deps.extractorVersion ?? null));
  const drafts: FlagDraft[] = [];
  const ruleErrors: ReconcileResult['ruleErrors'] = [];
  for (const { name, rule } of RECONCILE_RULES) {
    try {
      drafts.push(...rule({ claims, gazetteer: deps.gazetteer }));
    } catch (error) {
      ruleErrors.push({ rule: name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  const unique = new Map<string, FlagDraft & { fingerprint: string }>();
  for (const draft of drafts) {
    const fingerprint = flagFingerprint(draft);
    if (!unique.has(fingerprint)) unique.set(fingerprint, { ...draft, fingerprint });
  }
  const synced = await syncFlags(
    deps.db,
    [...unique.values()].map((d) => ({ ...d, initialStatus: d.initialStatus ?? 'open', runId: input.runId })),
    input.runId,
  );
  const byKind: Record<string, number> = {};
  for (const d of unique.values()) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  return { ...synced, claims: claims.length, byKind, ruleErrors };
}

/** Stable across runs and re-extraction: derived from what the flag is about, never from row ids. */
export function flagFingerprint(draft: Pick<FlagDraft, 'kind' | 'key'>): string {
  return createHash('sha256').update(`${draft.kind}\u0000${draft.key}`).digest('hex').slice(0, 24);
}
