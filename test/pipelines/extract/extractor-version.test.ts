import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentExtractorVersion } from '../../../pipelines/extract/extractor-version.ts';
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
