/**
 * Read-only views of the dataset for the review pages and `isa export`: one query per list, so a
 * page and its CSV/JSON download (and the CLI export) show the same rows.
 */
import { sql, type Kysely } from 'kysely';
import type { Claim } from '../../core/claim.ts';
import type { DB, FlagRow } from '../schema.ts';
import { currentClaims, type ClaimWithSource } from './claims.ts';

export interface FlagFilters {
  kind?: string;
  severity?: string;
  /** A city (or any name) the flag's subject, explanation or claims mention. */
  city?: string;
  /** A source id one of the flag's claims comes from. */
  source?: string;
  /** @defaultValue `open` */
  status?: string;
  /** Free text in the explanation or subject. */
  text?: string;
}

export interface FlagListRow extends FlagRow {
  claim_count: number;
  sources: string[];
}

/** Flags in queue order: by severity (whatever words are stored, most severe first), kind, id. */
export async function flagRows(db: Kysely<DB>, filters: FlagFilters = {}): Promise<FlagListRow[]> {
  const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  let query = db
    .selectFrom('flags as f')
    .selectAll('f')
    .select((eb) => [
      eb.selectFrom('flag_claims as fc').select(eb.fn.countAll<string>().as('n')).whereRef('fc.flag_id', '=', 'f.id').as('claim_count'),
      sql<string[] | null>`(select array_agg(distinct d.source_id) from flag_claims fc join claims c on c.id = fc.claim_id join document_versions v on v.id = c.version_id join documents d on d.id = v.document_id where fc.flag_id = f.id and d.source_id is not null)`.as('sources'),
    ]);
  const status = filters.status ?? 'open';
  if (status !== 'all') query = query.where('f.status', '=', status as FlagRow['status']);
  if (filters.kind) query = query.where('f.kind', '=', filters.kind);
  if (filters.severity) query = query.where('f.severity', '=', filters.severity as FlagRow['severity']);
  if (filters.text) query = query.where((eb) => eb.or([eb('f.explanation', 'ilike', like(filters.text!)), eb('f.subject', 'ilike', like(filters.text!))]));
  if (filters.city) {
    const pattern = like(filters.city);
    query = query.where((eb) =>
      eb.or([
        eb('f.subject', 'ilike', pattern),
        eb('f.explanation', 'ilike', pattern),
        eb.exists(eb.selectFrom('flag_claims as fc').innerJoin('claims as c', 'c.id', 'fc.claim_id').select('c.id').whereRef('fc.flag_id', '=', 'f.id').where(sql<boolean>`c.payload::text ilike ${pattern}`)),
      ]),
    );
  }
  if (filters.source) {
    query = query.where((eb) =>
      eb.exists(
        eb.selectFrom('flag_claims as fc').innerJoin('claims as c', 'c.id', 'fc.claim_id').innerJoin('document_versions as v', 'v.id', 'c.version_id').innerJoin('documents as d', 'd.id', 'v.document_id')
          .select('c.id').whereRef('fc.flag_id', '=', 'f.id').where('d.source_id', '=', filters.source!),
      ),
    );
  }
  const rows = await query.orderBy(severityOrder()).orderBy('f.kind').orderBy('f.id').execute();
  return rows.map((r) => ({ ...r, claim_count: Number(r.claim_count ?? 0), sources: (r.sources ?? []).filter(Boolean) }));
}

/** The old words (error/warning/info) and the new ones (contradiction/discrepancy/explained) in one order. */
function severityOrder() {
  return sql`case f.severity when 'contradiction' then 0 when 'error' then 0 when 'discrepancy' then 1 when 'warning' then 1 when 'explained' then 3 when 'info' then 3 else 2 end`;
}

/** Distinct values for the queue's filter menus. */
export async function flagFacets(db: Kysely<DB>) {
  const [kinds, severities, sources] = await Promise.all([
    db.selectFrom('flags').select('kind').distinct().orderBy('kind').execute(),
    db.selectFrom('flags').select('severity').distinct().orderBy('severity').execute(),
    db.selectFrom('sources').select('id').orderBy('id').execute(),
  ]);
  return { kinds: kinds.map((k) => k.kind), severities: severities.map((s) => String(s.severity)), sources: sources.map((s) => s.id) };
}

/** A current claim with its source id, for lists. */
export interface ClaimListRow extends ClaimWithSource {
  sourceId: string | null;
}

export async function claimRows(db: Kysely<DB>): Promise<ClaimListRow[]> {
  const [claims, documents] = await Promise.all([currentClaims(db), db.selectFrom('documents').select(['id', 'source_id']).execute()]);
  const sourceOf = new Map(documents.map((d) => [String(d.id), d.source_id]));
  return claims.map((c) => ({ ...c, sourceId: sourceOf.get(c.documentId) ?? null }));
}

/** What a claim says, in a few words: "12 DE cities", "Köln joined 2017", "Qingdao province = Shandong". */
export function claimValue(claim: Claim): string {
  switch (claim.kind) {
    case 'member_count':
      return `${claim.qualifier === 'exact' ? '' : `${claim.qualifier.replace('_', ' ')} `}${claim.count} ${claim.country ?? ''} ${claim.unit}${claim.scope === 'founding' ? ' (founding)' : ''}`.replace(/\s+/g, ' ').trim();
    case 'member_list':
      return `list of ${claim.members.length} ${claim.country ?? ''}${claim.statedCount !== null ? ` (stated ${claim.statedCount})` : ''}`.replace(/\s+/g, ' ').trim();
    case 'membership_event':
      return `${claim.city} ${claim.event.replace(/_/g, ' ')}${claim.date ? ` ${claim.date}` : ''}`;
    case 'partnership':
      return `${claim.cities.join(' – ')} ${claim.relation.replace(/_/g, ' ')}${claim.since ? ` since ${claim.since}` : ''}`;
    case 'city_attribute':
      return `${claim.city} ${claim.attribute.replace(/_/g, ' ')} = ${claim.value}`;
    case 'event':
      return `${claim.type}${claim.date ? ` ${claim.date}` : ''}${claim.place ? ` in ${claim.place}` : ''}`;
  }
}

