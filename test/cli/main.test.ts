import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Extraction, MemberListClaim } from '../../core/claim.ts';
import { startFixtureServer, type FixtureServer } from '../../fixtures/server/fixture-server.ts';
import { runCli } from './run-cli.ts';
import { freePort } from './free-port.ts';

const SEEDS = fileURLToPath(new URL('../../fixtures/gold/seeds/', import.meta.url));
const seed = (prefix: string) => join(SEEDS, `${prefix}.txt`);
const MAINZ_PDF = fileURLToPath(new URL('../../fixtures/sites/mainz/dokumente/pm-2019-11-04-isa-delegationsreise-foshan.pdf', import.meta.url));
const COMMANDS = ['run', 'schedule', 'extract', 'ingest', 'flags', 'review', 'runs', 'sources', 'migrate', 'worker', 'eval'];

describe('isa', () => {
  it('prints usage and exits 2 without a command, 0 with --help', async () => {
    expect((await runCli([])).code).toBe(2);
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const name of COMMANDS) expect(help.stdout).toContain(name);
  });

  it.each(COMMANDS)('isa %s --help documents the command and exits 0', async (name) => {
    const result = await runCli([name, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage:/);
  });

  it('exits 2 for an unknown command or flag, naming it', async () => {
    const unknown = await runCli(['crawl']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'crawl'");
    const badFlag = await runCli(['extract', '--colour']);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--colour');
  });
});

describe('isa extract', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('prints the CLAIMS.md shape for a text file, every quote at its offsets', async () => {
    const result = await runCli(['extract', `${SEEDS}/003_ce3b4dc4c6f51173.txt`, '--format', 'json']);
    expect(result.code).toBe(0);
    const extraction = JSON.parse(result.stdout) as Extraction;
    expect(Object.keys(extraction.document).sort()).toEqual(['language', 'published', 'source', 'text', 'title']);
    for (const claim of extraction.claims) {
      expect(extraction.document.text.slice(claim.evidence.start, claim.evidence.end)).toBe(claim.evidence.quote);
    }
    const de = extraction.claims.find((c): c is MemberListClaim => c.kind === 'member_list' && c.country === 'DE');
    expect(de?.statedCount).toBe(7);
    expect(de?.members).toHaveLength(8);
  });

  it('reads a PDF: the release date from its first line, the press-office block gone', async () => {
    const result = await runCli(['extract', MAINZ_PDF]);
    expect(result.code).toBe(0);
    const extraction = JSON.parse(result.stdout) as Extraction;
    expect(extraction.document.published).toBe('2019-11-04');
    expect(extraction.document.text).toContain('standen Gespräche mit Verantwortlichen');
    expect(extraction.claims.some((c) => c.kind === 'member_count' && c.count === 23 && c.country === 'CN')).toBe(true);
  });

  it('names the file and the problem when it cannot read it', async () => {
    const result = await runCli(['extract', '/nonexistent/release.pdf']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/nonexistent/release.pdf');
    expect(result.stderr).toContain('no such file');
  });

  it('refuses a loopback URL unless --allow-private is given', async () => {
    const url = server.url('/mainz/aktuelles/pressemitteilungen/mainz-will-der-industriestaedteallianz-beitreten.php');
    const refused = await runCli(['extract', url]);
    expect(refused.code).toBe(1);
    expect(server.hits('/mainz/aktuelles/pressemitteilungen/mainz-will-der-industriestaedteallianz-beitreten.php')).toBe(0);
    const allowed = await runCli(['extract', url, '--allow-private']);
    expect(allowed.code).toBe(0);
    expect((JSON.parse(allowed.stdout) as Extraction).claims.some((c) => c.kind === 'member_list')).toBe(true);
  });
});

describe('isa sources', () => {
  it('checks the bundled fixture sources and reports a broken file by line and field', async () => {
    expect((await runCli(['sources', 'check'])).code).toBe(0);
    const dir = await mkdtemp(join(tmpdir(), 'isa-sources-'));
    const file = join(dir, 'sources.yaml');
    await writeFile(file, 'sources:\n  - id: Bad Id\n    name: x\n    organisation: y\n    startUrls: [ftp://example.invalid/]\n');
    const result = await runCli(['sources', 'check', '--sources', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${file}:2:\\d+: sources\\.0\\.id`));
    expect(result.stderr).toMatch(/sources\.0\.startUrls\.0/);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('a fact-checker working on the embedded database', () => {
  let dataDir: string;
  let fixturesPort: number;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'isa-cli-'));
    fixturesPort = await freePort();
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  // One port for all runs: a document is its URL, so a second run must see the same origin.
  const env = () => ({ ISA_DATA_DIR: dataDir, ISA_HOST_DELAY_MS: '0', ISA_FIXTURES_PORT: String(fixturesPort) });

  it('runs, reviews a flag, and finds the decision kept after the next run', async () => {
    const first = await runCli(['run', '--format', 'json'], env());
    expect([0, 3]).toContain(first.code);
    const summary = JSON.parse(first.stdout) as { flags: Array<{ id: string; kind: string }> };
    const stated = summary.flags.find((f) => f.kind === 'stated_count_vs_list');
    expect(stated).toBeDefined();

    const review = await runCli(['review', stated!.id, '--status', 'confirmed', '--note', 'Köln joined in 2017', '--by', 'tester'], env());
    expect(review.code).toBe(0);

    const reports = join(dataDir, 'reports');
    const secondRun = await runCli(['run', '--format', 'json', '--reports', reports, '--fail-on-open'], env());
    expect(secondRun.code).toBe(4); // the flag above is confirmed, others stay open
    const second = JSON.parse(secondRun.stdout) as { run: { runId: string; documents: { new: number; unchanged: number } } };
    const written = JSON.parse(await readFile(join(reports, `run-${second.run.runId}.json`), 'utf8')) as { exitCode: number; run: { runId: string } };
    expect(written).toMatchObject({ exitCode: 4, run: { runId: second.run.runId } });
    const text = await readFile(join(reports, `run-${second.run.runId}.txt`), 'utf8');
    expect(text).toMatch(/^documents: (\d+) — new (\d+), changed (\d+), unchanged (\d+), gone (\d+), skipped (\d+), failed (\d+)$/m);
    const [total, ...parts] = /^documents: (\d+) — new (\d+), changed (\d+), unchanged (\d+), gone (\d+), skipped (\d+), failed (\d+)$/m.exec(text)!.slice(1).map(Number);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(second.run.documents.new).toBe(0);
    expect(second.run.documents.unchanged).toBeGreaterThan(0);
    const flags = await runCli(['flags', '--all', '--format', 'json'], env());
    const after = (JSON.parse(flags.stdout) as Array<{ id: string; status: string; reviewer_note: string; evidence: Array<{ quote: string; url: string }> }>).find((f) => f.id === stated!.id);
    expect(after).toMatchObject({ status: 'confirmed', reviewer_note: 'Köln joined in 2017' });
    expect(after!.evidence.map((e) => e.quote).join(' | ')).toContain('sieben deutschen Städten');
    expect((await runCli(['flags', '--fail-on-open'], env())).code).toBe(4);
  }, 300_000); // two full runs of the fixture sites: minutes on a loaded two-core machine

  it('ingests a mailed PDF once; the same bytes again add nothing', async () => {
    const first = await runCli(['ingest', MAINZ_PDF, '--format', 'json'], env());
    expect(first.code).toBe(0);
    const again = await runCli(['ingest', MAINZ_PDF, '--format', 'json'], env());
    expect(again.code).toBe(0);
    expect((JSON.parse(again.stdout) as { run: { extracted: { versions: number } } }).run.extracted.versions).toBe(0);
  });

  it('reports an unreadable input and goes on with the rest (exit 3)', async () => {
    const result = await runCli(['ingest', '/nonexistent/mail.pdf', seed('002_d65a921588cc86b9')], env());
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('/nonexistent/mail.pdf');
    expect(result.stdout).toMatch(/^documents: 2 — new 1, changed 0, unchanged 0, gone 0, skipped 0, failed 1$/m);
    const runs = JSON.parse((await runCli(['runs', '--format', 'json'], env())).stdout) as Array<{ id: string; kind: string; status: string }>;
    expect(runs[0]).toMatchObject({ kind: 'ingest', status: 'partial' });
    const detail = await runCli(['runs', runs[0]!.id], env());
    expect(detail.stdout).toMatch(/\[ingest\] \/nonexistent\/mail\.pdf BadInputError: .*no such file/);
    // The ingested files are the run's documents in `isa runs ID` too, not only in the printed summary.
    const stored = JSON.parse((await runCli(['runs', runs[0]!.id, '--format', 'json'], env())).stdout) as { counts: { documents: Record<string, number> }; items: Array<{ url: string; outcome: string }> };
    expect(stored.counts.documents).toMatchObject({ new: 1, failed: 1 });
    expect(stored.items.map((i) => i.outcome).sort()).toEqual(['failed', 'new']);
    expect(stored.items.find((i) => i.outcome === 'failed')!.url).toBe('/nonexistent/mail.pdf');
  });
});
