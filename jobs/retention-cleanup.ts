// retention_cleanup (cron): deletes finished renders older than the retention
// setting — the render, its renditions, and their stored files and asset rows
// (output, rendition videos and covers) — but never one a post still waiting
// to publish uses, nor a file another render shares (checked under the
// files' storage-key locks, which storing a rendition also takes). Without a storage to delete files from it deletes nothing. At most
// a batch per run, so a long backlog is worked through in small steps.
import type { Task } from 'graphile-worker';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import { lockUntilCommit, type Database } from '../server/db';
import { audit } from '../server/publishing/audit';
import { TASKS } from '../server/publishing/queue';
import type { WorkerConfig } from './config';
import { parsePayload } from './payload';
import type { WorkerDeps } from './ports';

export const retentionCleanupPayload = z.object({ batch: z.int().min(1).max(1000).default(100) });

const WAITING = ['scheduled', 'rendering', 'publishing', 'processing'] as const;

/**
 * The stored files of a render no other render shares: its output and its
 * renditions' videos and covers (content-addressed, so possibly another
 * render's too). Call under the keys' locks.
 */
async function unsharedFiles(db: Kysely<Database>, renderId: string): Promise<{ id: string; storage_key: string }[]> {
  const { rows } = await sql<{ id: string; storage_key: string }>`
    WITH mine AS (
      SELECT output_asset_id AS id FROM renders WHERE id = ${renderId}
      UNION SELECT asset_id FROM renditions WHERE render_id = ${renderId}
      UNION SELECT cover_asset_id FROM renditions WHERE render_id = ${renderId}
    )
    SELECT a.id, a.storage_key FROM media_assets a JOIN mine ON mine.id = a.id
    WHERE NOT EXISTS (SELECT 1 FROM renders r WHERE r.output_asset_id = a.id AND r.id <> ${renderId})
      AND NOT EXISTS (SELECT 1 FROM renditions d WHERE (d.asset_id = a.id OR d.cover_asset_id = a.id) AND d.render_id <> ${renderId})
    ORDER BY a.storage_key`.execute(db);
  return rows;
}

/** Deletes expired renders; returns the ids deleted. */
export async function cleanupRenders(deps: WorkerDeps, config: WorkerConfig, batch: number): Promise<string[]> {
  const files = deps.storedFiles;
  if (!files) return [];
  const cutoff = new Date(deps.now().getTime() - config.renderRetentionDays * 86_400_000);
  const expired = await deps.db
    .selectFrom('renders')
    .select('renders.id')
    .where('renders.status', 'in', ['done', 'failed'])
    .where('renders.finished_at', '<', cutoff)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('posts').innerJoin('post_targets', 'post_targets.post_id', 'posts.id').select('posts.id').whereRef('posts.render_id', '=', 'renders.id').where('post_targets.status', 'in', WAITING))),
    )
    .orderBy('renders.finished_at')
    .limit(batch)
    .execute();
  const deleted: string[] = [];
  for (const render of expired) {
    await deps.db.transaction().execute(async (trx) => {
      // lock the keys, then look again: a rendition stored meanwhile for another render shares its file
      for (const { storage_key } of await unsharedFiles(trx, render.id)) await lockUntilCommit(trx, 'storage', storage_key);
      const unused = await unsharedFiles(trx, render.id);
      await trx.deleteFrom('renders').where('id', '=', render.id).execute();
      if (unused.length > 0) await trx.deleteFrom('media_assets').where('id', 'in', unused.map((a) => a.id)).execute();
      // deleting a file twice is harmless, so a transaction that fails after this is simply run again
      for (const { storage_key } of unused) await files.remove(storage_key);
      await audit(trx, { action: 'render.retention_deleted', subjectType: 'render', subjectId: render.id, details: { storageKeys: unused.map((a) => a.storage_key), retentionDays: config.renderRetentionDays } });
    });
    deleted.push(render.id);
  }
  return deleted;
}

export const retentionCleanupTask =
  (deps: WorkerDeps, config: WorkerConfig): Task =>
  async (payload, helpers) => {
    const { batch } = parsePayload(TASKS.retentionCleanup, retentionCleanupPayload, payload ?? {});
    if (!deps.storedFiles) helpers.logger.warn('retention_cleanup: no storage configured; nothing deleted');
    const deleted = await cleanupRenders(deps, config, batch);
    helpers.logger.info(`retention_cleanup: ${deleted.length} renders deleted`);
  };
