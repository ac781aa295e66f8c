/**
 * How `isa runs` shows runs: a table of recent runs, and one run's URLs by what happened to them.
 * Pure formatting over rows the queries return, so the shapes can be tested without a database.
 */
export interface RunRow {
  id: string;
  kind: string;
  status: string;
  started_at: Date;
  finished_at: Date | null;
  counts: unknown;
  errors?: string | number | null;
  end_reason?: string | null;
}

/** One URL of a run (run_items): what the run did with it, and why when it skipped or failed it. */
export interface RunItemRow {
  url: string;
  source_id: string | null;
  outcome: string;
  reason: string | null;
}

export interface RunErrorRow {
  stage: string;
  url: string | null;
  version_id?: string | null;
  error_class: string;
  message: string;
}

const OUTCOMES = ['new', 'changed', 'unchanged', 'gone', 'skipped', 'failed'] as const;

/** The stored counts of a run, every field a number (older runs stored fewer). */
export function runCounts(counts: unknown): { documents: Record<(typeof OUTCOMES)[number], number>; versions: number; claims: number } {
  const c = (typeof counts === 'string' ? JSON.parse(counts) : counts ?? {}) as { documents?: Record<string, unknown>; extracted?: Record<string, unknown> };
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
  const documents = Object.fromEntries(OUTCOMES.map((o) => [o, num(c.documents?.[o])])) as Record<(typeof OUTCOMES)[number], number>;
  return { documents, versions: num(c.extracted?.versions), claims: num(c.extracted?.claims) };
}

function took(run: RunRow): string {
  if (!run.finished_at) return 'running';
  const s = Math.round((run.finished_at.getTime() - run.started_at.getTime()) / 1000);
  return s < 120 ? `${s} s` : s < 7200 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`;
}

/** Recent runs as an aligned table, newest first. */
export function formatRunsTable(runs: RunRow[]): string {
  const header = ['RUN', 'KIND', 'STATUS', 'STARTED (UTC)', 'TOOK', 'DOCS', 'NEW', 'CHANGED', 'UNCHANGED', 'GONE', 'SKIPPED', 'FAILED', 'CLAIMS', 'ERRORS'];
  const rows = runs.map((run) => {
    const { documents: d, claims } = runCounts(run.counts);
    const total = OUTCOMES.reduce((sum, o) => sum + d[o], 0);
    return [`#${run.id}`, run.kind, run.status, run.started_at.toISOString().slice(0, 16).replace('T', ' '), took(run), total, d.new, d.changed, d.unchanged, d.gone, d.skipped, d.failed, claims, Number(run.errors ?? 0)].map(String);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const numeric = (i: number) => i >= 5;
  const line = (cells: string[]) => cells.map((cell, i) => (numeric(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd();
  return [line(header), ...rows.map(line), '', 'DOCS = NEW + CHANGED + UNCHANGED + GONE + SKIPPED + FAILED; `isa runs ID` lists the URLs.'].join('\n');
}

/** One run: its counts (adding up), then every URL that was new, changed, gone, skipped or failed, with reasons. */
export function formatRunDetail(run: RunRow, items: RunItemRow[], errors: RunErrorRow[]): string {
  const { documents: d, versions, claims } = runCounts(run.counts);
  const total = OUTCOMES.reduce((sum, o) => sum + d[o], 0);
  const lines = [
    `run #${run.id} (${run.kind}) ${run.status}, started ${run.started_at.toISOString()}${run.finished_at ? `, finished ${run.finished_at.toISOString()} (${took(run)})` : ''}${run.end_reason ? ` — ${run.end_reason}` : ''}`,
    `documents: ${total} — ${OUTCOMES.map((o) => `${o} ${d[o]}`).join(', ')}`,
    `extracted: ${versions} versions, ${claims} claims`,
  ];
  for (const outcome of OUTCOMES) {
    const these = items.filter((i) => i.outcome === outcome);
    if (outcome === 'unchanged' || these.length === 0) continue;
    lines.push('', `${outcome} (${these.length}):`);
    for (const item of these) lines.push(`  ${item.url}${item.reason ? ` — ${item.reason}` : ''}`);
  }
  if (items.length === 0 && total > 0) lines.push('', '(this run recorded no per-URL items: it predates them)');
  lines.push('', errors.length === 0 ? 'no errors' : `errors (${errors.length}, kept in run_errors):`);
  for (const e of errors) lines.push(`  [${e.stage}] ${e.url ?? (e.version_id ? `version ${e.version_id}` : '')} ${e.error_class}: ${e.message}`);
  return lines.join('\n');
}
