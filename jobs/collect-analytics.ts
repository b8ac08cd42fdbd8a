// collect_analytics (cron): one analytics snapshot per recently published
// target from adapter.metrics(), stamped with the cron run's time so a rerun
// of the same run adds nothing. A target whose platform fails is logged and
// skipped; the others are still collected.
import type { Task } from 'graphile-worker';
import { z } from 'zod';
import type { JsonObject } from '../server/db';
import { withAccountTokens } from '../server/publishing/account-tokens';
import { TASKS } from '../server/publishing/queue';
import type { WorkerConfig } from './config';
import { parsePayload } from './payload';
import type { WorkerDeps } from './ports';

export const collectAnalyticsPayload = z.object({ _cron: z.object({ ts: z.iso.datetime({ offset: true }) }).optional() });

export interface AnalyticsRun {
  stored: number;
  failed: Array<{ targetId: string; reason: string }>;
}

export async function collectAnalytics(deps: WorkerDeps, config: WorkerConfig, capturedAt: Date): Promise<AnalyticsRun> {
  const since = new Date(capturedAt.getTime() - config.analyticsMaxAgeDays * 86_400_000);
  const targets = await deps.db
    .selectFrom('post_targets')
    .select(['id', 'platform', 'social_account_id', 'external_id'])
    .where('status', '=', 'published')
    .where('published_at', '>=', since)
    .execute();
  const run: AnalyticsRun = { stored: 0, failed: [] };
  for (const target of targets) {
    const adapter = deps.adapterFor(target.platform);
    if (!adapter || target.external_id === null) continue;
    try {
      const metrics = await withAccountTokens(deps, adapter, target.social_account_id, (tokens) => adapter.metrics(tokens, target.external_id!));
      const inserted = await deps.db
        .insertInto('analytics_snapshots')
        .values({ post_target_id: target.id, captured_at: capturedAt, views: metrics.views, likes: metrics.likes, comments: metrics.comments, shares: metrics.shares, raw: JSON.parse(JSON.stringify(metrics.raw)) as JsonObject })
        .onConflict((c) => c.columns(['post_target_id', 'captured_at']).doNothing())
        .executeTakeFirst();
      run.stored += Number(inserted.numInsertedOrUpdatedRows ?? 0);
    } catch (error) {
      run.failed.push({ targetId: target.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return run;
}

export const collectAnalyticsTask =
  (deps: WorkerDeps, config: WorkerConfig): Task =>
  async (payload, helpers) => {
    const input = parsePayload(TASKS.collectAnalytics, collectAnalyticsPayload, payload);
    const run = await collectAnalytics(deps, config, input._cron ? new Date(input._cron.ts) : deps.now());
    helpers.logger.info(`collect_analytics: ${run.stored} snapshots stored`);
    for (const failure of run.failed) helpers.logger.warn(`collect_analytics ${failure.targetId}: ${failure.reason}`);
  };
