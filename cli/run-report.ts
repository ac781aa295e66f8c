import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
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
    // Every document is counted once, so the parts add up to the total.
    `documents: ${d.new + d.changed + d.unchanged + d.gone + d.skipped + d.failed} — new ${d.new}, changed ${d.changed}, unchanged ${d.unchanged}, gone ${d.gone}, skipped ${d.skipped}, failed ${d.failed}`,
    // The same per source, as the progress lines ended with them; they add up to the line above (ingested files aside).
    ...(run.sources ?? []).map((s) => {
      const c = s.documents;
      return `  ${s.id}${s.status === 'failed' ? ' (failed)' : ''}: ${c.new + c.changed + c.unchanged + c.gone + c.skipped + c.failed} — new ${c.new}, changed ${c.changed}, unchanged ${c.unchanged}, gone ${c.gone}, skipped ${c.skipped}, failed ${c.failed}; ${s.pages} pages`;
    }),
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

export interface ReportOptions {
  /** Also write `run-ID.json` and `run-ID.txt` here (for scheduled runs nobody watches). */
  reportsDir?: string;
  /** Exit 4 when open flags remain after the run, so a scheduler can alert on them. */
  failOnOpen?: boolean;
  /** Where "report: PATH" goes (the run's log, in its format). @defaultValue a text line on stderr */
  note?: (line: string, fields: { event: string; [key: string]: unknown }) => void;
}

/** The exit code a finished run ends with: 0 succeeded, 3 some inputs failed, 1 failed; 4 open flags with failOnOpen. */
export function runExitCode(summary: RunSummary, options: ReportOptions = {}): number {
  const { status } = summary.run;
  if (status !== 'succeeded' && status !== 'partial') return EXIT.failed;
  if (status === 'partial') return EXIT.partial;
  return options.failOnOpen && summary.flags.some((f) => f.status === 'open') ? EXIT.openFlags : EXIT.ok;
}

/**
 * Writes the run's report as JSON and as the text `isa run` prints, each complete or not at all
 * (written beside, then renamed). Returns the paths.
 */
export async function writeRunReport(dir: string, summary: RunSummary, exitCode: number): Promise<{ json: string; text: string }> {
  await mkdir(dir, { recursive: true });
  const base = join(resolve(dir), `run-${summary.run.runId}`);
  const written = { json: `${base}.json`, text: `${base}.txt` };
  const finishedAt = new Date().toISOString();
  await writeFile(`${written.json}.part`, `${JSON.stringify({ ...summary, exitCode, finishedAt }, null, 2)}\n`);
  await writeFile(`${written.text}.part`, `${formatRunSummary(summary)}\n\nexit code ${exitCode}, finished ${finishedAt}\n`);
  await rename(`${written.json}.part`, written.json);
  await rename(`${written.text}.part`, written.text);
  return written;
}

/** Prints a finished run's summary in the chosen format, writes its report files, and returns the exit code. */
export async function reportRun(database: Database, run: RunReport, mode: string, format: 'text' | 'json', io: CommandIo, options: ReportOptions = {}): Promise<number> {
  const summary = await summarizeRun(database.db, run, database.location, mode);
  const code = runExitCode(summary, options);
  print(io.stdout, format === 'json' ? JSON.stringify(summary, null, 2) : formatRunSummary(summary));
  if (options.reportsDir) {
    const written = await writeRunReport(options.reportsDir, summary, code);
    const line = `report: ${written.text} (and .json)`;
    if (options.note) options.note(line, { event: 'report', text: written.text, json: written.json });
    else print(io.stderr, line);
  }
  return code;
}