/** The date a claim speaks of, for timelines: its own as-of or event date, else the release's publication date. */
export function claimDate(item: Pick<ClaimWithSource, 'claim' | 'published'>): string | null {
  const claim = item.claim;
  const own = claim.kind === 'member_count' || claim.kind === 'member_list' ? claim.asOf : claim.kind === 'membership_event' || claim.kind === 'event' ? claim.date : claim.kind === 'partnership' ? claim.since : null;
  return own ?? item.published ?? null;
}

/** The cities a claim is about. */
export function claimCities(claim: Claim): string[] {
  switch (claim.kind) {
    case 'member_list':
      return claim.members.map((m) => m.name);
    case 'membership_event':
      return [claim.city];
    case 'partnership':
      return [...claim.cities];
    case 'city_attribute':
      return [claim.city];
    default:
      return [];
  }
}

export interface MemberRow {
  organisation: string;
  country: string | null;
  city: string;
  asWritten: string;
  resolved: boolean;
  /** listed (in a member list) or the membership event. */
  event: string;
  date: string | null;
  claimId: string;
  versionId: string;
  url: string;
}

/** Every membership statement: each name on a current member list, and each admission or exit. */
export function memberRowsOf(claims: readonly ClaimListRow[]): MemberRow[] {
  const rows: MemberRow[] = [];
  for (const item of claims) {
    const c = item.claim;
    if (c.kind === 'member_list') {
      for (const m of c.members) rows.push({ organisation: c.subject, country: c.country, city: m.name, asWritten: m.raw, resolved: m.resolved, event: c.scope === 'founding' ? 'listed (founding)' : 'listed', date: claimDate(item), claimId: item.id, versionId: item.versionId, url: item.finalUrl });
    } else if (c.kind === 'membership_event') {
      rows.push({ organisation: c.subject, country: null, city: c.city, asWritten: c.city, resolved: true, event: c.event, date: c.date ?? item.published, claimId: item.id, versionId: item.versionId, url: item.finalUrl });
    }
  }
  return rows.sort((a, b) => a.organisation.localeCompare(b.organisation) || (a.date ?? '').localeCompare(b.date ?? '') || a.city.localeCompare(b.city));
}

export async function documentRows(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('documents as d')
    .leftJoin('document_versions as v', 'v.id', 'd.current_version_id')
    .select(['d.id', 'd.url', 'd.source_id', 'd.status', 'd.first_seen_at', 'd.gone_at', 'v.id as version_id', 'v.title', 'v.published', 'v.fetched_at', 'v.format', 'v.language', 'v.final_url'])
    .select((eb) => [
      eb.selectFrom('document_versions as v3').select(eb.fn.countAll<string>().as('n')).whereRef('v3.document_id', '=', 'd.id').as('versions'),
      eb.selectFrom('claims as c').select(eb.fn.countAll<string>().as('n')).whereRef('c.version_id', '=', 'v.id').as('claims'),
    ])
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({ ...r, versions: Number(r.versions ?? 0), claims: Number(r.claims ?? 0) }));
}

export type DocumentListRow = Awaited<ReturnType<typeof documentRows>>[number];

/**
 * A document's versions, the one fetched last first: a version's own `fetched_at` is its first fetch,
 * so a body that came back to an earlier version would otherwise list below the one it replaced.
 */
export async function documentVersions(db: Kysely<DB>, documentId: string) {
  return db
    .selectFrom('document_versions as v')
    .select(['v.id', 'v.url', 'v.final_url', 'v.http_status', 'v.content_type', 'v.fetched_at', 'v.title', 'v.published', 'v.published_source', 'v.format', 'v.language', 'v.content_hash', 'v.body_size', 'v.run_id'])
    .select(sql<Date>`coalesce((select max(f.fetched_at) from fetches f where f.version_id = v.id), v.fetched_at)`.as('last_fetched_at'))
    .where('v.document_id', '=', documentId)
    .orderBy('last_fetched_at', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
}

export async function runRows(db: Kysely<DB>) {
  const rows = await db
    .selectFrom('runs as r')
    .select(['r.id', 'r.kind', 'r.status', 'r.started_at', 'r.finished_at', 'r.counts'])
    .select((eb) => [
      eb.selectFrom('run_errors as e').select(eb.fn.countAll<string>().as('n')).whereRef('e.run_id', '=', 'r.id').as('errors'),
      sql<Record<string, string> | null>`(select jsonb_object_agg(outcome, n) from (select outcome, count(*) as n from fetches f where f.run_id = r.id group by outcome) o)`.as('outcomes'),
    ])
    .orderBy('r.id', 'desc')
    .execute();
  return rows.map((r) => ({ ...r, errors: Number(r.errors ?? 0), outcomes: Object.fromEntries(Object.entries(r.outcomes ?? {}).map(([k, v]) => [k, Number(v)])) }));
}

export type RunListRow = Awaited<ReturnType<typeof runRows>>[number];

export async function runFetches(db: Kysely<DB>, runId: string) {
  return db.selectFrom('fetches').select(['id', 'url', 'fetched_at', 'http_status', 'outcome', 'version_id', 'document_id']).where('run_id', '=', runId).orderBy('id').execute();
}
