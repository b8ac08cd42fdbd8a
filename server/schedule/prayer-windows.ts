// "Never during prayer": per-prayer quiet windows that run from the adhan to
// N minutes after it, and the push that moves a candidate post out of them to
// the window's end. Jumu'ah is Friday's Dhuhr (Friday in the location's zone)
// and may have its own, longer window for the khutbah. Never reads the clock.
import { z } from 'zod';
import { type Location, dayPrayerTimes } from './prayer-times';
import { type CivilDate, addDays, weekdayOf } from './civil-date';
import { civilDateAt } from './zone';

const windowMinutes = z.int({ error: 'must be a whole number of minutes' }).min(1, 'must be between 1 and 240 minutes').max(240, 'must be between 1 and 240 minutes');

/** Minutes of quiet after each adhan; a prayer left out has no window. Jumu'ah falls back to Dhuhr's. */
export const prayerWindowsSchema = z.strictObject(
  {
    fajr: windowMinutes.optional(),
    dhuhr: windowMinutes.optional(),
    asr: windowMinutes.optional(),
    maghrib: windowMinutes.optional(),
    isha: windowMinutes.optional(),
    jumuah: windowMinutes.optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown prayer ${issue.keys.map((k) => `'${k}'`).join(', ')} (fajr, dhuhr, asr, maghrib, isha, jumuah)` : 'must be an object of minutes per prayer') },
);

export type PrayerWindows = z.output<typeof prayerWindowsSchema>;

interface Window {
  start: number;
  end: number;
}

const MINUTE_MS = 60_000;

/** The quiet windows of the location's calendar date `date`. */
function windowsOn(location: Location, windows: PrayerWindows, date: CivilDate): Window[] {
  const times = dayPrayerTimes(location, date);
  const friday = weekdayOf(date) === 'fri';
  const minutes: [Date, number | undefined][] = [
    [times.fajr, windows.fajr],
    [times.dhuhr, friday ? (windows.jumuah ?? windows.dhuhr) : windows.dhuhr],
    [times.asr, windows.asr],
    [times.maghrib, windows.maghrib],
    [times.isha, windows.isha],
  ];
  return minutes.flatMap(([at, length]) => (length ? [{ start: at.getTime(), end: at.getTime() + length * MINUTE_MS }] : []));
}

/**
 * `candidate`, or the end of the prayer window it falls in (start inclusive,
 * end exclusive), repeated while the end lands in a further window.
 */
export function outsidePrayerWindows(candidate: Date, location: Location, windows: PrayerWindows): Date {
  let at = candidate.getTime();
  const day = civilDateAt(candidate, location.zone);
  // yesterday's Isha window can run past midnight; a push can run into tomorrow
  const all = [-1, 0, 1].flatMap((offset) => windowsOn(location, windows, addDays(day, offset)));
  for (let moved = true; moved; ) {
    moved = false;
    for (const window of all) {
      if (at >= window.start && at < window.end) {
        at = window.end;
        moved = true;
      }
    }
  }
  return new Date(at);
}
