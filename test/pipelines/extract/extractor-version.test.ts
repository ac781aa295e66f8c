import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentExtractorVersion, withAcceptedAliases } from '../../../pipelines/extract/extractor-version.ts';
import { EXTRACTOR_VERSION } from '../../../extractors/extraction-context.ts';
import { currentParserVersion, parserVersionOf } from '../../../pipelines/parse/parser-version.ts';

describe('currentExtractorVersion', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('is the release number plus a hash that changes with any rule or data file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isa-extractors-'));
    dirs.push(dir);
    await mkdir(join(dir, 'counts'));
    await writeFile(join(dir, 'counts', 'rule.ts'), 'export const a = 1;\n');
    await writeFile(join(dir, 'aliases.json'), '{"ISA": []}\n');
    const before = currentExtractorVersion(dir, 'read-0123456789');
    expect(before).toMatch(new RegExp(`^${EXTRACTOR_VERSION.replace(/\./g, '\\.')}\\+[0-9a-f]{10}\\.read-0123456789$`));
    expect(currentExtractorVersion(dir, 'read-0123456789')).toBe(before);
    await writeFile(join(dir, 'counts', 'rule.ts'), 'export const a = 2;\n');
    expect(currentExtractorVersion(dir, 'read-0123456789')).not.toBe(before);
  });

  it('carries the reader version, which changes with any file of the reader', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'isa-parse-'));
    dirs.push(dir);
    await writeFile(join(dir, 'read-document.ts'), 'export const a = 1;\n');
    const before = currentParserVersion(dir);
    expect(before).toMatch(/^read-[0-9a-f]{10}$/);
    expect(parserVersionOf(currentExtractorVersion(undefined, before))).toBe(before);
    expect(parserVersionOf(currentExtractorVersion())).toBe(currentParserVersion());
    await writeFile(join(dir, 'pdf-worker.mjs'), 'export {};\n');
    expect(currentParserVersion(dir)).not.toBe(before);
    expect(parserVersionOf('test-version')).toBeNull();
  });

  it('gives this checkout a stable version', () => {
    expect(currentExtractorVersion()).toBe(currentExtractorVersion());
  });
});

describe('withAcceptedAliases', () => {
  const base = '0.1.0+0123456789.read-abcdef0123';
  const qindao = { alias: 'Qindao', name: 'Qingdao', country: 'CN' };
  const koelle = { alias: 'Kölle', name: 'Köln', country: 'DE' };

  it('leaves the version alone without aliases', () => {
    expect(withAcceptedAliases(base, [])).toBe(base);
  });

  it('puts the aliases before the reader part, so the reader version is still read off the end', () => {
    const version = withAcceptedAliases(base, [qindao]);
    expect(version).toMatch(/^0\.1\.0\+0123456789\.aliases-[0-9a-f]{8}\.read-abcdef0123$/);
    expect(parserVersionOf(version)).toBe('read-abcdef0123');
  });

  it('changes with every accepted alias, not with their order', () => {
    expect(withAcceptedAliases(base, [qindao, koelle])).toBe(withAcceptedAliases(base, [koelle, qindao]));
    expect(withAcceptedAliases(base, [qindao, koelle])).not.toBe(withAcceptedAliases(base, [qindao]));
    expect(withAcceptedAliases(base, [{ ...qindao, name: 'Qingdao2' }])).not.toBe(withAcceptedAliases(base, [qindao]));
  });
});
