// retention_cleanup (cron): deletes finished renders older than the retention
// setting — the stored file first, then the render and its asset rows — but
// never one a post still waiting to publish uses, nor an asset another render
// shares. Without a storage to delete files from it deletes nothing. At most
// a batch per run, so a long backlog is worked through in small steps.
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import { audit } from '../server/publishing/audit';
import { TASKS } from '../server/publishing/queue';
import type { WorkerConfig } from './config';
import { parsePayload } from './payload';
import type { WorkerDeps } from './ports';

export const retentionCleanupPayload = z.object({ batch: z.int().min(1).max(1000).default(100) });

const WAITING = ['scheduled', 'rendering', 'publishing', 'processing'] as const;

/** Deletes expired renders; returns the ids deleted. */
export async function cleanupRenders(deps: WorkerDeps, config: WorkerConfig, batch: number): Promise<string[]> {
  const files = deps.storedFiles;
  if (!files) return [];
  const cutoff = new Date(deps.now().getTime() - config.renderRetentionDays * 86_400_000);
  const expired = await deps.db
    .selectFrom('renders')
    .leftJoin('media_assets', 'media_assets.id', 'renders.output_asset_id')
    .select(['renders.id', 'renders.output_asset_id', 'media_assets.storage_key'])
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
    const shared = render.output_asset_id
      ? await deps.db.selectFrom('renders').select('id').where('output_asset_id', '=', render.output_asset_id).where('id', '<>', render.id).executeTakeFirst()
      : undefined;
    if (render.storage_key && !shared) await files.remove(render.storage_key);
    await deps.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('renders').where('id', '=', render.id).execute();
      if (render.output_asset_id && !shared) await trx.deleteFrom('media_assets').where('id', '=', render.output_asset_id).execute();
      await audit(trx, { action: 'render.retention_deleted', subjectType: 'render', subjectId: render.id, details: { storageKey: shared ? null : render.storage_key, retentionDays: config.renderRetentionDays } });
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
