// Adds graphile-worker jobs through SQL (graphile_worker.add_job), so a job
// is queued in the same transaction as the rows it is about: a target and its
// publish job exist together or not at all. Job keys make publishing a target
// one queued job at most (adding again replaces it; a running one is left to
// finish and a fresh one queued).
import { sql, type Kysely } from 'kysely';
import type { Database, JsonObject } from '../db';

export const TASKS = {
  publishPost: 'publish_post',
  checkPublishStatus: 'check_publish_status',
  expandSeries: 'expand_series',
  collectAnalytics: 'collect_analytics',
  retentionCleanup: 'retention_cleanup',
  renderVideo: 'render_video',
  prepareRendition: 'prepare_rendition',
} as const;

export const publishJobKey = (targetId: string) => `${TASKS.publishPost}:${targetId}`;
export const statusJobKey = (targetId: string) => `${TASKS.checkPublishStatus}:${targetId}`;

export interface JobOptions {
  runAt?: Date;
  jobKey?: string;
  maxAttempts?: number;
}

/** Queues a job on `db` (a transaction or the pool). graphile-worker's schema must exist (runWorker or ensureJobQueue makes it). */
export async function queueJob(db: Kysely<Database>, task: string, payload: JsonObject, options: JobOptions = {}): Promise<void> {
  await sql`SELECT graphile_worker.add_job(
    ${task},
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    job_key => ${options.jobKey ?? null}::text,
    max_attempts => ${options.maxAttempts ?? null}::int
  )`.execute(db);
}

/** Unexpected failures (not platform errors, which publish_post handles itself) are retried by graphile-worker this many times. */
const PUBLISH_JOB_ATTEMPTS = 10;

export const queuePublish = (db: Kysely<Database>, targetId: string, runAt: Date) =>
  queueJob(db, TASKS.publishPost, { targetId }, { runAt, jobKey: publishJobKey(targetId), maxAttempts: PUBLISH_JOB_ATTEMPTS });

export const queueStatusCheck = (db: Kysely<Database>, targetId: string, check: number, runAt: Date) =>
  queueJob(db, TASKS.checkPublishStatus, { targetId, check }, { runAt, jobKey: statusJobKey(targetId), maxAttempts: PUBLISH_JOB_ATTEMPTS });
