#!/usr/bin/env node
// The `isa` command. Runs the TypeScript sources through tsx, so a clone needs no build step.
import { register } from 'tsx/esm/api';

// A reader that stops early (`isa flags | head -3`) closes the pipe: the rest of the output has
// nowhere to go, which is no failure. The command still finishes and closes its database.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { env: process.env, stdout: process.stdout, stderr: process.stderr });
