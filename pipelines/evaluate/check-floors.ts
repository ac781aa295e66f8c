/**
 * The evaluation gate's judging half: compare scored gold sets with pinned floors
 * (`eval-floors.json`). Floors are raised as the extractors improve and never lowered silently.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ConfigError, errorMessageOf } from '../../core/errors.ts';
import type { GoldEvaluation, GoldSetResult } from './evaluate-gold.ts';

const setFloorsSchema = z.object({
  /** Lowest acceptable headline micro-F1 over the five scored claim kinds. */
  headline: z.number().min(0).max(1).optional(),
  /** Lowest acceptable F1 per claim kind (`member_count`, …, `list_members`, `event`). */
  kinds: z.record(z.string(), z.number().min(0).max(1)).optional(),
  /** Lowest acceptable accuracy of `document.published`. */
  published: z.number().min(0).max(1).optional(),
  /** Most documents allowed to fail extraction or lack a document file. */
  maxDocumentErrors: z.number().int().min(0).optional(),
});

export const evalFloorsSchema = z.object({
  $comment: z.string().optional(),
  /** Floors of the gold sets under fixtures/gold. */
  sets: z.record(z.string(), setFloorsSchema),
  /** Floors of the seen part of each real corpus (../shared/corpus/NAME), checked when that corpus is scored. */
  corpora: z.record(z.string(), setFloorsSchema).optional(),
});

export type SetFloors = z.infer<typeof setFloorsSchema>;
export type EvalFloors = z.infer<typeof evalFloorsSchema>;

/** One floor that a result fell below. */
export interface FloorFailure {
  set: string;
  /** `headline`, `published`, `documentErrors`, `kind:<kind>`, or `set` when the set was not evaluated. */
  metric: string;
  floor: number;
  /** The measured value; null when the set or kind was not measured. */
  actual: number | null;
  message: string;
}

/**
 * Returns every floor the results fall below; an empty array means the gate passes. A set that has
 * floors but no result fails (a gate must not pass because a set went missing). A kind with no gold
 * claims and no predictions in a set has no F1 and is skipped.
 */
export function checkFloors(results: GoldEvaluation | readonly GoldSetResult[], floors: EvalFloors): FloorFailure[] {
  const sets = 'sets' in results ? results.sets : results;
  const failures: FloorFailure[] = [];
  for (const [setName, setFloors] of Object.entries(floors.sets)) {
    const result = sets.find((s) => s.set === setName);
    if (result === undefined) {
      failures.push({ set: setName, metric: 'set', floor: 1, actual: null, message: `gold set '${setName}' has floors but was not evaluated; is it missing from the gold directory?` });
      continue;
    }
    const below = (metric: string, floor: number | undefined, actual: number | null): void => {
      if (floor === undefined || actual === null || actual >= floor) return;
      failures.push({ set: setName, metric, floor, actual, message: `${setName}: ${metric} ${format(actual)} is below the floor ${format(floor)}` });
    };
    below('headline', setFloors.headline, result.report.headline.f1);
    if (setFloors.published !== undefined) {
      // No dated gold document means nothing to measure, which is not a failure.
      below('published', setFloors.published, result.report.published);
    }
    for (const [kind, floor] of Object.entries(setFloors.kinds ?? {})) {
      below(`kind:${kind}`, floor, result.report.kinds[kind]?.f1 ?? null);
    }
    if (setFloors.maxDocumentErrors !== undefined && result.errors.length > setFloors.maxDocumentErrors) {
      failures.push({
        set: setName,
        metric: 'documentErrors',
        floor: setFloors.maxDocumentErrors,
        actual: result.errors.length,
        message: `${setName}: ${result.errors.length} document(s) produced no prediction (allowed ${setFloors.maxDocumentErrors}): ${result.errors.map((e) => `${e.document}: ${e.message}`).join('; ')}`,
      });
    }
  }
  return failures;
}

/**
 * Reads and validates a floors file.
 * @defaultValue path: `pipelines/evaluate/eval-floors.json`
 */
export async function loadFloors(path: string = defaultEvalFloorsPath()): Promise<EvalFloors> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`cannot read eval floors ${path}: ${errorMessageOf(error)}; restore pipelines/evaluate/eval-floors.json`, { input: path, cause: error });
  }
  const parsed = evalFloorsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`eval floors ${path} are malformed: ${parsed.error.message}; each set takes headline, kinds, published (0..1) and maxDocumentErrors`, { input: path });
  }
  return parsed.data;
}

/** The floors file kept beside this module. */
export function defaultEvalFloorsPath(): string {
  return fileURLToPath(new URL('./eval-floors.json', import.meta.url));
}

function format(value: number): string {
  return value.toFixed(3);
}

/** Same as {@link loadFloors}; the name the CLI imports. */
export { loadFloors as loadEvalFloors };
