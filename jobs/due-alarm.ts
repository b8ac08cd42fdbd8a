// Starts jobs on time. graphile-worker notices a job queued for later only
// when it next polls (every pollIntervalMs), so a post due at 20:00:00 could
// start up to a poll interval late. This looks up the earliest job due before
// its next look — once per poll interval, shortly after a job is queued
// (graphile-worker's jobs:insert notification), and when the listening
// connection is (re)made — and, at that instant, wakes the idle workers of
// every worker process the way queueing a job does (NOTIFY jobs:insert).
// Reads graphile-worker 0.17's job table through its partial index on
// available jobs.
import type { WorkerEvents } from 'graphile-worker';
import type pg from 'pg';

export interface DueAlarm {
  stop(): void;
}

/** The wake-up comes this long after the due instant, so the database's clock has passed it too. */
const MARGIN_MS = 5;
/** Jobs queued together (one notification each) are looked at once, this long after the first. */
const SETTLE_MS = 20;

/**
 * When the wake-up should fire after a look at `now` found the earliest job
 * ahead due in `inMs` (null: none within the look's reach), given the
 * pending wake-up at `pendingAt` (Infinity: none). A pending wake-up is only
 * ever brought forward, never dropped: a look that runs between a job's due
 * instant and its wake-up (the margin) no longer sees the job as ahead, and
 * must not cancel the wake-up for it.
 */
export function nextWakeAt(pendingAt: number, now: number, inMs: number | null): number {
  return inMs === null ? pendingAt : Math.min(pendingAt, now + inMs + MARGIN_MS);
}

export function startDueAlarm(pool: pg.Pool, events: WorkerEvents, everyMs: number, workers: number, onError: (error: unknown) => void): DueAlarm {
  let wake: NodeJS.Timeout | undefined;
  /** When the pending wake-up fires (epoch ms). */
  let wakeAt = Infinity;
  let settling: NodeJS.Timeout | undefined;
  const wakeWorkers = () => void pool.query(`SELECT pg_notify('jobs:insert', json_build_object('count', $1::int)::text)`, [workers]).catch(onError);
  const nudge = () => {
    wake = undefined;
    wakeAt = Infinity;
    wakeWorkers();
  };
  const look = async () => {
    // a look may come late, so it covers half an interval more than the next look's start
    const { rows } = await pool.query<{ in_ms: number | null }>(
      `SELECT extract(epoch FROM min(run_at) - now())::float8 * 1000 AS in_ms FROM graphile_worker._private_jobs
       WHERE is_available AND run_at > now() AND run_at <= now() + make_interval(secs => $1::float8)`,
      [(everyMs * 1.5) / 1000],
    );
    const now = Date.now();
    const at = nextWakeAt(wakeAt, now, rows[0]?.in_ms ?? null);
    if (at === wakeAt) return;
    clearTimeout(wake);
    wakeAt = at;
    wake = setTimeout(nudge, at - now);
  };
  const lookSafely = () => void look().catch(onError);
  const lookSoon = () => {
    if (settling) return;
    settling = setTimeout(() => {
      settling = undefined;
      lookSafely();
    }, SETTLE_MS);
  };
  /** Notifications sent before the listening connection was (re)made are lost, a wake-up among them: wake the workers and look again once it listens. */
  let listening: NodeJS.Timeout | undefined;
  const onListening = () => {
    lookSoon();
    clearTimeout(listening);
    listening = setTimeout(wakeWorkers, SETTLE_MS);
  };
  const onNotification = ({ message }: { message: pg.Notification }) => {
    if (message.channel === 'jobs:insert') lookSoon();
  };
  events.on('pool:listen:notification', onNotification);
  events.on('pool:listen:success', onListening);
  lookSafely();
  const timer = setInterval(lookSafely, everyMs);
  return {
    stop() {
      events.off('pool:listen:notification', onNotification);
      events.off('pool:listen:success', onListening);
      clearTimeout(listening);
      clearInterval(timer);
      clearTimeout(wake);
      clearTimeout(settling);
    },
  };
}
