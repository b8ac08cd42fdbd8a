// Load: 1,000 post targets due within the same few seconds, queued with
// queuePublish and published by one real worker (production concurrency,
// fast polling) to the local platform over HTTP. Every target ends published
// exactly once with the platform's id, one audit 'published' each, no job
// left. Prints the elapsed time and p99 lateness; asserts nothing on time.
// Then a worker with more job slots than database connections: each publish
// holds one connection, so the slots never wait on each other for a second.
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_WORKER_CONFIG, type RunningWorker } from '../../jobs';
import { TARGET_MARKER } from '../../server/platforms/local';
import { publishJobKey, queuePublish } from '../../server/publishing';
import { FAST_CONFIG, addAccount, startHarness, startWorker, waitFor, type Harness } from './harness';

const ACCOUNTS = 20;
const POSTS = 50;
const TARGETS = ACCOUNTS * POSTS;
/** The targets fall due evenly over this window, from 3 s after they are made (time to queue them). */
const SPREAD_MS = 3000;

let h: Harness;
let worker: RunningWorker | undefined;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});

it('1,000 targets due in the same minute are all published exactly once', async () => {
  // 50 posts × 20 accounts: one target per post and account (post_targets_one_per_account)
  const accountIds = [h.accountId];
  for (let i = 1; i < ACCOUNTS; i++) accountIds.push((await addAccount(h)).accountId);
  const posts = await h.fresh.db
    .insertInto('posts')
    .values(Array.from({ length: POSTS }, (_, i) => ({ project_id: h.projectId, render_id: h.renderId, caption: `Verse ${i + 1} of the load test`, hashtags: ['Quran'] })))
    .returning('id')
    .execute();
  const setupStarted = Date.now();
  const dueFrom = setupStarted + 3000;
  const targets = await h.fresh.db
    .insertInto('post_targets')
    .values(posts.flatMap((post, p) => accountIds.map((accountId, a) => ({ post_id: post.id, platform: 'x' as const, social_account_id: accountId, scheduled_at: new Date(dueFrom + ((p * ACCOUNTS + a) * SPREAD_MS) / TARGETS) }))))
    .returning(['id', 'scheduled_at'])
    .execute();
  expect(targets).toHaveLength(TARGETS);
  await h.fresh.db.transaction().execute(async (trx) => {
    for (const target of targets) await queuePublish(trx, target.id, target.scheduled_at);
  });
  const queuedAt = Date.now();
  const ids = targets.map((t) => t.id);

  worker = await startWorker(h, { ...FAST_CONFIG, concurrency: DEFAULT_WORKER_CONFIG.concurrency });
  const publishedCount = async () => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM post_targets WHERE id = ANY(${ids}::uuid[]) AND status = 'published'`.execute(h.fresh.db);
    return rows[0]!.n;
  };
  await waitFor('all 1,000 targets to be published', async () => (await publishedCount()) === TARGETS, 120_000);
  const elapsedMs = Date.now() - dueFrom;

  const { rows: late } = await sql<{ p50: number; p99: number; max: number }>`
    SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms)::int AS p50, percentile_disc(0.99) WITHIN GROUP (ORDER BY ms)::int AS p99, max(ms)::int AS max
    FROM (SELECT extract(epoch FROM published_at - scheduled_at) * 1000 AS ms FROM post_targets WHERE id = ANY(${ids}::uuid[])) AS t`.execute(h.fresh.db);
  console.log(
    `load: ${TARGETS} targets queued in ${queuedAt - setupStarted} ms; all published ${elapsedMs} ms after the first was due ` +
      `(${(TARGETS / (elapsedMs / 1000)).toFixed(0)} posts/s, concurrency ${DEFAULT_WORKER_CONFIG.concurrency}); lateness p50 ${late[0]!.p50} ms, p99 ${late[0]!.p99} ms, max ${late[0]!.max} ms`,
  );

  const rows = await h.fresh.db.selectFrom('post_targets').selectAll().where('id', 'in', ids).execute();
  expect(rows.filter((r) => r.status !== 'published')).toEqual([]);

  // the platform has exactly one post per target, and each target holds that post's id
  const posted = h.platform.posts;
  expect(posted).toHaveLength(TARGETS);
  const byTarget = new Map(posted.map((p) => [p.metadata[TARGET_MARKER], p]));
  expect(byTarget.size).toBe(TARGETS);
  for (const row of rows) {
    const post = byTarget.get(row.id);
    expect(post, `platform post for target ${row.id}`).toBeDefined();
    expect(row.external_id).toBe(post!.id);
    expect(post!.createdAt.getTime()).toBeGreaterThanOrEqual(row.scheduled_at.getTime());
    expect(row.attempts).toBe(1);
  }
  const accountsUsed = new Set(posted.map((p) => p.accountId));
  expect(accountsUsed.size).toBe(ACCOUNTS);
  expect(h.platform.requests.filter((r) => r.op === 'create' && r.status !== 201)).toEqual([]);

  // every job is done and gone
  const keys = ids.map(publishJobKey);
  await waitFor('the publish jobs to be removed', async () => {
    const { rows: left } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ANY(${keys}::text[])`.execute(h.fresh.db);
    return left[0]!.n === 0;
  });

  // one audit row per target: published, once (no retry, no recovery)
  const audits = await h.fresh.db.selectFrom('audit_log').select(['subject_id', 'action']).where('subject_id', 'in', ids).execute();
  expect(audits.filter((a) => a.action !== 'post_target.published')).toEqual([]);
  expect(audits).toHaveLength(TARGETS);
  expect(new Set(audits.map((a) => a.subject_id)).size).toBe(TARGETS);
});

it('a worker with more job slots than database connections publishes everything (a publish holds one connection)', async () => {
  await worker?.stop();
  const slots = 24; // the database pool holds 10
  const posts = await h.fresh.db
    .insertInto('posts')
    .values(Array.from({ length: 60 }, (_, i) => ({ project_id: h.projectId, render_id: h.renderId, caption: `Slot test ${i + 1}`, hashtags: [] })))
    .returning('id')
    .execute();
  const dueAt = new Date();
  const targets = await h.fresh.db
    .insertInto('post_targets')
    .values(posts.map((post) => ({ post_id: post.id, platform: 'x' as const, social_account_id: h.accountId, scheduled_at: dueAt })))
    .returning('id')
    .execute();
  await h.fresh.db.transaction().execute(async (trx) => {
    for (const target of targets) await queuePublish(trx, target.id, dueAt);
  });
  worker = await startWorker(h, { ...FAST_CONFIG, concurrency: slots });
  const ids = targets.map((t) => t.id);
  const rows = await waitFor(
    'the 60 targets to be published',
    async () => {
      const all = await h.fresh.db.selectFrom('post_targets').select(['status', 'attempts']).where('id', 'in', ids).execute();
      return all.every((r) => r.status === 'published') ? all : undefined;
    },
    60_000,
  );
  expect(rows.map((r) => r.attempts)).toEqual(ids.map(() => 1));
});
