/**
 * The dataset's lists, each a query and its columns: the list pages render them, their .csv and
 * .json downloads and `isa export` serialise the very same rows.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../sql/schema.ts';
import { claimRows, claimValue, documentRows, flagRows, memberRowsOf, runRows, type ClaimListRow, type DocumentListRow, type FlagFilters, type FlagListRow, type MemberRow, type RunListRow } from '../../sql/queries/dataset.ts';
import { cell, type Column } from './serialise-rows.ts';

export interface Dataset<T> {
  name: string;
  title: string;
  columns: Column<T>[];
  load(db: Kysely<DB>, query: Record<string, string | undefined>): Promise<T[]>;
  /** Where a row's cell links to on the page (column key → path). */
  links?(row: T): Record<string, string>;
}

const claims: Dataset<ClaimListRow> = {
  name: 'claims',
  title: 'Claims',
  columns: [
    { key: 'id', label: 'Claim', value: (r) => r.id },
    { key: 'kind', label: 'Kind', value: (r) => r.claim.kind },
    { key: 'subject', label: 'Subject', value: (r) => ('subject' in r.claim ? r.claim.subject : r.claim.kind === 'city_attribute' ? r.claim.city : r.claim.kind === 'partnership' ? r.claim.cities.join(' | ') : null) },
    { key: 'value', label: 'Says', value: (r) => claimValue(r.claim) },
    { key: 'quote', label: 'Quote', value: (r) => r.claim.evidence.quote },
    { key: 'start', label: 'Start', value: (r) => r.claim.evidence.start },
    { key: 'end', label: 'End', value: (r) => r.claim.evidence.end },
    { key: 'source', label: 'Source', value: (r) => r.sourceId },
    { key: 'url', label: 'URL', value: (r) => r.finalUrl },
    { key: 'published', label: 'Published', value: (r) => r.published },
    { key: 'fetched_at', label: 'Fetched', value: (r) => cell(r.fetchedAt) },
    { key: 'extractor_version', label: 'Extractor', value: (r) => r.extractorVersion },
    { key: 'rule', label: 'Rule', value: (r) => r.claim.provenance?.rule ?? null },
    { key: 'document_id', label: 'Document', value: (r) => r.documentId },
    { key: 'version_id', label: 'Version', value: (r) => r.versionId },
    { key: 'payload', label: 'Payload', value: (r) => JSON.stringify(Object.fromEntries(Object.entries(r.claim).filter(([k]) => k !== 'evidence' && k !== 'provenance'))) },
  ],
  async load(db, query) {
    const rows = await claimRows(db);
    return rows.filter((r) => (!query.kind || r.claim.kind === query.kind) && (!query.source || r.sourceId === query.source) && (!query.document || r.documentId === query.document));
  },
  links: (r) => ({ id: `/versions/${r.versionId}#claim-${r.id}`, document_id: `/documents/${r.documentId}`, version_id: `/versions/${r.versionId}` }),
};

const flags: Dataset<FlagListRow> = {
  name: 'flags',
  title: 'Flags',
  columns: [
    { key: 'id', label: 'Flag', value: (r) => r.id },
    { key: 'severity', label: 'Severity', value: (r) => r.severity },
    { key: 'kind', label: 'Kind', value: (r) => r.kind },
    { key: 'status', label: 'Status', value: (r) => r.status },
    { key: 'subject', label: 'Subject', value: (r) => r.subject },
    { key: 'explanation', label: 'Explanation', value: (r) => r.explanation },
    { key: 'claims', label: 'Claims', value: (r) => r.claim_count },
    { key: 'sources', label: 'Sources', value: (r) => r.sources.join(' ') },
    { key: 'reviewed_by', label: 'Reviewed by', value: (r) => r.reviewed_by },
    { key: 'reviewed_at', label: 'Reviewed', value: (r) => cell(r.reviewed_at) },
    { key: 'reviewer_note', label: 'Note', value: (r) => r.reviewer_note },
    { key: 'fingerprint', label: 'Fingerprint', value: (r) => r.fingerprint },
  ],
  load: (db, query) => flagRows(db, flagFiltersOf(query)),
  links: (r) => ({ id: `/flags/${r.id}` }),
};

