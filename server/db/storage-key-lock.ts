// One stored file is written or deleted by one worker at a time: a
// transaction-scoped advisory lock on its storage key. Content-addressed files
// are shared (the same rendition bytes for two renders are one file), so
// storing a rendition and retention deleting an unused one take this lock
// before looking at the key, and a file is never deleted under a new user.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/** Locks `key` until the transaction `trx` ends. */
export async function lockStorageKey(trx: Kysely<Database>, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`noor.storage:${key}`}, 0))`.execute(trx);
}
