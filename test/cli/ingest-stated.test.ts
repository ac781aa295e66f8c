import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const SEED = fileURLToPath(new URL('../../fixtures/gold/seeds/002_d65a921588cc86b9.txt', import.meta.url));

describe('isa ingest --url / --published', () => {
  it.each([
    [['--published', '2019-13-01'], /--published: "2019-13-01" is not a calendar date/],
    [['--published', '4.11.2019'], /--published: "4\.11\.2019" is not a date; write it as YYYY-MM-DD/],
    [['--published', '2999-01-01'], /--published: 2999-01-01 is in the future/],
    [['--url', 'ftp://a.example/x.pdf'], /--url: "ftp:\/\/a\.example\/x\.pdf" is not an http\(s\) URL/],
    [['--url', 'https://a.example/x.pdf', SEED], /--url names where one file was published; give exactly one FILE with it, not 2/],
  ])('refuses %j with exit 2 and names the option', async (flags, message) => {
    const result = await runCli(['ingest', SEED, ...flags], { ISA_DATA_DIR: '/nonexistent/never-opened' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('documents both options in its help', async () => {
    const help = await runCli(['ingest', '--help']);
    expect(help.stdout).toMatch(/--url <URL>/);
    expect(help.stdout).toMatch(/--published <DATE>/);
  });
});
