/** Row types of the tables in `sql/migrations`, as kysely sees them. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a default: optional on insert. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type BigId = ColumnType<string, string | number | bigint, string | number | bigint>;
/** A bigserial primary key: read as a string, never written on insert. */
type SerialId = ColumnType<string, never, never>;

export interface SourcesTable {
  id: string;
  name: string;
  config: Json<unknown>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'partial' | 'cancelled';

export interface RunsTable {
  id: SerialId;
  kind: string;
  started_at: DefaultTimestamp;
  finished_at: Timestamp | null;
  status: Generated<RunStatus>;
  options: Json<Record<string, unknown>>;
  counts: Json<Record<string, unknown>>;
  /** `host:pid` of the process running it (migration 0010). */
  owner: ColumnType<string | null, string | null | undefined, string | null>;
  /** Last sign of life of its process; a stale one means the process is gone (migration 0010). */
  heartbeat_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** Why it failed or was cancelled, when not because of its inputs (migration 0010). */
  end_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

export type RunItemOutcome = 'new' | 'changed' | 'unchanged' | 'gone' | 'skipped' | 'failed';

/** What one run did with one URL (migration 0010). */
export interface RunItemsTable {
  run_id: BigId;
  url: string;
  source_id: string | null;
  outcome: RunItemOutcome;
  reason: string | null;
}

export interface DocumentsTable {
  id: SerialId;
  url: string;
  source_id: string | null;
  status: Generated<'active' | 'gone'>;
  first_seen_at: DefaultTimestamp;
  etag: string | null;
  last_modified: string | null;
  gone_at: Timestamp | null;
  /** Sitemap `<lastmod>` when last fetched (migration 0004); optional on insert. */
  sitemap_lastmod: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  /** The version that stands for the document now (migration 0012); kept by a trigger on insert. */
  current_version_id: ColumnType<string | null, string | number | bigint | null | undefined, string | number | bigint | null>;
}

export interface DocumentVersionsTable {
  id: SerialId;
  document_id: BigId;
  url: string;
  final_url: string;
  http_status: number | null;
  content_type: string | null;
  etag: string | null;
  last_modified: string | null;
  content_hash: string;
  fetched_at: Timestamp;
  body: Uint8Array;
  body_size: number;
  format: 'html' | 'pdf' | 'text';
  title: string | null;
  published: string | null;
  published_source: string | null;
  language: string | null;
  clean_text: string;
  captions: Json<string[]>;
  parse_warnings: Json<string[]>;
  run_id: BigId | null;
  /** The reader that made clean_text and published (migration 0011); null: not recorded. Optional on insert. */
  parser_version: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A reading a newer reader replaced (migration 0011): what the older claims' offsets point into. */
export interface DocumentReadingsTable {
  id: SerialId;
  version_id: BigId;
  parser_version: string | null;
  superseded_by: string;
  superseded_at: DefaultTimestamp;
  title: string | null;
  published: string | null;
  published_source: string | null;
  language: string | null;
  clean_text: string;
  captions: Json<string[]>;
  parse_warnings: Json<string[]>;
}

export type FetchOutcome = 'new' | 'changed' | 'unchanged' | 'gone' | 'failed' | 'skipped';

export interface FetchesTable {
  id: SerialId;
  run_id: BigId | null;
  document_id: BigId | null;
  url: string;
  fetched_at: DefaultTimestamp;
  http_status: number | null;
  outcome: FetchOutcome;
  version_id: BigId | null;
}

export interface ExtractionsTable {
  version_id: BigId;
  extractor_version: string;
  extracted_at: DefaultTimestamp;
  claim_count: number;
  run_id: BigId | null;
}

export interface ClaimsTable {
  id: SerialId;
  version_id: BigId;
  extractor_version: string;
  ordinal: number;
  kind: string;
  subject: string | null;
  payload: Json<Record<string, unknown>>;
  quote: string;
  start_offset: number;
  end_offset: number;
  rule: string | null;
  provenance: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface GazetteerTable {
  id: string;
  name: string;
  country: string;
  type: string;
  admin1: string | null;
  parent: string | null;
  capital_of: string | null;
  population: ColumnType<string | null, number | null, number | null>;
  aliases: string[];
}

/** contradiction: sources cannot both be right; discrepancy: worth a look; explained: the dates account for it (migration 0008). */
export type FlagSeverity = 'contradiction' | 'discrepancy' | 'explained';
/** fixed: a reviewer says the source was fixed; resolved_by_source: the reconciler found the evidence gone (migration 0008). Both reopen if the finding returns. */
export type FlagStatus = 'open' | 'confirmed' | 'dismissed' | 'explained' | 'fixed' | 'resolved_by_source';

export interface FlagsTable {
  id: SerialId;
  fingerprint: string;
  kind: string;
  severity: FlagSeverity;
  subject: string | null;
  explanation: string;
  details: Json<Record<string, unknown>>;
  status: Generated<FlagStatus>;
  reviewer_note: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  first_seen_run: BigId | null;
  /** The subject the reconciler found it in (`org:ISA`, `city:Foshan`); migration 0008. */
  subject_key: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface FlagClaimsTable {
  flag_id: BigId;
  claim_id: BigId;
  role: Generated<string>;
}

export interface RunErrorsTable {
  id: SerialId;
  run_id: BigId | null;
  stage: string;
  url: string | null;
  version_id: BigId | null;
  error_class: string;
  message: string;
  at: DefaultTimestamp;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: DefaultTimestamp;
}

export interface UsersTable {
  id: SerialId;
  name: string;
  password_hash: string;
  created_at: DefaultTimestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: BigId;
  csrf_token: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

export type DecisionAction = 'confirm' | 'dismiss' | 'reopen' | 'explain' | 'fix' | 'correct' | 'alias' | 'unreliable_source';

/** Append-only (a trigger refuses updates and deletes): the history of every flag. */
export interface DecisionsTable {
  id: SerialId;
  flag_fingerprint: string;
  flag_id: BigId | null;
  action: DecisionAction;
  status: FlagStatus;
  note: string | null;
  value: Json<Record<string, unknown>>;
  reviewer: string;
  decided_at: DefaultTimestamp;
}

export interface DB {
  settings: SettingsTable;
  sources: SourcesTable;
  runs: RunsTable;
  documents: DocumentsTable;
  document_versions: DocumentVersionsTable;
  document_readings: DocumentReadingsTable;
  fetches: FetchesTable;
  extractions: ExtractionsTable;
  claims: ClaimsTable;
  gazetteer: GazetteerTable;
  flags: FlagsTable;
  flag_claims: FlagClaimsTable;
  run_errors: RunErrorsTable;
  run_items: RunItemsTable;
  users: UsersTable;
  sessions: SessionsTable;
  decisions: DecisionsTable;
}

export type DocumentVersion = Selectable<DocumentVersionsTable>;
export type NewDocumentVersion = Insertable<DocumentVersionsTable>;
export type ClaimRow = Selectable<ClaimsTable>;
export type FlagRow = Selectable<FlagsTable>;
export type DecisionRow = Selectable<DecisionsTable>;
