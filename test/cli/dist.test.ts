import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentExtractorVersion } from '../../pipelines/extract/extractor-version.ts';
import { commandDeclarations } from '../../cli/main.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, '.tmp', `dist-test-${process.pid}`);
const MAINZ_PDF = join(ROOT, 'fixtures/sites/mainz/dokumente/pm-2019-11-04-isa-delegationsreise-foshan.pdf');

/** `isa ARGS` from the compiled tree, in its own process, as bin/isa.mjs runs it when dist/ is fresh. */
function runDist(args: string[], env: NodeJS.ProcessEnv = {}) {
  const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(OUT, 'app/cli/main.js')).href)});
process.exitCode = await main(JSON.parse(process.argv[1]), { env: process.env, stdout: process.stdout, stderr: process.stderr });`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(args)], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the compiled CLI (dist/)', () => {
  let dataDir: string;
  beforeAll(async () => {
    const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build-dist.mjs'), '--out', OUT], { cwd: ROOT, encoding: 'utf8' });
    expect(build.status, build.stderr).toBe(0);
    dataDir = await mkdtemp(join(tmpdir(), 'isa-dist-'));
  });
  afterAll(async () => {
    await rm(OUT, { recursive: true, force: true });
    await rm(dataDir, { recursive: true, force: true });
  });

  it('has no TypeScript left to run: every module compiled, the command index written', () => {
    expect(existsSync(join(OUT, 'app/cli/main.js'))).toBe(true);
    expect(existsSync(join(OUT, 'app/cli/command-index.json'))).toBe(true);
    expect(existsSync(join(OUT, '.built'))).toBe(true);
  });

  it('stores the gazetteer index, current for the data it was built from', async () => {
    const data = pathToFileURL(join(OUT, 'app/extractors/gazetteer/data/'));
    const { readGazetteerIndex } = (await import(pathToFileURL(join(OUT, 'app/extractors/gazetteer/gazetteer-index.js')).href)) as { readGazetteerIndex: (dir: URL) => unknown };
    expect(readGazetteerIndex(data)).not.toBeNull();
  });

  it('lists the same commands and options as the sources', async () => {
    const help = runDist(['--help']);
    expect(help.code).toBe(0);
    for (const command of await commandDeclarations()) expect(help.stdout).toContain(command.name);
    const flags = runDist(['flags', '--kind', 'nope']);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toContain('stated_count_vs_list');
  });

  it('stamps claims with the same extractor version as the sources, so a build re-extracts nothing', async () => {
    const { currentExtractorVersion: fromDist } = (await import(pathToFileURL(join(OUT, 'app/pipelines/extract/extractor-version.js')).href)) as { currentExtractorVersion: () => string };
    expect(fromDist()).toBe(currentExtractorVersion());
  });

  it('reads a PDF through the worker and the gazetteer data from dist', () => {
    const result = runDist(['extract', MAINZ_PDF]);
    expect(result.code, result.stderr).toBe(0);
    const extraction = JSON.parse(result.stdout) as { document: { published: string }; claims: Array<{ kind: string }> };
    expect(extraction.document.published).toBe('2019-11-04');
    expect(extraction.claims.some((c) => c.kind === 'member_count')).toBe(true);
  });

  it('migrates a fresh embedded database and checks the bundled sources file', () => {
    const migrated = runDist(['migrate'], { ISA_DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' });
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(migrated.stdout).toContain('applied 0001-initial');
    expect(runDist(['sources', 'check']).code).toBe(0);
  });
});
