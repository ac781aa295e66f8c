import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ISA_BIN = fileURLToPath(new URL('../../bin/isa.mjs', import.meta.url));

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `bin/isa.mjs ARGS` as its own process, for what only a process shows: exit codes set by the
 * launcher, a closed pipe, signals. `stdoutBytes` closes our end of stdout after that many bytes.
 */
export function runIsaProcess(args: string[], options: { env?: NodeJS.ProcessEnv; stdoutBytes?: number } = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ISA_BIN, ...args], { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += String(chunk);
      if (options.stdoutBytes !== undefined && stdout.length >= options.stdoutBytes) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += String(chunk)));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
