// Postgres restarted under a running worker: the test runs its own embedded
// Postgres (a temp data dir on a free port, so no other test is disturbed),
// stops it for real while the worker is publishing, keeps it down a few
// seconds and starts it again on the same data dir and port. The worker must
// keep running, reconnect, and publish every target exactly once.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_WORKER_CONFIG, type RunningWorker } from '../../jobs';
import type { EmbeddedPostgresConfig } from '../../server/db';
import { ensureEmbeddedPostgres, stopEmbeddedPostgres, withEmbeddedLock } from '../../server/db/embedded';
import { TARGET_MARKER } from '../../server/platforms/local';
import { TASKS } from '../../server/publishing';
import type { LocalPost } from '../platforms/local-platform-server';
import { FAST_CONFIG, scheduleTarget, startHarness, startWorker, waitFor, type Harness } from './harness';

const TARGETS = 40;
const DOWN_MS = 4000;
/** The hung create gives up after this, while Postgres is still down. */
const REQUEST_TIMEOUT_MS = 1500;

let dir: string;
let server: EmbeddedPostgresConfig;
let h: Harness | undefined;
let worker: RunningWorker | undefined;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const startPostgres = () => withEmbeddedLock(server, () => ensureEmbeddedPostgres(server));
const stopPostgres = () => withEmbeddedLock(server, () => stopEmbeddedPostgres(server));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'noor-pg-restart-'));
  // as root the server runs as the postgres user, which must reach the data dir
  await chmod(dir, 0o755);
  server = { dataDir: path.join(dir, 'data'), port: await freePort(), database: 'noor' };
  const { url } = await startPostgres();
  h = await startHarness({ databaseUrl: url, requestTimeoutMs: REQUEST_TIMEOUT_MS });
});
afterAll(async () => {
  try {
    await worker?.stop();
    await h?.close();
  } finally {
    if (server) await stopPostgres();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
});

it('Postgres restarted under a running worker: the worker recovers and nothing is lost', async () => {
  const harness = h!;
  const { db } = harness.fresh;
  worker = await startWorker(harness, { ...FAST_CONFIG, concurrency: DEFAULT_WORKER_CONFIG.concurrency });
  let exited = false;
  void worker.done.then(
    () => (exited = true),
    () => (exited = true),
  );
  let listens = 0;
  worker.runner.events.on('pool:listen:success', () => listens++);
  const listensBefore = listens;

  // due within a second or two: some are published before the outage, some are in flight, the rest wait
  const start = Date.now() + 1000;
  const ids: string[] = [];
  for (let i = 0; i < TARGETS; i++) ids.push(await scheduleTarget(harness, { at: new Date(start + i * 40) }));
  const published = async () => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM post_targets WHERE id = ANY(${ids}::uuid[]) AND status = 'published'`.execute(db);
    return rows[0]!.n;
  };
  await waitFor('the first targets to be published', async () => (await published()) >= 5, 30_000);

  // the next post reaches the platform but its answer never comes: the upload is in flight when Postgres goes
  harness.platform.hangNextCreate();
  const [hung] = (await once(harness.platform, 'create')) as [LocalPost];
  const hungTarget = hung.metadata[TARGET_MARKER]!;
  // and a later create fails transiently: retried, never duplicated
  harness.platform.failNext('create', { status: 503, code: 'unavailable' });

  // a real stop: fast shutdown, the postmaster exits and every connection is cut
  const stoppedAt = Date.now();
  expect(await stopPostgres()).toBe(true);
  expect(existsSync(path.join(server.dataDir, 'postmaster.pid'))).toBe(false);
  await expect(new pg.Client({ connectionString: harness.fresh.url }).connect()).rejects.toThrow(/ECONNREFUSED/);
  const publishedBefore = harness.platform.posts.length;
  expect(publishedBefore).toBeLessThan(TARGETS);
  await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
  expect(exited, 'the worker stopped during the outage').toBe(false);

  const restarted = await startPostgres();
  expect(restarted).toMatchObject({ started: true, port: server.port });
  const restartedAt = Date.now();
  // a target queued after the restart is picked up by the reconnected worker too
  ids.push(await scheduleTarget(harness));

  await waitFor('every target to be published after the restart', async () => (await published()) === ids.length, 90_000);
  console.log(`postgres-restart: down ${restartedAt - stoppedAt} ms with ${TARGETS - publishedBefore} of ${TARGETS} targets left; all ${ids.length} published ${Date.now() - restartedAt} ms after the restart`);

  // exactly once: one platform post per target, recorded on the target
  const rows = await db.selectFrom('post_targets').selectAll().where('id', 'in', ids).execute();
  const posts = harness.platform.posts;
  expect(posts).toHaveLength(ids.length);
  const byTarget = new Map(posts.map((p) => [p.metadata[TARGET_MARKER], p]));
  expect(byTarget.size).toBe(ids.length);
  for (const row of rows) {
    expect(row.status).toBe('published');
    expect(row.external_id).toBe(byTarget.get(row.id)?.id);
  }
  // the upload cut off by the outage was found on the platform and recorded, not posted again
  const hungPublished = await db.selectFrom('audit_log').select('details').where('subject_id', '=', hungTarget).where('action', '=', 'post_target.published').executeTakeFirstOrThrow();
  expect(hungPublished.details).toMatchObject({ how: 'recovered', externalId: hung.id });
  // the injected 503 was retried, not given up on
  expect(harness.platform.requests.filter((r) => r.op === 'create' && r.status === 503)).toHaveLength(1);
  expect(rows.some((r) => r.published_at!.getTime() >= restartedAt)).toBe(true);

  const audits = await db.selectFrom('audit_log').select(['subject_id', 'action']).where('subject_id', 'in', ids).where('action', '=', 'post_target.published').execute();
  expect(audits).toHaveLength(ids.length);
  expect(new Set(audits.map((a) => a.subject_id)).size).toBe(ids.length);
  // no publish job is left queued or locked (a lost connection must not leave one locked for hours); a job
  // replaced while it ran (the sweep re-queued its target) stays behind only as spent: attempts = max_attempts
  await waitFor('the publish jobs to be finished', async () => {
    const { rows: left } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM graphile_worker.jobs
      WHERE task_identifier = ${TASKS.publishPost} AND (key IS NOT NULL OR locked_at IS NOT NULL OR attempts < max_attempts)`.execute(db);
    return left[0]!.n === 0;
  });

  // the worker never exited, and its LISTEN connection came back (graphile-worker reconnects it with backoff)
  await waitFor('the LISTEN connection to be made again', async () => listens > listensBefore, 60_000);
  expect(exited).toBe(false);
});
