// State changes of a post target, each atomic with its audit row (one statement):
// a target moves only from the statuses the caller expects (row locked FOR
// UPDATE), so two workers can never both move it. Also the single-connection
// advisory lock that marks "a live worker is publishing this target": it dies
// with the worker's connection, which is how a crash is told from a slow upload.
// Anything that changes a target a worker may be publishing (a user cancelling
// or moving it) must hold this lock too. The statements here run as prepared
// statements: publishing runs them for every target.
import { sql, type Kysely } from 'kysely';
import { PREPARED, advisoryKey, type Database, type JsonObject, type PostTargetStatus, type PostTargetUpdate, type PublishErrorClass } from '../db';

export const PUBLISHABLE_STATUSES: readonly PostTargetStatus[] = ['scheduled', 'publishing'];

/**
 * Moves the target from one of `from` to `patch.status`, records `action` in
 * the audit log, and runs `also` in the same transaction. Returns false (and
 * changes nothing) when the target is not in one of `from`. The check, the
 * change and the audit row are one statement (the row is locked FOR UPDATE
 * and its status checked again on the latest version), so a move is one
 * round trip; with `also` it runs in a transaction with it.
 */
export async function moveTarget(
  db: Kysely<Database>,
  targetId: string,
  from: readonly PostTargetStatus[],
  patch: PostTargetUpdate & { status: PostTargetStatus },
  action: string,
  details: JsonObject = {},
  also?: (trx: Kysely<Database>) => Promise<void>,
): Promise<boolean> {
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
      .selectFrom('moved')
      .select('from_status')
      .modifyEnd(PREPARED)
      .executeTakeFirst();
    return moved !== undefined;
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
): Promise<boolean> {
  return moveTarget(
    db,
    targetId,
    from,
    { status: 'published', external_id: post.externalId, external_url: post.url, published_at: at, last_error: null, error_class: null, next_attempt_at: null, publish_handle: null, ...attempt },
    'post_target.published',
    { externalId: post.externalId, url: post.url, how, ...(attempt.attempts === undefined ? {} : { attempt: attempt.attempts }) },
  );
}

/**
 * Runs `run` holding the target's publishing lock on one connection (passed
 * to `run`), or returns undefined at once when another live worker holds it.
 */
export async function withPublishLock<T>(db: Kysely<Database>, targetId: string, run: (conn: Kysely<Database>) => Promise<T>): Promise<T | undefined> {
  return db.connection().execute(async (conn) => {
    const { rows } = await sql<{ locked: boolean }>`SELECT pg_try_advisory_lock(${advisoryKey('publish', targetId)}) AS locked ${PREPARED}`.execute(conn);
    if (!rows[0]?.locked) return undefined;
    try {
      return await run(conn);
    } finally {
      await sql`SELECT pg_advisory_unlock(${advisoryKey('publish', targetId)}) ${PREPARED}`.execute(conn);
    }
  });
}
