import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../../pipelines/parse/read-document.ts';
import { PdfWorkerPool } from '../../../pipelines/parse/pdf-to-document.ts';
import { BadInputError } from '../../../core/errors.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const input = (body: Uint8Array, name = 'press-release.pdf') => ({ body, url: `file:///fixtures/${name}`, contentType: 'application/pdf', fetchedAt: new Date('2026-01-01T00:00:00Z') });

describe('PDF parsing and the caller\'s bytes', () => {
  it('leaves a Node Buffer body intact, so it can be parsed again and stored', async () => {
    const body = fixture('press-release.pdf');
    const size = body.length;
    const first = await readDocument(input(body));
    expect(body.length).toBe(size);
    const second = await readDocument(input(body));
    expect(second.text).toBe(first.text);
  });
});

describe('PdfWorkerPool', () => {
  const pool = new PdfWorkerPool({ maxIdle: 1 });
  afterAll(async () => {
    await pool.close();
  });

  it('gives the same text as a fresh worker, across several documents', async () => {
    const body = fixture('press-release.pdf');
    const oneShot = await readDocument(input(body));
    for (let i = 0; i < 3; i++) {
      const pooled = await readDocument(input(body), { pdfWorkers: pool });
      expect(pooled.text).toBe(oneShot.text);
    }
  });

  it('fails a broken PDF and a timed-out one, and keeps serving the next document', async () => {
    await expect(readDocument(input(fixture('truncated.pdf'), 'truncated.pdf'), { pdfWorkers: pool })).rejects.toBeInstanceOf(BadInputError);
    await expect(readDocument(input(fixture('page-footers.pdf'), 'page-footers.pdf'), { pdfWorkers: pool, pdfTimeoutMs: 1 })).rejects.toThrow(/longer than/);
    const after = await readDocument(input(fixture('press-release.pdf')), { pdfWorkers: pool });
    expect(after.format).toBe('pdf');
    expect(after.text.length).toBeGreaterThan(100);
  });
});

describe('a PDF worker that fails after it answered', () => {
  const failingEntry = new URL('./fixtures/pdf-worker-failing-after-answer.mjs', import.meta.url);

  it('does not take the process down, leaves the pool, and the next document gets a fresh worker', async () => {
    const pool = new PdfWorkerPool({ maxIdle: 2, workerEntry: failingEntry });
    try {
      const body = fixture('press-release.pdf');
      const first = await readDocument(input(body), { pdfWorkers: pool });
      expect(first.text).toContain('Stand-in text');
      expect(pool.idleWorkers).toBe(1);
      // The idle worker throws; its exit is observable state, so wait for it rather than sleeping.
      await expect.poll(() => pool.idleWorkers, { timeout: 10_000, interval: 20 }).toBe(0);
      const second = await readDocument(input(body), { pdfWorkers: pool });
      expect(second.text).toContain('Stand-in text');
    } finally {
      await pool.close();
    }
  });
});
