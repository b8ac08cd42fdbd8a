// The YouTube Data API daily quota as one adapter instance spends it: each
// call's documented unit cost (YouTube's "Quota calculator") is counted before
// the call is made (Google charges invalid and failed requests too), and a
// call that would pass the daily limit is refused with a rate_limit
// PlatformError that waits until the quota resets at midnight Pacific time.
// The count lives in memory: it is this process's spending, not the
// project's, so YouTube's own 403 quotaExceeded stays the final word.
import { PlatformError } from './adapter';

/** Units per call, from YouTube Data API v3 "Quota calculator" (checked 2026-11). */
export const QUOTA_COSTS = {
  'videos.insert': 1600,
  'videos.list': 1,
  'channels.list': 1,
  'playlistItems.list': 1,
  'thumbnails.set': 50,
} as const;
export type QuotaCall = keyof typeof QUOTA_COSTS;

const PACIFIC = 'America/Los_Angeles';

/** The zone's UTC offset at an instant, in ms (Pacific: -7 h or -8 h). */
function offsetMs(at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: PACIFIC, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const ms = (Number(match[2]) * 60 + Number(match[3])) * 60_000;
  return match[1] === '-' ? -ms : ms;
}

/** The first midnight in America/Los_Angeles after `now`: when YouTube's daily quota resets. */
export function nextPacificMidnight(now: Date): Date {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: PACIFIC, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(now)
    .split('-')
    .map(Number) as [number, number, number];
  const midnightUtc = Date.UTC(year, month - 1, day + 1);
  // Midnight there is midnight UTC minus the offset in force then; asking twice settles a DST change.
  const guess = midnightUtc - offsetMs(new Date(midnightUtc));
  return new Date(midnightUtc - offsetMs(new Date(guess)));
}

/** Milliseconds from `now` until the quota resets. */
export const msUntilQuotaReset = (now: Date): number => nextPacificMidnight(now).getTime() - now.getTime();

function durationText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export class QuotaTracker {
  private used = 0;
  private resetAt: Date;

  constructor(
    private readonly dailyUnits: number,
    private readonly costs: Record<QuotaCall, number>,
    private readonly clock: () => Date,
  ) {
    this.resetAt = nextPacificMidnight(clock());
  }

  /** Counts the call's units, or throws rate_limit (until the reset) when they would pass the daily limit. */
  spend(call: QuotaCall): void {
    this.roll();
    const cost = this.costs[call];
    if (this.used + cost > this.dailyUnits) {
      const now = this.clock();
      const retryAfterMs = this.resetAt.getTime() - now.getTime();
      const left = Math.max(0, this.dailyUnits - this.used);
      throw new PlatformError(
        'youtube',
        'rate_limit',
        `YouTube ${call}: needs ${cost.toLocaleString('en-US')} quota units but only ${left.toLocaleString('en-US')} of today's ${this.dailyUnits.toLocaleString('en-US')} are left; the quota resets at midnight Pacific time (in ${durationText(retryAfterMs)}), or ask Google for a higher quota`,
        { code: 'quota_budget', retryAfterMs },
      );
    }
    this.used += cost;
  }

  private roll(): void {
    const now = this.clock();
    if (now.getTime() < this.resetAt.getTime()) return;
    this.used = 0;
    this.resetAt = nextPacificMidnight(now);
  }
}
