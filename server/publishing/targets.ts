// State changes of a post target, each atomic with its audit row (one statement):
// a target moves only from the statuses the caller expects (row locked FOR
// UPDATE), so two workers can never both move it. Publishing runs these
// statements for every target, so each is built once (compileOnce) and runs
// as a prepared statement; recording published posts takes many targets in
// one statement (publish-session.ts combines the records of jobs running at
// once), and can release their publishing locks (publish-lock.ts) in it.
import { sql, type Kysely } from 'kysely';
import { PREPARED, advisoryKey, compileOnce, type Database, type JsonObject, type PostTarget, type PostTargetStatus, type PostTargetUpdate, type PublishErrorClass, type Statement } from '../db';

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
  { also }: { also?: (trx: Kysely<Database>) => Promise<void> } = {},
): Promise<boolean> {
  // kysely leaves out a column set to undefined; so does the statement's shape
  const set = Object.entries(patch).filter(([, value]) => value !== undefined);
  const statement = moveStatement(from, set.map(([column]) => column));
  const move = async (conn: Kysely<Database>) => {
    const [moved] = await statement(conn, targetId, action, JSON.stringify(details), ...set.map(([, value]) => value));
    return Number(moved!.n) > 0;
  };
  if (!also) return move(db);
  return db.transaction().execute(async (trx) => {
    if (!(await move(trx))) return false;
    await also(trx);
    return true;
  });
}

type MoveValues = [targetId: string, action: string, details: string, ...set: unknown[]];
const moveStatements = new Map<string, Statement<MoveValues, { n: string }>>();

/** moveTarget's statement for the statuses it moves from and the columns it sets, built once (a handful: one per kind of move). */
function moveStatement(from: readonly PostTargetStatus[], columns: string[]): Statement<MoveValues, { n: string }> {
  const key = `${from.join()}|${columns.join()}`;
  let statement = moveStatements.get(key);
  if (!statement) {
    statement = compileOnce<MoveValues, { n: string }>(3 + columns.length, (db, targetId, action, details, ...values) => {
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
        .selectFrom((q) => q.selectFrom('moved').select((eb) => eb.fn.countAll<string>().as('n')).as('m'))
        .select('m.n')
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

/** A platform's post to record for a target. */
export interface PublishedRecord {
  targetId: string;
  post: { externalId: string; url: string | null };
  at: Date;
  how: 'published' | 'recovered' | 'processed';
  /** The attempt that made it, when this record ends one. */
  attempt?: AttemptUpdate;
}

type RecordValues = [ids: string[], records: string, from: string[]];
type RecordRow = { id: string; moved: boolean; unlocked?: boolean };

/**
 * The statement that records many targets' posts (id, URL, published, and the
 * attempt), each only from one of the statuses given, with an audit row each;
 * one row per target, in order: whether it moved and, with `release`, whether
 * its publishing lock (held on the same connection) was released. The lock is
 * released after the targets' rows are written and locked (the count reads
 * every moved row first), so a worker that takes it next and reads the row
 * (publish-lock.ts, which locks the row) waits for this statement's commit and
 * reads what it wrote. With `release` the statement also commits without
 * waiting for the disk: its caller is publish_post, whose job completion
 * graphile-worker commits after it, and that commit's flush writes this one's
 * too (the log is written in order); a crash before then leaves the job taken,
 * so it runs again and asks the platform before posting.
 */
const recordStatement = (release: boolean) =>
  compileOnce<RecordValues, RecordRow>(3, (db, ids, records, from) => sql<RecordRow>`
    WITH input AS (
      SELECT * FROM json_to_recordset(${records}::json)
        AS i(id uuid, external_id text, external_url text, published_at timestamptz, attempts int, attempt_started_at timestamptz, details jsonb)),
    old AS (SELECT t.id, t.status FROM post_targets t WHERE t.id = ANY(${ids}::uuid[]) AND t.status = ANY(${from}::text[]) FOR UPDATE),
    moved AS (
      UPDATE post_targets t SET status = 'published', external_id = i.external_id, external_url = i.external_url, published_at = i.published_at,
        last_error = NULL, error_class = NULL, next_attempt_at = NULL, publish_handle = NULL,
        attempts = coalesce(i.attempts, t.attempts), attempt_started_at = coalesce(i.attempt_started_at, t.attempt_started_at)
      FROM old JOIN input i ON i.id = old.id
      WHERE t.id = old.id AND t.id = ANY(${ids}::uuid[])
      RETURNING t.id, old.status AS from_status),
    logged AS (
      INSERT INTO audit_log (action, subject_type, subject_id, details)
      SELECT 'post_target.published', 'post_target', m.id::text, jsonb_build_object('from', m.from_status, 'to', 'published') || i.details
      FROM moved m JOIN input i ON i.id = m.id),
    done AS MATERIALIZED (SELECT count(*) FROM moved)
    SELECT r.id, m.id IS NOT NULL AS moved
      ${release ? sql`, pg_advisory_unlock(${advisoryKey('publish', sql.ref('r.id'))}) AS unlocked, set_config('synchronous_commit', 'off', true)` : sql``}
    FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS r(id, n) CROSS JOIN done LEFT JOIN moved m ON m.id = r.id
    ORDER BY r.n ${PREPARED}`);

const recordStatements = { keep: recordStatement(false), release: recordStatement(true) };

/**
 * Records the platforms' posts for `records` (distinct targets) in one
 * statement, each only from one of `from`; with `release`, also releases each
 * target's publishing lock held on `db` (recordStatement). Resolves with each
 * target's row, in order.
 */
export function recordPublishedAll(db: Kysely<Database>, records: readonly PublishedRecord[], from: readonly PostTargetStatus[], { release = false } = {}): Promise<RecordRow[]> {
  const input = records.map(({ targetId, post, at, how, attempt = {} }) => ({
    id: targetId,
    external_id: post.externalId,
    external_url: post.url,
    published_at: at,
    attempts: attempt.attempts ?? null,
    attempt_started_at: attempt.attempt_started_at ?? null,
    details: { externalId: post.externalId, url: post.url, how, ...(attempt.attempts === undefined ? {} : { attempt: attempt.attempts }) },
  }));
  return (release ? recordStatements.release : recordStatements.keep)(db, records.map((r) => r.targetId), JSON.stringify(input), [...from]);
}

/** Records one target's platform post: the id, the URL, published — in one statement. False when it was not in one of `from`. */
export async function recordPublished(db: Kysely<Database>, record: PublishedRecord, from: readonly PostTargetStatus[]): Promise<boolean> {
  const [row] = await recordPublishedAll(db, [record], from);
  return row!.moved;
}

/** When the target is due: its time, or its retry's when later (a target 'publishing' is due at its retry, or at once). */
export function dueTime(target: Pick<PostTarget, 'status' | 'scheduled_at' | 'next_attempt_at'>): number {
  const retryAt = target.next_attempt_at?.getTime() ?? 0;
  return target.status === 'scheduled' ? Math.max(target.scheduled_at.getTime(), retryAt) : retryAt;
}
