/**
 * Removes blocks of short lines that repeat verbatim inside one text — the press-office address
 * that a PDF-to-text conversion leaves at every page break — and re-joins the sentence the block
 * had cut in two ("… standen" + block + "Gespräche …").
 */

const MIN_BLOCK_LINES = 3;
const MAX_BLOCK_LINES = 40;
/** Block lines are address-like: longer lines are prose and never treated as furniture. */
const MAX_LINE_LENGTH = 100;
const TERMINAL = /[.!?:;…]["“”»«’)\]]*$/;

export interface RepeatedBlocksResult {
  paragraphs: string[];
  /** The removed block (its lines joined by " / "), if any. */
  removed: string | null;
  /** How many copies of it were removed. */
  copies: number;
}

function findRepeatedBlock(items: readonly string[]): { length: number; starts: number[] } | null {
  for (let length = Math.min(MAX_BLOCK_LINES, Math.floor(items.length / 2)); length >= MIN_BLOCK_LINES; length--) {
    const positions = new Map<string, number[]>();
    for (let start = 0; start + length <= items.length; start++) {
      const block = items.slice(start, start + length);
      if (block.some((line) => line.length > MAX_LINE_LENGTH || line === '')) continue;
      const key = block.join('\n');
      const list = positions.get(key) ?? [];
      // Non-overlapping occurrences only.
      if (list.length === 0 || start >= (list[list.length - 1] ?? 0) + length) list.push(start);
      positions.set(key, list);
    }
    for (const starts of positions.values()) if (starts.length >= 2) return { length, starts };
  }
  return null;
}

/**
 * Takes paragraphs (or lines) and returns them without any block of ≥3 short items that occurs
 * twice or more; where a block sat between an unfinished sentence and its continuation, the two
 * halves are joined with a space.
 */
export function removeRepeatedBlocks(items: readonly string[]): RepeatedBlocksResult {
  const found = findRepeatedBlock(items);
  if (!found) return { paragraphs: [...items], removed: null, copies: 0 };
  const drop = new Set<number>();
  for (const start of found.starts) for (let i = start; i < start + found.length; i++) drop.add(i);
  const firstStart = found.starts[0] ?? 0;
  const removed = items.slice(firstStart, firstStart + found.length).join(' / ');
  const out: string[] = [];
  let joinNext = false;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] ?? '';
    if (drop.has(i)) {
      // Mark a cut when the text before the block has no sentence end.
      const before = out[out.length - 1];
      if (!drop.has(i - 1) && before !== undefined && !TERMINAL.test(before.trimEnd())) joinNext = true;
      continue;
    }
    if (joinNext && out.length > 0) {
      out[out.length - 1] = `${(out[out.length - 1] ?? '').trimEnd()} ${item.trimStart()}`;
    } else {
      out.push(item);
    }
    joinNext = false;
  }
  return { paragraphs: out, removed, copies: found.starts.length };
}
