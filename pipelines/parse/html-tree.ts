/**
 * The one HTML parse of a page: htmlparser2 builds a domhandler tree (the tree cheerio wraps), and
 * every HTML reader — metadata, date candidates, main text — works on it. A handful of small
 * helpers replace the CSS selectors those readers used, each a walk over the tree without
 * recursion (hostile pages nest deep).
 */
import { Parser } from 'htmlparser2';
import { DomHandler, Document, Element, type AnyNode, type ChildNode, type ParentNode } from 'domhandler';

/** A parsed page. `body` always exists: pages without a `<body>` tag get one, as browsers do. */
export interface HtmlTree {
  document: Document;
  body: Element;
}

/** Elements as cheerio's selectors see them: tags, scripts and styles. */
export function isTag(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Elements of type `tag` only: what the main-text rules walk (scripts and styles are gone by then). */
export function isPlainElement(node: AnyNode): node is Element {
  return node.type === 'tag';
}

/** Elements whose content belongs to `<head>` when a page has no `<body>` tag. */
const HEAD_CONTENT = new Set(['head', 'title', 'meta', 'link', 'base', 'style', 'script', 'noscript', 'template']);

/**
 * Parses HTML (entities decoded, tag and attribute names lower-cased) into a tree with a `<body>`.
 * Where the markup has none, the nodes after the head content are moved into a new one, so the
 * readers see the same shape a browser builds.
 */
export function parseHtmlTree(html: string): HtmlTree {
  const handler = new DomHandler();
  new Parser(handler, { decodeEntities: true }).end(html);
  const document = handler.root;
  const found = firstElement(document, (element) => element.name === 'body');
  return { document, body: found ?? insertBody(document) };
}

function insertBody(document: Document): Element {
  const html = document.children.find((node): node is Element => isTag(node) && node.name === 'html');
  const container: ParentNode = html ?? document;
  const children = container.children;
  let start = 0;
  // Leading head content, whitespace and comments stay where they are; the rest is the body.
  while (start < children.length) {
    const node = children[start] as ChildNode;
    if (isTag(node) ? HEAD_CONTENT.has(node.name) : node.type !== 'text' || node.data.trim() === '') start++;
    else break;
  }
  const moved = children.slice(start);
  const body = new Element('body', {}, moved);
  for (const [i, node] of moved.entries()) {
    node.parent = body;
    node.prev = moved[i - 1] ?? null;
    node.next = moved[i + 1] ?? null;
  }
  const before = children.slice(0, start);
  const last = before[before.length - 1] ?? null;
  body.parent = container;
  body.prev = last;
  body.next = null;
  if (last) last.next = body;
  container.children = [...before, body];
  return body;
}

/** Every element under `root` (not `root` itself) in document order. */
export function elementsUnder(root: ParentNode, keep: (element: Element) => boolean = () => true): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as ChildNode);
  while (stack.length > 0) {
    const node = stack.pop() as ChildNode;
    if (!isTag(node)) continue;
    if (keep(node)) out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  return out;
}

/** The first element under `root` in document order that `match` accepts, or null. */
export function firstElement(root: ParentNode, match: (element: Element) => boolean): Element | null {
  const stack: ChildNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i] as ChildNode);
  while (stack.length > 0) {
    const node = stack.pop() as ChildNode;
    if (!isTag(node)) continue;
    if (match(node)) return node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  return null;
}

/** The element itself or its nearest ancestor element that `match` accepts (cheerio's `closest`). */
export function closest(element: Element, match: (element: Element) => boolean): Element | null {
  for (let node: ParentNode | null = element; node && isTag(node); node = node.parent) if (match(node)) return node;
  return null;
}

/** True when `inner` lies inside `outer` (not the same node). */
export function contains(outer: Element, inner: Element): boolean {
  for (let node = inner.parent; node; node = node.parent) if (node === outer) return true;
  return false;
}

/** The element siblings after `element`, nearest first, at most `limit`. */
export function nextElements(element: Element, limit: number): Element[] {
  const out: Element[] = [];
  for (let node = element.next; node && out.length < limit; node = node.next) if (isTag(node)) out.push(node);
  return out;
}

/** The element siblings before `element`, nearest first, at most `limit`. */
export function previousElements(element: Element, limit: number): Element[] {
  const out: Element[] = [];
  for (let node = element.prev; node && out.length < limit; node = node.prev) if (isTag(node)) out.push(node);
  return out;
}

/** The element's text as `textContent` has it: every text node below it, scripts included. */
export function textOf(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (!('children' in node)) return '';
  let text = '';
  const stack: ChildNode[] = [];
  for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  while (stack.length > 0) {
    const child = stack.pop() as ChildNode;
    if (child.type === 'text') text += child.data;
    else if ('children' in child) for (let i = child.children.length - 1; i >= 0; i--) stack.push(child.children[i] as ChildNode);
  }
  return text;
}

/** Takes a node out of the tree; a node already taken out is left alone. */
export function removeNode(node: ChildNode): void {
  const parent = node.parent;
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  if (parent) {
    const index = parent.children.lastIndexOf(node);
    if (index >= 0) parent.children.splice(index, 1);
  }
  node.prev = node.next = node.parent = null;
}
