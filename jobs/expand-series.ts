// expand_series: turns recurring series into concrete posts and targets for a
// window (default: now to the horizon), each queued for publish_post at its
// time. Idempotent: a post is unique per (series, occurrence) and a target per
// (post, account), so running it twice, or overlapping windows, makes nothing
// twice. Without a seriesId (the cron run) every series is expanded.
import type { Task } from 'graphile-worker';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, Series } from '../server/db';
import { audit } from '../server/publishing/audit';
import { TASKS, queuePublish } from '../server/publishing/queue';
import { expandSeries, type SeriesRuleInput } from '../server/schedule';
import type { WorkerConfig } from './config';
import { parsePayload } from './payload';
import type { WorkerDeps } from './ports';

export const expandSeriesPayload = z.object({ seriesId: z.uuid().optional(), from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() });

/** series.post_template: what each occurrence posts, and where. */
export const seriesPostTemplateSchema = z.object({
  caption: z.string().default(''),
  hashtags: z.array(z.string()).default([]),
  accountIds: z.array(z.uuid()).min(1, 'must name at least one social account'),
});

export class SeriesError extends Error {
  override readonly name = 'SeriesError';
}

/** Creates the posts and targets of one series in [from, to); returns the number of new targets. */
export async function expandSeriesWindow(db: Kysely<Database>, series: Series, from: Date, to: Date): Promise<number> {
  const template = seriesPostTemplateSchema.safeParse(series.post_template);
  if (!template.success) throw new SeriesError(`series ${series.id} post_template: ${template.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}`);
  if (series.project_id === null) throw new SeriesError(`series ${series.id}: project_id is required to post (a template-only series needs a render per occurrence)`);
  // expandSeries parses the rule itself and names each bad field
  const occurrences = expandSeries(series.recurrence as unknown as SeriesRuleInput, from, to);
  const accounts = await db.selectFrom('social_accounts').select(['id', 'platform']).where('id', 'in', template.data.accountIds).execute();
  const missing = template.data.accountIds.filter((id) => !accounts.some((a) => a.id === id));
  if (missing.length > 0) throw new SeriesError(`series ${series.id} post_template.accountIds: no social account ${missing.join(', ')}`);
  const render = await db.selectFrom('renders').select('id').where('project_id', '=', series.project_id).where('status', '=', 'done').orderBy('finished_at', 'desc').executeTakeFirst();

  let created = 0;
  for (const occurrence of occurrences) {
    created += await db.transaction().execute(async (trx) => {
      const post = await trx
        .insertInto('posts')
        .values({ project_id: series.project_id!, render_id: render?.id ?? null, caption: template.data.caption, hashtags: template.data.hashtags, series_id: series.id, occurrence_at: occurrence.at })
        .onConflict((c) => c.columns(['series_id', 'occurrence_at']).doNothing())
        .returning('id')
        .executeTakeFirst();
      if (!post) return 0;
      for (const account of accounts) {
        const target = await trx
          .insertInto('post_targets')
          .values({ post_id: post.id, platform: account.platform, social_account_id: account.id, scheduled_at: occurrence.at })
          .returning('id')
          .executeTakeFirstOrThrow();
        await queuePublish(trx, target.id, occurrence.at);
        await audit(trx, { action: 'post_target.scheduled', subjectType: 'post_target', subjectId: target.id, details: { seriesId: series.id, at: occurrence.at.toISOString() } });
      }
      return accounts.length;
    });
  }
  return created;
}

export const expandSeriesTask =
  (deps: WorkerDeps, config: WorkerConfig): Task =>
  async (payload, helpers) => {
    const input = parsePayload(TASKS.expandSeries, expandSeriesPayload, payload);
    const from = input.from ? new Date(input.from) : deps.now();
    const to = input.to ? new Date(input.to) : new Date(from.getTime() + config.seriesHorizonDays * 86_400_000);
    let query = deps.db.selectFrom('series').selectAll();
    if (input.seriesId) query = query.where('id', '=', input.seriesId);
    const all = await query.execute();
    if (input.seriesId && all.length === 0) throw new SeriesError(`${TASKS.expandSeries} payload.seriesId: no series ${input.seriesId}`);
    const problems: string[] = [];
    for (const series of all) {
      try {
        const created = await expandSeriesWindow(deps.db, series, from, to);
        helpers.logger.info(`expand_series ${series.id}: ${created} new targets`);
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (problems.length > 0) throw new SeriesError(problems.join('\n'));
  };
