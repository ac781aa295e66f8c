/**
 * The sources file (YAML, or JSON — YAML 1.2 reads both): loading, validating with errors that
 * name the line and field, and adding a source while keeping the file's comments.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { ConfigError } from '../../core/errors.ts';
import type { z } from 'zod';
import { sourceSchema, sourcesFileSchema, type Source, type SourceInput } from '../../core/source-config.ts';

export interface SourceFileError {
  file: string;
  /** 1-based; 0 when the problem has no place in the file. */
  line: number;
  column: number;
  /** Dotted path of the field, e.g. `sources.2.startUrls.0`. */
  field: string;
  message: string;
}

export interface SourcesValidation {
  /** Valid sources (empty when there are errors). */
  sources: Source[];
  errors: SourceFileError[];
}

/** `${NAME}` placeholders in string values, e.g. `${FIXTURES}` for the fixture server's origin. */
export type SourceVariables = Record<string, string>;

/** Formats an error as `file:line:column: field: message`, the shape editors jump to. */
export function formatSourceFileError(error: SourceFileError): string {
  return `${error.file}:${error.line}:${error.column}: ${error.field || '(file)'}: ${error.message}`;
}

/**
 * Validates a sources file's text. Returns every error with its line, never throws.
 * `${NAME}` placeholders are replaced from `variables` after parsing (line numbers stay true).
 */
export function validateSources(text: string, fileName: string, variables: SourceVariables = {}): SourcesValidation {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const errors: SourceFileError[] = [];
  const at = (offset: number | undefined, field: string, message: string) => {
    const pos = offset === undefined ? { line: 0, col: 0 } : lineCounter.linePos(offset);
    errors.push({ file: fileName, line: pos.line, column: pos.col, field, message });
  };
  for (const problem of doc.errors) at(problem.pos[0], '', problem.message.split('\n')[0] ?? problem.message);
  if (errors.length) return { sources: [], errors };

  const raw: unknown = doc.toJS();
  const missing: Array<{ path: Array<string | number>; name: string }> = [];
  const substituted = substitute(raw, variables, [], missing);
  for (const { path, name } of missing) {
    at(nodeOffset(doc, path), path.join('.'), `uses \${${name}} but no value was given for it`);
  }
  const parsed = sourcesFileSchema.safeParse(substituted);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.flatMap((i) => specificIssues(i, []))) {
      at(nodeOffset(doc, issue.path), issue.path.join('.'), issue.message);
    }
  }
  // Checked on the raw list, so a duplicate is reported with the other problems, not after them.
  const listed = (substituted as { sources?: unknown } | null)?.sources;
  if (Array.isArray(listed)) {
    const seen = new Map<string, number>();
    listed.forEach((source: unknown, index) => {
      const id = (source as { id?: unknown } | null)?.id;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first !== undefined) at(nodeOffset(doc, ['sources', index, 'id']), `sources.${index}.id`, `duplicate id "${id}" (first used by sources.${first})`);
      else seen.set(id, index);
    });
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  return { sources: errors.length || !parsed.success ? [] : parsed.data.sources, errors };
}

interface PathIssue {
  path: Array<string | number>;
  message: string;
}

/**
 * Zod reports a value that fits no branch of a union (a start URL given as a string or as
 * {url, type}) as "Invalid input"; the branch that got furthest says what is wrong, with the
 * allowed values for an enum.
 */
function specificIssues(issue: z.core.$ZodIssue, prefix: Array<string | number>): PathIssue[] {
  const path = [...prefix, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const branches = issue.errors.filter((branch) => !branch.every((i) => i.code === 'invalid_type' && i.path.length === 0));
    const best = branches[0] ?? issue.errors[0] ?? [];
    if (best.length > 0) return best.flatMap((i) => specificIssues(i, path));
  }
  if (issue.code === 'unrecognized_keys') return [{ path, message: `unknown field(s) ${issue.keys.join(', ')}` }];
  return [{ path, message: issue.message }];
}

/**
 * Reads and validates a sources file. Throws ConfigError listing every problem as
 * `file:line:column: field: message`.
 */
export async function loadSourcesFile(path: string, variables: SourceVariables = {}): Promise<Source[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`Cannot read sources file ${path}: ${(error as Error).message}`, { input: path, cause: error });
  }
  const { sources, errors } = validateSources(text, path, variables);
  if (errors.length) {
    throw new ConfigError(`Sources file ${path} has ${errors.length} problem(s); fix them and run \`isa sources check\`:\n${errors.map(formatSourceFileError).join('\n')}`, { input: path });
  }
  return sources;
}

/**
 * Appends a source to a sources file, keeping its comments and layout (YAML) — or rewrites it
 * as JSON for `.json` files. Validates the source and refuses a duplicate id (ConfigError).
 * @returns the validated source as stored.
 */
export async function addSourceToFile(path: string, source: SourceInput): Promise<Source> {
  const checked = sourceSchema.safeParse(source);
  if (!checked.success) {
    const problems = checked.error.issues.map((i) => `${i.path.map(String).join('.') || '(source)'}: ${i.message}`).join('; ');
    throw new ConfigError(`Source ${String((source as { id?: unknown }).id)} is invalid: ${problems}`, { input: path });
  }
  let text = '';
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT') throw new ConfigError(`Cannot read sources file ${path}: ${(error as Error).message}`, { input: path, cause: error });
  }
  const doc = parseDocument(text.trim() ? text : 'sources: []\n');
  if (doc.errors.length) throw new ConfigError(`Sources file ${path} does not parse (${doc.errors[0]!.message.split('\n')[0]}); fix it before adding.`, { input: path });
  const list = doc.get('sources', true);
  if (list !== undefined && !isSeq(list)) throw new ConfigError(`Sources file ${path}: "sources" is not a list.`, { input: path });
  const existing = isSeq(list) ? list.items.map((item) => (isMap(item) ? item.get('id') : undefined)) : [];
  if (existing.includes(checked.data.id)) throw new ConfigError(`Sources file ${path} already has a source with id "${checked.data.id}"; pick another id.`, { input: path });
  // Write what the user gave (not the defaults) so the file stays as terse as they wrote it.
  const written = stripUndefined(source);
  if (isSeq(list)) {
    list.flow = false;
    list.items.push(doc.createNode(written));
  } else doc.set('sources', doc.createNode([written]));
  const output = path.endsWith('.json') ? JSON.stringify(doc.toJS(), null, 2) + '\n' : doc.toString();
  await writeFile(path, output, 'utf8');
  return checked.data;
}

function stripUndefined(value: SourceInput): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}

function substitute(value: unknown, variables: SourceVariables, path: Array<string | number>, missing: Array<{ path: Array<string | number>; name: string }>): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => {
      const replacement = variables[name];
      if (replacement === undefined) {
        missing.push({ path, name });
        return whole;
      }
      return replacement.replace(/\/+$/, '');
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => substitute(item, variables, [...path, index], missing));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, variables, [...path, key], missing)]));
  }
  return value;
}

// The closest node that exists on the path: a missing field points at its parent object.
function nodeOffset(doc: Document, path: Array<string | number>): number | undefined {
  for (let length = path.length; length >= 0; length -= 1) {
    const node = length === 0 ? doc.contents : doc.getIn(path.slice(0, length), true);
    const range = (node as YamlNode | null | undefined)?.range;
    if (range) return range[0];
  }
  return undefined;
}
