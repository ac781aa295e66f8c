import type { Kysely } from 'kysely';
import type { DB } from '../sql/schema.ts';

/** Options of {@link createWebApp}. */
export interface WebAppOptions {
  db: Kysely<DB>;
  /** Signs the session cookie; `isa serve` keeps one in the settings table so sessions survive restarts. */
  cookieSecret: string;
  /**
   * Mark cookies `Secure` (only sent over HTTPS). Off on loopback, where there is no TLS.
   * @defaultValue false
   */
  secureCookies?: boolean;
  /** With a Redis URL, /queues shows the stage queue (bull-board) behind the same sign-in. */
  queues?: { redisUrl: string; prefix: string } | null;
  /**
   * How long a session lasts.
   * @defaultValue 12 hours
   */
  sessionHours?: number;
}
