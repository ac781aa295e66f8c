/**
 * A small SVG chart of dated points: numbers on a linear axis (one line per series), other values as
 * rows. Marked points (the conflicting ones) get a ring. No script, no inline style: classes only.
 */
import { html, type SafeHtml } from '../html.ts';

export interface ChartPoint {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  value: number | string | null;
  label: string;
  series: string;
  /** A point the flag is about: drawn with a ring. */
  marked: boolean;
  /** A class for the point's role (context, outvoting, event, …). */
  role?: string;
  href: string | null;
}

export interface ChartOptions {
  title: string;
  width?: number;
  height?: number;
}

/** Fractional year of a partial ISO date; null when it is none. */
export function yearOf(date: string): number | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!match) return null;
  const month = match[2] ? Number(match[2]) - 1 : 6;
  const day = match[3] ? Number(match[3]) - 1 : match[2] ? 14 : 0;
  return Number(match[1]) + (month + day / 31) / 12;
}

export function pointChart(points: readonly ChartPoint[], options: ChartOptions): SafeHtml {
  const dated = points.map((p) => ({ ...p, x: yearOf(p.date) })).filter((p): p is ChartPoint & { x: number } => p.x !== null);
  if (dated.length === 0) return html`<p class="muted">No dated points to draw for ${options.title}.</p>`;
  const width = options.width ?? 640;
  const height = options.height ?? 220;
  const pad = { left: 110, right: 16, top: 14, bottom: 28 };
  const numeric = dated.every((p) => typeof p.value === 'number');
  let minX = Math.min(...dated.map((p) => p.x));
  let maxX = Math.max(...dated.map((p) => p.x));
  if (maxX - minX < 1) {
    minX -= 0.5;
    maxX += 0.5;
  }
  const sx = (x: number) => pad.left + ((x - minX) / (maxX - minX)) * (width - pad.left - pad.right);
  let sy: (p: ChartPoint) => number;
  let yTicks: Array<{ y: number; label: string }>;
  if (numeric) {
    const values = dated.map((p) => p.value as number);
    const top = Math.max(...values);
    const bottom = Math.min(0, ...values);
    const span = top - bottom || 1;
    const scale = (v: number) => height - pad.bottom - ((v - bottom) / span) * (height - pad.top - pad.bottom);
    sy = (p) => scale(p.value as number);
    const step = niceStep(span / 4);
    yTicks = [];
    for (let v = Math.ceil(bottom / step) * step; v <= top + 1e-9; v += step) yTicks.push({ y: scale(v), label: String(Math.round(v * 100) / 100) });
  } else {
    const rows = [...new Set(dated.map((p) => (p.value === null ? '(event)' : String(p.value))))];
    const rowHeight = (height - pad.top - pad.bottom) / Math.max(rows.length, 1);
    const rowY = (value: string) => pad.top + rowHeight * (rows.indexOf(value) + 0.5);
    sy = (p) => rowY(p.value === null ? '(event)' : String(p.value));
    yTicks = rows.map((r) => ({ y: rowY(r), label: r.length > 16 ? `${r.slice(0, 15)}…` : r }));
  }
  const series = [...new Set(dated.map((p) => p.series))];
  const years: number[] = [];
  for (let y = Math.ceil(minX); y <= Math.floor(maxX); y++) years.push(y);
  const yearStep = Math.max(1, Math.ceil(years.length / 8));
  const lines = numeric
    ? series.map((name, i) => {
        const own = dated.filter((p) => p.series === name).sort((a, b) => a.x - b.x);
        return own.length > 1 ? html`<polyline class="line s${i % 4}" points="${own.map((p) => `${sx(p.x).toFixed(1)},${sy(p).toFixed(1)}`).join(' ')}" fill="none"/>` : '';
      })
    : [];
  return html`<figure class="chart">
<svg viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${options.title}" xmlns="http://www.w3.org/2000/svg">
<title>${options.title}</title>
${yTicks.map((t) => html`<line class="grid" x1="${pad.left}" x2="${width - pad.right}" y1="${t.y.toFixed(1)}" y2="${t.y.toFixed(1)}"/><text class="tick" x="${pad.left - 6}" y="${(t.y + 4).toFixed(1)}" text-anchor="end">${t.label}</text>`)}
${years.filter((_, i) => i % yearStep === 0).map((y) => html`<line class="grid" x1="${sx(y).toFixed(1)}" x2="${sx(y).toFixed(1)}" y1="${pad.top}" y2="${height - pad.bottom}"/><text class="tick" x="${sx(y).toFixed(1)}" y="${height - 8}" text-anchor="middle">${y}</text>`)}
${lines}
${dated.map((p) => {
    const cx = sx(p.x).toFixed(1);
    const cy = sy(p).toFixed(1);
    const mark = html`${p.marked ? html`<circle class="ring" cx="${cx}" cy="${cy}" r="9" fill="none"/>` : ''}<circle class="point s${series.indexOf(p.series) % 4} ${p.role ?? ''}${p.marked ? ' conflicting' : ''}" cx="${cx}" cy="${cy}" r="5"><title>${p.date}: ${p.label}${p.marked ? ' (conflicting)' : ''}</title></circle>`;
    return p.href ? html`<a href="${p.href}">${mark}</a>` : mark;
  })}
</svg>
<figcaption>${options.title}${series.length > 1 ? html` — ${series.map((s, i) => html`<span class="legend s${i % 4}">●</span> ${s} `)}` : ''}${dated.some((p) => p.marked) ? html` <span class="legend ringed">◯</span> conflicting` : ''}</figcaption>
</figure>`;
}

function niceStep(raw: number): number {
  if (raw <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
}
