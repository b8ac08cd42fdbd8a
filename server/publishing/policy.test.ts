// retryDelayMs and pollDelayMs: exponential growth, the cap, jitter bounds and Retry-After as a floor.
import { describe, expect, it } from 'vitest';
import { pollDelayMs, retryDelayMs } from './policy';

const retry = { maxAttempts: 5, baseMs: 1000, maxMs: 8000 };

describe('retryDelayMs', () => {
  it('doubles per attempt between half and all of the exponential delay', () => {
    expect(retryDelayMs(1, retry, undefined, () => 0)).toBe(500);
    expect(retryDelayMs(1, retry, undefined, () => 1)).toBe(1000);
    expect(retryDelayMs(3, retry, undefined, () => 1)).toBe(4000);
  });
  it('caps at maxMs', () => {
    expect(retryDelayMs(10, retry, undefined, () => 1)).toBe(8000);
  });
  it('never retries before Retry-After', () => {
    expect(retryDelayMs(1, retry, 30_000, () => 1)).toBe(30_000);
  });
});

describe('pollDelayMs', () => {
  it('starts at the larger of the minimum and the hint, doubles, and caps', () => {
    const policy = { minPollMs: 100, maxPollMs: 1000, limitMs: 5000 };
    expect(pollDelayMs(1, 50, policy)).toBe(100);
    expect(pollDelayMs(1, 300, policy)).toBe(300);
    expect(pollDelayMs(2, 300, policy)).toBe(600);
    expect(pollDelayMs(5, 300, policy)).toBe(1000);
  });
});
