// Finds targets left 'publishing' by a worker that died mid-upload (no live
// connection holds their publishing lock) and queues publish_post for them
// now; publish_post then asks the platform for the post before anything else.
// Run when a worker starts and every so often while it runs.
import type { Kysely } from 'kysely';
import type { Database } from '../db';
import { audit } from './audit';
import { queuePublish } from './queue';
import { isBeingPublished } from './targets';

export async function recoverStalledPublishes(db: Kysely<Database>, now: Date): Promise<string[]> {
  const candidates = await db
    .selectFrom('post_targets')
    .select('id')
    .where('status', '=', 'publishing')
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
    .execute();
  const recovered: string[] = [];
  for (const { id } of candidates) {
    if (await isBeingPublished(db, id)) continue;
    await db.transaction().execute(async (trx) => {
      await queuePublish(trx, id, now);
      await audit(trx, { action: 'post_target.recover', subjectType: 'post_target', subjectId: id, details: { reason: 'left publishing with no live worker' } });
    });
    recovered.push(id);
  }
  return recovered;
}
