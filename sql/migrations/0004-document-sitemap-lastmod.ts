// Frozen in time: never import app code here, never edit after it has shipped; add a migration.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // The sitemap <lastmod> a document had when we last fetched it: a re-crawl skips the URL while
  // the sitemap repeats it. Comparing with the previous lastmod, not with our clock, is what
  // catches a change whose (often date-only) lastmod lies before our last fetch.
  await sql`alter table documents add column sitemap_lastmod timestamptz`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table documents drop column if exists sitemap_lastmod`.execute(db);
}
