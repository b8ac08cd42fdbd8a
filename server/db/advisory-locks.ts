// The Postgres advisory locks Noor takes, named by scope and id with one key
// scheme (hashtextextended of "noor.<scope>:<id>"), so locks of different
// scopes never collide:
// - publish: a live worker is publishing a target (session lock, targets.ts);
// - refresh: one token refresh per account at a time;
// - slots: one schedule taking an account's next free posting slot at a time;
// - storage: one writer or deleter of a stored file at a time. Content-
//   addressed files are shared (the same rendition bytes for two renders are
//   one file), so storing one and retention deleting an unused one take this
//   lock before looking at the key, and a file is never deleted under a new user.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from './schema';

export type LockScope = 'publish' | 'refresh' | 'slots' | 'storage';

/**
 * The lock's bigint key, for pg_*advisory_lock functions. The id is a value
 * of its own (so a statement built once, compileOnce, takes any id) or a SQL
 * expression (a column, for a statement over many ids).
 */
export const advisoryKey = (scope: LockScope, id: string | RawBuilder<unknown>): RawBuilder<unknown> => sql`hashtextextended(${`noor.${scope}:`} || ${id}::text, 0)`;

/** Takes the lock, waiting for it, until the transaction `trx` ends. */
export async function lockUntilCommit(trx: Kysely<Database>, scope: LockScope, id: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${advisoryKey(scope, id)})`.execute(trx);
}
