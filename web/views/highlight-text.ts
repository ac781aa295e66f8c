import { html, type SafeHtml } from '../html.ts';

export interface Span {
  start: number;
  end: number;
  /** Anchor id put where the span starts (`claim-12`). */
  id?: string;
  className?: string;
  title?: string;
}

/**
 * `text` with spans marked. Overlapping spans are cut at every boundary, so each piece of text is
 * escaped once and nested marks never cross.
 */
export function highlightText(text: string, spans: readonly Span[], offset = 0): SafeHtml {
  const local = spans
    .map((s) => ({ ...s, start: Math.max(0, s.start - offset), end: Math.min(text.length, s.end - offset) }))
    .filter((s) => s.end > s.start);
  const cuts = [...new Set([0, text.length, ...local.flatMap((s) => [s.start, s.end])])].sort((a, b) => a - b);
  const parts: SafeHtml[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    const covering = local.filter((s) => s.start <= from && s.end >= to);
    const anchors = local.filter((s) => s.start === from && s.id);
    const piece = text.slice(from, to);
    parts.push(html`${anchors.map((a) => html`<span class="anchor" id="${a.id}"></span>`)}`);
    parts.push(
      covering.length === 0
        ? html`${piece}`
        : html`<mark class="${[...new Set(covering.map((s) => s.className ?? 'claim'))].join(' ')}"${covering[0]?.title ? html` title="${covering.map((s) => s.title).filter(Boolean).join('; ')}"` : ''}>${piece}</mark>`,
    );
  }
  return html`${parts}`;
}

/** The paragraph of `text` around [start, end) (blank-line separated), clipped when long. */
export function paragraphAround(text: string, start: number, end: number, maxChars = 1400): { text: string; offset: number; clippedStart: boolean; clippedEnd: boolean } {
  const before = text.lastIndexOf('\n\n', start);
  const after = text.indexOf('\n\n', end);
  let from = before === -1 ? 0 : before + 2;
  let to = after === -1 ? text.length : after;
  let clippedStart = false;
  let clippedEnd = false;
  if (to - from > maxChars) {
    const room = Math.max(0, Math.floor((maxChars - (end - start)) / 2));
    if (start - from > room) {
      from = start - room;
      clippedStart = true;
    }
    if (to - end > room) {
      to = end + room;
      clippedEnd = true;
    }
  }
  return { text: text.slice(from, to), offset: from, clippedStart, clippedEnd };
}
