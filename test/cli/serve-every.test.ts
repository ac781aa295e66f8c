/**
 * `isa serve --every`: on the embedded database the review application is the one process that may
 * write, so it runs the scheduled pipeline itself; an `isa run` beside it is refused with a message
 * naming the serve process.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISA_BIN, runIsaProcess } from './isa-process.ts';

const RELEASE = `<!doctype html><html lang="de"><head><title>Partnerschaft</title></head><body><main><h1>Besuch aus Suzhou</h1>
<p>Veröffentlicht am 12. März 2024</p><p>Die Stadt Musterstadt und ihre Partnerstadt Suzhou feiern in diesem Jahr das zehnjährige Bestehen ihrer Städtepartnerschaft.</p></main></body></html>`;

describe('isa serve --every', () => {
  let dir: string;
  let site: Server;
  let sourcesFile: string;
  let stopServe = () => {};
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'isa-serve-every-'));
    site = createServer((request, response) => {
      if (request.url === '/presse/besuch.html') return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(RELEASE);
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    sourcesFile = join(dir, 'sources.yaml');
    await writeFile(sourcesFile, `sources:\n  - id: musterstadt\n    name: Musterstadt\n    organisation: Stadt Musterstadt\n    startUrls:\n      - url: ${origin}/presse/besuch.html\n        type: document\n    language: de\n    allowPrivate: true\n`);
  });
  afterAll(async () => {
    stopServe();
    await new Promise((resolve) => site?.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses run options without --every', async () => {
    const result = await runIsaProcess(['serve', '--sources', sourcesFile, '--data', join(dir, 'unused')], { env: { DATABASE_URL: '', REDIS_URL: '' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--sources goes with --every');
  });

  it('runs the pipeline in the serving process, refuses an isa run beside it by name, and stops on SIGTERM', async () => {
    const data = join(dir, 'data');
    const env = { ...process.env, DATABASE_URL: '', REDIS_URL: '' };
    const serve = spawn(process.execPath, [ISA_BIN, 'serve', '--port', '0', '--data', data, '--every', '1h', '--sources', sourcesFile, '--reports', join(dir, 'reports')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    serve.stdout.on('data', (chunk: Buffer) => (output += String(chunk)));
    serve.stderr.on('data', (chunk: Buffer) => (output += String(chunk)));
    const exited = new Promise<number | null>((resolve) => serve.on('exit', (code) => resolve(code)));
    stopServe = () => serve.kill('SIGKILL');
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the scheduled run did not end in time:\n${output}`)), 240_000);
      const poll = setInterval(() => {
        if (/run 1 ended/.test(output)) {
          clearInterval(poll);
          clearTimeout(timer);
          resolve();
        }
      }, 200);
    });
    expect(output).toMatch(/isa review application on http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toMatch(/documents: 1 — new 1/);
    expect(output).toMatch(/run 1 ended: exit 0 \(succeeded\)/);
    expect(output).toMatch(/next run at /);

    const beside = await runIsaProcess(['run', '--data', data, '--sources', sourcesFile], { env: { DATABASE_URL: '', REDIS_URL: '' } });
    expect(beside.code).toBe(1);
    expect(beside.stderr).toContain(`in use by process ${serve.pid} (isa.mjs serve`);

    serve.kill('SIGTERM');
    expect(await exited).toBe(0);
    const runs = await runIsaProcess(['runs', '--data', data, '--format', 'json'], { env: { DATABASE_URL: '', REDIS_URL: '' } });
    expect(runs.code).toBe(0);
    expect(runs.stdout).toContain('"succeeded"');
  }, 300_000);
});
