// expand_series (idempotent, queued through the real worker), collect_analytics
// (snapshots via adapter.metrics, once per cron run) and retention_cleanup
// (old render files and rows go; ones a waiting post uses stay).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WORKER_CONFIG, collectAnalytics, cleanupRenders, type RunningWorker } from '../../jobs';
import { TASKS, publishJobKey, queueJob } from '../../server/publishing';
import { FAST_CONFIG, scheduleTarget, startHarness, startWorker, waitFor, waitForStatus, type Harness } from './harness';

let h: Harness;
let worker: RunningWorker;
beforeAll(async () => {
  h = await startHarness();
  worker = await startWorker(h);
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});

describe('expand_series', () => {
  it('makes one post and target per occurrence, queued at its time, and nothing more when run again', async () => {
    const series = await h.fresh.db
      .insertInto('series')
      .values({
        owner_id: h.userId,
        name: 'Daily reminder',
        project_id: h.projectId,
        time_zone: 'Europe/London',
        recurrence: { zone: 'Europe/London', start: '2030-01-01', repeat: { freq: 'daily' }, at: ['09:00', '18:30'] },
        post_template: { caption: 'Daily reminder', hashtags: ['dhikr'], accountIds: [h.accountId] },
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const payload = { seriesId: series.id, from: '2030-01-01T00:00:00Z', to: '2030-01-04T00:00:00Z' };
    const targetsOfSeries = () =>
      h.fresh.db.selectFrom('post_targets').innerJoin('posts', 'posts.id', 'post_targets.post_id').select(['post_targets.id', 'post_targets.scheduled_at']).where('posts.series_id', '=', series.id).orderBy('post_targets.scheduled_at').execute();

    await queueJob(h.fresh.db, TASKS.expandSeries, payload);
    const made = await waitFor('6 targets', async () => {
      const rows = await targetsOfSeries();
      return rows.length === 6 ? rows : undefined;
    });
    expect(made.map((t) => t.scheduled_at.toISOString())).toEqual([
      '2030-01-01T09:00:00.000Z', '2030-01-01T18:30:00.000Z', '2030-01-02T09:00:00.000Z', '2030-01-02T18:30:00.000Z', '2030-01-03T09:00:00.000Z', '2030-01-03T18:30:00.000Z',
    ]);
    const { rows: jobs } = await sql<{ run_at: Date }>`SELECT run_at FROM graphile_worker.jobs WHERE key = ${publishJobKey(made[0]!.id)}`.execute(h.fresh.db);
    expect(jobs[0]?.run_at.toISOString()).toBe('2030-01-01T09:00:00.000Z');

    // again, and with an overlapping window: no new posts or targets
    await queueJob(h.fresh.db, TASKS.expandSeries, payload);
    await queueJob(h.fresh.db, TASKS.expandSeries, { seriesId: series.id, from: '2030-01-02T00:00:00Z', to: '2030-01-05T00:00:00Z' });
    await waitFor('the overlapping run', async () => ((await targetsOfSeries()).length === 8 ? true : undefined));
    await waitFor('expand jobs to finish', async () => {
      const left = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = ${TASKS.expandSeries}`.execute(h.fresh.db);
      return left.rows[0]!.n === 0;
    });
    expect(await targetsOfSeries()).toHaveLength(8);
    const posts = await h.fresh.db.selectFrom('posts').select('id').where('series_id', '=', series.id).execute();
    expect(posts).toHaveLength(8);
  });
});

describe('collect_analytics', () => {
  it('stores a snapshot per published target once per cron run', async () => {
    const id = await scheduleTarget(h);
    await waitForStatus(h, id, ['published']);
    const runAt = new Date();
    const first = await collectAnalytics(h.deps, DEFAULT_WORKER_CONFIG, runAt);
    const again = await collectAnalytics(h.deps, DEFAULT_WORKER_CONFIG, runAt);
    expect(first.failed).toEqual([]);
    expect(first.stored).toBeGreaterThanOrEqual(1);
    expect(again.stored).toBe(0);
    const snapshot = await h.fresh.db.selectFrom('analytics_snapshots').selectAll().where('post_target_id', '=', id).execute();
    expect(snapshot).toHaveLength(1);
    expect(snapshot[0]).toMatchObject({ views: 100, likes: 10, comments: 2, shares: 1 });
  });
});

describe('retention_cleanup', () => {
  it('deletes old renders with their renditions and files, keeping those a waiting post uses, recent ones and files another render shares', async () => {
    const removed: string[] = [];
    const deps = { ...h.deps, storedFiles: { remove: async (key: string) => void removed.push(key) } };
    const old = new Date(Date.now() - 40 * 86_400_000);
    const makeRender = async (key: string, finishedAt: Date) => {
      const asset = await h.fresh.db.insertInto('media_assets').values({ owner_id: h.userId, kind: 'video', storage_key: key, content_sha256: 'c'.repeat(64), mime_type: 'video/mp4', bytes: 1 }).returning('id').executeTakeFirstOrThrow();
      return (await h.fresh.db.insertInto('renders').values({ project_id: h.projectId, backend: 'local', status: 'done', output_asset_id: asset.id, started_at: finishedAt, finished_at: finishedAt }).returning('id').executeTakeFirstOrThrow()).id;
    };
    const expired = await makeRender('renders/old.mp4', old);
    const waiting = await makeRender('renders/waiting.mp4', old);
    const recent = await makeRender('renders/recent.mp4', new Date());
    const post = await h.fresh.db.insertInto('posts').values({ project_id: h.projectId, render_id: waiting }).returning('id').executeTakeFirstOrThrow();
    await h.fresh.db.insertInto('post_targets').values({ post_id: post.id, platform: 'x', social_account_id: h.accountId, scheduled_at: new Date(Date.now() + 86_400_000) }).execute();

    // renditions: the expired render's X file and cover are its own; its TikTok file has the same bytes as the recent render's
    const asset = async (key: string, kind: 'video' | 'image' = 'video') =>
      (await h.fresh.db.insertInto('media_assets').values({ owner_id: h.userId, kind, storage_key: key, content_sha256: 'd'.repeat(64), mime_type: kind === 'video' ? 'video/mp4' : 'image/jpeg', bytes: 1 }).returning('id').executeTakeFirstOrThrow()).id;
    const shared = await asset('renditions/shared.mp4');
    await h.fresh.db
      .insertInto('renditions')
      .values([
        { render_id: expired, platform: 'x', asset_id: await asset('renditions/old-x.mp4'), cover_asset_id: await asset('renditions/old-x.jpg', 'image') },
        { render_id: expired, platform: 'tiktok', asset_id: shared },
        { render_id: recent, platform: 'tiktok', asset_id: shared },
      ])
      .execute();

    const deleted = await cleanupRenders(deps, { ...FAST_CONFIG, renderRetentionDays: 30 }, 100);
    expect(deleted).toEqual([expired]);
    expect(removed.sort()).toEqual(['renders/old.mp4', 'renditions/old-x.jpg', 'renditions/old-x.mp4']);
    const left = await h.fresh.db.selectFrom('renders').select('id').where('id', 'in', [expired, waiting, recent]).execute();
    expect(left.map((r) => r.id).sort()).toEqual([waiting, recent].sort());
    const keys = await h.fresh.db.selectFrom('media_assets').select('storage_key').where('storage_key', 'in', ['renders/old.mp4', 'renditions/old-x.mp4', 'renditions/old-x.jpg', 'renditions/shared.mp4']).execute();
    expect(keys.map((k) => k.storage_key)).toEqual(['renditions/shared.mp4']);
    expect(await h.fresh.db.selectFrom('renditions').select('platform').where('render_id', '=', recent).execute()).toEqual([{ platform: 'tiktok' }]);

    // without a storage it deletes nothing
    expect(await cleanupRenders(h.deps, { ...FAST_CONFIG, renderRetentionDays: 0 }, 100)).toEqual([]);
  });
});
