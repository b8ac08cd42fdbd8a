// An account's weekly posting slots ("Mon-Fri at 09:00 and 18:30 in
// Europe/London", "Friday at dhuhr+45") and the next free one after a given
// instant: not within the minimum spacing of a post already taken, and pushed
// out of prayer windows when the account asks for that. Wall-time slots are in
// the account's zone (DST as in zone.ts); a prayer-relative slot on a weekday
// takes the location's prayer on that same calendar date. `after` is passed
// in; the clock is never read.
import { z } from 'zod';
import { type CivilDate, addDays, weekdayOf, weekdaySchema } from './civil-date';
import { parseScheduleInput } from './input';
import { locationSchema } from './prayer-times';
import { outsidePrayerWindows, prayerWindowsSchema } from './prayer-windows';
import { type TimeOfDay, instantOfTimeOfDay, locationNeeds, timeOfDaySchema } from './time-of-day';
import { civilDateAt, zoneSchema } from './zone';

export const weeklySlotSchema = z.object({
  days: z.array(weekdaySchema).min(1, 'must name at least one day').readonly(),
  /** '09:00' in the account's zone, or 'maghrib+20' at the location */
  at: timeOfDaySchema,
});

export type WeeklySlotInput = z.input<typeof weeklySlotSchema>;

export const slotOptionsSchema = z.object({
  /** no two posts closer than this; posts are never at the same minute */
  minSpacingMinutes: z.int({ error: 'must be a whole number of minutes' }).min(1, 'must be at least 1 minute').max(10_080, 'must be at most a week (10080 minutes)').default(1),
  /** needed for prayer-relative slots and prayer windows */
  location: locationSchema.optional(),
  /** quiet windows after each adhan; a slot inside one moves to its end */
  prayerWindows: prayerWindowsSchema.optional(),
});

export type SlotOptions = z.input<typeof slotOptionsSchema>;

const nextFreeSlotInputSchema = slotOptionsSchema
  .extend({
    slots: z.array(weeklySlotSchema).min(1, 'must hold at least one slot').readonly(),
    zone: zoneSchema,
    after: z.date({ error: 'must be a valid Date' }),
    taken: z.array(z.date({ error: 'must be a valid Date' })).readonly(),
  })
  .superRefine((input, ctx) => {
    if (input.location) return;
    const needs = locationNeeds(input.slots.map((slot) => slot.at), (index) => `slots[${index}].at`, input.prayerWindows !== undefined);
    for (const message of needs) ctx.addIssue({ code: 'custom', path: ['location'], message });
  });

/** How far ahead slots are looked for before nextFreeSlot gives up with null. */
export const SLOT_HORIZON_DAYS = 400;
const MIDNIGHT: TimeOfDay = { kind: 'wall', hour: 0, minute: 0 };

/**
 * The first slot strictly after `after` that lies at least the minimum spacing
 * from every taken instant, or null when none does within SLOT_HORIZON_DAYS.
 * A slot inside a prayer window moves to the window's end and is then checked
 * like any other.
 */
export function nextFreeSlot(slots: readonly WeeklySlotInput[], zone: string, after: Date, taken: readonly Date[], options: SlotOptions = {}): Date | null {
  const input = parseScheduleInput(nextFreeSlotInputSchema, { ...options, slots, zone, after, taken });
  const spacingMs = input.minSpacingMinutes * 60_000;
  const isFree = (at: number) => at > input.after.getTime() && input.taken.every((post) => Math.abs(post.getTime() - at) >= spacingMs);
  const candidatesOn = (date: CivilDate): number[] =>
    input.slots
      .filter((slot) => slot.days.includes(weekdayOf(date)))
      .map((slot) => {
        const at = instantOfTimeOfDay(date, slot.at, input.zone, input.location);
        return (input.location && input.prayerWindows ? outsidePrayerWindows(at, input.location, input.prayerWindows) : at).getTime();
      });

  // a day's slots can move across midnight (prayer offsets up to 12 h, a
  // location zone up to 26 h from the account's, windows), so a candidate is
  // settled only once it is before the start of the day before the last day
  // looked at: no later day's slot can come earlier than that
  const first = addDays(civilDateAt(input.after, input.zone), -1);
  const pending: number[] = [];
  for (let offset = 0; offset <= SLOT_HORIZON_DAYS; offset++) {
    const date = addDays(first, offset);
    pending.push(...candidatesOn(date));
    pending.sort((a, b) => a - b);
    const settledBefore = instantOfTimeOfDay(addDays(date, -1), MIDNIGHT, input.zone, undefined).getTime();
    while (pending.length > 0 && pending[0]! < settledBefore) {
      const at = pending.shift()!;
      if (isFree(at)) return new Date(at);
    }
  }
  return null;
}
