// Queue benchmark: in one process, on a fresh database (the embedded Postgres,
// or DATABASE_URL), (a) raw graphile-worker throughput for N no-op jobs added
// at once, from the add to the last completion, and (b) Noor publishing N
// posts all due at the same instant to an in-process platform that publishes
// at once (so the platform is not the bottleneck), through the real worker and
// task list: posts/s from the due instant to the last publish, and lateness
// (published_at − scheduled_at) p50/p99. Both run at the worker's production
// concurrency, job pool size and poll interval.
// Method: both sides get the same warm-up first (one run of min(N, 300) jobs,
// then one of min(N, 300) posts: prepared statements, JIT, caches), then are
// measured in R rounds (default 3) alternating raw, Noor, raw, Noor, … in the
// same process, each round with fresh jobs or fresh posts and targets. One line
// per round shows the spread; the summary reports the median jobs/s and the
// median posts/s, and the lateness of the median Noor round (by posts/s; for
// an even R, the slower of the two middle rounds). Goals: ratio ≥ 0.5, p99
// lateness < 2 s.
// Usage: npm run bench:queue [-- --n 1000 --rounds 3]
import { EventEmitter } from 'node:events';
import { parseArgs } from 'node:util';
import { makeWorkerUtils, run, type WorkerEvents } from 'graphile-worker';
import { sql } from 'kysely';
import { DEFAULT_WORKER_CONFIG, jobPoolSize, runWorker, type WorkerConfig } from '../../jobs';
import { median } from '../../server/analyze/stats';
import type { PlatformAdapter } from '../../server/platforms/adapter';
import { DEFAULT_PUBLISHING_POLICY, TASKS, queuePublish } from '../../server/publishing';
import { quietLogger, startHarness, type Harness } from '../../tests/jobs/harness';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '3' } } });

/** The value of `--name` as a positive whole number, or a clear error. */
function positiveInt(name: string, value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`--${name} must be a positive whole number, not "${value}"`);
  return parsed;
}
const n = positiveInt('n', values.n);
const rounds = positiveInt('rounds', values.rounds);
/** Jobs, then posts, run once before measuring so both sides start equally warm. */
const warmUp = Math.min(n, 300);

/** The production worker settings, without the crontab (a periodic task firing mid-run would skew the numbers). */
const config: WorkerConfig = { ...DEFAULT_WORKER_CONFIG, crontab: '' };

/** Resolves with the time of the `count`-th successful job of `task`. */
function successes(events: WorkerEvents, task: string, count: number): Promise<number> {
  return new Promise((resolve) => {
    let seen = 0;
    events.on('job:success', ({ job }) => {
      if (job.task_identifier === task && ++seen === count) resolve(Date.now());
    });
  });
}

/** (a) N no-op jobs added in one call to a running graphile-worker: jobs/s from the add to the last completion. */
async function rawJobsPerSec(url: string, count: number): Promise<number> {
  const task = 'bench_noop';
  const events: WorkerEvents = new EventEmitter();
  const runner = await run({
    connectionString: url,
    maxPoolSize: jobPoolSize(config.concurrency),
    taskList: { [task]: async () => undefined },
    concurrency: config.concurrency,
    pollInterval: config.pollIntervalMs,
    noHandleSignals: true,
    logger: quietLogger,
    events,
  });
  const utils = await makeWorkerUtils({ connectionString: url, logger: quietLogger });
  try {
    const done = successes(events, task, count);
    const started = Date.now();
    await utils.addJobs(Array.from({ length: count }, (_, i) => ({ identifier: task, payload: { i } })));
    return count / (((await done) - started) / 1000);
  } finally {
    await utils.release();
    await runner.stop();
  }
}

/** Publishes at once, like a platform with no latency; ids are unique per target. */
const instantPlatform: PlatformAdapter = {
  platform: 'local',
  authUrl: () => 'http://127.0.0.1/unused',
  exchangeCode: () => Promise.reject(new Error('bench platform: no accounts to connect')),
  refresh: (tokens) => Promise.resolve(tokens),
  validate: () => [],
  publish: (_tokens, request) => Promise.resolve({ state: 'published', externalId: `bench_${request.targetId}`, url: null }),
  status: (_tokens, handle) => Promise.resolve({ state: 'published', externalId: handle, url: null }),
  metrics: () => Promise.resolve({ views: null, likes: null, comments: null, shares: null, raw: {} }),
  findExisting: () => Promise.resolve(null),
};

interface NoorResult {
  postsPerSec: number;
  lateP50Ms: number;
  lateP99Ms: number;
  queueMs: number;
}

