// When in a day a post goes out: a wall time ('18:30') or an offset from a
// prayer ('maghrib+20', 'fajr-30', 'dhuhr' on a Friday is Jumu'ah), written as
// one string so a rule reads as it is said. Turns (date, time of day) into an
// instant; prayer times need a location. Never reads the clock.
import { z } from 'zod';
import { type CivilDate, civilDateParts } from './civil-date';
import { type Location, PRAYER_ANCHORS, type PrayerAnchor, dayPrayerTimes } from './prayer-times';
import { instantOfWallClock } from './zone';

export type TimeOfDay = { kind: 'wall'; hour: number; minute: number } | { kind: 'prayer'; prayer: PrayerAnchor; offsetMinutes: number };

const WALL = /^(\d{2}):(\d{2})$/;
const PRAYER = new RegExp(`^(${PRAYER_ANCHORS.join('|')})(?:([+-])(\\d{1,3}))?$`);
/** Far enough for "three hours after Isha"; a day or more away belongs to another day. */
export const MAX_OFFSET_MINUTES = 720;

export const timeOfDaySchema = z.string().transform((value, ctx): TimeOfDay => {
  const wall = WALL.exec(value);
  if (wall) {
    const hour = Number(wall[1]);
    const minute = Number(wall[2]);
    if (hour <= 23 && minute <= 59) return { kind: 'wall', hour, minute };
    ctx.addIssue({ code: 'custom', message: `'${value}' is not a real time of day` });
    return z.NEVER;
  }
  const prayer = PRAYER.exec(value.toLowerCase());
  if (prayer) {
    const offsetMinutes = (prayer[2] === '-' ? -1 : 1) * Number(prayer[3] ?? 0);
    if (Math.abs(offsetMinutes) <= MAX_OFFSET_MINUTES) return { kind: 'prayer', prayer: prayer[1] as PrayerAnchor, offsetMinutes };
    ctx.addIssue({ code: 'custom', message: `'${value}' is more than ${MAX_OFFSET_MINUTES} minutes from the prayer` });
    return z.NEVER;
  }
  ctx.addIssue({ code: 'custom', message: `'${value}' is neither a time HH:mm nor a prayer offset like 'maghrib+20' (${PRAYER_ANCHORS.join(', ')})` });
  return z.NEVER;
});

/**
 * Why a schedule without a location cannot be placed: each prayer-relative
 * time (named by `label`, as the input writes it) and any prayer windows.
 */
export function locationNeeds(times: readonly TimeOfDay[], label: (index: number) => string, hasPrayerWindows: boolean): string[] {
  const needs = times.flatMap((time, index) => (time.kind === 'prayer' ? [`is required: ${label(index)} is relative to a prayer`] : []));
  return hasPrayerWindows ? [...needs, 'is required when prayerWindows is set'] : needs;
}

/**
 * The instant of `time` on calendar date `date`: wall times in `zone` (DST as
 * in zone.ts), prayer offsets from that date's prayer at `location`.
 * Unvalidated: a prayer-relative time needs a location (the schemas check).
 */
export function instantOfTimeOfDay(date: CivilDate, time: TimeOfDay, zone: string, location: Location | undefined): Date {
  if (time.kind === 'wall') {
    const [year, month, day] = civilDateParts(date);
    return instantOfWallClock({ year, month, day, hour: time.hour, minute: time.minute, second: 0 }, zone).instant;
  }
  if (!location) throw new TypeError(`a time relative to ${time.prayer} needs a location`);
  const prayer = dayPrayerTimes(location, date)[time.prayer];
  return new Date(prayer.getTime() + time.offsetMinutes * 60_000);
}
