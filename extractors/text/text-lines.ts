/** The document split at line breaks: the finder line-based parsers (rosters, tables, partnership lines) share. */
import type { AnalysedDocument } from '../analyse-document.ts';

/** A line of the text with its offsets, `text` trimmed. */
export interface TextLine {
  start: number;
  end: number;
  text: string;
}

/** The lines of `text` with offsets, trimmed of blanks. */
export function textLines(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.charCodeAt(i) === 10) {
      let s = from;
      let e = i;
      while (s < e && isBlank(text.charCodeAt(s))) s++;
      while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
      lines.push({ start: s, end: e, text: text.slice(s, e) });
      from = i + 1;
    }
  }
  return lines;
}

/** The document's lines; pass to `doc.shared` so they are split once per document. */
export function documentLines(doc: Pick<AnalysedDocument, 'text'>): TextLine[] {
  return textLines(doc.text);
}

function isBlank(code: number): boolean {
  // ASCII blanks, NBSP and the Unicode spaces press pages paste in.
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
