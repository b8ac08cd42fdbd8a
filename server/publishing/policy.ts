// How hard publishing tries: attempts and exponential backoff with jitter for
// retryable platform errors (never sooner than the platform's Retry-After),
// and how often and how long a processing upload is polled. Pure maths and
// defaults; tests pass small numbers instead of minutes.
export interface RetryPolicy {
  /** Publish attempts before a retryable error fails the target. */
  maxAttempts: number;
  /** Delay before the 2nd attempt; doubles each attempt. */
  baseMs: number;
  maxMs: number;
}

export interface StatusPolicy {
  /** First poll of a processing upload is no sooner than this (the platform's pollAfterMs wins when longer). */
  minPollMs: number;
  maxPollMs: number;
  /** A target still processing this long after upload fails. */
  limitMs: number;
}

export interface PublishingPolicy {
  retry: RetryPolicy;
  status: StatusPolicy;
}

export const DEFAULT_PUBLISHING_POLICY: PublishingPolicy = {
  retry: { maxAttempts: 8, baseMs: 30_000, maxMs: 3_600_000 },
  status: { minPollMs: 5_000, maxPollMs: 300_000, limitMs: 2 * 3_600_000 },
};

/**
 * Delay before the attempt after `attempt` (1-based): base·2^(attempt-1),
 * capped, with "equal jitter" (half fixed, half random) so many targets hit
 * by one outage do not retry in step; never less than retryAfterMs.
 */
export function retryDelayMs(attempt: number, policy: RetryPolicy, retryAfterMs: number | undefined, random: () => number): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = exponential / 2 + (exponential / 2) * random();
  return Math.ceil(Math.max(jittered, retryAfterMs ?? 0));
}

/** Delay before status check number `check` (1-based), doubling from the platform's hint, capped. */
export function pollDelayMs(check: number, hintMs: number, policy: StatusPolicy): number {
  const first = Math.max(policy.minPollMs, hintMs);
  return Math.min(policy.maxPollMs, first * 2 ** Math.max(0, check - 1));
}
