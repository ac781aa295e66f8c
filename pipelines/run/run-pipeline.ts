import type { Kysely } from 'kysely';
import { failInterruptedRuns, finishRun, recordRunError, startRun } from '../../sql/queries/runs.ts';
import type { DB, RunStatus } from '../../sql/schema.ts';
import { errorMessageOf } from '../../core/errors.ts';
import type { StageRunner } from './run-stage.ts';
import type { ReconcileResult } from '../reconcile/reconcile.ts';
import { mapWithConcurrency } from './map-with-concurrency.ts';
import { versionsAwaitingExtraction } from '../../sql/queries/claims.ts';

export interface RunPipelineDeps {
  db: Kysely<DB>;
  runner: StageRunner;
  /**
   * The extractor version of this code: stored versions that it has not processed yet (after an
   * extractor change, or a failed extraction) are extracted in this run too. Null skips that.
   */
  extractorVersion: string | null;
  log?: (line: string) => void;
}

export interface RunPipelineInput {
  /** A run already started (by `isa ingest`, which stores files first); otherwise one is started. */
  runId?: string;
  /** Errors met before the pipeline (ingesting files), counted into the run's report. */
  priorErrors?: Array<{ stage: string; url: string | null; message: string }>;
  /** Sources already stored in the `sources` table. */
  sourceIds: string[];
  /** Versions to extract besides what the crawl finds (hand-ingested documents). */
  extraVersionIds?: string[];
  kind?: string;
  options?: Record<string, unknown>;
  /** Stage jobs in flight at once. @defaultValue 4 */
  concurrency?: number;
}

export interface DocumentCounts {
  new: number;
  changed: number;
  unchanged: number;
  gone: number;
  failed: number;
  skipped: number;
}

export interface RunReport {
  runId: string;
  status: RunStatus;
  documents: DocumentCounts;
  extracted: { versions: number; claims: number; failed: number };
  reconcile: ReconcileResult | null;
  errors: Array<{ stage: string; url: string | null; message: string }>;
}

/**
 * One run: crawl every source, extract every new or changed version, reconcile. Finishes and
 * reports whatever fails on the way; each failure is recorded with its stage and input.
 */
export async function runPipeline(deps: RunPipelineDeps, input: RunPipelineInput): Promise<RunReport> {
  const log = deps.log ?? (() => {});
  // A run still "running" after a day was cut off (killed, rebooted); say so instead of leaving it open.
  await failInterruptedRuns(deps.db, new Date(Date.now() - 24 * 3600_000));
  const runId = input.runId ?? (await startRun(deps.db, input.kind ?? 'run', { sources: input.sourceIds, mode: deps.runner.mode, ...input.options }));
  const concurrency = input.concurrency ?? 4;
  const documents: DocumentCounts = { new: 0, changed: 0, unchanged: 0, gone: 0, failed: 0, skipped: 0 };
  const errors: RunReport['errors'] = [...(input.priorErrors ?? [])];
  const versionIds = new Set(input.extraVersionIds ?? []);

  const fail = async (stage: string, url: string | null, error: unknown, versionId: string | null = null) => {
    errors.push({ stage, url, message: errorMessageOf(error) });
    await recordRunError(deps.db, { runId, stage, url, versionId, error }).catch(() => {});
  };

  await mapWithConcurrency(input.sourceIds, concurrency, async (sourceId) => {
    log(`crawl ${sourceId}`);
    try {
      const result = await deps.runner.run({ stage: 'crawl', runId, sourceId });
      for (const key of Object.keys(documents) as Array<keyof DocumentCounts>) documents[key] += result.counts[key] ?? 0;
      for (const id of result.versionIds) versionIds.add(id);
      // Per-URL errors were recorded by the crawl stage itself; the report lists them too.
      for (const e of result.errors) errors.push({ stage: e.stage, url: e.url, message: e.reason });
    } catch (error) {
      await fail('crawl', `source:${sourceId}`, error);
    }
  });

  if (deps.extractorVersion !== null) {
    for (const id of await versionsAwaitingExtraction(deps.db, deps.extractorVersion)) versionIds.add(id);
  }
  const extracted = { versions: 0, claims: 0, failed: 0 };
  await mapWithConcurrency([...versionIds], concurrency, async (versionId) => {
    try {
      const result = await deps.runner.run({ stage: 'extract', runId, versionId });
      // Already extracted by this extractor version (a re-ingested file, a retried job): no work done.
      if (result.skipped) return;
      extracted.versions++;
      extracted.claims += result.claims;
    } catch (error) {
      extracted.failed++;
      await fail('extract', null, error, versionId);
    }
  });
  log(`extracted ${extracted.versions} versions, ${extracted.claims} claims`);

  let reconciled: ReconcileResult | null = null;
  try {
    reconciled = await deps.runner.run({ stage: 'reconcile', runId });
    for (const e of reconciled.ruleErrors) await fail('reconcile', null, new Error(`rule ${e.rule}: ${e.message}`));
  } catch (error) {
    await fail('reconcile', null, error);
  }

  const status: RunStatus = reconciled === null ? 'failed' : errors.length > 0 ? 'partial' : 'succeeded';
  await finishRun(deps.db, runId, status, { documents, extracted, flags: reconciled?.byKind ?? {}, errors: errors.length });
  return { runId, status, documents, extracted, reconcile: reconciled, errors };
}
