// trackRender against a real Postgres (a fresh database for this file) with a
// fake backend: the row goes rendering → done with backend, timings and an
// output media asset written in one transaction; progress is visible while
// rendering, written in order and throttled; a failing backend, a failing
// store and a rejected asset row all leave 'failed' with the error and no
// asset; a done render is never reopened; a failed one can be retried.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type FreshDatabase } from '../db/fresh-database';
import { RenderError, type RenderBackend, type RenderJob, type RenderOutput } from '../../server/render/backends';
import { RenderTrackingError, trackRender, type StoredOutput } from '../../server/render/track-render';

let fresh: FreshDatabase;
let projectId: string;

beforeAll(async () => {
  fresh = await freshDatabase();
  const { db } = fresh;
  const user = await db.insertInto('users').values({ email: 'maker@example.com', password_hash: 'scrypt$16384$8$1$c2FsdA$aGFzaA' }).returning('id').executeTakeFirstOrThrow();
  const project = await db.insertInto('projects').values({ owner_id: user.id, name: 'Al-Fatiha reel', template_id: 'verse-reel' }).returning('id').executeTakeFirstOrThrow();
  projectId = project.id;
  // Records every progress value written to renders, to count and order the writes.
  await sql`CREATE TABLE progress_writes (n serial PRIMARY KEY, render_id uuid, progress double precision)`.execute(db);
  await sql`
    CREATE FUNCTION record_progress() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.progress IS DISTINCT FROM OLD.progress THEN
        INSERT INTO progress_writes (render_id, progress) VALUES (NEW.id, NEW.progress);
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  await sql`CREATE TRIGGER record_progress AFTER UPDATE ON renders FOR EACH ROW EXECUTE FUNCTION record_progress()`.execute(db);
}, 120_000);

afterAll(async () => {
  await fresh?.close();
});

const newRender = async () =>
  (await fresh.db.insertInto('renders').values({ project_id: projectId, backend: 'local' }).returning('id').executeTakeFirstOrThrow()).id;

const jobFor = (renderId: string): RenderJob => ({ renderId, templateId: 'verse-reel', aspect: '9:16', inputProps: {}, outputKey: `renders/${renderId}.mp4` });

const row = (id: string) => fresh.db.selectFrom('renders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const writes = async (id: string) =>
  (await sql<{ progress: number }>`SELECT progress FROM progress_writes WHERE render_id = ${id} ORDER BY n`.execute(fresh.db)).rows.map((r) => r.progress);

const output = (key: string): RenderOutput => ({
  location: { kind: 'file', path: `/tmp/noor-lambda-${key.replaceAll('/', '-')}`, key },
  bytes: 4_200_000,
  durationSec: 12.5,
  width: 1080,
  height: 1920,
  backend: 'lambda',
});

const sha = 'ab'.repeat(32);
const store = async (o: RenderOutput): Promise<StoredOutput> => ({ storageKey: o.location.key, sha256: sha });

/** A backend that reports `steps` progress values `gapMs` apart, then finishes (or throws `fail`). */
function fakeBackend(steps: number[], gapMs: number, opts: { fail?: Error; during?: () => Promise<void> } = {}): RenderBackend {
  return {
    name: 'lambda',
    async render(job, hooks) {
      for (const progress of steps) {
        hooks.onProgress({ progress });
        await sleep(gapMs);
      }
      await opts.during?.();
      if (opts.fail) throw opts.fail;
      return output(job.outputKey);
    },
  };
}

describe('trackRender', () => {
  it('records rendering, visible progress, then done with the output asset and timings', async () => {
    const id = await newRender();
    let seen: Awaited<ReturnType<typeof row>> | undefined;
    const backend = fakeBackend([0.1, 0.3, 0.5, 0.7, 0.9], 30, { during: async () => void (seen = await row(id)) });
    const tracked = await trackRender(fresh.db, id, backend, jobFor(id), { storeOutput: store, progressIntervalMs: 20 });

    expect(seen).toMatchObject({ status: 'rendering', backend: 'lambda', error: null, finished_at: null });
    expect(seen!.progress).toBeCloseTo(0.9);
    expect(seen!.started_at).toBeInstanceOf(Date);

    const done = await row(id);
    expect(done).toMatchObject({ status: 'done', progress: 1, backend: 'lambda', error: null, output_asset_id: tracked.assetId });
    expect(done.finished_at!.getTime()).toBeGreaterThanOrEqual(done.started_at!.getTime());
    const asset = await fresh.db.selectFrom('media_assets').selectAll().where('id', '=', tracked.assetId).executeTakeFirstOrThrow();
    expect(asset).toMatchObject({
      kind: 'video',
      storage_key: `renders/${id}.mp4`,
      content_sha256: sha,
      mime_type: 'video/mp4',
      width: 1080,
      height: 1920,
      duration_seconds: 12.5,
    });
    expect(Number(asset.bytes)).toBe(4_200_000);
    expect(await writes(id)).toEqual([0.1, 0.3, 0.5, 0.7, 0.9, 1]);
  });

  it('throttles progress writes: at most one per interval and per step, in order', async () => {
    const id = await newRender();
    const steps = Array.from({ length: 400 }, (_, i) => (i + 1) / 400);
    const started = performance.now();
    await trackRender(fresh.db, id, fakeBackend(steps, 2), jobFor(id), { storeOutput: store, progressIntervalMs: 100 });
    const elapsed = performance.now() - started;
    const written = await writes(id);
    expect(written.at(-1)).toBe(1);
    expect(written.length).toBeGreaterThan(2);
    expect(written.length).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 2);
    expect([...written].sort((a, b) => a - b)).toEqual(written);

    // Tiny steps are not written even when time allows: 1% by default.
    const id2 = await newRender();
    await trackRender(fresh.db, id2, fakeBackend([0.001, 0.002, 0.003, 0.004], 5), jobFor(id2), { storeOutput: store, progressIntervalMs: 0 });
    expect(await writes(id2)).toEqual([1]);
  });

  it('stores a backend failure as failed with its message, keeps progress, and rethrows', async () => {
    const id = await newRender();
    const failure = new RenderError('failed', 'lambda', `render ${id}: Lambda render lr-1 failed: Error: font not found (chunk 2)`);
    const error = await trackRender(fresh.db, id, fakeBackend([0.25], 5, { fail: failure }), jobFor(id), { storeOutput: store, progressIntervalMs: 0 }).catch((e: unknown) => e);
    expect(error).toBe(failure);
    const failed = await row(id);
    expect(failed).toMatchObject({ status: 'failed', error: failure.message, output_asset_id: null, progress: 0.25 });
    expect(failed.finished_at).toBeInstanceOf(Date);
  });

  it('puts a render stopped by its signal back to queued, not failed, so waiting posts keep waiting', async () => {
    const id = await newRender();
    const controller = new AbortController();
    let entered!: () => void;
    const rendering = new Promise<void>((resolve) => (entered = resolve));
    const backend: RenderBackend = {
      name: 'local',
      async render(job, hooks) {
        hooks.onProgress({ progress: 0.4 });
        entered();
        await new Promise((resolve) => hooks.signal!.addEventListener('abort', resolve));
        throw new RenderError('cancelled', 'local', `render ${job.renderId}: stopped before it finished`);
      },
    };
    const tracking = trackRender(fresh.db, id, backend, jobFor(id), { storeOutput: store, progressIntervalMs: 1, signal: controller.signal });
    await rendering;
    expect((await row(id)).status).toBe('rendering');
    controller.abort();
    await expect(tracking).rejects.toMatchObject({ kind: 'cancelled' });
    expect(await row(id)).toMatchObject({ status: 'queued', progress: 0, error: null, started_at: null, finished_at: null, output_asset_id: null });
  });

  it('fails the render when storing the output fails, writing no asset', async () => {
    const id = await newRender();
    const storeOutput = () => Promise.reject(new Error('S3 PutObject: AccessDenied'));
    await expect(trackRender(fresh.db, id, fakeBackend([0.5], 1), jobFor(id), { storeOutput })).rejects.toThrow(
      `render ${id}: storing the output failed: S3 PutObject: AccessDenied`,
    );
    expect(await row(id)).toMatchObject({ status: 'failed', output_asset_id: null, error: `render ${id}: storing the output failed: S3 PutObject: AccessDenied` });
    expect(await fresh.db.selectFrom('media_assets').select('id').where('storage_key', '=', `renders/${id}.mp4`).execute()).toEqual([]);
  });

  it('writes nothing half-done when the asset row is refused: failed, no asset, not done', async () => {
    const id = await newRender();
    const badHash = async (o: RenderOutput) => ({ storageKey: o.location.key, sha256: 'not-a-hash' });
    await expect(trackRender(fresh.db, id, fakeBackend([], 0), jobFor(id), { storeOutput: badHash })).rejects.toThrow(/content_sha256/);
    expect(await row(id)).toMatchObject({ status: 'failed', output_asset_id: null });
    expect(await fresh.db.selectFrom('media_assets').select('id').where('storage_key', '=', `renders/${id}.mp4`).execute()).toEqual([]);
  });

  it('retries a failed render into done, and never reopens a done one', async () => {
    const id = await newRender();
    await trackRender(fresh.db, id, fakeBackend([], 0, { fail: new Error('boom') }), jobFor(id), { storeOutput: store }).catch(() => undefined);
    expect((await row(id)).status).toBe('failed');
    await trackRender(fresh.db, id, fakeBackend([], 0), jobFor(id), { storeOutput: store });
    const done = await row(id);
    expect(done).toMatchObject({ status: 'done', error: null });

    let rendered = false;
    const backend: RenderBackend = { name: 'local', render: async (job) => ((rendered = true), output(job.outputKey)) };
    await expect(trackRender(fresh.db, id, backend, jobFor(id), { storeOutput: store })).rejects.toThrow(
      new RenderTrackingError(`render ${id}: already done; a finished render is not rendered again`),
    );
    expect(rendered).toBe(false);
    expect(await row(id)).toEqual(done);
  });

  it('refuses an unknown render id and a job for another render', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(trackRender(fresh.db, missing, fakeBackend([], 0), jobFor(missing), { storeOutput: store })).rejects.toThrow(`render ${missing}: no such render`);
    const id = await newRender();
    await expect(trackRender(fresh.db, id, fakeBackend([], 0), jobFor(missing), { storeOutput: store })).rejects.toThrow(/job.renderId is .*; they must match/);
    expect((await row(id)).status).toBe('queued');
  });
});
