import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../sql/database.ts';
import { syncGazetteerTable } from '../../sql/queries/gazetteer.ts';
import type { Place } from '../../extractors/gazetteer/gazetteer-types.ts';
import { freshPglite } from '../support/services.ts';

const qingdao: Place = { id: 'cn:370200', name: 'Qingdao', country: 'CN', type: 'prefecture_city', admin1: 'Shandong', parent: null, capitalOf: null, population: null };
const jinan: Place = { id: 'cn:370100', name: 'Jinan', country: 'CN', type: 'prefecture_city', admin1: 'Shandong', parent: null, capitalOf: 'Shandong', population: null };

describe('syncGazetteerTable', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshPglite();
  });
  afterAll(async () => {
    await database.close();
  });

  it('fills the table, writes nothing for the same data, and replaces it when the data changes', async () => {
    expect((await syncGazetteerTable(database.db, [qingdao])).written).toBe(true);
    expect((await syncGazetteerTable(database.db, [qingdao])).written).toBe(false);
    expect((await syncGazetteerTable(database.db, [qingdao, jinan])).written).toBe(true);
    const rows = await database.db.selectFrom('gazetteer').select(['name', 'capital_of']).orderBy('name').execute();
    expect(rows).toEqual([{ name: 'Jinan', capital_of: 'Shandong' }, { name: 'Qingdao', capital_of: null }]);
  });
});
