import type { FlagDetails, FlagTimeline } from '../../core/flag-details.ts';
import type { FlagListRow } from '../../sql/queries/dataset.ts';
import type { FlagFilters } from '../../sql/queries/dataset.ts';
import type { SessionUser } from '../../sql/queries/users.ts';
import type { DecisionRow, FlagRow } from '../../sql/schema.ts';
import { html, pathWith, safeHref, type SafeHtml } from '../html.ts';
import { highlightText, paragraphAround, type Span } from './highlight-text.ts';
import { page } from './layout.ts';
import { pointChart } from './point-chart.ts';

export const QUEUE_KEYS: Array<[string, string]> = [['j', 'next'], ['k', 'previous'], ['Enter / o', 'open flag'], ['/', 'filter text']];
export const FLAG_KEYS: Array<[string, string]> = [['j', 'next flag'], ['k', 'previous flag'], ['c', 'confirm'], ['d', 'dismiss (type the reason, Enter)'], ['o', 'open source (stored copy)'], ['u', 'back to queue']];

const fmt = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '—');

export interface QueuePageInput {
  user: SessionUser;
  rows: FlagListRow[];
  filters: FlagFilters;
  facets: { kinds: string[]; severities: string[]; sources: string[] };
  notice: string | null;
  queues: boolean;
}