/** (b) N posts due at one instant, published by the real worker: posts/s from the due instant to the last publish, and lateness. */
async function noorPublishing(h: Harness, count: number): Promise<NoorResult> {
  const { db } = h.fresh;
  const worker = await runWorker({ url: h.fresh.url, config, deps: { ...h.deps, adapterFor: () => instantPlatform, policy: DEFAULT_PUBLISHING_POLICY }, logger: quietLogger, noHandleSignals: true });
  // nothing is due before the targets below are queued, so no success is missed
  const done = successes(worker.runner.events, TASKS.publishPost, count);
  try {
    // far enough ahead that every job is queued before it is due
    const dueAt = new Date(Date.now() + 2000 + count * 3);
    const started = Date.now();
    const posts = await db
      .insertInto('posts')
      .values(Array.from({ length: count }, (_, i) => ({ project_id: h.projectId, render_id: h.renderId, caption: `Bench post ${i + 1}`, hashtags: ['Quran'] })))
      .returning('id')
      .execute();
    const targets = await db
      .insertInto('post_targets')
      .values(posts.map((post) => ({ post_id: post.id, platform: 'x' as const, social_account_id: h.accountId, scheduled_at: dueAt })))
      .returning('id')
      .execute();
    await db.transaction().execute(async (trx) => {
      for (const target of targets) await queuePublish(trx, target.id, dueAt);
    });
    const queueMs = Date.now() - started;
    if (Date.now() > dueAt.getTime()) console.warn(`warning: queueing took ${queueMs} ms and overran the due time; lateness includes the overrun`);

    const last = await done;
    const { rows } = await sql<{ published: number; p50: number; p99: number }>`
      SELECT count(published_at)::int AS published,
             percentile_disc(0.5) WITHIN GROUP (ORDER BY late)::int AS p50,
             percentile_disc(0.99) WITHIN GROUP (ORDER BY late)::int AS p99
      FROM (SELECT published_at, extract(epoch FROM published_at - scheduled_at) * 1000 AS late FROM post_targets WHERE id = ANY(${targets.map((t) => t.id)}::uuid[])) AS t`.execute(db);
    const { published, p50, p99 } = rows[0]!;
    if (published !== count) throw new Error(`${count - published} of ${count} targets were not published`);
    return { postsPerSec: count / ((last - dueAt.getTime()) / 1000), lateP50Ms: p50, lateP99Ms: p99, queueMs };
  } finally {
    await worker.stop();
  }
}

interface Round {
  rawJobsPerSec: number;
  noor: NoorResult;
}

/** `rounds` alternating measurements, raw then Noor, each with N fresh jobs or posts; one line printed per round. */
async function measure(h: Harness): Promise<Round[]> {
  const results: Round[] = [];
  for (let i = 1; i <= rounds; i++) {
    const raw = await rawJobsPerSec(h.fresh.url, n);
    const noor = await noorPublishing(h, n);
    console.log(`round ${i}: raw ${raw.toFixed(0)} jobs/s, noor ${noor.postsPerSec.toFixed(0)} posts/s (queued in ${noor.queueMs} ms), lateness p50 ${noor.lateP50Ms} ms, p99 ${noor.lateP99Ms} ms`);
    results.push({ rawJobsPerSec: raw, noor });
  }
  return results;
}

/** The Noor round with the median posts/s (for an even count, the slower of the two middle ones). */
function medianNoorRound(results: readonly Round[]): NoorResult {
  const byRate = results.map((r) => r.noor).sort((a, b) => a.postsPerSec - b.postsPerSec);
  return byRate[(byRate.length - 1) >> 1]!;
}

const h = await startHarness();
try {
  console.log(`bench:queue: ${n} jobs/posts × ${rounds} rounds after a warm-up of ${warmUp}, concurrency ${config.concurrency}, poll every ${config.pollIntervalMs} ms, database ${h.fresh.name}`);
  await rawJobsPerSec(h.fresh.url, warmUp);
  await noorPublishing(h, warmUp);
  const results = await measure(h);
  const rawPerSec = median(results.map((r) => r.rawJobsPerSec));
  const postsPerSec = median(results.map((r) => r.noor.postsPerSec));
  const { lateP50Ms, lateP99Ms } = medianNoorRound(results);
  console.log(`(a) raw graphile-worker: ${n} no-op jobs, median ${rawPerSec.toFixed(0)} jobs/s over ${rounds} rounds`);
  console.log(`(b) Noor publish_post: ${n} posts, median ${postsPerSec.toFixed(0)} posts/s from the due instant over ${rounds} rounds; median round's lateness p50 ${lateP50Ms} ms, p99 ${lateP99Ms} ms`);
  const ratio = postsPerSec / rawPerSec;
  console.log(`goals: ratio ≥ 0.5 ${ratio >= 0.5 ? 'met' : 'MISSED'}, p99 lateness < 2000 ms ${lateP99Ms < 2000 ? 'met' : 'MISSED'}`);
  console.log(`bench:queue postsPerSec=${postsPerSec.toFixed(2)} rawJobsPerSec=${rawPerSec.toFixed(2)} ratio=${ratio.toFixed(2)} lateP99Ms=${lateP99Ms}`);
} finally {
  await h.close();
}
