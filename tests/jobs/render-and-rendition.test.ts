// From a project to a post, end to end: real Postgres, a real graphile-worker,
// Remotion rendering locally (a 2 s CinematicMontage from the shared test
// bundle), real ffmpeg and the local platform over HTTP. A target scheduled on
// a queued render waits (stays scheduled, retried, attempts untouched);
// render_video renders the project into storage (done, progress 1) and queues
// prepare_rendition for the target's platform, whose file passes validate()
// for X and is what the platform receives. Preparing it again adds nothing; a
// project with invalid props fails its render and its target with the reason.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runWorker, type RunningWorker, type WorkerConfig, type WorkerDeps } from '../../jobs';
import { DEFAULT_FFMPEG } from '../../server/analyze/ffmpeg';
import type { JsonObject } from '../../server/db';
import { TARGET_MARKER } from '../../server/platforms/local';
import { validate } from '../../server/platforms/validate';
import { assetMediaSource, queuePublish, queueRender, storageLocator } from '../../server/publishing';
import { LocalRenderBackend } from '../../server/render/backends';
import { findBrowserExecutable } from '../../server/render/browser';
import { renderProjectWith } from '../../server/render/render-project';
import { probeVideo, storeRenditionWith } from '../../server/renditions';
import { LocalStorage } from '../../server/storage';
import { FAST_CONFIG, auditActions, quietLogger, startHarness, targetRow, waitFor, waitForStatus, type Harness } from './harness';

const TWO_SECONDS: JsonObject = {
  title: 'Stillness',
  subtitle: '',
  titleSec: 1,
  endCard: '',
  endCardSec: 0,
  shots: [{ kind: 'scene', scene: 'dawn', durationSec: 2 }],
};

// Retries a second apart: enough to watch a target wait without flooding the queue.
const CONFIG: WorkerConfig = { ...FAST_CONFIG, publishing: { ...FAST_CONFIG.publishing, retry: { maxAttempts: 4, baseMs: 1000, maxMs: 2000 } } };

let h: Harness;
let worker: RunningWorker;
let deps: WorkerDeps;
let storage: LocalStorage;
const temp = mkdtempSync(path.join(os.tmpdir(), 'noor-render-rendition-'));
const renderDir = path.join(temp, 'renders');

beforeAll(async () => {
  h = await startHarness();
  storage = new LocalStorage({ dir: path.join(temp, 'storage') });
  const backend = new LocalRenderBackend({ outputDir: renderDir, browserExecutable: findBrowserExecutable(undefined), serveUrl: inject('serveUrl') });
  const { db } = h.fresh;
  deps = {
    ...h.deps,
    policy: CONFIG.publishing,
    media: assetMediaSource(storageLocator(storage)),
    renderVideo: renderProjectWith({ db, backend, storage }),
    prepareRendition: storeRenditionWith({ db, storage, cacheDir: path.join(temp, 'cache') }),
  };
  worker = await runWorker({ url: h.fresh.url, config: CONFIG, deps, logger: quietLogger, noHandleSignals: true });
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
  rmSync(temp, { recursive: true, force: true });
});

