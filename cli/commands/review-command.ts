import { loadConfig } from '../config.ts';
import { EXIT, print, UsageError, type Command } from '../command.ts';
import { openMigratedDatabase } from '../services.ts';
import { findFlag, reviewFlag } from '../../sql/queries/flags.ts';
import type { FlagStatus } from '../../sql/schema.ts';

const DECISIONS: FlagStatus[] = ['confirmed', 'dismissed', 'open', 'explained', 'resolved_by_source'];

export const reviewCommand: Command = {
  name: 'review',
  summary: 'record a decision on a flag (kept across runs by the flag\'s fingerprint)',
  help: `Usage: isa review FLAG_ID|FINGERPRINT --status confirmed|dismissed|open|explained|resolved_by_source [--note TEXT] [--by NAME]

confirmed  the inconsistency is real (the note says which source is right)
dismissed  not an inconsistency (the note says why)
open       back to the review queue

The decision is stored on the flag's fingerprint, which is derived from what the flag is about, so the
next run keeps it even when documents are refetched or claims re-extracted.`,
  options: {
    status: { type: 'string' },
    note: { type: 'string' },
    by: { type: 'string' },
    data: { type: 'string' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length !== 1) throw new UsageError('give one flag id (or fingerprint prefix)');
    const status = String(values.status ?? '');
    if (!DECISIONS.includes(status as FlagStatus)) throw new UsageError(`--status must be one of ${DECISIONS.join(', ')}`);
    const database = await openMigratedDatabase(loadConfig(io.env, { dataDir: values.data as string | undefined }));
    try {
      const flag = await findFlag(database.db, positionals[0] as string);
      if (!flag) {
        print(io.stderr, `isa review: no flag ${positionals[0]}; \`isa flags --all\` lists them`);
        return EXIT.failed;
      }
      await reviewFlag(database.db, flag.id, {
        status: status as FlagStatus,
        note: (values.note as string | undefined) ?? null,
        reviewer: (values.by as string | undefined) ?? io.env.USER ?? null,
      });
      print(io.stdout, `flag #${flag.id} (${flag.kind}) is now ${status}`);
      return EXIT.ok;
    } finally {
      await database.close();
    }
  },
};
