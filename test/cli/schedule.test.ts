import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISA_BIN } from './isa-process.ts';
import { runCli } from './run-cli.ts';

describe('isa schedule', () => {
  let dir: string;
  let badDataDir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'isa-schedule-'));
    // Each run fails at once (its data folder cannot exist): what is tested is the scheduler.
    await writeFile(join(dir, 'a-file'), '');
    badDataDir = join(dir, 'a-file', 'data');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a missing or malformed period, naming what it takes', async () => {
    expect((await runCli(['schedule'])).stderr).toContain('--every 24h');
    const bad = await runCli(['schedule', '--every', 'daily']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('30m, 6h, 24h or 1d');
  });

  it('survives failed runs, alerts on each, and ends cleanly on SIGTERM', async () => {
    const alerts = join(dir, 'alerts.log');
    const child = spawn(process.execPath, [ISA_BIN, 'schedule', '--every', '1s', '--data', badDataDir, '--reports', join(dir, 'reports'), '--alert', `echo "exit $ISA_RUN_EXIT" >> ${alerts}`], {
      env: { ...process.env, DATABASE_URL: '', REDIS_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no second run ended in time:\n${stderr}`)), 240_000);
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += String(chunk);
        if ((stderr.match(/run \d+ ended/g) ?? []).length >= 2) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).toMatch(/run 1 ended: exit 1 \(failed\)/);
    expect(stderr).toMatch(/run 2 starting/);
    expect(stderr).toContain('stopped');
    expect(stderr).toContain('cannot be written');
    expect((await readFile(alerts, 'utf8')).trim().split('\n').slice(0, 2)).toEqual(['exit 1', 'exit 1']);
  });
});
