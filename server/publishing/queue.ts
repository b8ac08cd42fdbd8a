// Adds graphile-worker jobs through SQL (graphile_worker.add_job), so a job
// is queued in the same transaction as the rows it is about: a target and its
// publish job exist together or not at all. Job keys make publishing a target
// one queued job at most (adding again replaces it; a running one is left to
// finish and a fresh one queued); so do rendering a render and preparing its
// file for a platform.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, JsonObject, Platform, RenderBackend } from '../db';

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
/** publishJobKey in SQL, for a target id that is a value or a SQL expression (a column of the query). */
export const publishJobKeySql = (targetId: string | RawBuilder<unknown>): RawBuilder<string> => sql`${`${TASKS.publishPost}:`} || ${targetId}::text`;
export const statusJobKey = (targetId: string) => `${TASKS.checkPublishStatus}:${targetId}`;
export const renderJobKey = (renderId: string) => `${TASKS.renderVideo}:${renderId}`;
export const renditionJobKey = (renderId: string, platform: Platform) => `${TASKS.prepareRendition}:${renderId}:${platform}`;
/** renditionJobKey in SQL, for a render id and platform that are SQL expressions (columns of a query). */
export const renditionJobKeySql = (renderId: RawBuilder<unknown>, platform: RawBuilder<unknown>): RawBuilder<string> =>
  sql`${`${TASKS.prepareRendition}:`} || ${renderId}::text || ':' || ${platform}::text`;

export interface JobOptions {
  runAt?: Date;
  jobKey?: string;
  maxAttempts?: number;
  /** Jobs of one named queue run one at a time, in order, across all workers. */
  queueName?: string;
}

/** Queues a job on `db` (a transaction or the pool). graphile-worker's schema must exist (runWorker or ensureJobQueue makes it). */
export async function queueJob(db: Kysely<Database>, task: string, payload: JsonObject, options: JobOptions = {}): Promise<void> {
  await sql`SELECT graphile_worker.add_job(
    ${task},
    ${JSON.stringify(payload)}::json,
    run_at => ${options.runAt ?? null}::timestamptz,
    job_key => ${options.jobKey ?? null}::text,
    max_attempts => ${options.maxAttempts ?? null}::int,
    queue_name => ${options.queueName ?? null}::text
  )`.execute(db);
}

/** Unexpected failures (not platform errors, which publish_post handles itself) are retried by graphile-worker this many times. */
const PUBLISH_JOB_ATTEMPTS = 10;

export const queuePublish = (db: Kysely<Database>, targetId: string, runAt: Date) =>
  queueJob(db, TASKS.publishPost, { targetId }, { runAt, jobKey: publishJobKey(targetId), maxAttempts: PUBLISH_JOB_ATTEMPTS });

export const queueStatusCheck = (db: Kysely<Database>, targetId: string, check: number, runAt: Date) =>
  queueJob(db, TASKS.checkPublishStatus, { targetId, check }, { runAt, jobKey: statusJobKey(targetId), maxAttempts: PUBLISH_JOB_ATTEMPTS });

/** A render that fails this often stays failed (a bad job is not retried at all). */
const RENDER_JOB_ATTEMPTS = 3;
/** Publishing waits for a rendition while its job has attempts left. */
const RENDITION_JOB_ATTEMPTS = 5;

/**
 * The work that loads this machine's cores goes through one named queue: a
 * local render (Chromium tabs and ffmpeg) and a rendition (an ffmpeg
 * transcode) each use every core, so they run one at a time, in order, while
 * the other job slots keep publishing. Lambda renders run side by side.
 */
const LOCAL_RENDER_QUEUE = 'local_render';

export const queueRender = (db: Kysely<Database>, renderId: string, backend: RenderBackend) =>
  queueJob(db, TASKS.renderVideo, { renderId }, { jobKey: renderJobKey(renderId), maxAttempts: RENDER_JOB_ATTEMPTS, ...(backend === 'local' ? { queueName: LOCAL_RENDER_QUEUE } : {}) });

export const queueRendition = (db: Kysely<Database>, renderId: string, platform: Platform) =>
  queueJob(db, TASKS.prepareRendition, { renderId, platform }, { jobKey: renditionJobKey(renderId, platform), maxAttempts: RENDITION_JOB_ATTEMPTS, queueName: LOCAL_RENDER_QUEUE });

export interface QueuedJob {
  /** Queued or running, with attempts left. */
  pending: boolean;
  lastError: string | null;
}

/** The job queued under `jobKey` as a scalar subquery (JSON), or null when there is none (never queued, or done and removed). */
export const queuedJob = (jobKey: string | RawBuilder<string>): RawBuilder<QueuedJob | null> =>
  sql`(SELECT json_build_object('pending', attempts < max_attempts, 'lastError', last_error) FROM graphile_worker.jobs WHERE key = ${jobKey})`;
