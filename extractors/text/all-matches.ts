/**
 * Every match of a global pattern in a text, as `String.prototype.matchAll` returns them, without
 * its cost: `matchAll` clones the pattern on each call (about 2 µs, more than a short sentence's
 * match takes), which parsers calling it per sentence and per cue paid thousands of times a document.
 *
 * Most patterns here open with a word-start lookbehind (`(?<![\p{L}])`, one per alternative in
 * the cue lists). V8 tests such a lookbehind at every position of the text before anything else,
 * and it keeps the engine from skipping ahead to where the first word could start: on a 50 KB
 * page that lookbehind is most of a scan's cost. So the lookbehind shared by every alternative is
 * taken out of the scanning pattern and checked only where the rest matched; where it fails, the
 * scan goes on one position further, as the engine itself would. Same matches, same order.
 */

/**
 * The matches of `pattern` (which must carry the `g` flag) in `text`, in order, the same as
 * `[...text.matchAll(pattern)]`: the search starts at `pattern.lastIndex` as `matchAll`'s does, an
 * empty match steps one code point on, and `pattern.lastIndex` is as it was on return. Collected
 * eagerly, so the caller may use the same pattern again inside its loop.
 */
export function allMatches(pattern: RegExp, text: string): RegExpExecArray[] {
  if (!pattern.global) throw new TypeError(`allMatches needs a global pattern, not /${pattern.source}/${pattern.flags}`);
  let split = splitOf(pattern);
  const unicode = pattern.unicode || pattern.flags.includes('v');
  let scan = split?.body ?? pattern;
  const start = pattern.lastIndex;
  const matches: RegExpExecArray[] = [];
  scan.lastIndex = start;
  try {
    for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
      if (split && unicode && insidePair(text, m.index)) {
        // A match starting inside a surrogate pair: the lookbehind there is the original pattern's to judge.
        split = null;
        scan = pattern;
        scan.lastIndex = m.index;
        continue;
      }
      if (split) {
        split.guard.lastIndex = m.index;
        if (!split.guard.test(text)) {
          // The original pattern fails at this position: it would try the next one. Before a surrogate
          // pair the engine tries its second half too, which only the original pattern reproduces.
          const next = stepOver(text, m.index, unicode);
          if (next !== m.index + 1) {
            split = null;
            scan = pattern;
            scan.lastIndex = m.index;
          } else scan.lastIndex = next;
          continue;
        }
      }
      matches.push(m);
      if (m[0] === '') scan.lastIndex = stepOver(text, scan.lastIndex, unicode);
    }
  } finally {
    pattern.lastIndex = start;
  }
  return matches;
}

// As the spec's AdvanceStringIndex: one code unit, or a whole surrogate pair in unicode mode.
function stepOver(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const high = text.charCodeAt(index);
  const low = text.charCodeAt(index + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? index + 2 : index + 1;
}

function insidePair(text: string, index: number): boolean {
  const low = text.charCodeAt(index);
  const high = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
}

interface LookbehindSplit {
  /** The pattern without its leading lookbehind, global. */
  body: RegExp;
  /** The lookbehind alone, sticky: tests it at `lastIndex`. */
  guard: RegExp;
}

// Worked out once per pattern object; null where the pattern has no lookbehind shared by all its alternatives.
const splits = new WeakMap<RegExp, LookbehindSplit | null>();

function splitOf(pattern: RegExp): LookbehindSplit | null {
  let split = splits.get(pattern);
  if (split === undefined) {
    split = leadingLookbehind(pattern);
    splits.set(pattern, split);
  }
  return split;
}

// A negative lookbehind of one character class: `(?<![\p{L}\p{N}.,])`.
const LOOKBEHIND = /^\(\?<!\[(?:[^\]\\]|\\.)*\]\)/su;

/** The pattern split into its leading one-class negative lookbehind and the rest, when every top-level alternative opens with the same one. */
function leadingLookbehind(pattern: RegExp): LookbehindSplit | null {
  if (pattern.sticky) return null;
  const alternatives = topLevelAlternatives(pattern.source);
  if (!alternatives) return null;
  const lookbehind = LOOKBEHIND.exec(alternatives[0]!)?.[0];
  if (!lookbehind || !alternatives.every((a) => a.startsWith(lookbehind))) return null;
  const rest = alternatives.map((a) => a.slice(lookbehind.length));
  const body = rest.length === 1 ? rest[0]! : `(?:${rest.join('|')})`;
  // A lookbehind holds no groups, so the rest keeps every group's number and name.
  return { body: new RegExp(body, pattern.flags), guard: new RegExp(lookbehind, `${pattern.flags.replace('g', '')}y`) };
}

/** The source's top-level alternatives, or null where the source has a construct this reader does not follow. */
function topLevelAlternatives(source: string): string[] | null {
  const alternatives: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      else if (c === '[') return null; // nested classes (v flag): not read here
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      alternatives.push(source.slice(from, i));
      from = i + 1;
    }
    if (depth < 0) return null;
  }
  if (depth !== 0 || inClass) return null;
  alternatives.push(source.slice(from));
  return alternatives;
}
