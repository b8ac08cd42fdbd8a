// State changes of a post target, each atomic with its audit row (one statement):
// a target moves only from the statuses the caller expects (row locked FOR
// UPDATE), so two workers can never both move it. Also the single-connection
// advisory lock that marks "a live worker is publishing this target": it dies
// with the worker's connection, which is how a crash is told from a slow upload.
// Anything that changes a target a worker may be publishing (a user cancelling
// or moving it) must hold this lock too. Publishing takes the lock in the
// statement that reads the target (withPublishLock) and releases it in the
// statement that records the outcome (moveTarget's release), so holding it
// costs no round trip of its own. The statements here run as prepared
// statements: publishing runs them for every target.
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder } from 'kysely';
import { PREPARED, advisoryKey, type Database, type JsonObject, type PostTarget, type PostTargetStatus, type PostTargetUpdate, type PublishErrorClass } from '../db';

export const PUBLISHABLE_STATUSES: readonly PostTargetStatus[] = ['scheduled', 'publishing'];

/**
 * Moves the target from one of `from` to `patch.status`, records `action` in
 * the audit log, and runs `also` in the same transaction. Returns false (and
 * changes nothing) when the target is not in one of `from`. The check, the
 * change and the audit row are one statement (the row is locked FOR UPDATE
 * and its status checked again on the latest version), so a move is one
 * round trip; with `also` it runs in a transaction with it. With `release`
 * (a publishing lock held on `db`, and no `also`) the same statement releases
 * the lock once the row is written: a worker that takes the lock next and
 * reads the row (withPublishLock, which locks the row) waits for this
 * statement's commit and reads what it wrote. With `flushedByJob` the
 * statement commits without waiting for the disk: the caller is a job
 * (publish_post) whose completion graphile-worker commits after it, and that
 * commit's flush writes this one's too (the log is written in order); a crash
 * before then leaves the job taken, so it runs again and asks the platform
 * before posting.
 */
export async function moveTarget(
  db: Kysely<Database>,
  targetId: string,
  from: readonly PostTargetStatus[],
  patch: PostTargetUpdate & { status: PostTargetStatus },
  action: string,
  details: JsonObject = {},
  { also, release, flushedByJob = false }: { also?: (trx: Kysely<Database>) => Promise<void>; release?: PublishLock; flushedByJob?: boolean } = {},
): Promise<boolean> {
  if (release && (also || release.conn !== db)) throw new Error('moveTarget: release takes a lock held on db, and no also');
  const move = async (conn: Kysely<Database>) => {
    const moved = await conn
      .with('old', (q) => q.selectFrom('post_targets').select(['id', 'status']).where('id', '=', targetId).where('status', 'in', [...from]).forUpdate())
      .with('moved', (q) => q.updateTable('post_targets').set(patch).from('old').whereRef('post_targets.id', '=', 'old.id').returning(['post_targets.id', 'old.status as from_status']))
      .with('logged', (q) =>
        q
          .insertInto('audit_log')
          .columns(['action', 'subject_type', 'subject_id', 'details'])
          .expression((e) =>
            e
              .selectFrom('moved')
              .select([
                sql<string>`${action}::text`.as('action'),
                sql<string>`'post_target'`.as('subject_type'),
                sql<string>`moved.id::text`.as('subject_id'),
                sql<JsonObject>`jsonb_build_object('from', moved.from_status, 'to', ${patch.status}::text) || ${JSON.stringify(details)}::jsonb`.as('details'),
              ]),
          ),
      )
      // the count reads every moved row first, so the lock is released after the row is written and locked
      .selectFrom((q) => q.selectFrom('moved').select((eb) => eb.fn.countAll<string>().as('n')).as('m'))
      .select('m.n')
      .$if(release !== undefined, (q) => q.select(sql<boolean>`pg_advisory_unlock(${release!.key})`.as('unlocked')))
      .$if(flushedByJob, (q) => q.select(sql<string>`set_config('synchronous_commit', 'off', true)`.as('commit')))
      .modifyEnd(PREPARED)
      .executeTakeFirstOrThrow();
    if (release && moved.unlocked) release.released = true;
    return Number(moved.n) > 0;
  };
  if (!also) return move(db);
  return db.transaction().execute(async (trx) => {
    if (!(await move(trx))) return false;
    await also(trx);
    return true;
  });
}

