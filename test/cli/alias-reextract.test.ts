/**
 * An alias a reviewer accepts changes what the extractors resolve, so it is part of the extractor
 * version: the next run re-extracts the stored documents with it, without refetching.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const seed = (name: string) => fileURLToPath(new URL(`../../fixtures/gold/seeds/${name}.txt`, import.meta.url));

describe('an accepted alias', () => {
  let dir: string;
  const env = () => ({ ISA_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', REDIS_URL: '' });
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'isa-alias-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes the next run re-extract the stored documents under a version that names the aliases', async () => {
    const first = await runCli(['ingest', seed('001_f1d0d5f95502a0a2'), '--format', 'json'], env());
    expect(first.code).toBe(0);
    const flags = JSON.parse((await runCli(['flags', '--kind', 'unresolved_name', '--format', 'json'], env())).stdout) as Array<{ id: string; details: { raw: string; name: string } }>;
    const flag = flags.find((f) => f.details.raw === 'Zhuzhouan')!;
    expect(flag.details.name).toBe('Zhuzhou');
    const review = await runCli(['review', flag.id, '--alias', 'Zhuzhouan=Zhuzhou', '--country', 'CN', '--by', 'anna'], env());
    expect(review.code).toBe(0);

    const second = await runCli(['ingest', seed('002_d65a921588cc86b9'), '--format', 'json'], env());
    expect(second.code).toBe(0);
    // The new document and the one stored before the alias.
    expect((JSON.parse(second.stdout) as { run: { extracted: { versions: number } } }).run.extracted.versions).toBe(2);
    const claims = (await runCli(['export', 'claims', '--format', 'ndjson'], env())).stdout.trim().split('\n').map((line) => JSON.parse(line) as { extractor_version: string });
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((c) => /\.aliases-[0-9a-f]{8}\.read-/.test(c.extractor_version))).toBe(true);
  }, 300_000);
});
