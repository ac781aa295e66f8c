/**
 * The gold file format of `../shared/gold/*.json` (CLAIMS.md): claim fields with a `quote` in place
 * of evidence, `optional` claims, `rawAccepted` spellings on lists, reconciler `flags` and `notes`.
 * Strict objects, so a misspelt field name fails validation instead of silently scoring wrong.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { BadInputError, errorMessageOf } from '../../core/errors.ts';

const partialDate = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');
const country = z.enum(['DE', 'CN']).nullable();
const scope = z.enum(['founding', 'current', 'event']);

/** Fields every gold claim has besides its kind's own. */
const common = {
  quote: z.string().min(1),
  optional: z.boolean().optional(),
};

const goldClaimSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('member_count'),
    subject: z.string().min(1),
    country,
    count: z.number().int().min(0),
    qualifier: z.enum(['exact', 'more_than', 'at_least', 'about', 'at_most', 'less_than']),
    unit: z.enum(['cities', 'states', 'provinces', 'members', 'regions', 'municipalities']),
    scope,
    asOf: partialDate.nullable().optional(),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('member_list'),
    subject: z.string().min(1),
    country,
    scope,
    asOf: partialDate.nullable().optional(),
    statedCount: z.number().int().min(0).nullable(),
    members: z.array(z.string().min(1)).min(1),
    /** Canonical member name → spellings as written that count as that member. */
    rawAccepted: z.record(z.string(), z.array(z.string().min(1))).optional(),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('membership_event'),
    subject: z.string().min(1),
    city: z.string().min(1),
    event: z.enum(['joined', 'intends_to_join', 'founding_member', 'left', 'guest']),
    date: partialDate.nullable(),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('partnership'),
    cities: z.tuple([z.string().min(1), z.string().min(1)]),
    relation: z.enum(['partner_city', 'friendship_city', 'cooperation_agreement', 'friendship_treaty']),
    since: partialDate.nullable(),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('city_attribute'),
    city: z.string().min(1),
    attribute: z.enum(['province', 'state', 'capital_of', 'district_of', 'population', 'region']),
    value: z.union([z.string().min(1), z.number().positive()]),
    qualifier: z.enum(['exact', 'more_than', 'at_least', 'about', 'at_most', 'less_than']).optional(),
    ...common,
  }),
  z.strictObject({
    kind: z.literal('event'),
    type: z.string().min(1),
    subject: z.string().min(1),
    date: partialDate.nullable(),
    place: z.string().min(1).nullable().optional(),
    ordinal: z.number().int().min(1).nullable().optional(),
    ...common,
  }),
]);

export const goldFileSchema = z.strictObject({
  /** Document file name; the seed gold files call it `seed`. */
  document: z.string().min(1).optional(),
  seed: z.string().min(1).optional(),
  language: z.enum(['de', 'en']),
  /** Release date the document prints, or null. */
  published: partialDate.nullable(),
  publishedNote: z.string().optional(),
  claims: z.array(goldClaimSchema),
  flags: z.array(z.strictObject({ kind: z.string().min(1), about: z.array(z.string()).min(1), detail: z.string().min(1) })),
  notes: z.string(),
});

export type GoldClaim = z.infer<typeof goldClaimSchema>;
export type GoldFile = z.infer<typeof goldFileSchema>;

/** Reads and validates one gold file; throws `BadInputError` naming the file and the bad field. */
export async function readGoldFile(path: string): Promise<GoldFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new BadInputError(`gold file ${path} is not readable JSON: ${errorMessageOf(error)}; fix the file`, { input: path, cause: error });
  }
  const parsed = goldFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BadInputError(`gold file ${path} does not follow the gold format: ${z.prettifyError(parsed.error)}`, { input: path });
  }
  if (parsed.data.document === undefined && parsed.data.seed === undefined) {
    throw new BadInputError(`gold file ${path} names no document; add "document": "NAME.txt|html|pdf"`, { input: path });
  }
  return parsed.data;
}
