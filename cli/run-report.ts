import type { Kysely } from 'kysely';
import { currentClaims } from '../sql/queries/claims.ts';
import { listFlags } from '../sql/queries/flags.ts';
import type { DB, FlagRow } from '../sql/schema.ts';
import type { RunReport } from '../pipelines/run/run-pipeline.ts';
import type { Database } from '../sql/database.ts';
import { EXIT, print, type CommandIo } from './command.ts';

export interface RunSummary {
  run: RunReport;
  database: string;
  mode: string;
  claimsByKind: Record<string, number>;
  flags: Array<Pick<FlagRow, 'id' | 'kind' | 'severity' | 'status' | 'subject' | 'explanation'>>;
}

/** What `isa run` prints: the run's counts, then the state of the dataset after it. */
export async function summarizeRun(db: Kysely<DB>, run: RunReport, database: string, mode: string): Promise<RunSummary> {
  const claims = await currentClaims(db);
  const claimsByKind: Record<string, number> = {};
  for (const c of claims) claimsByKind[c.claim.kind] = (claimsByKind[c.claim.kind] ?? 0) + 1;
  const flags = await listFlags(db, { statuses: ['open', 'explained', 'confirmed'] });
  return {
    run,
    database,
    mode,
    claimsByKind,
    flags: flags.map(({ id, kind, severity, status, subject, explanation }) => ({ id, kind, severity, status, subject, explanation })),
  };
}

export function formatRunSummary(summary: RunSummary): string {
  const { run } = summary;
  const d = run.documents;
  const lines = [
    `run ${run.runId} ${run.status} (${summary.mode}, database: ${summary.database})`,
    '',
    `documents fetched: ${d.new + d.changed + d.unchanged} — new ${d.new}, changed ${d.changed}, unchanged ${d.unchanged}, gone ${d.gone}, failed ${d.failed}, skipped ${d.skipped}`,
    `extracted: ${run.extracted.versions} versions, ${run.extracted.claims} claims${run.extracted.failed ? `, ${run.extracted.failed} failed` : ''}`,
    '',
    'claims by kind (current dataset):',
    ...Object.entries(summary.claimsByKind).sort().map(([kind, n]) => `  ${kind.padEnd(18)} ${n}`),
  ];
  const byKind = new Map<string, typeof summary.flags>();
  for (const f of summary.flags) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
  lines.push('', `flags by kind (${summary.flags.length}):`);
  for (const [kind, flags] of byKind) {
    lines.push(`  ${kind} (${flags.length})`);
    for (const f of flags) lines.push(`    #${f.id} [${f.severity}${f.status === 'open' ? '' : `, ${f.status}`}] ${f.explanation}`);
  }
  if (run.errors.length > 0) {
    lines.push('', `errors (${run.errors.length}, recorded in run_errors):`);
    for (const e of run.errors.slice(0, 20)) lines.push(`  ${e.stage} ${e.url ?? ''} — ${e.message}`);
    if (run.errors.length > 20) lines.push(`  … ${run.errors.length - 20} more`);
  }
  lines.push(
    '',
    'next: `npx isa flags` shows each open flag with its evidence side by side;',
    '      `npx isa review ID --status confirmed|dismissed --note "…"` records a decision that survives later runs.',
  );
  return lines.join('\n');
}

/** Prints a finished run's summary in the chosen format and maps its status to the exit code. */
export async function reportRun(database: Database, run: RunReport, mode: string, format: 'text' | 'json', io: CommandIo): Promise<number> {
  const summary = await summarizeRun(database.db, run, database.location, mode);
  print(io.stdout, format === 'json' ? JSON.stringify(summary, null, 2) : formatRunSummary(summary));
  return run.status === 'succeeded' ? EXIT.ok : run.status === 'partial' ? EXIT.partial : EXIT.failed;
}
