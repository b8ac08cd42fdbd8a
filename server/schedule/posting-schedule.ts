// An account's posting schedule as stored on social_accounts.posting_schedule:
// weekly slots in the account's zone plus the spacing, location and prayer
// windows nextFreeSlot takes, and the short text form the CLI accepts for a
// slot ("mon-fri 09:00,18:30", "fri dhuhr+45", "daily 20:00"). Pure.
import { z } from 'zod';
import { WEEKDAYS, type Weekday } from './civil-date';
import { ScheduleInputError, parseScheduleInput } from './input';
import { nextFreeSlot, slotOptionsSchema, weeklySlotSchema, type WeeklySlotInput } from './slots';
import { zoneSchema } from './zone';

export const postingScheduleSchema = slotOptionsSchema.extend({
  zone: zoneSchema,
  slots: z.array(weeklySlotSchema).min(1, 'must hold at least one slot'),
});
export type PostingSchedule = z.output<typeof postingScheduleSchema>;
export type PostingScheduleInput = z.input<typeof postingScheduleSchema>;

/** Checks a stored or typed schedule; ScheduleInputError names each bad field. */
export const parsePostingSchedule = (value: unknown): PostingSchedule => parseScheduleInput(postingScheduleSchema, value);

/** The next free slot of this schedule after `after`, at least the spacing away from every taken instant. */
export function nextScheduledSlot(schedule: PostingScheduleInput, after: Date, taken: readonly Date[]): Date | null {
  const { zone, slots, ...options } = schedule;
  return nextFreeSlot(slots, zone, after, taken, options);
}

const DAY_GROUPS: Record<string, readonly Weekday[]> = {
  daily: WEEKDAYS,
  weekdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  weekends: ['sat', 'sun'],
};

function daysOf(text: string): Weekday[] | string {
  const days = new Set<Weekday>();
  for (const part of text.toLowerCase().split(',')) {
    const group = DAY_GROUPS[part];
    if (group) {
      group.forEach((d) => days.add(d));
      continue;
    }
    const [from, to, extra] = part.split('-');
    const start = WEEKDAYS.indexOf(from as Weekday);
    const end = to === undefined ? start : WEEKDAYS.indexOf(to as Weekday);
    if (start < 0 || end < 0 || extra !== undefined) return `'${part}' is not a day (${WEEKDAYS.join(', ')}), a range such as mon-fri, or daily/weekdays/weekends`;
    for (let i = start; ; i = (i + 1) % 7) {
      days.add(WEEKDAYS[i]!);
      if (i === end) break;
    }
  }
  return WEEKDAYS.filter((d) => days.has(d));
}

/** "mon-fri 09:00,18:30" → one weekly slot per time; a ScheduleInputError says what is wrong. */
export function parseSlotText(text: string): WeeklySlotInput[] {
  const [dayText, timeText, ...rest] = text.trim().split(/\s+/);
  const fail = (message: string) => new ScheduleInputError([{ field: '', message }]);
  if (!dayText || !timeText || rest.length > 0) throw fail(`'${text}' should be DAYS TIMES, e.g. "mon-fri 09:00,18:30" or "fri dhuhr+45"`);
  const days = daysOf(dayText);
  if (typeof days === 'string') throw fail(days);
  return timeText.split(',').map((at) => {
    const checked = weeklySlotSchema.safeParse({ days, at });
    if (!checked.success) throw fail(`'${at}': ${checked.error.issues[0]?.message ?? 'not a time'}`);
    return { days, at };
  });
}
