/**
 * A stored body read again by a newer reader: the version row takes the new reading, the old one
 * is kept in `document_readings` (the claims made from it point into its text). One transaction.
 */
import type { Kysely } from 'kysely';
import type { ParsedDocument } from '../../core/parsed-document.ts';
import type { DB } from '../schema.ts';

export interface Reread {
  versionId: string;
  /** The reader that made `reading`. */
  parserVersion: string;
  reading: Pick<ParsedDocument, 'title' | 'published' | 'publishedSource' | 'language' | 'text' | 'captions' | 'warnings'>;
}

/** Stores a re-reading; returns whether text, date, title, language or captions changed. Idempotent. */
export async function rereadVersion(db: Kysely<DB>, reread: Reread): Promise<{ changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const old = await trx
      .selectFrom('document_versions')
      .select(['title', 'published', 'published_source', 'language', 'clean_text', 'captions', 'parse_warnings', 'parser_version'])
      .where('id', '=', reread.versionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const next = reread.reading;
    const captions = JSON.stringify(next.captions);
    const changed =
      old.clean_text !== next.text ||
      old.published !== next.published ||
      old.published_source !== next.publishedSource ||
      old.title !== next.title ||
      old.language !== next.language ||
      JSON.stringify(old.captions) !== captions;
    if (old.parser_version === reread.parserVersion) return { changed: false };
    if (changed) {
      await trx
        .insertInto('document_readings')
        .values({
          version_id: reread.versionId,
          parser_version: old.parser_version,
          superseded_by: reread.parserVersion,
          title: old.title,
          published: old.published,
          published_source: old.published_source,
          language: old.language,
          clean_text: old.clean_text,
          captions: JSON.stringify(old.captions),
          parse_warnings: JSON.stringify(old.parse_warnings),
        })
        .execute();
    }
    await trx
      .updateTable('document_versions')
      .set({
        parser_version: reread.parserVersion,
        ...(changed
          ? {
              title: next.title,
              published: next.published,
              published_source: next.publishedSource,
              language: next.language,
              clean_text: next.text,
              captions,
              parse_warnings: JSON.stringify(next.warnings),
            }
          : {}),
      })
      .where('id', '=', reread.versionId)
      .execute();
    return { changed };
  });
}
