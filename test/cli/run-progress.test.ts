import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { freePort } from './free-port.ts';

type Counts = Record<'new' | 'changed' | 'unchanged' | 'gone' | 'skipped' | 'failed', number>;
interface Summary {
  run: { runId: string; documents: Counts; sources: Array<{ id: string; status: string; documents: Counts; pages: number; errors: number }>; extracted: { versions: number; claims: number } };
}
interface RunItems {
  items: Array<{ url: string; source_id: string | null; outcome: string; reason: string | null }>;
}
const total = (c: Counts) => c.new + c.changed + c.unchanged + c.gone + c.skipped + c.failed;

describe('what isa run shows on stderr while it works (the fixture sites, embedded database)', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'isa-progress-'));
    env = { ISA_DATA_DIR: dataDir, ISA_HOST_DELAY_MS: '0', ISA_FIXTURES_PORT: String(await freePort()) };
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('--log-format json: one JSON object per line; each source\'s pages done are the summary\'s, every URL listed with --verbose', async () => {
    // ISA_PROGRESS_EVERY=0: a progress line on every change, so a short crawl shows them too.
    const result = await runCli(['run', '--log-format', 'json', '--verbose', '--format', 'json'], { ...env, ISA_PROGRESS_EVERY: '0' });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Summary;
    const lines = result.stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines) {
      expect(Date.parse(String(line.ts)), JSON.stringify(line)).not.toBeNaN();
      expect(['info', 'warn', 'error']).toContain(line.level);
      expect(typeof line.event).toBe('string');
    }
    expect(lines.find((l) => l.event === 'run-start')).toMatchObject({ runId: summary.run.runId, mode: 'in-process' });

    // One crawl-done per source, its counts the summary's; together the run's documents.
    const done = lines.filter((l) => l.event === 'crawl-done') as Array<{ source: string; documents: Counts; total: number; pages: number; errors: number }>;
    expect(done.map((d) => d.source).sort()).toEqual(summary.run.sources.map((s) => s.id).sort());
    const summed: Counts = { new: 0, changed: 0, unchanged: 0, gone: 0, skipped: 0, failed: 0 };
    for (const d of done) {
      const source = summary.run.sources.find((s) => s.id === d.source)!;
      expect(d.documents, d.source).toEqual(source.documents);
      expect(d.pages, d.source).toBe(source.pages);
      expect(d.total, d.source).toBe(total(source.documents));
      for (const key of Object.keys(summed) as Array<keyof Counts>) summed[key] += d.documents[key];
    }
    expect(summed).toEqual(summary.run.documents);

    // Progress lines on the way: counts only grow, and never pass what the source ended with.
    const progress = lines.filter((l) => l.event === 'crawl-progress') as Array<{ source: string; done: number; pages: number; queued: number; rate: number }>;
    expect(progress.length).toBeGreaterThan(0);
    for (const source of summary.run.sources) {
      const seen = progress.filter((p) => p.source === source.id);
      for (const [i, p] of seen.entries()) {
        expect(p.pages).toBeLessThanOrEqual(source.pages);
        expect(p.done).toBeLessThanOrEqual(total(source.documents));
        expect(p.rate).toBeGreaterThanOrEqual(0);
        if (i > 0) expect(p.pages).toBeGreaterThanOrEqual(seen[i - 1]!.pages);
      }
    }

    // --verbose: every URL of the run's report, with its outcome (and the reason of a skip).
    const urls = lines.filter((l) => l.event === 'url') as Array<{ source: string; url: string; outcome: string; reason: string | null }>;
    const report = JSON.parse((await runCli(['runs', summary.run.runId, '--format', 'json'], env)).stdout) as RunItems;
    const key = (i: { url: string; outcome: string }) => `${i.outcome} ${i.url}`;
    expect(urls.map(key).sort()).toEqual(report.items.map(key).sort());
    for (const url of urls.filter((u) => u.outcome === 'skipped' || u.outcome === 'failed')) expect(url.reason, url.url).toBeTruthy();
    expect(lines.some((l) => l.event === 'discovered')).toBe(true);

    expect(lines.find((l) => l.event === 'extract-done')).toMatchObject({ versions: summary.run.extracted.versions, claims: summary.run.extracted.claims });
    expect(lines.find((l) => l.event === 'reconcile-done')).toBeDefined();
    expect(lines.at(-1)).toMatchObject({ event: 'run-done', status: 'succeeded' });
  }, 300_000);

  it('text off a terminal: plain lines (the option wins over ISA_LOG_FORMAT), one per source as it ends, one per URL with --verbose', async () => {
    const result = await runCli(['run', '--log-format', 'text', '--verbose', '--format', 'json'], { ...env, ISA_LOG_FORMAT: 'json' });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Summary;
    expect(result.stderr).not.toMatch(/[\r\x1b]/);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.some((l) => l.startsWith('{'))).toBe(false);
    for (const source of summary.run.sources) {
      const c = source.documents;
      expect(lines, source.id).toContain(`crawl ${source.id}`);
      const end = lines.find((l) => l.startsWith(`crawl ${source.id}: `) && l.includes(' — new '));
      expect(end, source.id).toContain(`${total(c)} document${total(c) === 1 ? '' : 's'} — new ${c.new}, changed ${c.changed}, unchanged ${c.unchanged}, gone ${c.gone}, skipped ${c.skipped}, failed ${c.failed}; ${source.pages} page`);
      // A second run over unchanged sites: every document unchanged or skipped, each on its line.
      const listed = lines.filter((l) => new RegExp(`^  ${source.id} (new|changed|unchanged|gone|skipped|failed) +http`).test(l));
      expect(listed.length, source.id).toBe(total(c));
    }
    expect(summary.run.documents.new).toBe(0);
    for (const line of lines.filter((l) => / skipped +http/.test(l))) expect(line).toMatch(/ — \S/);
  }, 300_000);

  it('a failed command says so as a JSON line under --log-format json', async () => {
    const result = await runCli(['run', '--log-format', 'json', '--source', 'nowhere'], env);
    expect(result.code).toBe(2);
    const line = JSON.parse(result.stderr.trim().split('\n').at(-1)!) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', event: 'usage', command: 'run' });
    expect(String(line.message)).toContain('nowhere');
  });
});
