import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { ISA_BIN } from './isa-process.ts';

// A release written for this test.
const RELEASE = `Mainz, 12. März 2021

Die Stadt Mainz ist seit 2017 Mitglied der Chinesisch-Deutschen Industriestädteallianz.
`;

describe('isa export and isa users on the embedded database', () => {
  let dir: string;
  // The embedded database in a folder of its own, also for child processes that inherit CI's DATABASE_URL.
  const env = () => ({ ISA_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', REDIS_URL: '' });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'isa-export-'));
    await writeFile(join(dir, 'release.txt'), RELEASE);
    const ingested = await runCli(['ingest', join(dir, 'release.txt')], env());
    expect(ingested.code).toBe(0);
  }, 300_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exports the claims as JSON, NDJSON and CSV with the same rows', async () => {
    const json = await runCli(['export', 'claims', '--format', 'json'], env());
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as Array<{ kind: string; quote: string; url: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => RELEASE.includes(r.quote) && r.url.endsWith('/release.txt'))).toBe(true);
    const ndjson = await runCli(['export', 'claims', '--format', 'ndjson'], env());
    expect(ndjson.stdout.trim().split('\n').map((line) => JSON.parse(line))).toEqual(rows);
    const csv = await runCli(['export', 'claims', '--format', 'csv'], env());
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,kind,subject,value,quote,/);
    expect(lines).toHaveLength(rows.length + 1);
  });

  it('exports documents and runs', async () => {
    const documents = JSON.parse((await runCli(['export', 'documents', '--format', 'json'], env())).stdout) as Array<Record<string, unknown>>;
    expect(documents).toHaveLength(1);
    const runs = JSON.parse((await runCli(['export', 'runs', '--format', 'json'], env())).stdout) as Array<Record<string, unknown>>;
    expect(runs.length).toBeGreaterThanOrEqual(1);
  });

  it('refuses an unknown list or format with exit 2, naming the allowed ones', async () => {
    const list = await runCli(['export', 'cities'], env());
    expect(list.code).toBe(2);
    expect(list.stderr).toMatch(/claims, flags, documents, members/);
    const format = await runCli(['export', 'claims', '--format', 'xml'], env());
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/csv/);
  });

  it('adds an account from stdin, lists it without its password, removes it', async () => {
    const added = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [ISA_BIN, 'users', 'add', 'anna', '--password-stdin'], { env: { ...process.env, ...env() }, stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += String(c)));
      child.stderr.on('data', (c: Buffer) => (stderr += String(c)));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
      child.stdin.end('correct horse battery\n');
    });
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/anna/);
    const listed = await runCli(['users', 'list'], env());
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/^anna\tadded \d{4}-/m);
    expect(listed.stdout).not.toContain('correct horse');
    const removed = await runCli(['users', 'remove', 'anna'], env());
    expect(removed.code).toBe(0);
    expect((await runCli(['users', 'list'], env())).stdout).not.toMatch(/anna/);
    const again = await runCli(['users', 'remove', 'anna'], env());
    expect(again.stderr).toMatch(/no account anna/);
  }, 300_000); // a child process from the TypeScript sources: a minute on a loaded two-core machine
});
