/**
 * The worker entry must run under bare Node (no tsx loader): the worker thread does not inherit
 * vitest's or tsx's module hooks in every setup. Spawn plain `node` and let it use the worker.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const workerUrl = pathToFileURL(join(here, '../../../pipelines/parse/pdf-worker.mjs')).href;
const pdfPath = join(here, 'fixtures/press-release.pdf');

describe('pdf-worker.mjs', () => {
  it('parses a PDF under plain node without any loader', async () => {
    const script = `
      import { Worker } from 'node:worker_threads';
      import { readFileSync } from 'node:fs';
      const worker = new Worker(new URL(${JSON.stringify(workerUrl)}), { execArgv: [] });
      const data = new Uint8Array(readFileSync(${JSON.stringify(pdfPath)}));
      worker.once('message', (result) => { console.log(JSON.stringify(result)); worker.terminate(); });
      worker.postMessage({ data, maxPages: 10 }, [data.buffer]);
    `;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], { cwd: join(here, '../../..') });
    const result = JSON.parse(stdout) as { ok: boolean; total: number; pages: string[]; info: { creationDate: string } };
    expect(result.ok).toBe(true);
    expect(result.total).toBe(2);
    expect(result.pages[0]).toContain('12. März 2021');
    expect(result.info.creationDate).toMatch(/^D:20210315/);
  });
});
