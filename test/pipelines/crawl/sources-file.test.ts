import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/errors.ts';
import { addSourceToFile, formatSourceFileError, loadSourcesFile, validateSources } from '../../../pipelines/crawl/sources-file.ts';

const GOOD = `# Pressestellen
sources:
  - id: stadt-a # die erste
    name: Stadt A
    organisation: Stadt A
    startUrls:
      - https://www.stadt-a.example/presse/
      - url: https://www.stadt-a.example/sitemap.xml
        type: sitemap
    follow: [/presse/*]
    maxPages: 50
    language: de
`;

describe('validateSources', () => {
  it('accepts a good file and fills in defaults', () => {
    const { sources, errors } = validateSources(GOOD, 'sources.yaml');
    expect(errors).toEqual([]);
    expect(sources[0]).toMatchObject({
      id: 'stadt-a',
      startUrls: [{ url: 'https://www.stadt-a.example/presse/', type: 'auto' }, { url: 'https://www.stadt-a.example/sitemap.xml', type: 'sitemap' }],
      skip: [],
      allowPrivate: false,
    });
  });

  it('names the line and field of every problem', () => {
    const text = `sources:
  - id: Stadt B
    name: Stadt B
    organisation: Stadt B
    startUrls:
      - ftp://stadt-b.example/presse
    maxPages: -3
    colour: blue
`;
    const { sources, errors } = validateSources(text, 'bad.yaml');
    expect(sources).toEqual([]);
    const byField = Object.fromEntries(errors.map((e) => [e.field, e]));
    expect(byField['sources.0.id']?.line).toBe(2);
    expect(byField['sources.0.startUrls.0']?.line).toBe(6);
    expect(byField['sources.0.maxPages']?.line).toBe(7);
    expect(errors.some((e) => e.line === 2 && /colour/.test(e.message))).toBe(true);
    expect(formatSourceFileError(byField['sources.0.maxPages']!)).toMatch(/^bad\.yaml:7:\d+: sources\.0\.maxPages: /);
  });

  it('reports YAML syntax errors with their line', () => {
    const { errors } = validateSources('sources:\n  - id: a\n    name: [unclosed\n', 'broken.yaml');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports duplicate ids at the second one', () => {
    const text = GOOD + GOOD.split('\n').slice(2).join('\n');
    const { errors } = validateSources(text, 'dup.yaml');
    expect(errors).toEqual([expect.objectContaining({ field: 'sources.1.id', line: 13, message: expect.stringMatching(/duplicate id "stadt-a"/) })]);
  });

  it('substitutes ${NAME} placeholders and reports a missing one', () => {
    const text = GOOD.replaceAll('https://www.stadt-a.example', '${ORIGIN}');
    expect(validateSources(text, 's.yaml', { ORIGIN: 'http://127.0.0.1:1234/' }).sources[0]!.startUrls[0]!.url).toBe('http://127.0.0.1:1234/presse/');
    const missing = validateSources(text, 's.yaml');
    expect(missing.errors.some((e) => e.line === 7 && /\$\{ORIGIN\}/.test(e.message))).toBe(true);
  });

  it('reads JSON as well', () => {
    const json = JSON.stringify({ sources: [{ id: 'j', name: 'J', organisation: 'J', startUrls: ['https://j.example/'] }] }, null, 2);
    expect(validateSources(json, 's.json').errors).toEqual([]);
  });

  it('validates the bundled fixture sources file', async () => {
    const text = await readFile(new URL('../../../fixtures/sources.yaml', import.meta.url), 'utf8');
    const { sources, errors } = validateSources(text, 'fixtures/sources.yaml', { FIXTURES: 'http://127.0.0.1:9' });
    expect(errors).toEqual([]);
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.every((s) => s.allowPrivate === true && s.startUrls.every((u) => u.url.startsWith('http://127.0.0.1:9/')))).toBe(true);
  });
});

describe('loadSourcesFile and addSourceToFile', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'isa-sources-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('throws ConfigError listing the problems', async () => {
    const path = join(dir, 'bad.yaml');
    await writeFile(path, 'sources:\n  - id: x\n');
    const error = await loadSourcesFile(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/bad\.yaml:2:\d+: sources\.0/);
  });

  it('adds a source and keeps the comments', async () => {
    const path = join(dir, 'sources.yaml');
    await writeFile(path, GOOD);
    await addSourceToFile(path, { id: 'stadt-b', name: 'Stadt B', organisation: 'Stadt B', startUrls: ['https://stadt-b.example/presse/'] });
    const text = await readFile(path, 'utf8');
    expect(text).toContain('# Pressestellen');
    expect(text).toContain('# die erste');
    const sources = await loadSourcesFile(path);
    expect(sources.map((s) => s.id)).toEqual(['stadt-a', 'stadt-b']);
    await expect(addSourceToFile(path, { id: 'stadt-b', name: 'B', organisation: 'B', startUrls: ['https://b.example/'] })).rejects.toBeInstanceOf(ConfigError);
    await expect(addSourceToFile(path, { id: 'c', name: 'C', organisation: 'C', startUrls: ['notaurl'] })).rejects.toThrow(/startUrls/);
  });

  it('creates a missing file', async () => {
    const path = join(dir, 'neu.yaml');
    await addSourceToFile(path, { id: 'n', name: 'N', organisation: 'N', startUrls: ['https://n.example/'] });
    expect((await loadSourcesFile(path)).map((s) => s.id)).toEqual(['n']);
  });
});
