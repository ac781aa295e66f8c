import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Gazetteer } from '../../extractors/gazetteer/gazetteer-types.ts';
import { currentClaims, type ClaimWithSource } from '../../sql/queries/claims.ts';
import {
  claimSubjectsOfRun, claimSubjectsReplacedByRun, subjectKeysOfAmbiguousNames, syncFlags, type SyncFlagsResult,
} from '../../sql/queries/flags.ts';
import { unreliableSources, withClaimCorrections } from '../../sql/queries/decisions.ts';
import { runsSinceLastReconciled } from '../../sql/queries/runs.ts';
import type { DB } from '../../sql/schema.ts';
import { withDocumentDates, type FlagDraft } from './flag-draft.ts';
import { RECONCILE_RULES } from './reconcile-rules.ts';
import { claimSubjectKey, claimSubjectsOf, parseSubjectKey, subjectKeysOf } from './subject-keys.ts';

export interface ReconcileDeps {
  db: Kysely<DB>;
  gazetteer: Gazetteer;
  /** Whose claims count where a version was extracted more than once (after a rollback, say). */
  extractorVersion?: string | null;
}

export interface ReconcileInput {
  runId: string | null;
  /**
   * `changed`: re-check only the subjects the run's new claims touch, and those whose flags lost
   * evidence; `all`: every subject. @defaultValue `changed` with a run id, else `all`
   */
  scope?: 'changed' | 'all';
}

export interface ReconcileResult extends SyncFlagsResult {
  claims: number;
  /** Subjects checked (an organisation, a city's attributes, a city's partnerships). */
  subjects: number;
  scope: 'changed' | 'all';
  byKind: Record<string, number>;
  /** A rule that threw is reported here and the others still run. */
  ruleErrors: Array<{ rule: string; message: string }>;
}

/** Flags conflicts within and between sources over the claims that stand now. */
export async function reconcile(deps: ReconcileDeps, input: ReconcileInput): Promise<ReconcileResult> {
  const extractorVersion = deps.extractorVersion ?? null;
  const scope = input.scope ?? (input.runId !== null && !(await hasUnkeyedFlags(deps.db)) ? 'changed' : 'all');
  let keys: Set<string> | null = null;
  let claims: ClaimWithSource[];
  if (scope === 'changed' && input.runId !== null) {
    keys = await subjectsToCheck(deps.db, input.runId);
    claims = keys.size ? await currentClaims(deps.db, extractorVersion, claimSubjectsOf(keys)) : [];
  } else {
    claims = await currentClaims(deps.db, extractorVersion);
  }
  // Values reviewers corrected replace the extracted ones (sql/queries/decisions.ts).
  claims = await withClaimCorrections(deps.db, claims);
  const groups = groupBySubject(claims);
  if (keys) for (const key of keys) if (!groups.has(key)) groups.set(key, []);
  const placements = await placementsFor(deps, claims, groups, keys === null);
  // A source a reviewer marked unreliable (web/ and `isa review` store its id) is weighed, not dropped.
  const doubtedDocuments = await documentsOfSources(deps.db, [...(await unreliableSources(deps.db))]);
  const { drafts, ruleErrors } = checkSubjects(groups, deps.gazetteer, placements, doubtedDocuments.size ? (c) => doubtedDocuments.has(String(c.documentId)) : undefined);
  const synced = await syncFlags(
    deps.db,
    drafts.map((d) => ({ ...d, initialStatus: d.initialStatus ?? 'open', runId: input.runId })),
    input.runId,
    keys === null ? { all: true } : { subjectKeys: [...keys] },
  );
  const byKind: Record<string, number> = {};
  for (const d of drafts) byKind[d.kind] = (byKind[d.kind] ?? 0) + 1;
  return { ...synced, claims: claims.length, subjects: groups.size, scope: keys === null ? 'all' : 'changed', byKind, ruleErrors };
}

/**
 * Runs every rule over every subject: pure, so tests and the evaluation call it without a database.
 * Claims `unreliable` picks (a source a reviewer marked unreliable) never outvote: a subject with
 * any is checked with and without them; a finding only they raise is kept as `explained`, saying so.
 */
