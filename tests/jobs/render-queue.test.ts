// Local renders run one at a time (the local_render job queue) while the
// worker's other slots keep publishing; Lambda renders run side by side; a
// worker stopping stops its running render, whose job stays queued. The
// render backend here is a stand-in that holds each render open, so overlap
// is seen directly; the real render_video path is tests/jobs/render-and-rendition.
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { runWorker, type RunningWorker } from '../../jobs';
import type { RenderBackend } from '../../server/db';
import { queueRender, renderJobKey } from '../../server/publishing';
import { FAST_CONFIG, quietLogger, scheduleTarget, startHarness, waitFor, waitForStatus, type Harness } from './harness';

let h: Harness;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await worker?.stop();
  worker = undefined;
});
afterAll(async () => {
  await h?.close();
});

/** Queues `count` renders on `backend` and runs them on a 4-slot worker; returns the most that ran at once and the order they started in. */
async function runRenders(backend: RenderBackend, count: number, whileRendering?: () => Promise<void>) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await h.fresh.db.insertInto('renders').values({ project_id: h.projectId, backend }).returning('id').executeTakeFirstOrThrow();
    await queueRender(h.fresh.db, id, backend);
    ids.push(id);
  }
  let running = 0;
  let most = 0;
  const started: string[] = [];
  const finished = new Map<string, number>();
  const renderVideo = async ({ renderId }: { renderId: string }) => {
    started.push(renderId);
    most = Math.max(most, ++running);
    await new Promise((resolve) => setTimeout(resolve, 300));
    running--;
    finished.set(renderId, Date.now());
  };
  worker = await runWorker({ url: h.fresh.url, config: { ...FAST_CONFIG, concurrency: 4 }, deps: { ...h.deps, renderVideo }, logger: quietLogger, noHandleSignals: true });
  await whileRendering?.();
  await waitFor(`the ${count} renders to finish`, async () => ids.every((id) => finished.has(id)), 20_000);
  return { most, started, ids, lastFinishedAt: Math.max(...finished.values()) };
}

it('runs local renders one at a time, in the order they were queued, while publishing goes on', async () => {
  let publishedAt = Infinity;
  const { most, started, ids, lastFinishedAt } = await runRenders('local', 4, async () => {
    const target = await scheduleTarget(h);
    publishedAt = (await waitForStatus(h, target, ['published'], 5000)).published_at!.getTime();
  });
  expect(most).toBe(1);
  expect(started).toEqual(ids);
  // the four renders take 1.2 s one after another; the post went out before the last was done
  expect(publishedAt).toBeLessThan(lastFinishedAt);
});

it('runs Lambda renders side by side', async () => {
  const { most } = await runRenders('lambda', 3);
  expect(most).toBeGreaterThan(1);
});

it('stops a running render when the worker stops, leaving its job queued to run again', async () => {
  const { id } = await h.fresh.db.insertInto('renders').values({ project_id: h.projectId, backend: 'local' }).returning('id').executeTakeFirstOrThrow();
  await queueRender(h.fresh.db, id, 'local');
  let started!: () => void;
  const rendering = new Promise<void>((resolve) => (started = resolve));
  const renderVideo = async ({ signal }: { signal: AbortSignal }) => {
    started();
    // a render far longer than the test: only the signal ends it
    await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('stopped before it finished'))));
  };
  worker = await runWorker({ url: h.fresh.url, config: { ...FAST_CONFIG, concurrency: 4 }, deps: { ...h.deps, renderVideo }, logger: quietLogger, noHandleSignals: true });
  await rendering;
  await worker.stop();
  worker = undefined;
  const { rows } = await sql<{ attempts: number; last_error: string | null; locked_at: Date | null }>`
    SELECT attempts, last_error, locked_at FROM graphile_worker.jobs WHERE key = ${renderJobKey(id)}`.execute(h.fresh.db);
  expect(rows).toHaveLength(1);
  // unlocked for the next worker; graphile-worker records the error too when its write lands before the pool closes
  expect(rows[0]).toMatchObject({ attempts: 1, locked_at: null });
  if (rows[0]!.last_error !== null) expect(rows[0]!.last_error).toContain('stopped before it finished');
});
