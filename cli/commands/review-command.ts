import { userInfo } from 'node:os';
import { loadConfig } from '../config.ts';
import { EXIT, print, UsageError, type Command } from '../command.ts';
import { openMigratedDatabase } from '../services.ts';
import { findFlag } from '../../sql/queries/flags.ts';
import { flagHistory, recordDecision, type DecisionInput } from '../../sql/queries/decisions.ts';
import type { DecisionAction, FlagStatus } from '../../sql/schema.ts';

// resolved_by_source is the reconciler's to set (the evidence went away), never a reviewer's decision.
const STATUS_ACTIONS: Readonly<Record<Exclude<FlagStatus, 'resolved_by_source'>, DecisionAction>> = {
  confirmed: 'confirm',
  dismissed: 'dismiss',
  open: 'reopen',
  explained: 'explain',
  fixed: 'fix',
};

/** The reviewer when --by is not given: the account running the command. */
export function defaultReviewer(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username || env.USER || 'unknown';
  } catch {
    return env.USER || env.USERNAME || 'unknown';
  }
}

export const reviewCommand: Command = {
  name: 'review',
  summary: 'record a decision on a flag (kept with reviewer and time; the history is never overwritten)',
  arguments: '<FLAG_ID|FINGERPRINT>',
  help: `Records a decision on one flag; exactly one of --status, --correct, --alias, --unreliable-source:

confirmed  the inconsistency is real (the note says which source is right)
dismissed  not an inconsistency (the note, required, says why)
open       back to the review queue (withdraws an alias or correction made on this flag)
--correct  the claim's FIELD (count, asOf, value, since, date, …) should be VALUE; the next reconcile uses it
--alias    NAME as written is the city CITY; the next extraction resolves it
--unreliable-source  the source misreports; the flag is confirmed and the source marked

Prints the flag's explanation with the decision, so you can see it is the flag you meant.
Every decision is appended to the flag's history with the reviewer (--by, default: your user
name) and the time; decisions are kept by the flag's fingerprint, so the next run keeps them.`,
  options: {
    status: { type: 'string', choices: Object.keys(STATUS_ACTIONS), description: 'the decision' },
    note: { type: 'string', value: 'TEXT', description: 'why: which source is right, or why it is no inconsistency' },
    by: { type: 'string', value: 'NAME', description: 'who decided (default: the OS user)' },
    correct: { type: 'string', value: 'FIELD=VALUE', description: 'the right value of a claim field (with --claim)' },
    claim: { type: 'string', value: 'CLAIM_ID', description: 'the claim --correct is about (ids: isa flags --format json)' },
    alias: { type: 'string', value: 'NAME=CITY', description: 'accept NAME as an alias of the city CITY (with --country)' },
    country: { type: 'string', choices: ['DE', 'CN'], description: 'country of the --alias city' },
    'unreliable-source': { type: 'string', value: 'SOURCE_ID', description: 'mark the source as unreliable' },
    data: { type: 'string', value: 'DIR', description: 'embedded database directory (default ISA_DATA_DIR or ./data)' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('give one flag id (or fingerprint prefix)');
    const chosen = ['status', 'correct', 'alias', 'unreliable-source'].filter((key) => values[key] !== undefined);
    if (chosen.length !== 1) throw new UsageError('give exactly one of --status, --correct, --alias, --unreliable-source');
    const decision = decisionFromFlags(values);
    const database = await openMigratedDatabase(loadConfig(io.env, { dataDir: values.data as string | undefined }), { brief: true });
    try {
      const flag = await findFlag(database.db, positionals[0] as string);
      if (!flag) {
        print(io.stderr, `isa review: no flag ${positionals[0]}; \`isa flags --all\` lists them`);
        return EXIT.failed;
      }
      const row = await recordDecision(database.db, {
        ...decision,
        flagId: flag.id,
        note: (values.note as string | undefined) ?? null,
        reviewer: (values.by as string | undefined) ?? defaultReviewer(io.env),
      });
      const history = await flagHistory(database.db, flag.fingerprint);
      print(io.stdout, `flag #${flag.id} ${flag.kind} — ${flag.subject ?? ''}`);
      print(io.stdout, `  ${flag.explanation}`);
      print(io.stdout, `→ ${row.status} (${row.action}) by ${row.reviewer} at ${new Date(row.decided_at).toISOString()}${row.note ? `: ${row.note}` : ''}`);
      if (history.length > 1) print(io.stdout, `  (${history.length} decisions on this flag; the page /flags/${flag.id} of \`isa serve\` shows them all)`);
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
};

function decisionFromFlags(values: Record<string, string | boolean | string[] | undefined>): Pick<DecisionInput, 'action' | 'value'> {
  if (values.status !== undefined) {
    const status = String(values.status) as keyof typeof STATUS_ACTIONS;
    const action = STATUS_ACTIONS[status];
    if (!action) throw new UsageError(`--status must be one of ${Object.keys(STATUS_ACTIONS).join(', ')}`);
    return { action };
  }
  if (values.correct !== undefined) {
    const [field, ...rest] = String(values.correct).split('=');
    if (!field || rest.length === 0 || !values.claim) throw new UsageError('--correct needs FIELD=VALUE and --claim CLAIM_ID (the claim ids are in `isa flags --format json`)');
    return { action: 'correct', value: { claimId: String(values.claim), field: field.trim(), value: rest.join('=').trim() } };
  }
  if (values.alias !== undefined) {
    const [alias, ...rest] = String(values.alias).split('=');
    const country = String(values.country ?? '');
    if (!alias || rest.length === 0 || (country !== 'DE' && country !== 'CN')) throw new UsageError('--alias needs NAME=CITY and --country DE or CN');
    return { action: 'alias', value: { alias: alias.trim(), city: rest.join('=').trim(), country } };
  }
  return { action: 'unreliable_source', value: { sourceId: String(values['unreliable-source']) } };
}