export function checkSubjects(groups: Map<string, ClaimWithSource[]>, gazetteer: Gazetteer, placements: ClaimWithSource[] = [], unreliable?: (claim: ClaimWithSource) => boolean) {
  const drafts: Array<FlagDraft & { fingerprint: string; subjectKey: string }> = [];
  const ruleErrors: ReconcileResult['ruleErrors'] = [];
  const seen = new Set<string>();
  // Placements by city, once: each organisation gets those of the names its lists mention (never all of them).
  const placedCity = new Map<string, ClaimWithSource[]>();
  for (const p of placements) if (p.claim.kind === 'city_attribute') placedCity.set(p.claim.city, [...(placedCity.get(p.claim.city) ?? []), p]);
  const runRules = (key: string, parsed: NonNullable<ReturnType<typeof parseSubjectKey>>, claims: ClaimWithSource[]) => {
    const found: Array<FlagDraft & { fingerprint: string }> = [];
    const names = new Set(claims.flatMap((c) => (c.claim.kind === 'member_list' ? c.claim.members.map((m) => m.name) : [])));
    const groupPlacements = [...names].flatMap((name) => placedCity.get(name) ?? []);
    for (const { name, subjects, rule } of RECONCILE_RULES) {
      if (subjects !== 'any' && subjects !== parsed.kind) continue;
      // A partnership is read by both cities' subjects; notes and flags belong to the one that owns them.
      const input = subjects === 'any' ? claims.filter((c) => claimSubjectKey(c.claim) === key) : claims;
      try {
        for (const draft of rule({ claims: input, gazetteer, placements: groupPlacements })) {
          if (parsed.kind === 'partner' && name !== 'extractor-notes' && !ownsPartnerFlag(parsed.name, draft)) continue;
          found.push({ ...draft, fingerprint: flagFingerprint(draft) });
        }
      } catch (error) {
        ruleErrors.push({ rule: name, message: `${key}: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    return found;
  };
  for (const [key, raw] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const parsed = parseSubjectKey(key);
    if (!parsed || raw.length === 0) continue;
    const claims = withDocumentDates(raw);
    const doubted = unreliable ? claims.filter(unreliable) : [];
    let found = runRules(key, parsed, claims);
    if (doubted.length > 0) {
      const reliable = runRules(key, parsed, claims.filter((c) => !doubted.includes(c)));
      const reliablePrints = new Set(reliable.map((d) => d.fingerprint));
      const doubtedIds = new Set(doubted.map((c) => c.id));
      const lone = found.filter((d) => !reliablePrints.has(d.fingerprint) && d.claimIds.some((id) => doubtedIds.has(id)));
      found = [
        ...reliable,
        ...lone.map((d) => ({
          ...d,
          initialStatus: 'explained' as const,
          explanation: `${d.explanation} — only a source a reviewer marked unreliable disagrees`,
          details: { ...d.details, unreliableClaims: d.claimIds.filter((id) => doubtedIds.has(id)).map(Number), likelyWrong: null },
        })),
      ];
    }
    for (const draft of found) {
      if (seen.has(draft.fingerprint)) continue;
      seen.add(draft.fingerprint);
      drafts.push({ ...draft, subjectKey: key });
    }
  }
  return { drafts, ruleErrors };
}

/** Claims by the subjects they are checked in; a partnership goes to both of its cities. */
export function groupBySubject(claims: ClaimWithSource[]): Map<string, ClaimWithSource[]> {
  const groups = new Map<string, ClaimWithSource[]>();
  for (const c of claims) {
    const subject = c.claim.kind === 'city_attribute' ? c.claim.city : c.claim.kind === 'partnership' ? c.claim.cities.join('|') : c.claim.subject;
    for (const key of subjectKeysOf(c.claim.kind, subject)) {
      const group = groups.get(key);
      if (group) group.push(c);
      else groups.set(key, [c]);
    }
  }
  return groups;
}

function ownsPartnerFlag(city: string, draft: FlagDraft): boolean {
  return draft.key.startsWith(`${city}|`) || draft.key.startsWith(`partner|${city}|`);
}

/**
 * Subjects a run may have changed: those of the claims its extractions wrote, those of the claims
 * its new versions replaced (a flag citing them is closed as resolved_by_source if the finding went away),
 * and organisations whose ambiguous names a new placement may decide. The same for the runs since
 * the last one that reconciled: one killed inside its reconcile write left its claims without flags.
 */
async function subjectsToCheck(db: Kysely<DB>, runId: string): Promise<Set<string>> {
  const keys = new Set<string>();
  const placed: string[] = [];
  for (const run of await runsSinceLastReconciled(db, runId)) {
    const written = await claimSubjectsOfRun(db, run);
    for (const { kind, subject } of written) for (const key of subjectKeysOf(kind, subject)) keys.add(key);
    for (const { kind, subject } of await claimSubjectsReplacedByRun(db, run)) for (const key of subjectKeysOf(kind, subject)) keys.add(key);
    placed.push(...written.filter((w) => w.kind === 'city_attribute' && w.subject).map((w) => w.subject!));
  }
  for (const key of await subjectKeysOfAmbiguousNames(db, placed)) keys.add(key);
  return keys;
}

/** Province and district statements about the names the checked lists mention, from any document. */
async function placementsFor(deps: ReconcileDeps, claims: ClaimWithSource[], groups: Map<string, ClaimWithSource[]>, complete: boolean): Promise<ClaimWithSource[]> {
  if (complete) return claims.filter((c) => c.claim.kind === 'city_attribute');
  const names = new Set<string>();
  for (const [key, list] of groups) {
    if (!key.startsWith('org:')) continue;
    for (const c of list) if (c.claim.kind === 'member_list') for (const m of c.claim.members) names.add(m.name);
  }
  if (names.size === 0) return [];
  return currentClaims(deps.db, deps.extractorVersion ?? null, { orgs: [], cities: [...names], partners: [] });
}

/** Ids of the documents fetched from the given sources. */
async function documentsOfSources(db: Kysely<DB>, sourceIds: string[]): Promise<Set<string>> {
  if (sourceIds.length === 0) return new Set();
  const rows = await db.selectFrom('documents').select('id').where('source_id', 'in', sourceIds).execute();
  return new Set(rows.map((r) => String(r.id)));
}

/** Flags from before subject keys (migration 0008) need one full pass to be owned by a subject. */
async function hasUnkeyedFlags(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('flags').select('id').where('subject_key', 'is', null).where('status', 'in', ['open', 'explained']).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Stable across runs and re-extraction: derived from what the flag is about, never from row ids. */
export function flagFingerprint(draft: Pick<FlagDraft, 'kind' | 'key'>): string {
  return createHash('sha256').update(`${draft.kind}\u0000${draft.key}`).digest('hex').slice(0, 24);
}
