import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config.ts';
import { ConfigError } from '../../core/errors.ts';
import { runCli } from './run-cli.ts';

describe('loadConfig', () => {
  it('gives the defaults for an empty environment', () => {
    expect(loadConfig({})).toMatchObject({ dataDir: './data', queuePrefix: 'isa', fixturesPort: 4646, reportsDir: './reports', logFormat: 'text', debug: false });
  });

  it('reads numbers and lets --data win over ISA_DATA_DIR', () => {
    const config = loadConfig({ ISA_MAX_BODY_BYTES: '1048576', ISA_HOST_DELAY_MS: '0', ISA_DATA_DIR: '/var/isa' }, { dataDir: '/tmp/other' });
    expect(config).toMatchObject({ maxBodyBytes: 1_048_576, hostDelayMs: 0, dataDir: '/tmp/other' });
  });

  it('names every bad variable, its value and what it allows, at once', () => {
    let error: unknown;
    try {
      loadConfig({ ISA_MAX_BODY_BYTES: '10MB', ISA_HOST_DELAY_MS: '-5', REDIS_URL: 'localhost:6379', ISA_LOG_FORMAT: 'xml' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('ISA_MAX_BODY_BYTES="10MB" must be a whole number of bytes');
    expect(message).toContain('ISA_HOST_DELAY_MS="-5" must be a whole number of milliseconds');
    expect(message).toContain('REDIS_URL="localhost:6379" must start with redis://');
    expect(message).toContain('ISA_LOG_FORMAT="xml" must be text or json');
  });
});

describe('configuration at start', () => {
  it('fails the run before any work with exit 1 when a variable is bad', async () => {
    const result = await runCli(['run', '--format', 'json'], { ISA_MAX_BODY_BYTES: 'lots', ISA_DATA_DIR: '/nonexistent/never-created' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('ISA_MAX_BODY_BYTES="lots"');
    expect(result.stdout).toBe('');
  });

  it('says the data directory cannot be written, exit 1, instead of retrying', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isa-config-'));
    const file = join(dir, 'a-file');
    await writeFile(file, 'not a directory');
    try {
      const result = await runCli(['flags'], { ISA_DATA_DIR: join(file, 'data') });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`the data directory ${join(file, 'data')} (ISA_DATA_DIR or --data) cannot be written`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
