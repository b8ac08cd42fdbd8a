// Calendar dates without a time or zone ('YYYY-MM-DD'): checking, adding
// days, the weekday. Arithmetic runs on UTC midnights, so no zone or DST can
// shift a date; turning a date into an instant is zone.ts's job.
import { z } from 'zod';

/** 'YYYY-MM-DD' */
export type CivilDate = string;

/** In `Date#getUTCDay()` order. */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_MS = 86_400_000;
const CIVIL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Why `value` is not a real 'YYYY-MM-DD' date, or null when it is. */
export function civilDateProblem(value: string): string | null {
  if (!CIVIL_DATE.test(value)) return `'${value}' is not a date written YYYY-MM-DD`;
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (Number.isNaN(ms) || fromMs(ms) !== value) return `'${value}' is not a real date`;
  return null;
}

const toMs = (date: CivilDate): number => Date.parse(`${date}T00:00:00Z`);
const fromMs = (ms: number): CivilDate => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: CivilDate, days: number): CivilDate => fromMs(toMs(date) + days * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: CivilDate, to: CivilDate): number => Math.round((toMs(to) - toMs(from)) / DAY_MS);

export const weekdayOf = (date: CivilDate): Weekday => WEEKDAYS[new Date(toMs(date)).getUTCDay()]!;

/** The date as a UTC-midnight Date, the form compositions/hijri-countdown/hijri.ts reads. */
export const utcMidnight = (date: CivilDate): Date => new Date(toMs(date));

/** [year, month 1-12, day] */
export function civilDateParts(date: CivilDate): [number, number, number] {
  const d = new Date(toMs(date));
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

export const weekdaySchema = z.enum(WEEKDAYS, { error: `must be a day of the week: ${WEEKDAYS.join(', ')}` });

export const civilDateSchema = z.string().superRefine((value, ctx) => {
  const problem = civilDateProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
