// The worker entry: graphile-worker's run() over the task list, on its own pg
// pool to the same database (idle connections kept: the embedded Postgres
// stops when its last client leaves), plus the sweep that re-queues targets a
// dead worker left unfinished — at start and every recoverEveryMs — and the
// due alarm that starts a job at its due instant rather than the next poll, and
// the publishing session publish_post shares (publish-session.ts). Rides
// out a database restart: lost connections are dropped and made again, and
// graphile-worker retries its own queries (take, complete, fail a job) while
// the database is away instead of failing them. On stop, running jobs are
// aborted (after graphile-worker's 5 s grace) and this worker's jobs unlocked.
import { EventEmitter } from 'node:events';
import { Logger, consoleLogFactory, run, runMigrations, type Runner, type WorkerEvents } from 'graphile-worker';
import { RETRYABLE_ERROR_CODES } from 'graphile-worker/dist/lib.js';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../server/db';
import { errorReason } from '../server/db/errors';
import { PublishSession } from '../server/publishing/publish-session';
import { recoverStalledPublishes } from '../server/publishing/recover';
import type { WorkerConfig } from './config';
import { startDueAlarm } from './due-alarm';
import type { WorkerDeps } from './ports';
import { makeTaskList } from './task-list';

export interface RunningWorker {
  runner: Runner;
  /** Resolves when the worker stops (stop(), or SIGINT/SIGTERM unless noHandleSignals). */
  done: Promise<void>;
  stop(): Promise<void>;
}

export interface RunWorkerOptions {
  /** Connection string of the database deps.db uses (DatabaseHandle.url). */
  url: string;
  config: WorkerConfig;
  deps: WorkerDeps;
  logger?: Logger;
  /** Leave SIGINT/SIGTERM to the caller (tests). */
  noHandleSignals?: boolean;
}

const quietLogger = new Logger(() => () => undefined);

/** SQLSTATE connection_failure, given to a job-pool error that lost its connection without a code. */
const CONNECTION_FAILURE = '08006';

/**
 * graphile-worker retries its queries only on the error codes in this table,
 * and marks a job done or failed without awaiting it: a lost connection there
 * is an unhandled rejection (the process dies) and the job stays locked for 4
 * hours. (Its batched variants stop the pool on the first failure and then
 * hang on shutdown, in 0.17.3.) So a database going away (shutting down,
 * starting up, refused or reset connections) is retried every 0.2–5 s with
 * jitter, for about 8 minutes: one delay schedule for all of them, since one
 * outage shows several. Taking, completing and failing a job are safe to repeat.
 */
const CONNECTION_LOST_CODES = ['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', CONNECTION_FAILURE, 'ECONNREFUSED', 'ECONNRESET', 'EPIPE'];

/**
 * Connections in graphile-worker's pool. A job holds one only while it is
 * taken and completed (publishing uses its own), so many job slots share a
 * few connections, and a worker stays well inside Postgres's connection limit
 * (100 by default) with the web app and other workers beside it.
 */
export const jobPoolSize = (concurrency: number) => Math.min(concurrency + 2, 12);

const jobPool = (url: string, max: number) => {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 0 });
  pool.on('error', () => undefined);
  // The client's connection is gone. pg gives the queries it cuts short this
  // same error object on the next tick; "Connection terminated unexpectedly"
  // has no code, so it gets one graphile-worker retries.
  pool.on('connect', (client) =>
    client.on('error', (error: Error & { code?: string }) => {
      error.code ??= CONNECTION_FAILURE;
    }),
  );
  return pool;
};

/**
 * A job stopped by shutdown (its abort signal) is marked failed by
 * graphile-worker without awaiting it, so that write can be cut off by the
 * pool closing, and the job would stay locked for 4 hours. Unlocking this
 * worker's jobs at the end lets the next worker take them at once; a job that
 * did finish is gone, and running one again is safe (every task is).
 */
async function unlockJobs(pgPool: pg.Pool, workerIds: string[], logger: Logger): Promise<void> {
  if (workerIds.length === 0) return;
  await pgPool.query('SELECT graphile_worker.force_unlock_workers($1::text[])', [workerIds]).catch((error: unknown) => {
    logger.error(`unlocking this worker's jobs at shutdown failed (they wait for graphile-worker's 4-hour lock timeout): ${errorReason(error)}`);
  });
}

/** Creates graphile-worker's schema if needed, so jobs can be queued before any worker has run. */
export async function ensureJobQueue(url: string): Promise<void> {
  const pool = jobPool(url, 1);
  try {
    await runMigrations({ pgPool: pool, logger: quietLogger });
  } finally {
    await pool.end();
  }
}

async function sweep(db: Kysely<Database>, deps: WorkerDeps, config: WorkerConfig, logger: Logger): Promise<void> {
  try {
    const recovered = await recoverStalledPublishes(db, deps.now(), config.stalledJobAfterMs);
    if (recovered.length > 0) logger.warn(`recovered ${recovered.length} target(s) left publishing by a stopped worker: ${recovered.join(', ')}`);
  } catch (error) {
    logger.error(`recovery sweep failed: ${errorReason(error)}`);
  }
}

export async function runWorker(options: RunWorkerOptions): Promise<RunningWorker> {
  const { config, deps } = options;
  const logger = options.logger ?? new Logger(consoleLogFactory);
  for (const code of CONNECTION_LOST_CODES) RETRYABLE_ERROR_CODES[code] = { minDelay: 200, maxDelay: 5000 };
  const pgPool = jobPool(options.url, jobPoolSize(config.concurrency));
  const events: WorkerEvents = new EventEmitter();
  const workerIds: string[] = [];
  events.on('worker:create', ({ worker }) => workerIds.push(worker.workerId));
  const session = new PublishSession(options.url);
  const runner = await run({
    pgPool,
    events,
    taskList: makeTaskList(deps, config, session),
    crontab: config.crontab,
    concurrency: config.concurrency,
    pollInterval: config.pollIntervalMs,
    noHandleSignals: options.noHandleSignals ?? false,
    logger,
  });
  await sweep(deps.db, deps, config, logger);
  const timer = setInterval(() => void sweep(deps.db, deps, config, logger), config.recoverEveryMs);
  const alarm = startDueAlarm(pgPool, events, config.pollIntervalMs, config.concurrency, (error) => logger.error(`waking the workers for a due job failed: ${errorReason(error)}`));
  const done = runner.promise.finally(async () => {
    clearInterval(timer);
    alarm.stop();
    await unlockJobs(pgPool, workerIds, logger);
    await Promise.all([pgPool.end(), session.close()]);
  });
  let stopping: Promise<void> | undefined;
  return {
    runner,
    done,
    stop: () => (stopping ??= runner.stop().then(() => done)),
  };
}
