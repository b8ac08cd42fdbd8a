// Posts go out at their time, not at graphile-worker's next poll: with a poll
// every 10 s, a target due 1.5 s after the worker started is published about
// when it is due (the due alarm wakes the workers), where polling alone would
// take it at the 10 s poll.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { RunningWorker } from '../../jobs';
import { FAST_CONFIG, scheduleTarget, startHarness, startWorker, waitForStatus, type Harness } from './harness';

const POLL_MS = 10_000;
let h: Harness;
let worker: RunningWorker;

beforeAll(async () => {
  h = await startHarness();
  worker = await startWorker(h, { ...FAST_CONFIG, pollIntervalMs: POLL_MS });
});
afterAll(async () => {
  await worker?.stop();
  await h?.close();
});

it('wakes the workers when a queued job falls due, between polls', async () => {
  const at = new Date(Date.now() + 1500);
  const id = await scheduleTarget(h, { at });
  const row = await waitForStatus(h, id, ['published', 'failed'], POLL_MS);
  expect(row.status).toBe('published');
  const lateMs = row.published_at!.getTime() - at.getTime();
  expect(lateMs).toBeGreaterThanOrEqual(0);
  // far from the poll: only a wake-up at the due instant publishes it this soon
  expect(lateMs).toBeLessThan(POLL_MS / 2);
});