export function queuePage(input: QueuePageInput): SafeHtml {
  const groups = new Map<string, FlagListRow[]>();
  for (const row of input.rows) {
    const key = `${row.severity}\u0000${row.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const bySeverity = new Map<string, number>();
  for (const row of input.rows) bySeverity.set(row.severity, (bySeverity.get(row.severity) ?? 0) + 1);
  const f = input.filters;
  const select = (name: string, values: string[], current: string | undefined, all: string) =>
    html`<label>${name} <select name="${name}"><option value="">${all}</option>${values.map((v) => html`<option value="${v}"${v === current ? html` selected` : ''}>${v}</option>`)}</select></label>`;
  const query = { ...f } as Record<string, string | undefined>;
  return page({
    title: 'Review queue',
    user: input.user,
    section: '/queue',
    queues: input.queues,
    shortcuts: QUEUE_KEYS,
    body: html`<h1>Review queue</h1>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
<form class="filters" method="get" action="/queue">
  ${select('kind', input.facets.kinds, f.kind, 'any kind')}
  ${select('severity', input.facets.severities, f.severity, 'any severity')}
  ${select('source', input.facets.sources, f.source, 'any source')}
  ${select('status', ['open', 'confirmed', 'dismissed', 'explained', 'fixed', 'all'], f.status ?? 'open', 'open')}
  <label>city <input name="city" value="${f.city ?? ''}" size="12"></label>
  <label>text <input name="text" id="filter-text" value="${f.text ?? ''}" size="16"></label>
  <button type="submit">Filter</button>
  <a href="/queue">reset</a>
  <span class="downloads">download <a href="${pathWith('/flags.csv', query)}">CSV</a> <a href="${pathWith('/flags.json', query)}">JSON</a></span>
</form>
<p class="counts">${input.rows.length} flag${input.rows.length === 1 ? '' : 's'}${[...bySeverity].map(([s, n]) => html` · <span class="sev sev-${s}">${s}</span> ${n}`)}</p>
${input.rows.length === 0 ? html`<p class="empty">Nothing in the queue for these filters.</p>` : ''}
${[...groups.values()].map((rows) => html`<section class="group">
  <h2><span class="sev sev-${rows[0]!.severity}">${rows[0]!.severity}</span> ${rows[0]!.kind} <span class="count">${rows.length}</span></h2>
  <ol class="queue">${rows.map((r) => html`<li data-key-row data-href="/flags/${r.id}" id="q-${r.id}"><a href="/flags/${r.id}">#${r.id}</a> <span class="subject">${r.subject ?? ''}</span> <span class="explanation">${r.explanation}</span> <span class="meta">${r.claim_count} claim${r.claim_count === 1 ? "" : "s"} · ${r.sources.join(', ') || 'no source'}${r.status !== 'open' ? html` · <span class="status status-${r.status}">${r.status}</span>` : ''}</span></li>`)}</ol>
</section>`)}`,
  });
}

export interface EvidenceItem {
  claimId: string;
  kind: string;
  quote: string;
  start: number;
  end: number;
  payload: Record<string, unknown>;
  value: string;
  versionId: string;
  documentId: string;
  sourceId: string | null;
  url: string;
  finalUrl: string;
  title: string | null;
  published: string | null;
  fetchedAt: Date;
  extractorVersion: string;
  cleanText: string;
}

export interface FlagPageInput {
  user: SessionUser;
  flag: FlagRow;
  evidence: EvidenceItem[];
  history: DecisionRow[];
  previous: string | null;
  next: string | null;
  correctable: Record<string, readonly string[]>;
  unreliable: Set<string>;
  notice: string | null;
  error: string | null;
  queues: boolean;
}

export function flagPage(input: FlagPageInput): SafeHtml {
  const { flag } = input;
  const details = (flag.details ?? {}) as FlagDetails;
  const likely = details.likelyWrong ?? null;
  const csrf = html`<input type="hidden" name="_csrf" value="${input.user.csrfToken}">`;
  const sources = [...new Set(input.evidence.map((e) => e.sourceId).filter((s): s is string => !!s))];
  return page({
    title: `Flag #${flag.id}`,
    user: input.user,
    section: '/queue',
    queues: input.queues,
    shortcuts: FLAG_KEYS,
    body: html`<nav class="pager">
  <a href="/queue" data-key="up">← queue</a>
  ${input.previous ? html`<a rel="prev" href="/flags/${input.previous}">previous #${input.previous}</a>` : ''}
  ${input.next ? html`<a rel="next" href="/flags/${input.next}">next #${input.next}</a>` : ''}
</nav>
${input.notice ? html`<p class="notice" role="status">${input.notice}</p>` : ''}
${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ''}
<h1><span class="sev sev-${flag.severity}">${flag.severity}</span> ${flag.kind} <small>#${flag.id} · ${flag.subject ?? ''}</small> <span class="status status-${flag.status}">${flag.status}</span></h1>
<p class="explanation">${flag.explanation}</p>
${likely ? html`<p class="likely">Likely wrong: <a href="#claim-${likely.claimId}">claim ${likely.claimId}</a> — ${likely.reason}</p>` : ''}
${details.timeline ? timelineFigure(details.timeline, input.evidence) : ''}
<section class="evidence${input.evidence.length > 1 ? ' side-by-side' : ''}">
${input.evidence.map((e, i) => evidenceCard(e, i, likely?.claimId !== undefined && String(likely.claimId) === e.claimId, input.unreliable))}
</section>
<section class="decide">
  <h2>Decide</h2>
  <div class="decisions">
  <form method="post" action="/flags/${flag.id}/decisions" id="confirm-form">${csrf}<input type="hidden" name="action" value="confirm">
    <label>Confirm — it is an inconsistency <input name="note" placeholder="which source is right (optional)" size="32"></label> <button type="submit">Confirm</button></form>
  <form method="post" action="/flags/${flag.id}/decisions" id="dismiss-form">${csrf}<input type="hidden" name="action" value="dismiss">
    <label>Dismiss — not an inconsistency, because <input name="note" id="dismiss-note" required placeholder="reason (required)" size="32"></label> <button type="submit">Dismiss</button></form>
  ${flag.status !== 'open' ? html`<form method="post" action="/flags/${flag.id}/decisions">${csrf}<input type="hidden" name="action" value="reopen"><label>Reopen <input name="note" placeholder="why (optional)" size="32"></label> <button type="submit">Reopen</button></form>` : ''}
  </div>
  <details><summary>Correct a value · accept an alias · mark a source unreliable</summary>
  <div class="decisions">
  ${input.evidence.length ? html`<form method="post" action="/flags/${flag.id}/decisions">${csrf}<input type="hidden" name="action" value="correct">
    <label>Correct claim <select name="claimId">${input.evidence.map((e) => html`<option value="${e.claimId}">${e.claimId}: ${e.value}</option>`)}</select></label>
    <label>field <select name="field">${[...new Set(input.evidence.flatMap((e) => input.correctable[e.kind] ?? []))].map((f) => html`<option>${f}</option>`)}</select></label>
    <label>right value <input name="value" required size="10"></label>
    <label>note <input name="note" size="20"></label> <button type="submit">Correct</button></form>` : ''}
  <form method="post" action="/flags/${flag.id}/decisions">${csrf}<input type="hidden" name="action" value="alias">
    <label>Name as written <input name="alias" required size="14"></label>
    <label>is the city <input name="city" required size="14"></label>
    <label>in <select name="country"><option>CN</option><option>DE</option></select></label>
    <label>note <input name="note" size="16"></label> <button type="submit">Accept alias</button></form>
  ${sources.length ? html`<form method="post" action="/flags/${flag.id}/decisions">${csrf}<input type="hidden" name="action" value="unreliable_source">
    <label>Source <select name="sourceId">${sources.map((s) => html`<option>${s}</option>`)}</select> misreports</label>
    <label>note <input name="note" required size="24" placeholder="what it gets wrong"></label> <button type="submit">Mark unreliable</button></form>` : ''}
  </div>
  </details>
</section>
<section class="history">
  <h2>History</h2>
  ${input.history.length === 0 ? html`<p class="muted">No decision yet.</p>` : html`<table><thead><tr><th>When</th><th>Who</th><th>Decision</th><th>Status</th><th>Note</th><th>Value</th></tr></thead><tbody>
  ${input.history.map((d) => html`<tr><td>${fmt(d.decided_at)}</td><td>${d.reviewer}</td><td>${d.action}</td><td>${d.status}</td><td>${d.note ?? ''}</td><td>${Object.keys(d.value ?? {}).length ? JSON.stringify(d.value) : ''}</td></tr>`)}
  </tbody></table>`}
</section>`,
  });
}

function evidenceCard(e: EvidenceItem, index: number, likelyWrong: boolean, unreliable: Set<string>): SafeHtml {
  const paragraph = paragraphAround(e.cleanText, e.start, e.end);
  const spans: Span[] = [{ start: e.start, end: e.end, id: `claim-${e.claimId}`, className: 'quote' }];
  return html`<article class="claim-card${likelyWrong ? ' likely-wrong' : ''}">
  <header><span class="n">[${index + 1}]</span> <strong>${e.value}</strong> <span class="kind">${e.kind}</span>${likelyWrong ? html` <span class="badge">likely wrong</span>` : ''}</header>
  <blockquote class="paragraph">${paragraph.clippedStart ? '… ' : ''}${highlightText(paragraph.text, spans, paragraph.offset)}${paragraph.clippedEnd ? ' …' : ''}</blockquote>
  <dl class="source">
    <dt>Title</dt><dd>${e.title ?? '(none)'}</dd>
    <dt>URL</dt><dd class="url">${e.finalUrl}${e.finalUrl !== e.url ? html` <span class="muted">(asked ${e.url})</span>` : ''}</dd>
    <dt>Source</dt><dd>${e.sourceId ?? '—'}${e.sourceId && unreliable.has(e.sourceId) ? html` <span class="badge">marked unreliable</span>` : ''}</dd>
    <dt>Published</dt><dd>${e.published ?? 'unknown'}</dd>
    <dt>Fetched</dt><dd>${fmt(e.fetchedAt)}</dd>
    <dt>Extractor</dt><dd>${e.extractorVersion}</dd>
    <dt>Chars</dt><dd>${e.start}–${e.end}</dd>
  </dl>
  <p><a href="/versions/${e.versionId}#claim-${e.claimId}"${index === 0 ? html` data-key="open-source"` : ''}>stored copy</a> · <a href="/versions/${e.versionId}/raw">raw body as fetched</a> · <a href="/documents/${e.documentId}">all versions</a></p>
</article>`;
}

function timelineFigure(timeline: FlagTimeline, evidence: EvidenceItem[]): SafeHtml {
  const onPage = new Set(evidence.map((e) => e.claimId));
  return pointChart(
    timeline.points.map((p) => ({
      date: p.asOf,
      value: p.value,
      label: p.label,
      series: timeline.subject,
      marked: p.role === 'conflicting',
      role: `role-${p.role}`,
      href: p.claimId === null ? null : onPage.has(String(p.claimId)) ? `#claim-${p.claimId}` : `/claims/${p.claimId}`,
    })),
    { title: `${timeline.subject}${timeline.unit ? ` (${timeline.unit})` : ''}` },
  );
}

