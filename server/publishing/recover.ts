// Finds targets whose publishing a dead worker left unfinished (no live
// connection holds their publishing lock) and queues publish_post for them
// now, marked 'publishing' so publish_post asks the platform for the post
// before anything else. Three kinds: a target still 'scheduled' whose publish
// job was taken (locked) more than stalledAfterMs ago by a worker that died
// with it (graphile-worker would leave that job locked for 4 hours); a target
// still 'scheduled', due more than stalledAfterMs ago, with no publish job at
// all (a target is queued with its job, so the job finished and the record
// of what it did was lost: publishing's record leaves its flush to the job's
// completion, and a database crash can lose it while the completion, retried
// after the restart, is kept); and a target left 'publishing' with no retry
// waiting. Each one is checked again
// under its publishing lock, so a publish that a live worker finished
// meanwhile is left alone. Run when a worker starts and every so often while
// it runs.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db';
import { audit } from './audit';
import { TASKS, publishJobKey, queuePublish } from './queue';
import { moveTarget, withPublishLock } from './targets';

/** Where the target's publish job stands: waiting to be taken (a retry waiting for its time), taken by a worker (live or dead), or none. */
async function publishJobState(db: Kysely<Database>, targetId: string): Promise<'waiting' | 'taken' | undefined> {
  const job = await db
    .selectFrom(sql<{ key: string; locked_at: Date | null }>`graphile_worker.jobs`.as('j'))
    .select('locked_at')
    .where('key', '=', publishJobKey(targetId))
    .executeTakeFirst();
  if (!job) return undefined;
  return job.locked_at === null ? 'waiting' : 'taken';
}

const RECOVER = { action: 'post_target.recover', reason: 'left unfinished by a worker that stopped' } as const;

/** Queues the stalled target again, under its lock; false when it is not stalled after all (a live worker holds it, or it moved on). */
function recoverOne(db: Kysely<Database>, id: string, now: Date, stalledAfterMs: number): Promise<boolean | undefined> {
  return withPublishLock(db, id, async (conn) => {
    const row = await conn.selectFrom('post_targets').select(['status', 'attempts', 'scheduled_at', 'next_attempt_at']).where('id', '=', id).executeTakeFirst();
    const job = await publishJobState(conn, id);
    const dueAt = Math.max(row?.scheduled_at.getTime() ?? Infinity, row?.next_attempt_at?.getTime() ?? 0);
    if (row?.status === 'scheduled' && (job === 'taken' || (job === undefined && dueAt < now.getTime() - stalledAfterMs))) {
      // the dead worker's attempt counts: it may have reached the platform
      return moveTarget(conn, id, ['scheduled'], { status: 'publishing', attempts: row.attempts + 1, next_attempt_at: null }, RECOVER.action, { reason: RECOVER.reason }, { also: (trx) => queuePublish(trx, id, now) });
    }
    if (row?.status !== 'publishing' || job === 'waiting') return false;
    await conn.transaction().execute(async (trx) => {
      await queuePublish(trx, id, now);
      await audit(trx, { action: RECOVER.action, subjectType: 'post_target', subjectId: id, details: { reason: RECOVER.reason } });
    });
    return true;
  });
}

export async function recoverStalledPublishes(db: Kysely<Database>, now: Date, stalledAfterMs: number): Promise<string[]> {
  const { rows: candidates } = await sql<{ id: string }>`
    SELECT id FROM post_targets
    WHERE status = 'publishing' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now})
    UNION
    SELECT t.id FROM graphile_worker.jobs j JOIN post_targets t ON t.id = substr(j.key, ${publishJobKey('').length + 1})::uuid
    WHERE j.task_identifier = ${TASKS.publishPost} AND j.locked_at < now() - make_interval(secs => ${stalledAfterMs / 1000}) AND t.status = 'scheduled'
    UNION
    SELECT t.id FROM post_targets t
    WHERE t.status = 'scheduled' AND t.scheduled_at < ${now}::timestamptz - make_interval(secs => ${stalledAfterMs / 1000})
      AND greatest(t.scheduled_at, t.next_attempt_at) < ${now}::timestamptz - make_interval(secs => ${stalledAfterMs / 1000})
      AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = ${publishJobKey('')} || t.id::text)`.execute(db);
  const recovered: string[] = [];
  // undefined: a live worker holds the lock, so the target is not stalled
  for (const { id } of candidates) if (await recoverOne(db, id, now, stalledAfterMs)) recovered.push(id);
  return recovered;
}