/** The attempt a move records, when it ends one that reached the platform: the attempt count and when it began. */
export type AttemptUpdate = Pick<PostTargetUpdate, 'attempts' | 'attempt_started_at'>;

/** Fails the target for good with the reason and the error class. */
export function failTarget(db: Kysely<Database>, targetId: string, from: readonly PostTargetStatus[], errorClass: PublishErrorClass, reason: string, attempt: AttemptUpdate = {}): Promise<boolean> {
  return moveTarget(db, targetId, from, { status: 'failed', last_error: reason, error_class: errorClass, next_attempt_at: null, ...attempt }, 'post_target.failed', { errorClass, reason });
}

/** Records the platform's post: the id, the URL, published — in one statement. */
export function recordPublished(
  db: Kysely<Database>,
  targetId: string,
  from: readonly PostTargetStatus[],
  post: { externalId: string; url: string | null },
  at: Date,
  how: 'published' | 'recovered' | 'processed',
  attempt: AttemptUpdate = {},
  /** publish_post's lock on the target: this statement releases it, and leaves its flush to the job's completion (moveTarget's release and flushedByJob). */
  publishing?: PublishLock,
): Promise<boolean> {
  return moveTarget(
    db,
    targetId,
    from,
    { status: 'published', external_id: post.externalId, external_url: post.url, published_at: at, last_error: null, error_class: null, next_attempt_at: null, publish_handle: null, ...attempt },
    'post_target.published',
    { externalId: post.externalId, url: post.url, how, ...(attempt.attempts === undefined ? {} : { attempt: attempt.attempts }) },
    { release: publishing, flushedByJob: publishing !== undefined },
  );
}

/** A target's publishing lock, held on `conn`. `released` is set when a statement released it (moveTarget's release). */
export interface PublishLock {
  readonly conn: Kysely<Database>;
  readonly key: RawBuilder<unknown>;
  released: boolean;
}

/**
 * Runs `run` holding the target's publishing lock on one connection, taken in
 * the statement that reads the target; undefined at once (nothing read, `run`
 * not called) when another live worker holds it. `read` selects the target by
 * id (an `id` column; undefined when there is no such target) and must lock
 * its row (FOR NO KEY UPDATE OF post_targets). The row is then as fresh as a
 * read after the lock: a locked row is read in its latest committed version,
 * after any write in progress, not as of the statement's start. The row lock
 * ends with the statement, which commits without waiting for the disk (it
 * wrote nothing a crash could lose). The lock is released after `run`, unless
 * a statement did (moveTarget's release).
 */
export async function withPublishLock<R extends { id: string }, T>(
  db: Kysely<Database>,
  targetId: string,
  // any tables and aliases: the statement only needs the row's shape
  read: SelectQueryBuilder<any, any, R>,
  run: (lock: PublishLock, row: R | undefined) => Promise<T>,
): Promise<T | undefined> {
  return db.connection().execute(async (conn) => {
    const lock: PublishLock = { conn, key: advisoryKey('publish', targetId), released: false };
    const unlock = () => sql`SELECT pg_advisory_unlock(${lock.key}) ${PREPARED}`.execute(conn);
    let taken: R & { locked: boolean };
    try {
      const { rows } = await sql<R & { locked: boolean }>`
        WITH l AS MATERIALIZED (SELECT pg_try_advisory_lock(${lock.key}) AS locked, set_config('synchronous_commit', 'off', true))
        SELECT l.locked, t.* FROM l LEFT JOIN LATERAL (${read.where(sql<boolean>`l.locked`)}) AS t ON true ${PREPARED}`.execute(conn);
      taken = rows[0]!;
    } catch (error) {
      // a statement that failed after taking the lock keeps it (a session lock outlives its transaction), on a connection going back to the pool
      await unlock().catch(() => undefined);
      throw error;
    }
    const { locked, ...row } = taken;
    if (!locked) return undefined;
    try {
      return await run(lock, row.id === null ? undefined : (row as unknown as R));
    } finally {
      if (!lock.released) await unlock();
    }
  });
}

/** When the target is due: its time, or its retry's when later (a target 'publishing' is due at its retry, or at once). */
export function dueTime(target: Pick<PostTarget, 'status' | 'scheduled_at' | 'next_attempt_at'>): number {
  const retryAt = target.next_attempt_at?.getTime() ?? 0;
  return target.status === 'scheduled' ? Math.max(target.scheduled_at.getTime(), retryAt) : retryAt;
}
