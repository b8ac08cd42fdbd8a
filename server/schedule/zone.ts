// Wall-clock time in an IANA zone <-> instants, through Intl only (no tz
// library). DST choice, the same as RFC 5545 and Temporal's 'compatible':
// a wall time that never happens (spring-forward gap) is moved forward by the
// gap (01:30 on the day London springs forward is 02:30 BST); a wall time that
// happens twice (autumn overlap) is the first of the two (01:30 BST, not GMT).
// A daily post at such a time is therefore neither skipped nor doubled.
// Never reads the clock.
import { z } from 'zod';
import { type CivilDate, type Weekday, civilDateProblem, weekdayOf } from './civil-date';
import { parseScheduleInput } from './input';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Names Intl knows as zones ('Europe/London', 'UTC'); fixed offsets like '+01:00' are refused. */
export function isIanaZone(zone: string): boolean {
  if (!/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const zoneSchema = z.string().refine(isIanaZone, { error: (issue) => `'${String(issue.input)}' is not an IANA time zone` });

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** What a clock on the wall in `zone` shows at `instant` (whole seconds). */
export function wallClockAt(instant: Date, zone: string): WallClock {
  const wall: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type in wall) wall[part.type as keyof WallClock] = Number(part.value);
  }
  return wall;
}

const wallMs = (w: WallClock): number => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** The zone's offset from UTC at `instantMs`, in ms (BST is +3_600_000). */
const offsetMs = (instantMs: number, zone: string): number => {
  const whole = Math.floor(instantMs / 1000) * 1000;
  return wallMs(wallClockAt(new Date(whole), zone)) - whole;
};

/** How a wall time mapped to an instant: it exists once, fell in a DST gap (moved forward), or in an overlap (first taken). */
export type WallTimeFit = 'exact' | 'gap' | 'overlap';

export interface ZonedInstant {
  instant: Date;
  fit: WallTimeFit;
}

/** The instant a wall time in `zone` names, with the DST choice above. Unvalidated: callers pass checked values. */
export function instantOfWallClock(wall: WallClock, zone: string): ZonedInstant {
  const asUtc = wallMs(wall);
  const offsets = [offsetMs(asUtc - DAY_MS, zone), offsetMs(asUtc + DAY_MS, zone)];
  const fits = [...new Set(offsets.map((offset) => asUtc - offset))]
    .filter((candidate) => wallMs(wallClockAt(new Date(candidate), zone)) === asUtc)
    .sort((a, b) => a - b);
  if (fits.length === 0) return { instant: new Date(asUtc - offsets[0]!), fit: 'gap' };
  return { instant: new Date(fits[0]!), fit: fits.length > 1 ? 'overlap' : 'exact' };
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** 'YYYY-MM-DDTHH:mm' or 'YYYY-MM-DDTHH:mm:ss', a wall time with no zone; parses to a WallClock. */
export const localDateTimeSchema = z.string().transform((value, ctx): WallClock => {
  const match = LOCAL_DATE_TIME.exec(value);
  const [, date = '', hour = '', minute = '', second = '0'] = match ?? [];
  const problem = match ? civilDateProblem(date) : `'${value}' is not a local date-time written YYYY-MM-DDTHH:mm`;
  if (problem || Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) {
    ctx.addIssue({ code: 'custom', message: problem ?? `'${value}' is not a real time of day` });
    return z.NEVER;
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day, hour: Number(hour), minute: Number(minute), second: Number(second) };
});

const localInputSchema = z.object({ local: localDateTimeSchema, zone: zoneSchema });

/** The instant of a local date-time in `zone`, and whether DST moved it. */
export function resolveLocal(local: string, zone: string): ZonedInstant {
  const input = parseScheduleInput(localInputSchema, { local, zone });
  return instantOfWallClock(input.local, input.zone);
}

/** The instant of a local date-time ('2026-03-29T09:00') in an IANA zone. */
export const localToInstant = (local: string, zone: string): Date => resolveLocal(local, zone).instant;

export interface LocalView {
  date: CivilDate;
  /** 'HH:mm:ss' */
  time: string;
  weekday: Weekday;
  /** minutes east of UTC: +60 for BST, -240 for EDT */
  offsetMinutes: number;
  /** '2026-03-29T02:30:00+01:00' */
  iso: string;
}

const instantInputSchema = z.object({ instant: z.date({ error: 'must be a valid Date' }), zone: zoneSchema });

/** How `instant` reads on a wall clock in `zone`. */
export function instantToLocal(instant: Date, zone: string): LocalView {
  const input = parseScheduleInput(instantInputSchema, { instant, zone });
  return localView(input.instant, input.zone);
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** instantToLocal without validation, for callers that already checked. */
export function localView(instant: Date, zone: string): LocalView {
  const wall = wallClockAt(instant, zone);
  const date = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  const time = `${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
  const offsetMinutes = Math.round(offsetMs(instant.getTime(), zone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const iso = `${date}T${time}${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return { date, time, weekday: weekdayOf(date), offsetMinutes, iso };
}

/** The calendar date in `zone` at `instant`. */
export const civilDateAt = (instant: Date, zone: string): CivilDate => localView(instant, zone).date;
