import type { ClaimListRow, FlagListRow, MemberRow } from '../../sql/queries/dataset.ts';
import { claimDate, claimValue } from '../../sql/queries/dataset.ts';
import type { SessionUser } from '../../sql/queries/users.ts';
import type { Dataset } from '../dataset/datasets.ts';
import { html, pathWith, type HtmlValue, type SafeHtml } from '../html.ts';
import { page } from './layout.ts';
import { pointChart, type ChartPoint } from './point-chart.ts';

const CITY_UNITS = new Set(['cities', 'members', 'municipalities']);

interface Common {
  user: SessionUser;
  queues: boolean;
}

/** Any dataset as a table, with its CSV and JSON downloads (same rows, same filters). */
export function datasetPage<T>(input: Common & { dataset: Dataset<T>; rows: T[]; query: Record<string, string | undefined>; intro?: HtmlValue }): SafeHtml {
  const { dataset, rows } = input;
  const query = Object.fromEntries(Object.entries(input.query).filter(([, v]) => v));
  return page({
    title: dataset.title,
    user: input.user,
    section: `/${dataset.name}`,
    queues: input.queues,
    body: html`<h1>${dataset.title} <small>${rows.length}</small></h1>
${input.intro ?? ''}
<p class="downloads">download <a href="${pathWith(`/${dataset.name}.csv`, query)}">CSV</a> <a href="${pathWith(`/${dataset.name}.json`, query)}">JSON</a>${Object.keys(query).length ? html` · filtered by ${Object.entries(query).map(([k, v]) => `${k}=${v}`).join(', ')} · <a href="/${dataset.name}">all</a>` : ''}</p>
${table(dataset, rows)}`,
  });
}

export function table<T>(dataset: Dataset<T>, rows: readonly T[], keys?: readonly string[]): SafeHtml {
  const columns = keys ? dataset.columns.filter((c) => keys.includes(c.key)) : dataset.columns.filter((c) => c.key !== 'payload');
  return html`<div class="table-wrap"><table class="data"><thead><tr>${columns.map((c) => html`<th>${c.label}</th>`)}</tr></thead><tbody>
${rows.map((row) => {
    const links = dataset.links?.(row) ?? {};
    return html`<tr>${columns.map((c) => {
      const value = c.value(row);
      const text = value === null ? '' : typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
      const href = links[c.key];
      return html`<td class="col-${c.key}">${href ? html`<a href="${href}">${text}</a>` : text}</td>`;
    })}</tr>`;
  })}
</tbody></table></div>`;
}

function claimList(claims: readonly ClaimListRow[], flagged: ReadonlySet<string>): SafeHtml {
  return html`<ul class="claim-list">${claims.map((c) => html`<li${flagged.has(c.id) ? html` class="flagged"` : ''}><a href="/versions/${c.versionId}#claim-${c.id}">${claimValue(c.claim)}</a> <span class="muted">${claimDate(c) ?? ''}</span> — “${c.claim.evidence.quote}” <span class="muted">${c.sourceId ?? ''} · ${c.title ?? c.finalUrl}</span>${flagged.has(c.id) ? html` <span class="badge">open flag</span>` : ''}</li>`)}</ul>`;
}

function flagList(flags: readonly FlagListRow[]): SafeHtml {
  return flags.length === 0
    ? html`<p class="muted">No flags.</p>`
    : html`<ul class="flag-list">${flags.map((f) => html`<li><a href="/flags/${f.id}">#${f.id}</a> <span class="sev sev-${f.severity}">${f.severity}</span> ${f.kind} <span class="status status-${f.status}">${f.status}</span> — ${f.explanation}</li>`)}</ul>`;
}

export interface OrganisationPageInput extends Common {
  name: string;
  claims: ClaimListRow[];
  members: MemberRow[];
  flags: FlagListRow[];
  /** Claim ids that open flags are about. */
  flagged: Set<string>;
}

