/**
 * One source to crawl, as written in the sources file and stored in `sources.config`. The schema
 * is the single boundary check: the file, `isa sources add` and the queue's workers all use it.
 */
import { z } from 'zod';

export const START_URL_TYPES = ['auto', 'listing', 'sitemap', 'feed', 'document'] as const;
export type StartUrlType = (typeof START_URL_TYPES)[number];

const httpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http(s) URL');

const pattern = z
  .string()
  .min(1)
  .refine((value) => {
    if (!value.startsWith('re:')) return true;
    try {
      new RegExp(value.slice(3));
      return true;
    } catch {
      return false;
    }
  }, 'is not a valid regular expression after "re:"');

const startUrl = z.union([
  httpUrl.transform((url) => ({ url, type: 'auto' as StartUrlType })),
  z.object({ url: httpUrl, type: z.enum(START_URL_TYPES).default('auto') }).strict(),
]);

export const sourceSchema = z
  .object({
    /** Stable id: `--source ID`, the queue's jobs and `documents.source_id` use it. */
    id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"'),
    /** Human name shown in reports. */
    name: z.string().min(1),
    /** The city or organisation publishing. */
    organisation: z.string().min(1),
    /** Press listing pages, sitemaps, RSS/Atom feeds or single documents; `type` defaults to sniffing. */
    startUrls: z.array(startUrl).min(1),
    /** URL patterns a discovered document must match (empty = all): globs on path and query (`*` spans `/`), or `re:` + a regex searched in path and query. */
    follow: z.array(pattern).default([]),
    /** URL patterns never fetched. */
    skip: z.array(pattern).default([]),
    /** Page budget for one crawl of this source. */
    maxPages: z.number().int().positive().optional(),
    /** Language hint for parsing: the languages the extractors read. */
    language: z.enum(['de', 'en'], { message: 'must be de or en (the languages the extractors read)' }).optional(),
    /** CSS selectors for the main content. */
    contentSelectors: z.array(z.string().min(1)).default([]),
    /** Extra hosts to follow links to (the start URLs' hosts are always allowed). */
    hosts: z.array(z.string().min(1)).default([]),
    /**
     * Allow private/loopback targets: `true` for any host (fixture sources), or a list of
     * `host[:port]` that may be private while every other hop stays guarded.
     */
    allowPrivate: z.union([z.boolean(), z.array(z.string().min(1))]).default(false),
  })
  .strict();

/** A validated source, defaults filled in. */
export type Source = z.output<typeof sourceSchema>;
/** A source as written in a file, before defaults. */
export type SourceInput = z.input<typeof sourceSchema>;

export const sourcesFileSchema = z
  .object({
    sources: z.array(sourceSchema),
  })
  .strict();
