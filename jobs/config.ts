// The worker's settings: concurrency and polling, the publishing policy,
// retention, analytics age, the series horizon and the crontab. Defaults suit
// production; tests pass milliseconds.
import { DEFAULT_PUBLISHING_POLICY, type PublishingPolicy } from '../server/publishing/policy';

export interface WorkerConfig {
  /**
   * Jobs run at once. Most of a worker's jobs wait on the network (an upload
   * takes seconds), and publishing jobs share their statements (a publishing
   * session), so many run at once cheaply; the CPU-heavy ones (renders and
   * renditions on this machine) take one slot at a time, in order.
   */
  concurrency: number;
  /** How often graphile-worker looks for jobs due in the future. */
  pollIntervalMs: number;
  /** How often targets a dead worker left unfinished are looked for (also once at start). */
  recoverEveryMs: number;
  /**
   * A publish job taken this long ago whose target no live worker holds is a
   * dead worker's. (A live worker holds the target from a moment after taking
   * the job; the margin covers a worker waiting for a database connection.)
   */
  stalledJobAfterMs: number;
  publishing: PublishingPolicy;
  /** Finished renders (their files and rows) are deleted after this many days unless a post still waits on them. */
  renderRetentionDays: number;
  /** Analytics are collected for posts published within this many days. */
  analyticsMaxAgeDays: number;
  /** expand_series makes targets this many days ahead. */
  seriesHorizonDays: number;
  /** graphile-worker crontab lines for the periodic tasks. */
  crontab: string;
}

export const DEFAULT_CRONTAB = ['0 */6 * * * collect_analytics', '30 3 * * * retention_cleanup', '15 * * * * expand_series'].join('\n');

export const DEFAULT_WORKER_CONFIG: WorkerConfig = {
  concurrency: 32,
  pollIntervalMs: 1000,
  recoverEveryMs: 60_000,
  stalledJobAfterMs: 30_000,
  publishing: DEFAULT_PUBLISHING_POLICY,
  renderRetentionDays: 30,
  analyticsMaxAgeDays: 30,
  seriesHorizonDays: 14,
  crontab: DEFAULT_CRONTAB,
};
