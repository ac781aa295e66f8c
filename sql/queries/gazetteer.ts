import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Place } from '../../extractors/gazetteer/gazetteer-types.ts';
import type { DB } from '../schema.ts';

const VERSION_KEY = 'gazetteer_version';
const BATCH = 500;

export interface SyncGazetteerResult {
  version: string;
  /** False when the table already held this data: nothing was written. */
  written: boolean;
  places: number;
}

/**
 * Makes the `gazetteer` table hold exactly these places, in one transaction, and only when the data
 * changed (its hash is kept in `settings`), so repeated runs write nothing. Processes starting at
 * once on a fresh database take turns (an advisory lock), and the later one finds the work done.
 */
export async function syncGazetteerTable(db: Kysely<DB>, places: readonly Place[]): Promise<SyncGazetteerResult> {
  const version = createHash('sha256').update(JSON.stringify(places)).digest('hex').slice(0, 16);
  const current = await db.selectFrom('settings').select('value').where('key', '=', VERSION_KEY).executeTakeFirst();
  if (current?.value === version) return { version, written: false, places: places.length };
  const written = await db.transaction().execute(async (trx) => {
    // Without it, two first starts both insert every place and one dies on gazetteer_pkey.
    await sql`select pg_advisory_xact_lock(hashtext('isa-gazetteer-sync'))`.execute(trx);
    const now = await trx.selectFrom('settings').select('value').where('key', '=', VERSION_KEY).executeTakeFirst();
    if (now?.value === version) return false;
    await trx.deleteFrom('gazetteer').execute();
    const unique = new Map(places.map((p) => [p.id, p]));
    const rows = [...unique.values()].map((p) => ({
      id: p.id,
      name: p.name,
      country: p.country,
      type: p.type,
      admin1: p.admin1,
      parent: p.parent,
      capital_of: p.capitalOf ?? null,
      population: p.population ?? null,
      aliases: [] as string[],
    }));
    for (let i = 0; i < rows.length; i += BATCH) await trx.insertInto('gazetteer').values(rows.slice(i, i + BATCH)).execute();
    await trx
      .insertInto('settings')
      .values({ key: VERSION_KEY, value: version })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: version, updated_at: sql<Date>`now()` }))
      .execute();
    return true;
  });
  return { version, written, places: places.length };
}
