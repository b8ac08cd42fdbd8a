// Finds targets whose publishing a dead worker left unfinished (no live
// connection holds their publishing lock) and queues publish_post for them
// now, marked 'publishing' so publish_post asks the platform for the post
// before anything else. Three kinds:
// - a target still 'scheduled' whose publish job was taken (locked) more than
//   stalledAfterMs ago by a worker that died with it (graphile-worker would
//   leave that job locked for 4 hours);
// - a target still 'scheduled', due more than stalledAfterMs ago, with no
//   publish job at all: a target is queued with its job, so the job finished
//   and the record of what it did was lost (publishing's record leaves its
//   flush to the job's completion, and a database crash can lose it while the
//   completion, retried after the restart, is kept);
// - a target left 'publishing' with no retry waiting.
// Each one is checked again under its publishing lock, so a publish that a
// live worker finished meanwhile is left alone. Run when a worker starts and
// every so often while it runs.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db';
import { audit } from './audit';
import { TASKS, publishJobKey, publishJobKeySql, queuePublish } from './queue';
import { publishLockRead, withPublishLock } from './publish-lock';
import { dueTime, moveTarget } from './targets';

/** Where the target's publish job stands, as a scalar subquery: waiting to be taken (a retry waiting for its time), taken by a worker (live or dead), or null (none). */
const publishJobState = (targetId: string) =>
  sql<'waiting' | 'taken' | null>`(SELECT CASE WHEN locked_at IS NULL THEN 'waiting' ELSE 'taken' END FROM graphile_worker.jobs WHERE key = ${publishJobKeySql(targetId)})`;

/** The target (its row locked) and its publish job's state, read under the lock. */
const lockAndRead = publishLockRead((db, id) =>
  db
    .selectFrom('post_targets')
    .select(['id', 'status', 'attempts', 'scheduled_at', 'next_attempt_at', publishJobState(id).as('job')])
    .where('id', '=', id)
    .forNoKeyUpdate('post_targets'),
);

const RECOVER = { action: 'post_target.recover', reason: 'left unfinished by a worker that stopped' } as const;

/** Queues the stalled target again, under its lock; false when it is not stalled after all (a live worker holds it, or it moved on). */
function recoverOne(db: Kysely<Database>, id: string, now: Date, stalledAfterMs: number): Promise<boolean | undefined> {
  return withPublishLock(db, id, lockAndRead, async (conn, row) => {
    if (!row) return false;
    const stalled = row.job === 'taken' || (row.job === null && dueTime(row) < now.getTime() - stalledAfterMs);
    if (row.status === 'scheduled' && stalled) {
      // the dead worker's attempt counts: it may have reached the platform
      return moveTarget(conn, id, ['scheduled'], { status: 'publishing', attempts: row.attempts + 1, next_attempt_at: null }, RECOVER.action, { reason: RECOVER.reason }, { also: (trx) => queuePublish(trx, id, now) });
    }
    if (row.status !== 'publishing' || row.job === 'waiting') return false;
    await conn.transaction().execute(async (trx) => {
      await queuePublish(trx, id, now);
      await audit(trx, { action: RECOVER.action, subjectType: 'post_target', subjectId: id, details: { reason: RECOVER.reason } });
    });
    return true;
  });
}

export async function recoverStalledPublishes(db: Kysely<Database>, now: Date, stalledAfterMs: number): Promise<string[]> {
  const stalledBefore = new Date(now.getTime() - stalledAfterMs);
  const { rows: candidates } = await sql<{ id: string }>`
    SELECT id FROM post_targets
    WHERE status = 'publishing' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now})
    UNION
    SELECT t.id FROM graphile_worker.jobs j JOIN post_targets t ON t.id = substr(j.key, ${publishJobKey('').length + 1})::uuid
    WHERE j.task_identifier = ${TASKS.publishPost} AND j.locked_at < now() - make_interval(secs => ${stalledAfterMs / 1000}) AND t.status = 'scheduled'
    UNION
    -- scheduled_at alone first: the index of due targets
    SELECT t.id FROM post_targets t
    WHERE t.status = 'scheduled' AND t.scheduled_at < ${stalledBefore} AND greatest(t.scheduled_at, t.next_attempt_at) < ${stalledBefore}
      AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = ${publishJobKeySql(sql.ref('t.id'))})`.execute(db);
  const recovered: string[] = [];
  // undefined: a live worker holds the lock, so the target is not stalled
  for (const { id } of candidates) if (await recoverOne(db, id, now, stalledAfterMs)) recovered.push(id);
  return recovered;
}
