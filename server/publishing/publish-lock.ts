// The publishing lock: a session-level advisory lock per target that marks "a
// live worker is publishing this target". It dies with the connection that
// holds it, which is how a crash is told from a slow upload. Anything that
// changes a target a worker may be publishing (the recovery sweep; a user
// cancelling or moving it) must hold it too. It is taken in the statement
// that reads the target (publishLockRead, for many targets at once), and
// released by the statement that records the post (recordPublishedAll's
// release) or by releaseLocks. A connection's session holds a lock once per
// target whatever the number of takes, so one connection's takers keep their
// own count (publish-session.ts) or hold the connection alone (withPublishLock).
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { PREPARED, advisoryKey, compileOnce, type Database, type Statement } from '../db';

/** One taken target's row from publishLockRead: whether the lock was taken, and the read row's columns (null when there is no such target). */
export type LockedRow<R> = { request_id: string; locked: boolean } & { [K in keyof R]: R[K] | null };

/** The statement that takes targets' publishing locks and reads them (publishLockRead). */
export type PublishLockRead<R> = Statement<[targetIds: string[]], LockedRow<R>>;

/**
 * The statement, built once, that takes each target's lock and, where it got
 * it, reads the target with `read`; one row per id, in order. `read` selects
 * the target by the id it is given (an expression: use it as a value, in a
 * comparison), returns an `id` column (null: no such target), and must lock
 * its row (FOR NO KEY UPDATE OF post_targets). The row is then as fresh as a
 * read after the lock: a locked row is read in its latest committed version,
 * after any write in progress, not as of the statement's start. The row locks
 * end with the statement, which commits without waiting for the disk (it
 * wrote nothing a crash could lose).
 */
export function publishLockRead<R extends { id: string }>(
  // any tables and aliases: the statement only needs the row's shape
  read: (db: Kysely<Database>, targetId: string) => SelectQueryBuilder<any, any, R>,
): PublishLockRead<R> {
  return compileOnce(1, (db, ids: string[]) => {
    const id = sql.ref('r.id');
    return sql<LockedRow<R>>`
      SELECT r.id AS request_id, l.locked, t.*
      FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS r(id, n)
      CROSS JOIN LATERAL (SELECT pg_try_advisory_lock(${advisoryKey('publish', id)}) AS locked, set_config('synchronous_commit', 'off', true)) AS l
      LEFT JOIN LATERAL (${read(db, id as unknown as string).where(sql<boolean>`l.locked`)}) AS t ON true
      ORDER BY r.n ${PREPARED}`;
  });
}

const unlockStatement = compileOnce(1, (_db, ids: string[]) => sql`SELECT pg_advisory_unlock(${advisoryKey('publish', sql.ref('r.id'))}) FROM unnest(${ids}::uuid[]) AS r(id) ${PREPARED}`);

/** Releases the targets' locks held on `db` (one not held is left alone). */
export async function releaseLocks(db: Kysely<Database>, targetIds: string[]): Promise<void> {
  await unlockStatement(db, targetIds);
}

/**
 * Runs `run` holding the target's publishing lock on a connection of its own,
 * taken in the statement that reads the target (`statement`, from
 * publishLockRead); undefined at once (nothing read, `run` not called) when
 * another live worker holds it. The lock is released when `run` ends.
 */
export async function withPublishLock<R extends { id: string }, T>(
  db: Kysely<Database>,
  targetId: string,
  statement: PublishLockRead<R>,
  run: (conn: Kysely<Database>, row: R | undefined) => Promise<T>,
): Promise<T | undefined> {
  return db.connection().execute(async (conn) => {
    let taken: LockedRow<R>;
    try {
      [taken] = (await statement(conn, [targetId])) as [LockedRow<R>];
    } catch (error) {
      // a statement that failed after taking the lock keeps it (a session lock outlives its transaction), on a connection going back to the pool
      await releaseLocks(conn, [targetId]).catch(() => undefined);
      throw error;
    }
    if (!taken.locked) return undefined;
    try {
      return await run(conn, rowOf(taken));
    } finally {
      await releaseLocks(conn, [targetId]);
    }
  });
}

/** The read row of a taken target, or undefined when there is no such target. */
export function rowOf<R>({ request_id: _request, locked: _locked, ...row }: LockedRow<R>): R | undefined {
  return (row as { id?: unknown }).id == null ? undefined : (row as R);
}
