// Posts go out at their time, not at graphile-worker's next poll: with a poll
// every 10 s, a target due 1.5 s after the worker started is published about
// when it is due (the due alarm wakes the workers), where polling alone would
// take it at the 10 s poll. And the wake-up rule: a look that no longer sees
// a job ahead (it ran between the due instant and the wake-up) keeps the
// wake-up for it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningWorker } from '../../jobs';
import { nextWakeAt } from '../../jobs/due-alarm';
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

describe('nextWakeAt', () => {
  const now = 1_000_000;
  it('sets a wake-up just after the earliest job ahead', () => {
    expect(nextWakeAt(Infinity, now, 800)).toBeGreaterThanOrEqual(now + 800);
    expect(nextWakeAt(Infinity, now, 800)).toBeLessThan(now + 850);
    expect(nextWakeAt(Infinity, now, null)).toBe(Infinity);
  });
  it('keeps a pending wake-up when a look finds no job ahead (the job fell due before its wake-up)', () => {
    const pending = now + 3;
    expect(nextWakeAt(pending, now, null)).toBe(pending);
  });
  it('brings a wake-up forward for an earlier job, never back for a later one', () => {
    const pending = now + 500;
    expect(nextWakeAt(pending, now, 100)).toBeLessThan(pending);
    expect(nextWakeAt(pending, now, 900)).toBe(pending);
  });
});
