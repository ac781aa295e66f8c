/**
 * What `score.mjs --json` prints (the shared scorer of `../shared/tools/score.mjs`), validated at the
 * boundary because it comes from another process.
 */
import { z } from 'zod';

const kindScoreSchema = z.object({
  tp: z.number(),
  fp: z.number(),
  fn: z.number(),
  attrOk: z.number(),
  attrAll: z.number(),
  /** Precision; 1 when nothing was predicted. */
  p: z.number(),
  /** Recall; 1 when nothing was expected. */
  r: z.number(),
  f1: z.number(),
  /** Share of matched claims whose secondary fields (scope, date, relation, statedCount) agree. */
  attrAccuracy: z.number().nullable(),
});

const documentScoreSchema = z.object({
  doc: z.string(),
  misses: z.array(z.string()),
  extras: z.array(z.string()),
});

export const scoreReportSchema = z.object({
  documents: z.number(),
  missingPredictions: z.number(),
  /** Per claim kind, plus `list_members` (member by member inside matched lists). */
  kinds: z.record(z.string(), kindScoreSchema),
  /** Accuracy of `document.published` over the gold documents that have a date; null if none has. */
  published: z.number().nullable(),
  /** Micro-F1 over the five scored claim kinds (`event` left out). */
  headline: z.object({ p: z.number(), r: z.number(), f1: z.number() }),
  docs: z.array(documentScoreSchema),
});

export type KindScore = z.infer<typeof kindScoreSchema>;
export type DocumentScore = z.infer<typeof documentScoreSchema>;
export type ScoreReport = z.infer<typeof scoreReportSchema>;
