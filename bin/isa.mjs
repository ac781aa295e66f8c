#!/usr/bin/env node
// The `isa` command. Runs the compiled dist/ (built by `npm run build`, and by `npm install` /
// `npm ci` through `prepare`) while it is newer than every source file; otherwise the TypeScript
// sources through tsx, so an edit takes effect at once and a clone without a build still works.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// `isa extract` compiles every pattern straight to machine code, once: by default V8 compiles a pattern
// to bytecode on its first use and again to machine code on its second, and those two compilations of
// the extractors' ~5000 patterns were most of its first (and only) document. Matches are the same. Only
// there: with the flag for every command, one `isa run` under heavy load ended in a SIGSEGV not explained yet.
if (process.argv[2] === 'extract') setFlagsFromString('--no-regexp-tier-up');

// Keep in step with scripts/build-dist.mjs.
const RUNTIME_DIRS = ['cli', 'core', 'pipelines', 'extractors', 'workers', 'sql', 'fixtures', 'web'];
const root = new URL('../', import.meta.url);

function newestSourceChange() {
  let newest = statSync(new URL('package.json', root)).mtimeMs;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of RUNTIME_DIRS) walk(new URL(dir, root).pathname);
  return newest;
}

function distIsFresh() {
  const stamp = new URL('dist/.built', root);
  return process.env.ISA_FROM_SOURCES !== '1' && existsSync(stamp) && statSync(stamp).mtimeMs >= newestSourceChange();
}

// A reader that stops early (`isa flags | head -3`) closes the pipe: the rest of the output has
// nowhere to go, which is no failure. The command still finishes and closes its database.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

let main;
if (distIsFresh()) {
  ({ main } = await import('../dist/app/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr });
