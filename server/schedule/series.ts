// Recurring series and their expansion into instants. A rule is a small,
// RRULE-like subset: a start date, a repeat (daily every N days, weekly on
// chosen weekdays every N weeks, or Hijri days, see hijri-days.ts), one or
// more times of day, and an end (an until date, a count, or both: whichever
// comes first). Count is counted from `start`, as in RFC 5545, whatever
// window is asked for. Wall times follow zone.ts's DST choice; prayer times
// are the location's on the same calendar date. Never reads the clock.
import { z } from 'zod';
import type { HijriDate } from '../../compositions/hijri-countdown/hijri';
import { type CivilDate, WEEKDAYS, addDays, civilDateSchema, daysBetween, weekdayOf, weekdaySchema } from './civil-date';
import { hijriDayOf, hijriRepeatSchema } from './hijri-days';
import { parseScheduleInput } from './input';
import { locationSchema } from './prayer-times';
import { outsidePrayerWindows, prayerWindowsSchema } from './prayer-windows';
import { instantOfTimeOfDay, locationNeeds, timeOfDaySchema } from './time-of-day';
import { civilDateAt, zoneSchema } from './zone';

const interval = z.int({ error: 'must be a whole number' }).min(1, 'must be at least 1').max(366, 'must be at most 366').default(1);

export const repeatSchema = z.discriminatedUnion(
  'freq',
  [
    /** every `interval` days from `start` */
    z.object({ freq: z.literal('daily'), interval }),
    /** on `days`, every `interval` weeks, weeks starting on Monday, counted from the week of `start` */
    z.object({ freq: z.literal('weekly'), days: z.array(weekdaySchema).min(1, 'must name at least one day').readonly(), interval }),
    hijriRepeatSchema,
  ],
  { error: "must be 'daily', 'weekly' or 'hijri'" },
);

export const seriesRuleSchema = z
  .object({
    zone: zoneSchema,
    /** the first calendar date, in `zone` */
    start: civilDateSchema,
    /** the last calendar date, inclusive */
    until: civilDateSchema.optional(),
    count: z.int({ error: 'must be a whole number' }).min(1, 'must be at least 1').max(10_000, 'must be at most 10000').optional(),
    repeat: repeatSchema,
    at: z.array(timeOfDaySchema).min(1, 'must hold at least one time of day').readonly(),
    location: locationSchema.optional(),
    prayerWindows: prayerWindowsSchema.optional(),
  })
  .superRefine((rule, ctx) => {
    if (rule.until !== undefined && daysBetween(rule.start, rule.until) < 0) ctx.addIssue({ code: 'custom', path: ['until'], message: `${rule.until} is before start ${rule.start}` });
    if (rule.location) return;
    for (const message of locationNeeds(rule.at, (index) => `at[${index}]`, rule.prayerWindows !== undefined)) ctx.addIssue({ code: 'custom', path: ['location'], message });
  });

export type SeriesRule = z.output<typeof seriesRuleSchema>;
export type SeriesRuleInput = z.input<typeof seriesRuleSchema>;

export interface SeriesOccurrence {
  at: Date;
  /** the calendar date in the rule's zone the occurrence was made for */
  date: CivilDate;
  /** for Hijri series, the Hijri day it stands for (for `eve`, the day after `date`) */
  hijri?: HijriDate;
}

/** `to` may be at most this far after `from`. */
export const MAX_EXPANSION_DAYS = 3_660;

const windowSchema = z
  .object({ from: z.date({ error: 'must be a valid Date' }), to: z.date({ error: 'must be a valid Date' }) })
  .superRefine(({ from, to }, ctx) => {
    const days = (to.getTime() - from.getTime()) / 86_400_000;
    if (days <= 0) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
    if (days > MAX_EXPANSION_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `must be within ${MAX_EXPANSION_DAYS} days of from` });
  });

/** Whether `date` is a day of the rule's repeat, and the Hijri day it stands for. */
function dayOf(rule: SeriesRule, date: CivilDate): { hijri?: HijriDate } | null {
  const { repeat } = rule;
  switch (repeat.freq) {
    case 'daily':
      return daysBetween(rule.start, date) % repeat.interval === 0 ? {} : null;
    case 'weekly': {
      const weeks = Math.floor(daysBetween(mondayOf(rule.start), date) / 7);
      return weeks % repeat.interval === 0 && repeat.days.includes(weekdayOf(date)) ? {} : null;
    }
    case 'hijri': {
      const hijri = hijriDayOf(repeat, date);
      return hijri ? { hijri } : null;
    }
  }
}

const mondayOf = (date: CivilDate): CivilDate => addDays(date, -((WEEKDAYS.indexOf(weekdayOf(date)) + 6) % 7));

/** The instants of one day's occurrences, in order, a time reached twice (DST, windows) once. */
function instantsOn(rule: SeriesRule, date: CivilDate): number[] {
  const instants = rule.at.map((time) => {
    const at = instantOfTimeOfDay(date, time, rule.zone, rule.location);
    return (rule.location && rule.prayerWindows ? outsidePrayerWindows(at, rule.location, rule.prayerWindows) : at).getTime();
  });
  return [...new Set(instants)].sort((a, b) => a - b);
}

/**
 * The occurrences of `rule` with from <= at < to, in order. Errors name the
 * rule's fields as written ("zone: …", "repeat.days[0]: …"), then from and to.
 * Days are walked from `start` (or, without a count, from just before `from`)
 * to `until` or just past `to`; a day's times can sit a little either side.
 */
export function expandSeries(rule: SeriesRuleInput, from: Date, to: Date): SeriesOccurrence[] {
  const series = parseScheduleInput(seriesRuleSchema, rule);
  const window = parseScheduleInput(windowSchema, { from, to });
  const fromMs = window.from.getTime();
  const toMs = window.to.getTime();
  // prayer offsets (±12 h) and a location zone far from the rule's move a day's times by up to ~2 days
  const slack = 2;
  const walkFrom = series.count === undefined ? laterOf(series.start, addDays(civilDateAt(window.from, series.zone), -slack)) : series.start;
  const lastByTo = addDays(civilDateAt(window.to, series.zone), slack);
  const last = series.until !== undefined && daysBetween(series.until, lastByTo) > 0 ? series.until : lastByTo;

  const occurrences: SeriesOccurrence[] = [];
  let counted = 0;
  for (let date = walkFrom; daysBetween(date, last) >= 0; date = addDays(date, 1)) {
    const day = dayOf(series, date);
    if (!day) continue;
    for (const at of instantsOn(series, date)) {
      if (series.count !== undefined && counted >= series.count) return sorted(occurrences);
      counted++;
      if (at >= fromMs && at < toMs) occurrences.push({ at: new Date(at), date, ...day });
    }
  }
  return sorted(occurrences);
}

const laterOf = (a: CivilDate, b: CivilDate): CivilDate => (daysBetween(a, b) > 0 ? b : a);
const sorted = (occurrences: SeriesOccurrence[]) => occurrences.sort((a, b) => a.at.getTime() - b.at.getTime());
