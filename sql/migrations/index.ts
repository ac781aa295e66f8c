import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial.ts';
import * as m0002 from './0002-settings.ts';
import * as m0003 from './0003-claim-provenance.ts';
import * as m0004 from './0004-document-sitemap-lastmod.ts';
import * as m0005 from './0005-fetch-log-holds-fetch-times.ts';
import * as m0006 from './0006-flags-without-last-seen-run.ts';
import * as m0011 from './0011-document-readings.ts';
import * as m0007 from './0007-decisions-users-sessions.ts';
import * as m0008 from './0008-flag-severity-words-and-subject-keys.ts';
import * as m0010 from './0010-run-lifecycle.ts';
import * as m0012 from './0012-document-current-version.ts';

/** Migrations in order; a static list so they run the same from source, tests and workers. */
export const migrationProvider: MigrationProvider = {
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '0001-initial': m0001,
      '0002-settings': m0002,
      '0003-claim-provenance': m0003,
      '0004-document-sitemap-lastmod': m0004,
      '0005-fetch-log-holds-fetch-times': m0005,
      '0006-flags-without-last-seen-run': m0006,
      '0007-decisions-users-sessions': m0007,
      '0008-flag-severity-words-and-subject-keys': m0008,
      '0010-run-lifecycle': m0010,
      '0011-document-readings': m0011,
      '0012-document-current-version': m0012,
    };
  },
};
