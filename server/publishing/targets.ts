// State changes of a post target, each atomic with its audit row (one statement):
// a target moves only from the statuses the caller expects (row locked FOR
// UPDATE), so two workers can never both move it. Also the single-connection
// advisory lock that marks "a live worker is publishing this target": it dies
// with the worker's connection, which is how a crash is told from a slow upload.
// Anything that changes a target a worker may be publishing (a user cancelling
// or moving it) must hold this lock too. Publishing takes the lock in the
// statement that reads the target (withPublishLock) and releases it in the
// statement that records the outcome (moveTarget's release), so holding it
// costs no round trip of its own. Publishing runs these statements for every
// target, so each is built once (compileOnce) and runs as a prepared statement.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { PREPARED, advisoryKey, compileOnce, type Database, type JsonObject, type PostTarget, type PostTargetStatus, type PostTargetUpdate, type PublishErrorClass, type Statement } from '../db';

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
  if (release && (also || release.conn !== db || release.targetId !== targetId)) throw new Error("moveTarget: release takes the target's lock held on db, and no also");
  // kysely leaves out a column set to undefined; so does the statement's shape
  const set = Object.entries(patch).filter(([, value]) => value !== undefined);
  const statement = moveStatement({ from, columns: set.map(([column]) => column), release: release !== undefined, flushedByJob });
  const move = async (conn: Kysely<Database>) => {
    const [moved] = await statement(conn, targetId, action, JSON.stringify(details), ...set.map(([, value]) => value));
    if (release && moved!.unlocked) release.released = true;
    return Number(moved!.n) > 0;
  };
  if (!also) return move(db);
  return db.transaction().execute(async (trx) => {
    if (!(await move(trx))) return false;
    await also(trx);
    return true;
  });
}

/** What a move statement's text depends on: the statuses it moves from, the columns it sets, whether it releases the lock or leaves its flush to the job. */
interface MoveShape {
  from: readonly PostTargetStatus[];
  columns: string[];
  release: boolean;
  flushedByJob: boolean;
}

type MoveValues = [targetId: string, action: string, details: string, ...set: unknown[]];
const moveStatements = new Map<string, Statement<MoveValues, { n: string; unlocked?: boolean }>>();

/** moveTarget's statement for one shape, built once (a handful of shapes: one per kind of move). */
function moveStatement(shape: MoveShape): Statement<MoveValues, { n: string; unlocked?: boolean }> {
  const key = JSON.stringify(shape);
  let statement = moveStatements.get(key);
  if (!statement) {
    const { from, columns, release, flushedByJob } = shape;
    statement = compileOnce<MoveValues, { n: string; unlocked?: boolean }>(3 + columns.length, (db, targetId, action, details, ...values) => {
      const patch = Object.fromEntries(columns.map((column, i) => [column, values[i]])) as PostTargetUpdate;
      const status = values[columns.indexOf('status')];
      return db
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
                  sql<JsonObject>`jsonb_build_object('from', moved.from_status, 'to', ${status}::text) || ${details}::jsonb`.as('details'),
                ]),
            ),
        )
        // the count reads every moved row first, so the lock is released after the row is written and locked
        .selectFrom((q) => q.selectFrom('moved').select((eb) => eb.fn.countAll<string>().as('n')).as('m'))
        .select('m.n')
        .$if(release, (q) => q.select(sql<boolean>`pg_advisory_unlock(${advisoryKey('publish', targetId)})`.as('unlocked')))
        .$if(flushedByJob, (q) => q.select(sql<string>`set_config('synchronous_commit', 'off', true)`.as('commit')))
        .modifyEnd(PREPARED);
    });
    moveStatements.set(key, statement);
  }
  return statement;
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
  readonly targetId: string;
  released: boolean;
}

/** The statement that takes a target's publishing lock and reads the target (publishLockRead). */
export type PublishLockRead<R> = Statement<[targetId: string], R & { locked: boolean }>;

/**
 * The statement withPublishLock runs, built once: it takes the lock and, when
 * it got it, reads the target with `read`. `read` selects the target by the id
 * it is given (an `id` column; no row when there is no such target) and must
 * lock its row (FOR NO KEY UPDATE OF post_targets). The row is then as fresh
 * as a read after the lock: a locked row is read in its latest committed
 * version, after any write in progress, not as of the statement's start. The
 * row lock ends with the statement, which commits without waiting for the
 * disk (it wrote nothing a crash could lose).
 */
export function publishLockRead<R extends { id: string }>(
  // any tables and aliases: the statement only needs the row's shape
  read: (db: Kysely<Database>, targetId: string) => SelectQueryBuilder<any, any, R>,
): PublishLockRead<R> {
  return compileOnce(1, (db, targetId: string) => sql<R & { locked: boolean }>`
    WITH l AS MATERIALIZED (SELECT pg_try_advisory_lock(${advisoryKey('publish', targetId)}) AS locked, set_config('synchronous_commit', 'off', true))
    SELECT l.locked, t.* FROM l LEFT JOIN LATERAL (${read(db, targetId).where(sql<boolean>`l.locked`)}) AS t ON true ${PREPARED}`);
}

/**
 * Runs `run` holding the target's publishing lock on one connection, taken in
 * the statement that reads the target (`statement`, from publishLockRead);
 * undefined at once (nothing read, `run` not called) when another live worker
 * holds it. The lock is released after `run`, unless a statement did
 * (moveTarget's release).
 */
export async function withPublishLock<R extends { id: string }, T>(
  db: Kysely<Database>,
  targetId: string,
  statement: PublishLockRead<R>,
  run: (lock: PublishLock, row: R | undefined) => Promise<T>,
): Promise<T | undefined> {
  return db.connection().execute(async (conn) => {
    const lock: PublishLock = { conn, targetId, released: false };
    const unlock = () => sql`SELECT pg_advisory_unlock(${advisoryKey('publish', targetId)}) ${PREPARED}`.execute(conn);
    let taken: R & { locked: boolean };
    try {
      [taken] = (await statement(conn, targetId)) as [R & { locked: boolean }];
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
