import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentExtractorVersion } from '../../../pipelines/extract/extractor-version.ts';
import { EXTRACTOR_VERSION } from '../../../extractors/extraction-context.ts';

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
    const before = currentExtractorVersion(dir);
    expect(before).toMatch(new RegExp(`^${EXTRACTOR_VERSION.replace(/\./g, '\\.')}\\+[0-9a-f]{10}$`));
    expect(currentExtractorVersion(dir)).toBe(before);
    await writeFile(join(dir, 'counts', 'rule.ts'), 'export const a = 2;\n');
    expect(currentExtractorVersion(dir)).not.toBe(before);
  });

  it('gives this checkout a stable version', () => {
    expect(currentExtractorVersion()).toBe(currentExtractorVersion());
  });
});
