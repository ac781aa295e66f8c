import { loadConfig } from '../config.ts';
import { EXIT, print, UsageError, type Command } from '../command.ts';
import { openMigratedDatabase } from '../services.ts';
import { flagEvidence, listFlags, sentenceAround } from '../../sql/queries/flags.ts';
import type { FlagStatus } from '../../sql/schema.ts';
import type { FlagDetails } from '../../core/flag-details.ts';

const STATUSES: FlagStatus[] = ['open', 'confirmed', 'dismissed', 'explained', 'fixed', 'resolved_by_source'];
/** Every kind the reconciler writes (pipelines/reconcile/rules), so `--kind` can refuse a typo. */
export const FLAG_KINDS = [
  'count_same_time_disagreement', 'count_outlier', 'count_unexplained_change', 'count_growth_explained',
  'founding_vs_joined_later', 'listed_before_joining', 'admitted_missing_from_list', 'dropped_without_exit', 'listed_after_leaving',
  'join_date_conflict', 'granularity', 'stated_count_vs_list', 'count_sum_conflict', 'event_ordinal_conflict',
  'attribute_conflict', 'population_conflict', 'partnership_since_conflict', 'partnership_relation_conflict',
  'unresolved_name', 'ambiguous_name', 'weekday_mismatch',
] as const;

export const flagsCommand: Command = {
  name: 'flags',
  summary: 'list flagged inconsistencies with their evidence side by side',
  help: `Lists flags (default: open ones) with each claim's quote, URL, fetch time and extractor version.
Severities: contradiction (the sources cannot both be right), discrepancy (worth a look), explained (the
dates account for it: growth of the membership, shown with status explained).
Flag kinds: ${FLAG_KINDS.join(', ')}.

Exit codes: 0 listed, 1 could not read the database, 2 usage, 4 open flags remain (with --fail-on-open).`,
  options: {
    status: { type: 'string', multiple: true, choices: STATUSES, value: 'STATUS', description: 'only flags with this status (repeatable; default open)' },
    all: { type: 'boolean', default: false, description: 'every status' },
    kind: { type: 'string', choices: FLAG_KINDS, description: 'one kind only' },
    format: { type: 'string', default: 'text', choices: ['text', 'json'], description: 'output format' },
    'fail-on-open': { type: 'boolean', default: false, description: 'exit 4 when open flags remain (for scheduled runs)' },
    data: { type: 'string', value: 'DIR', description: 'embedded database directory (default ISA_DATA_DIR or ./data)' },
  },
  allowPositionals: false,
  async run({ values }, io) {
    const format = String(values.format);
    if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
    const requested = (values.status as string[] | undefined) ?? [];
    const bad = requested.filter((s) => !STATUSES.includes(s as FlagStatus));
    if (bad.length) throw new UsageError(`unknown status ${bad.join(', ')}; use ${STATUSES.join(', ')}`);
    const statuses = values.all ? STATUSES : requested.length ? (requested as FlagStatus[]) : (['open'] as FlagStatus[]);
    const database = await openMigratedDatabase(loadConfig(io.env, { dataDir: values.data as string | undefined }), { brief: true });
    try {
      const flags = await listFlags(database.db, { statuses, ...(values.kind ? { kind: String(values.kind) } : {}) });
      const evidence = await flagEvidence(database.db, flags.map((f) => f.id));
      const withEvidence = flags.map((flag) => ({
        ...flag,
        evidence: evidence.filter((e) => String(e.flag_id) === flag.id).map((e) => ({
          claimId: e.claim_id,
          kind: e.kind,
          quote: e.quote,
          sentence: sentenceAround(e.surrounding, Number(e.surrounding_start), e.start_offset, e.end_offset),
          start: e.start_offset,
          end: e.end_offset,
          url: e.url,
          finalUrl: e.final_url,
          fetchedAt: e.fetched_at,
          title: e.title,
          published: e.published,
          extractorVersion: e.extractor_version,
        })),
      }));
      if (format === 'json') {
        print(io.stdout, JSON.stringify(withEvidence, null, 2));
      } else if (withEvidence.length === 0) {
        print(io.stdout, `no ${statuses.join('/')} flags`);
      } else {
        for (const flag of withEvidence) {
          print(io.stdout, `#${flag.id} ${flag.severity.toUpperCase()} ${flag.kind} — ${flag.subject ?? ''} [${flag.status}] (fingerprint ${flag.fingerprint})`);
          print(io.stdout, `  ${flag.explanation}`);
          const details = flag.details as FlagDetails;
          if (details.likelyWrong) print(io.stdout, `  likely wrong: claim ${details.likelyWrong.claimId} — ${details.likelyWrong.reason}`);
          if (details.timeline?.points.length) {
            print(io.stdout, `  timeline ${details.timeline.subject}: ${details.timeline.points.map((p) => `${p.stated ?? p.asOf} ${p.label}${p.role === 'conflicting' ? ' ✗' : p.role === 'outvoting' ? ' ✓' : ''}`).join(' → ')}`);
          }
          flag.evidence.forEach((e, i) => {
            print(io.stdout, `  [${i + 1}] ${e.url}${e.finalUrl !== e.url ? ` → ${e.finalUrl}` : ''}`);
            print(io.stdout, `      fetched ${new Date(e.fetchedAt).toISOString()}${e.published ? `, published ${e.published}` : ''}, extractor ${e.extractorVersion}, chars ${e.start}–${e.end}`);
            print(io.stdout, `      “${e.quote}”`);
            if (e.sentence !== e.quote) print(io.stdout, `      in: “${e.sentence}”`);
          });
          if (flag.reviewer_note) print(io.stdout, `  reviewer (${flag.reviewed_by ?? 'unknown'}): ${flag.reviewer_note}`);
          print(io.stdout, `  decide: npx isa review ${flag.id} --status confirmed|dismissed --note "…"`);
          print(io.stdout);
        }
      }
      const open = withEvidence.filter((f) => f.status === 'open').length;
      return values['fail-on-open'] && open > 0 ? EXIT.openFlags : EXIT.ok;
    } finally {
      await database.close();
    }
  },
};
