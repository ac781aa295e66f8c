import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCli } from './run-cli.ts';
import { runIsaProcess } from './isa-process.ts';

const SEED = fileURLToPath(new URL('../../fixtures/gold/seeds/003_ce3b4dc4c6f51173.txt', import.meta.url));
const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('the isa process', () => {
  it('prints the version and exits 0', async () => {
    const result = await runIsaProcess(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(VERSION);
  });

  it('ends quietly with 0 when the reader closes the pipe early (isa … | head)', async () => {
    const result = await runIsaProcess(['extract', SEED, '--format', 'json'], { stdoutBytes: 1 });
    expect(result.stderr).not.toMatch(/EPIPE|Error/);
    expect(result.code).toBe(0);
  });

  it('exits 2 on a usage error', async () => {
    const result = await runIsaProcess(['flags', '--kind', 'nope']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("'nope' is invalid");
  });
});

describe('parsing from one declaration per command', () => {
  it('suggests the command or option meant', async () => {
    const command = await runCli(['flgs']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('Did you mean flags?');
    const option = await runCli(['flags', '--knd', 'stated_count_vs_list']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('Did you mean --kind?');
  });

  it.each([
    ['flags', '--kind', 'nope', 'stated_count_vs_list'],
    ['flags', '--status', 'closed', 'dismissed'],
    ['review', '--status', 'maybe', 'confirmed'],
    ['runs', '--format', 'yaml', 'json'],
    ['sources', '--language', 'fr', 'de, en'],
  ])('isa %s %s %s is refused, naming the allowed values', async (name, option, value, allowed) => {
    const result = await runCli([name, option, value]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`'${value}' is invalid`);
    expect(result.stderr).toContain(allowed);
  });

  it('lists an option\'s allowed values and default in its help', async () => {
    const help = await runCli(['flags', '--help']);
    expect(help.stdout).toMatch(/--kind <KIND>[\s\S]*stated_count_vs_list/);
    expect(help.stdout).toMatch(/--format <FORMAT>[\s\S]*default: "text"/);
  });

  it('documents --allow-private on isa run, the option the SSRF hint names', async () => {
    expect((await runCli(['run', '--help'])).stdout).toContain('--allow-private');
  });

  it('counts positional arguments: extract wants exactly one', async () => {
    expect((await runCli(['extract'])).stderr).toContain("missing required argument 'FILE|URL'");
    expect((await runCli(['extract', 'a.txt', 'b.txt'])).code).toBe(2);
  });

  it('prints top-level help to stderr with exit 2 when no command is given', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Commands:');
  });

  it('answers isa help COMMAND like isa COMMAND --help', async () => {
    const result = await runCli(['help', 'runs']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: isa runs/);
  });
});
