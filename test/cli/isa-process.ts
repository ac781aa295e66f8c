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

export interface IsaProcess {
  pid: number;
  /** Resolves when the process has ended, with everything it printed. */
  exited: Promise<ProcessResult>;
  /** What it printed on stderr so far. */
  stderr(): string;
  /** Resolves once it announced a fault point (`ISA_FAULT_POINT=…:stop`) and stopped itself; rejects if it ended first. */
  stopped(): Promise<void>;
  signal(signal: NodeJS.Signals): void;
}

/** Starts `bin/isa.mjs ARGS` as its own process and returns at once, for tests that act on it while it runs. */
export function startIsaProcess(args: string[], options: { env?: NodeJS.ProcessEnv } = {}): IsaProcess {
  const child = spawn(process.execPath, [ISA_BIN, ...args], { env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const announced: Array<() => void> = [];
  child.stdout.on('data', (chunk: Buffer) => (stdout += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += String(chunk);
    if (/isa fault point \S+ reached/.test(stderr)) for (const resolve of announced.splice(0)) resolve();
  });
  const exited = new Promise<ProcessResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return {
    pid: child.pid!,
    exited,
    stderr: () => stderr,
    stopped: () =>
      new Promise<void>((resolve, reject) => {
        if (/isa fault point \S+ reached/.test(stderr)) return resolve();
        announced.push(resolve);
        void exited.then((result) => reject(new Error(`isa ${args.join(' ')} ended (${result.signal ?? result.code}) before its fault point:\n${result.stderr}`)));
      }),
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}