export function organisationPage(input: OrganisationPageInput): SafeHtml {
  const points: ChartPoint[] = [];
  for (const c of input.claims) {
    const claim = c.claim;
    const date = claimDate(c);
    if (!date) continue;
    // Counts of cities (or members) only: "8 Bundesländer" is another axis.
    if (claim.kind === 'member_count' && claim.scope !== 'event' && CITY_UNITS.has(claim.unit)) {
      points.push({ date, value: claim.count, label: `${claimValue(claim)} — ${c.sourceId ?? c.finalUrl}`, series: claim.country ?? 'all', marked: input.flagged.has(c.id), role: 'count', href: `/versions/${c.versionId}#claim-${c.id}` });
    } else if (claim.kind === 'member_list') {
      points.push({ date, value: claim.members.length, label: `${claimValue(claim)} — ${c.sourceId ?? c.finalUrl}`, series: claim.country ?? 'all', marked: input.flagged.has(c.id), role: 'list', href: `/versions/${c.versionId}#claim-${c.id}` });
    }
  }
  const events = input.claims.filter((c) => c.claim.kind === 'membership_event').sort((a, b) => (claimDate(a) ?? '').localeCompare(claimDate(b) ?? ''));
  const open = input.flags.filter((f) => f.status === 'open');
  return page({
    title: input.name,
    user: input.user,
    section: '/organisations',
    queues: input.queues,
    body: html`<h1>${input.name} <small>organisation</small></h1>
<p class="counts">${input.claims.length} claims · ${events.length} admissions and exits · <span class="${open.length ? 'sev sev-error' : ''}">${open.length} open conflicts</span> · <a href="${pathWith('/members', { organisation: input.name })}">members table</a> (<a href="${pathWith('/members.csv', { organisation: input.name })}">CSV</a>, <a href="${pathWith('/members.json', { organisation: input.name })}">JSON</a>)</p>
<section><h2>Members by country over time</h2>
${pointChart(points, { title: `${input.name}: stated member counts (●) and list sizes, by country`, width: 760, height: 260 })}
<p class="muted">Each point links to its quote in the stored copy; ringed points are in open conflicts.</p></section>
<section><h2>Admissions and exits</h2>
${events.length === 0 ? html`<p class="muted">None stated.</p>` : html`<table class="data"><thead><tr><th>Date</th><th>City</th><th>Event</th><th>Quote</th><th>Source</th></tr></thead><tbody>${events.map((c) => {
      const e = c.claim as Extract<typeof c.claim, { kind: 'membership_event' }>;
      return html`<tr${input.flagged.has(c.id) ? html` class="flagged"` : ''}><td>${e.date ?? html`<span class="muted">${c.published ?? '?'} (published)</span>`}</td><td><a href="/cities/${encodeURIComponent(e.city)}">${e.city}</a></td><td>${e.event.replace(/_/g, ' ')}</td><td><a href="/versions/${c.versionId}#claim-${c.id}">“${e.evidence.quote}”</a></td><td>${c.sourceId ?? ''}</td></tr>`;
    })}</tbody></table>`}</section>
<section><h2>Conflicts</h2>${flagList(input.flags)}</section>
<section><h2>Every claim</h2>${claimList(input.claims, input.flagged)}</section>`,
  });
}

export interface CityPageInput extends Common {
  name: string;
  claims: ClaimListRow[];
  flags: FlagListRow[];
  flagged: Set<string>;
  place: { country: string; type: string; admin1: string | null; population: string | null } | null;
}

export function cityPage(input: CityPageInput): SafeHtml {
  const of = (kind: string) => input.claims.filter((c) => c.claim.kind === kind);
  const memberships = input.claims.filter((c) => c.claim.kind === 'member_list' || c.claim.kind === 'membership_event');
  return page({
    title: input.name,
    user: input.user,
    section: '/cities',
    queues: input.queues,
    body: html`<h1>${input.name} <small>${input.place ? `${input.place.country} · ${input.place.type}${input.place.admin1 ? ` · ${input.place.admin1}` : ''}` : 'not in the gazetteer'}</small></h1>
<section><h2>Memberships</h2>${memberships.length ? html`<ul class="claim-list">${memberships.map((c) => html`<li><a href="/organisations/${encodeURIComponent(String((c.claim as { subject: string }).subject))}">${String((c.claim as { subject: string }).subject)}</a>: ${c.claim.kind === 'member_list' ? `on a list of ${c.claim.members.length}` : claimValue(c.claim)} <span class="muted">${claimDate(c) ?? ''}</span> · <a href="/versions/${c.versionId}#claim-${c.id}">quote</a></li>`)}</ul>` : html`<p class="muted">None stated.</p>`}</section>
<section><h2>Partnerships</h2>${of('partnership').length ? claimList(of('partnership'), input.flagged) : html`<p class="muted">None stated.</p>`}</section>
<section><h2>Attributes</h2>${of('city_attribute').length ? claimList(of('city_attribute'), input.flagged) : html`<p class="muted">None stated.</p>`}</section>
<section><h2>Flags</h2>${flagList(input.flags)}</section>
<section><h2>Every claim</h2>${claimList(input.claims, input.flagged)}</section>`,
  });
}

export function namesPage(input: Common & { title: string; section: string; hrefBase: string; names: Array<{ name: string; claims: number; note?: string }> }): SafeHtml {
  return page({
    title: input.title,
    user: input.user,
    section: input.section,
    queues: input.queues,
    body: html`<h1>${input.title} <small>${input.names.length}</small></h1>
<table class="data"><thead><tr><th>Name</th><th>Claims</th><th></th></tr></thead><tbody>${input.names.map((n) => html`<tr><td><a href="${input.hrefBase}${encodeURIComponent(n.name)}">${n.name}</a></td><td>${n.claims}</td><td class="muted">${n.note ?? ''}</td></tr>`)}</tbody></table>`,
  });
}

export function detailPage(input: Common & { title: string; section: string; body: HtmlValue }): SafeHtml {
  return page({ title: input.title, user: input.user, section: input.section, queues: input.queues, body: input.body });
}