export interface VersionPageInput {
  user: SessionUser;
  version: { id: string; document_id: string; url: string; final_url: string; http_status: number | null; content_type: string | null; fetched_at: Date; title: string | null; published: string | null; published_source: string | null; format: string; language: string | null; clean_text: string; content_hash: string; body_size: number };
  claims: Array<{ id: string; kind: string; start: number; end: number; value: string; extractorVersion: string }>;
  queues: boolean;
}

/** The stored copy: the clean text as extracted, with every claim highlighted and listed. */
export function versionPage(input: VersionPageInput): SafeHtml {
  const v = input.version;
  return page({
    title: v.title ?? `Version ${v.id}`,
    user: input.user,
    section: '/documents',
    queues: input.queues,
    body: html`<h1>Stored copy <small>version ${v.id} of <a href="/documents/${v.document_id}">document ${v.document_id}</a></small></h1>
<p class="warning-note">This is the text as fetched ${fmt(v.fetched_at)} and stored; the live page may have changed since.</p>
<dl class="source wide">
  <dt>Title</dt><dd>${v.title ?? '(none)'}</dd>
  <dt>URL</dt><dd class="url">${v.final_url}${v.final_url !== v.url ? html` <span class="muted">(asked ${v.url})</span>` : ''}</dd>
  <dt>Live page</dt><dd><a href="${safeHref(v.final_url)}" rel="noreferrer noopener" target="_blank">open the live page (may differ)</a></dd>
  <dt>Published</dt><dd>${v.published ?? 'unknown'}${v.published_source ? html` <span class="muted">(${v.published_source})</span>` : ''}</dd>
  <dt>Fetched</dt><dd>${fmt(v.fetched_at)} · HTTP ${v.http_status ?? '—'} · ${v.content_type ?? ''} · ${v.format} · ${v.language ?? ''} · ${v.body_size} bytes · sha ${v.content_hash.slice(0, 12)}</dd>
  <dt>Raw body</dt><dd><a href="/versions/${v.id}/raw">as fetched, shown as inert text</a></dd>
</dl>
<div class="stored">
<pre class="clean-text">${highlightText(v.clean_text, input.claims.map((c) => ({ start: c.start, end: c.end, id: `claim-${c.id}`, className: 'claim', title: `${c.id}: ${c.value}` })))}</pre>
<aside><h2>${input.claims.length} claims</h2><ol class="claims">${input.claims.map((c) => html`<li><a href="#claim-${c.id}">${c.id}</a> <span class="kind">${c.kind}</span> ${c.value} <span class="muted">${c.extractorVersion}</span></li>`)}</ol></aside>
</div>`,
  });
}
