/**
 * Renders a DOM subtree to paragraphs the way a reader sees it: block elements become paragraphs,
 * `<br>` and list items become lines, inline elements run on, adjacent inline elements (a row of
 * share links, a logo next to a word) are kept apart by a space, and whitespace is collapsed.
 */
import type { AnyNode, Element } from 'domhandler';

/** A paragraph is one or more lines; lines come from `<br>`, list items and table rows. */
export type Paragraph = string[];

const PARAGRAPH_BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'details', 'dialog', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'ul', 'menu', 'caption', 'legend',
]);
const LINE_BLOCKS = new Set(['li', 'tr', 'dt', 'dd', 'option']);
const CELLS = new Set(['td', 'th']);
/** Never text: scripts, media, form controls. */
export const NON_TEXT_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'video', 'audio',
  'map', 'select', 'button', 'input', 'textarea', 'img', 'picture', 'source', 'link', 'meta', 'head', 'title',
]);

/** Break strengths between two pieces of text; the strongest pending one wins. */
const Break = { None: 0, Space: 1, Cell: 2, Line: 3, Paragraph: 4 } as const;
type Break = (typeof Break)[keyof typeof Break];

class BlockWriter {
  readonly paragraphs: Paragraph[] = [];
  #lines: string[] = [];
  #line = '';
  #pending: Break = Break.None;
  /** `<br>`s since the last text: two in a row are a paragraph break, as on old table-layout sites. */
  #breaks = 0;

  lineBreak(): void {
    this.#breaks++;
    this.pause(this.#breaks >= 2 ? Break.Paragraph : Break.Line);
  }

  text(raw: string): void {
    const value = raw.replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g, ' ');
    if (value === '') return;
    if (value === ' ') {
      this.pause(Break.Space);
      return;
    }
    this.#breaks = 0;
    const leading = value.startsWith(' ');
    this.#flush(leading ? Break.Space : Break.None);
    this.#line += this.#line === '' ? value.trimStart() : value;
  }

  /** Records a break to apply before the next text; the strongest pending break wins. */
  pause(kind: Break): void {
    if (kind > this.#pending) this.#pending = kind;
  }

  #flush(extra: Break): void {
    const kind = Math.max(this.#pending, extra) as Break;
    this.#pending = Break.None;
    if (kind === Break.Paragraph) {
      this.#endLine();
      this.#endParagraph();
    } else if (kind === Break.Line) {
      this.#endLine();
    } else if (kind === Break.Cell) {
      if (this.#line.trim() !== '') this.#line = `${this.#line.trimEnd()} | `;
    } else if (kind === Break.Space) {
      if (this.#line !== '' && !this.#line.endsWith(' ')) this.#line += ' ';
    }
  }

  #endLine(): void {
    const line = this.#line.replace(/ {2,}/g, ' ').trim();
    if (line !== '') this.#lines.push(line);
    this.#line = '';
  }

  #endParagraph(): void {
    if (this.#lines.length > 0) this.paragraphs.push(this.#lines);
    this.#lines = [];
  }

  finish(): Paragraph[] {
    this.#endLine();
    this.#endParagraph();
    return this.paragraphs;
  }
}

function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** The break an element puts around itself, or null for inline elements. */
function boundaryOf(element: Element, tag: string): Break | null {
  if (PARAGRAPH_BLOCKS.has(tag)) return Break.Paragraph;
  if (LINE_BLOCKS.has(tag)) return Break.Line;
  if (CELLS.has(tag)) {
    // A cell holding blocks or line breaks is a layout column, not a data cell.
    const layout = element.children.some((c) => isElement(c) && (c.name === 'br' || PARAGRAPH_BLOCKS.has(c.name) || c.name === 'table'));
    return layout ? Break.Paragraph : Break.Cell;
  }
  return null;
}

interface Frame {
  element: Element;
  next: number;
  previousWasInline: boolean;
  /** Break to apply when the element is left; null for inline elements. */
  boundary: Break | null;
}

/** Walks the tree with an explicit stack: hostile pages nest tens of thousands of elements deep. */
function walk(root: Element, out: BlockWriter, skip: (element: Element) => boolean): void {
  const stack: Frame[] = [{ element: root, next: 0, previousWasInline: false, boundary: null }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    const child = frame.element.children[frame.next++];
    if (child === undefined) {
      stack.pop();
      const parent = stack[stack.length - 1];
      if (frame.boundary !== null) out.pause(frame.boundary);
      if (parent) parent.previousWasInline = frame.boundary === null;
      continue;
    }
    if (child.type === 'text') {
      out.text(child.data);
      frame.previousWasInline = false;
      continue;
    }
    if (!isElement(child)) continue;
    const tag = child.name.toLowerCase();
    if (NON_TEXT_TAGS.has(tag) || skip(child)) {
      // A dropped element between two words still separates them.
      if (tag === 'img' || tag === 'button' || tag === 'input') out.pause(Break.Space);
      continue;
    }
    if (tag === 'br') {
      out.lineBreak();
      frame.previousWasInline = false;
      continue;
    }
    const boundary = boundaryOf(child, tag);
    if (boundary !== null) out.pause(boundary);
    else if (frame.previousWasInline) out.pause(Break.Space);
    stack.push({ element: child, next: 0, previousWasInline: false, boundary });
  }
}

/**
 * Renders the given roots to paragraphs, skipping elements for which `skip` returns true.
 * Deterministic: the same DOM always gives the same paragraphs.
 */
export function renderBlocks(roots: readonly Element[], skip: (element: Element) => boolean = () => false): Paragraph[] {
  const out = new BlockWriter();
  for (const root of roots) {
    out.pause(Break.Paragraph);
    if (NON_TEXT_TAGS.has(root.name.toLowerCase()) || skip(root)) continue;
    // The root itself may be inline (a selector that matched a span): walk it as a container.
    walk(root, out, skip);
    out.pause(Break.Paragraph);
  }
  return out.finish();
}

/** Joins paragraphs into the clean text: lines by "\n", paragraphs by a blank line. */
export function joinParagraphs(paragraphs: readonly Paragraph[]): string {
  return paragraphs.map((lines) => lines.join('\n')).join('\n\n');
}
