import { Writable } from 'node:stream';
import { main } from '../../cli/main.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `isa ARGS` in this process with its own environment and captured output. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (chunk: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await main(args, {
    env,
    stdout: sink((c) => (stdout += c)),
    stderr: sink((c) => (stderr += c)),
  });
  return { code, stdout, stderr };
}
