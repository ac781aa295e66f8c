/**
 * Source configs in the `sources` table: the queue's jobs carry only a source id and a worker
 * loads the config from here.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import { ConfigError } from '../../core/errors.ts';
import { sourceSchema, type Source, type SourceInput } from '../../core/source-config.ts';

/** Inserts or replaces a source's config (validated first; ConfigError when invalid). */
export async function upsertSource(db: Kysely<DB>, source: SourceInput): Promise<Source> {
  const checked = parseSource(source, 'upsertSource');
  await db
    .insertInto('sources')
    .values({ id: checked.id, name: checked.name, config: JSON.stringify(checked) })
    .onConflict((oc) => oc.column('id').doUpdateSet({ name: checked.name, config: JSON.stringify(checked), updated_at: sql<Date>`now()` }))
    .execute();
  return checked;
}

/** Stores a source's config unless a row with its id exists (documents reference it). */
export async function ensureSource(db: Kysely<DB>, source: SourceInput): Promise<void> {
  const checked = parseSource(source, 'ensureSource');
  await db
    .insertInto('sources')
    .values({ id: checked.id, name: checked.name, config: JSON.stringify(checked) })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Loads a stored source by id, or null. Throws ConfigError when the stored config no longer validates. */
export async function loadSource(db: Kysely<DB>, id: string): Promise<Source | null> {
  const row = await db.selectFrom('sources').select(['id', 'config']).where('id', '=', id).executeTakeFirst();
  return row ? parseSource(row.config, `sources row ${id}`) : null;
}

/** All stored sources, by id. */
export async function listSources(db: Kysely<DB>): Promise<Source[]> {
  const rows = await db.selectFrom('sources').select(['id', 'config']).orderBy('id').execute();
  return rows.map((row) => parseSource(row.config, `sources row ${row.id}`));
}

function parseSource(value: unknown, where: string): Source {
  const config = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  const parsed = sourceSchema.safeParse(config);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(source)'}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid source config in ${where}: ${problems}`, { input: where });
  }
  return parsed.data;
}