/** A cinematic-montage project with a queued render and an X target on it, its publish job due now. */
async function projectWithTarget(props: JsonObject) {
  const { db } = h.fresh;
  const project = await db.insertInto('projects').values({ owner_id: h.userId, name: 'Montage', template_id: 'cinematic-montage', props }).returning('id').executeTakeFirstOrThrow();
  const render = await db.insertInto('renders').values({ project_id: project.id, backend: 'local' }).returning('id').executeTakeFirstOrThrow();
  const post = await db.insertInto('posts').values({ project_id: project.id, render_id: render.id, caption: 'A moment of stillness', hashtags: ['Dhikr'] }).returning('id').executeTakeFirstOrThrow();
  const target = await db.insertInto('post_targets').values({ post_id: post.id, platform: 'x', social_account_id: h.accountId, scheduled_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  await queuePublish(db, target.id, new Date());
  return { renderId: render.id, targetId: target.id };
}

const renderRow = (id: string) => h.fresh.db.selectFrom('renders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const counts = async () =>
  (await sql<{ assets: number; renditions: number }>`SELECT (SELECT count(*) FROM media_assets)::int AS assets, (SELECT count(*) FROM renditions)::int AS renditions`.execute(h.fresh.db)).rows[0]!;

describe('render_video and prepare_rendition', () => {
  it('renders a project, prepares its X file and publishes that file; a target on a queued render waits', async () => {
    const { renderId, targetId } = await projectWithTarget(TWO_SECONDS);

    // The render is queued and no render_video job exists yet: the target waits, retried, not failed.
    const waiting = await waitFor('the target to wait for its render', async () => {
      const row = await targetRow(h, targetId);
      return row.last_error?.includes('queued') ? row : undefined;
    });
    expect(waiting).toMatchObject({ status: 'scheduled', attempts: 0, error_class: 'transient' });
    expect(waiting.last_error).toBe(`render ${renderId} is queued; the post waits for it`);
    expect(await auditActions(h, targetId)).toContain('post_target.retry');
    // a job aborted before it starts renders nothing
    await expect(deps.renderVideo!({ renderId, signal: AbortSignal.abort() })).rejects.toThrow(/aborted/);
    expect((await renderRow(renderId)).status).toBe('queued');

    await queueRender(h.fresh.db, renderId, 'local');
    const done = await waitFor('the render to finish', async () => {
      const row = await renderRow(renderId);
      if (row.status === 'failed') throw new Error(`render failed: ${row.error}`);
      return row.status === 'done' ? row : undefined;
    }, 180_000);
    expect(done).toMatchObject({ progress: 1, backend: 'local', aspect: '9:16', error: null });
    const output = await h.fresh.db.selectFrom('media_assets').selectAll().where('id', '=', done.output_asset_id!).executeTakeFirstOrThrow();
    expect(output).toMatchObject({ storage_key: `renders/${renderId}.mp4`, kind: 'video', width: 1080, height: 1920 });
    expect(output.duration_seconds).toBeCloseTo(2);
    expect(existsSync(storage.localPath(output.storage_key))).toBe(true);
    // moved into storage, not left behind in the backend's folder
    expect(existsSync(path.join(renderDir, 'renders', `${renderId}.mp4`))).toBe(false);

    // render_video queued the X rendition; publishing uploads that file.
    const rendition = await waitFor('the X rendition', () => h.fresh.db.selectFrom('renditions').innerJoin('media_assets', 'media_assets.id', 'renditions.asset_id').selectAll().where('render_id', '=', renderId).executeTakeFirst(), 120_000);
    expect(rendition).toMatchObject({ platform: 'x', cover_asset_id: null, mime_type: 'video/mp4' });
    expect(rendition.storage_key).toMatch(/^renditions\/[0-9a-f]{64}\.mp4$/);
    const file = storage.localPath(rendition.storage_key);
    const probed = await probeVideo(file, 'output', DEFAULT_FFMPEG);
    expect(rendition.media_facts).toEqual(probed.facts);
    expect(validate({ caption: 'A moment of stillness', hashtags: ['Dhikr'] }, 'x', probed.facts)).toEqual([]);

    const published = await waitForStatus(h, targetId, ['published', 'failed'], 30_000);
    expect(published).toMatchObject({ status: 'published', attempts: 1 });
    const posts = h.platform.posts.filter((p) => p.metadata[TARGET_MARKER] === targetId);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.mediaPath).toBe(file);

    // Preparing it again adds nothing.
    const before = await counts();
    await deps.prepareRendition!({ renderId, platform: 'x', signal: new AbortController().signal });
    expect(await counts()).toEqual(before);
  });

  it('fails a render whose project props are invalid, and the target waiting on it, with the reason', async () => {
    const { renderId, targetId } = await projectWithTarget({ ...TWO_SECONDS, shots: [] });
    await queueRender(h.fresh.db, renderId, 'local');
    const failed = await waitFor('the render to fail', async () => {
      const row = await renderRow(renderId);
      return row.status === 'failed' ? row : undefined;
    }, 30_000);
    expect(failed.error).toMatch(new RegExp(`^render ${renderId}: project.props: shots: .*>=1`));
    expect(failed.output_asset_id).toBeNull();

    const target = await waitForStatus(h, targetId, ['failed', 'published'], 15_000);
    expect(target).toMatchObject({ status: 'failed', error_class: 'invalid', attempts: 0 });
    expect(target.last_error).toBe(`render: render ${renderId} failed: ${failed.error}`);
    // the job completed: a bad project is not rendered again
    await waitFor('the render job to be gone', async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'render_video'`.execute(h.fresh.db)).rows[0]!.n === 0);
  });
});
