// Finds targets left 'publishing' by a worker that died mid-upload (no live
// connection holds their publishing lock) and queues publish_post for them
// now; publish_post then asks the platform for the post before anything else.
// Each one is checked again under its publishing lock, so a publish that a
// live worker finished meanwhile is left alone. A target waiting for its
// retry (its publish job queued, not yet taken) is not stalled either. Run
// when a worker starts and every so often while it runs.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db';
import { audit } from './audit';
import { publishJobKey, queuePublish } from './queue';
import { withPublishLock } from './targets';

/** Whether the target's publish job is queued and not taken by a worker (a retry waiting for its time). A job locked by a dead worker does not count. */
async function retryIsQueued(db: Kysely<Database>, targetId: string): Promise<boolean> {
  const { rows } = await sql<{ waiting: boolean }>`SELECT EXISTS (SELECT 1 FROM graphile_worker.jobs WHERE key = ${publishJobKey(targetId)} AND locked_at IS NULL) AS waiting`.execute(db);
  return rows[0]?.waiting === true;
}

export async function recoverStalledPublishes(db: Kysely<Database>, now: Date): Promise<string[]> {
  const candidates = await db
    .selectFrom('post_targets')
    .select('id')
    .where('status', '=', 'publishing')
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .execute();
  const recovered: string[] = [];
  for (const { id } of candidates) {
    // undefined: a live worker holds the lock, so the target is not stalled
    const stalled = await withPublishLock(db, id, async (conn) => {
      const row = await conn.selectFrom('post_targets').select('status').where('id', '=', id).executeTakeFirst();
      if (row?.status !== 'publishing' || (await retryIsQueued(conn, id))) return false;
      await conn.transaction().execute(async (trx) => {
        await queuePublish(trx, id, now);
        await audit(trx, { action: 'post_target.recover', subjectType: 'post_target', subjectId: id, details: { reason: 'left publishing with no live worker' } });
      });
      return true;
    });
    if (stalled) recovered.push(id);
  }
  return recovered;
}
