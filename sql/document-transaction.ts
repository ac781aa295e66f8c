/**
 * One document's write (or one batch of them) as a transaction, and the test-only fault points
 * around it. `ISA_FAULT_POINT` (read by core/config.ts, armed by cli/main.ts) is inert unless set:
 *
 *   ISA_FAULT_POINT=before-version-write:2       SIGKILL at the 2nd version write of this process, before it begins
 *   ISA_FAULT_POINT=inside-extraction-write:1    … after every statement of the 1st claims write, before its commit
 *   ISA_FAULT_POINT=after-version-write:1:stop   … after its commit; `stop`: announce on stderr and SIGSTOP
 *
 * `version` is the crawl's write of documents and their versions, `extraction` the write of one
 * version's claims, `reconcile` the reconciler's write of the flags (sql/queries/flags.ts). SIGKILL is what `kill -9` does, at an exact point instead of after a sleep.
 * `stop` freezes the process there, announcing `isa fault point POINT:N reached, pid PID` on
 * stderr, for a test to kill it or to break something around it (restart Postgres) and then let it
 * go on with SIGCONT.
 */
import { writeSync } from 'node:fs';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.ts';
import { FAULT_POINT_PATTERN } from '../core/config.ts';

export type DocumentWriteKind = 'version' | 'extraction' | 'reconcile';
type FaultPoint = `${'before' | 'inside' | 'after'}-${DocumentWriteKind}-write`;

// Process-wide by nature: the point ends or freezes the whole process. Set once, by the CLI.
let armed: { point: string; at: number; stop: boolean; seen: number } | null = null;

/** Arms the fault point described by `spec` (see the file's comment) for the rest of this process. */
export function armFaultPoint(spec: string): void {
  const match = FAULT_POINT_PATTERN.exec(spec);
  if (!match) throw new Error(`ISA_FAULT_POINT=${spec} is not WHEN-KIND-write:N[:stop]`);
  armed = { point: `${match[1]}-${match[2]}-write`, at: Number(match[3]), stop: match[4] !== undefined, seen: 0 };
}

function faultPoint(point: FaultPoint): void {
  if (armed?.point !== point || ++armed.seen !== armed.at) return;
  if (armed.stop) {
    // Written synchronously, so the line is out before the process freezes.
    writeSync(2, `isa fault point ${point}:${armed.at} reached, pid ${process.pid}\n`);
    process.kill(process.pid, 'SIGSTOP');
    return;
  }
  process.kill(process.pid, 'SIGKILL');
}

/** Runs `write` in one transaction: all of it is stored, or none. */
export async function documentTransaction<T>(db: Kysely<DB>, kind: DocumentWriteKind, write: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  faultPoint(`before-${kind}-write`);
  const result = await db.transaction().execute(async (trx) => {
    const written = await write(trx);
    faultPoint(`inside-${kind}-write`);
    return written;
  });
  faultPoint(`after-${kind}-write`);
  return result;
}
