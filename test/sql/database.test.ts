import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../sql/database.ts';
import { ConfigError } from '../../core/errors.ts';

describe('the embedded database', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'isa-db-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps its data on disk across opens', async () => {
    const first = await openDatabase({ dataDir: join(dir, 'a') });
    expect((await migrate(first.db)).error).toBeNull();
    await first.db.insertInto('settings').values({ key: 'k', value: 'v' }).execute();
    await first.close();
    const second = await openDatabase({ dataDir: join(dir, 'a') });
    expect(await second.db.selectFrom('settings').select('value').where('key', '=', 'k').executeTakeFirst()).toEqual({ value: 'v' });
    expect((await migrate(second.db)).applied).toEqual([]);
    await second.close();
  });

  it('refuses a second open while one is in use, names the owner, and opens again after close', async () => {
    const held = await openDatabase({ dataDir: join(dir, 'b') });
    const second = openDatabase({ dataDir: join(dir, 'b') });
    await expect(second).rejects.toBeInstanceOf(ConfigError);
    await expect(second).rejects.toThrow(/in use by this process/);
    await held.close();
    const again = await openDatabase({ dataDir: join(dir, 'b') });
    await again.close();
  });

  it('names the live process that holds the lock, and points a reviewer at serve --every', async () => {
    // The parent (the test runner) is alive and is not this process.
    await writeFile(join(dir, 'd.lock'), `${process.ppid} isa.mjs serve --port 8420`);
    const refused = openDatabase({ dataDir: join(dir, 'd') });
    await expect(refused).rejects.toThrow(`in use by process ${process.ppid} (isa.mjs serve --port 8420)`);
    await expect(refused).rejects.toThrow(/isa serve --every 24h runs the pipeline/);
  });

  it('takes over a lock left by a process that is gone', async () => {
    // pid 2^22 + 1 is above Linux's pid_max default, so no process has it.
    await writeFile(join(dir, 'c.lock'), String(4_194_305));
    const database = await openDatabase({ dataDir: join(dir, 'c') });
    await database.close();
  });
});
