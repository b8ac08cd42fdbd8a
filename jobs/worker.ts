// The worker entry: graphile-worker's run() over the task list, on its own pg
// pool to the same database (idle connections kept: the embedded Postgres
// stops when its last client leaves), plus the sweep that re-queues targets a
// dead worker left 'publishing' — at start and every recoverEveryMs. Jobs are
// marked done or failed through graphile-worker's batchers, which retry with
// backoff while the database is unreachable (for minutes) instead of leaving
// the job locked; a lost connection is dropped and the pool connects again.
import { Logger, consoleLogFactory, run, runMigrations, type Runner } from 'graphile-worker';
import type { Kysely } from 'kysely';
import pg from 'pg';
import type { Database } from '../server/db';
import { recoverStalledPublishes } from '../server/publishing/recover';
import type { WorkerConfig } from './config';
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

const jobPool = (url: string, max: number) => {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 0 });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
};

/** Creates graphile-worker's schema if needed, so jobs can be queued before any worker has run. */
export async function ensureJobQueue(url: string): Promise<void> {
  const pool = jobPool(url, 1);
  try {
    await runMigrations({ pgPool: pool, logger: quietLogger });
  } finally {
    await pool.end();
  }
}

async function sweep(db: Kysely<Database>, deps: WorkerDeps, logger: Logger): Promise<void> {
  try {
    const recovered = await recoverStalledPublishes(db, deps.now());
    if (recovered.length > 0) logger.warn(`recovered ${recovered.length} target(s) left publishing by a stopped worker: ${recovered.join(', ')}`);
  } catch (error) {
    logger.error(`recovery sweep failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function runWorker(options: RunWorkerOptions): Promise<RunningWorker> {
  const { config, deps } = options;
  const logger = options.logger ?? new Logger(consoleLogFactory);
  const pgPool = jobPool(options.url, config.concurrency + 2);
  const runner = await run({
    pgPool,
    taskList: makeTaskList(deps, config),
    crontab: config.crontab,
    concurrency: config.concurrency,
    pollInterval: config.pollIntervalMs,
    noHandleSignals: options.noHandleSignals ?? false,
    logger,
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
  await sweep(deps.db, deps, logger);
  const timer = setInterval(() => void sweep(deps.db, deps, logger), config.recoverEveryMs);
  const done = runner.promise.finally(async () => {
    clearInterval(timer);
    await pgPool.end();
  });
  let stopping: Promise<void> | undefined;
  return {
    runner,
    done,
    stop: () => (stopping ??= runner.stop().then(() => done)),
  };
}