const documents: Dataset<DocumentListRow> = {
  name: 'documents',
  title: 'Documents',
  columns: [
    { key: 'id', label: 'Document', value: (r) => r.id },
    { key: 'title', label: 'Title', value: (r) => r.title },
    { key: 'url', label: 'URL', value: (r) => r.url },
    { key: 'source', label: 'Source', value: (r) => r.source_id },
    { key: 'status', label: 'Status', value: (r) => r.status },
    { key: 'published', label: 'Published', value: (r) => r.published },
    { key: 'fetched_at', label: 'Last fetched', value: (r) => cell(r.fetched_at) },
    { key: 'format', label: 'Format', value: (r) => r.format },
    { key: 'language', label: 'Language', value: (r) => r.language },
    { key: 'versions', label: 'Versions', value: (r) => r.versions },
    { key: 'claims', label: 'Claims', value: (r) => r.claims },
    { key: 'latest_version', label: 'Latest version', value: (r) => r.version_id },
    { key: 'first_seen_at', label: 'First seen', value: (r) => cell(r.first_seen_at) },
  ],
  async load(db, query) {
    const rows = await documentRows(db);
    return rows.filter((r) => (!query.source || r.source_id === query.source) && (!query.status || r.status === query.status));
  },
  links: (r) => ({ id: `/documents/${r.id}`, title: `/documents/${r.id}`, ...(r.version_id ? { latest_version: `/versions/${r.version_id}` } : {}) }),
};

const members: Dataset<MemberRow> = {
  name: 'members',
  title: 'Members',
  columns: [
    { key: 'organisation', label: 'Organisation', value: (r) => r.organisation },
    { key: 'country', label: 'Country', value: (r) => r.country },
    { key: 'city', label: 'City', value: (r) => r.city },
    { key: 'as_written', label: 'As written', value: (r) => r.asWritten },
    { key: 'resolved', label: 'Resolved', value: (r) => r.resolved },
    { key: 'event', label: 'Statement', value: (r) => r.event },
    { key: 'date', label: 'Date', value: (r) => r.date },
    { key: 'claim_id', label: 'Claim', value: (r) => r.claimId },
    { key: 'url', label: 'URL', value: (r) => r.url },
  ],
  async load(db, query) {
    const rows = memberRowsOf(await claimRows(db));
    return rows.filter((r) => (!query.organisation || r.organisation === query.organisation) && (!query.city || r.city === query.city));
  },
  links: (r) => ({ organisation: `/organisations/${encodeURIComponent(r.organisation)}`, city: `/cities/${encodeURIComponent(r.city)}`, claim_id: `/versions/${r.versionId}#claim-${r.claimId}` }),
};

const runs: Dataset<RunListRow> = {
  name: 'runs',
  title: 'Runs',
  columns: [
    { key: 'id', label: 'Run', value: (r) => r.id },
    { key: 'kind', label: 'Kind', value: (r) => r.kind },
    { key: 'status', label: 'Status', value: (r) => r.status },
    { key: 'started_at', label: 'Started', value: (r) => cell(r.started_at) },
    { key: 'finished_at', label: 'Finished', value: (r) => cell(r.finished_at) },
    ...(['new', 'changed', 'unchanged', 'gone', 'failed', 'skipped'] as const).map((outcome): Column<RunListRow> => ({ key: outcome, label: outcome[0]!.toUpperCase() + outcome.slice(1), value: (r) => r.outcomes[outcome] ?? 0 })),
    { key: 'errors', label: 'Errors', value: (r) => r.errors },
  ],
  load: (db) => runRows(db),
  links: (r) => ({ id: `/runs/${r.id}` }),
};

export function flagFiltersOf(query: Record<string, string | undefined>): FlagFilters {
  const filters: FlagFilters = {};
  for (const key of ['kind', 'severity', 'city', 'source', 'status', 'text'] as const) {
    const value = query[key]?.trim();
    if (value) filters[key] = value;
  }
  return filters;
}

/** Every list, by the name its page, its downloads and `isa export` use. */
export const DATASETS = { claims, flags, documents, members, runs } as const;
export type DatasetName = keyof typeof DATASETS;
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];
