// Cancels a post target that has not been published. Under the target's
// publishing lock (so never while a worker is publishing it) the target moves
// from scheduled, or waiting for its render, to cancelled with an audit row,
// and its publish job is removed in the same transaction (a job a worker has
// already taken is kept from running again, and would find the target
// cancelled). A target that may already be on the platform (publishing after
// an uncertain attempt, processing) or is finished is left as it is, and the
// reason says why.
import { sql, type Kysely } from 'kysely';
import type { Database, PostTargetStatus } from '../db';
import { publishLockRead, withPublishLock } from './publish-lock';
import { publishJobKey } from './queue';
import { moveTarget } from './targets';

export type CancelResult = { cancelled: true } | { cancelled: false; reason: string };

/** The statuses a target can be cancelled from: nothing has reached the platform. */
const CANCELLABLE: readonly PostTargetStatus[] = ['scheduled', 'rendering'];

const lockAndRead = publishLockRead((db, id) => db.selectFrom('post_targets').select(['id', 'status', 'platform', 'external_url']).where('id', '=', id).forNoKeyUpdate('post_targets'));

/** Why a target in `status` cannot be cancelled. */
function refusal(status: PostTargetStatus, platform: string, url: string | null): string {
  switch (status) {
    case 'publishing':
      return `an earlier attempt may have reached ${platform}; the worker checks with ${platform} before anything else`;
    case 'processing':
      return `${platform} is processing the upload`;
    case 'published':
      return `it is already published${url ? ` (${url})` : ''}`;
    default:
      return `it is already ${status}`;
  }
}

export async function cancelTarget(db: Kysely<Database>, targetId: string): Promise<CancelResult> {
  const result = await withPublishLock(db, targetId, lockAndRead, async (conn, row): Promise<CancelResult> => {
    if (!row) return { cancelled: false, reason: 'there is no such post target' };
    if (!CANCELLABLE.includes(row.status)) return { cancelled: false, reason: refusal(row.status, row.platform, row.external_url) };
    const moved = await moveTarget(conn, targetId, CANCELLABLE, { status: 'cancelled', next_attempt_at: null }, 'post_target.cancelled', {}, {
      also: async (trx) => {
        await sql`SELECT graphile_worker.remove_job(${publishJobKey(targetId)})`.execute(trx);
      },
    });
    return moved ? { cancelled: true } : { cancelled: false, reason: 'it changed while being cancelled; look again with noor posts list' };
  });
  return result ?? { cancelled: false, reason: 'a worker is publishing it right now' };
}
