import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

describe('isa sources check', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'isa-sources-check-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports every problem at once, each at the line of its key, enum problems with the allowed values', async () => {
    const file = join(dir, 'broken.yaml');
    await writeFile(
      file,
      [
        'sources:',
        '  - id: musterstadt', // 2
        '    name: Musterstadt',
        '    organisation: Stadt Musterstadt',
        '    language: fr', // 5
        '    startUrls:',
        '      - url: https://musterstadt.example/presse/',
        '        type: lisitng', // 8
        '  - id: musterstadt', // 9
        '    name: Noch einmal',
        '    organisation: Stadt Musterstadt',
        '    startUrls: [https://musterstadt.example/]',
        '',
      ].join('\n'),
    );
    const result = await runCli(['sources', 'check', '--sources', file]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`${file}:5:\\d+: sources\\.0\\.language: must be de or en`));
    expect(result.stderr).toMatch(new RegExp(`${file}:8:\\d+: sources\\.0\\.startUrls\\.0\\.type: .*"listing"`));
    expect(result.stderr).toMatch(new RegExp(`${file}:9:\\d+: sources\\.1\\.id: duplicate id "musterstadt"`));
    expect(result.stderr).not.toContain('Invalid input');
    expect(result.stderr).toContain('3 problems');
  });

  it('warns at its line about a loopback start URL in a source without allowPrivate, and passes the file', async () => {
    const file = join(dir, 'loopback.yaml');
    await writeFile(file, ['sources:', '  - id: lokal', '    name: Lokal', '    organisation: Test', '    startUrls:', '      - http://127.0.0.1:8080/presse/', ''].join('\n'));
    const result = await runCli(['sources', 'check', '--sources', file]);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`${file}:6:\\d+: sources\\.0\\.startUrls\\.0: warning: 127\\.0\\.0\\.1:8080 is a loopback or private address`));
    expect(result.stderr).toContain('isa run --allow-private');
    await writeFile(file, ['sources:', '  - id: lokal', '    name: Lokal', '    organisation: Test', '    allowPrivate: true', '    startUrls:', '      - http://127.0.0.1:8080/presse/', ''].join('\n'));
    expect((await runCli(['sources', 'check', '--sources', file])).stderr).not.toContain('warning');
  });
});
