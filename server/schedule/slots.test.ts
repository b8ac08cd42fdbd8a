// nextFreeSlot: weekly slots in a zone, taken posts and minimum spacing,
// DST weeks, prayer-relative slots and prayer windows (Jumu'ah on the
// location's Friday).
import { describe, expect, it } from 'vitest';
import { prayerTimesOn } from './prayer-times';
import { nextFreeSlot } from './slots';
import { instantToLocal } from './zone';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const londonSlots = [
  { days: [...weekdays], at: '09:00' },
  { days: [...weekdays], at: '18:30' },
];
const london = { lat: 51.5074, lon: -0.1278, zone: 'Europe/London', method: 'MoonsightingCommittee' } as const;
const at = (iso: string) => new Date(iso);
const local = (d: Date | null, zone = 'Europe/London') => (d ? instantToLocal(d, zone).iso : null);

describe('nextFreeSlot', () => {
  it('gives the next slot strictly after `after`', () => {
    // Wednesday 25 November 2026, 08:00 GMT
    expect(local(nextFreeSlot(londonSlots, 'Europe/London', at('2026-11-25T08:00:00Z'), []))).toBe('2026-11-25T09:00:00+00:00');
    expect(local(nextFreeSlot(londonSlots, 'Europe/London', at('2026-11-25T09:00:00Z'), []))).toBe('2026-11-25T18:30:00+00:00');
    // Friday evening -> Monday morning
    expect(local(nextFreeSlot(londonSlots, 'Europe/London', at('2026-11-27T19:00:00Z'), []))).toBe('2026-11-30T09:00:00+00:00');
  });

  it('skips taken slots and slots too close to a taken post', () => {
    const taken = [at('2026-11-25T09:00:00Z'), at('2026-11-25T18:00:00Z')];
    // 09:00 is taken; 18:30 is 30 min from the 18:00 post: free with 1-minute spacing, not with 60
    expect(local(nextFreeSlot(londonSlots, 'Europe/London', at('2026-11-25T08:00:00Z'), taken))).toBe('2026-11-25T18:30:00+00:00');
    expect(local(nextFreeSlot(londonSlots, 'Europe/London', at('2026-11-25T08:00:00Z'), taken, { minSpacingMinutes: 60 }))).toBe('2026-11-26T09:00:00+00:00');
    // spacing looks both ways: a post at 09:20 blocks the 09:00 slot
    expect(local(nextFreeSlot(londonSlots, 'Europe/London', at('2026-11-26T00:00:00Z'), [at('2026-11-26T09:20:00Z')], { minSpacingMinutes: 30 }))).toBe('2026-11-26T18:30:00+00:00');
  });

  it('keeps the wall time across a DST change', () => {
    // London springs forward on Sunday 29 March 2026: Friday 09:00 GMT, Monday 09:00 BST
    const friday = nextFreeSlot(londonSlots, 'Europe/London', at('2026-03-27T08:00:00Z'), []);
    expect(friday?.toISOString()).toBe('2026-03-27T09:00:00.000Z');
    const monday = nextFreeSlot(londonSlots, 'Europe/London', at('2026-03-27T18:30:00Z'), []);
    expect(monday?.toISOString()).toBe('2026-03-30T08:00:00.000Z');
    // New York falls back on Sunday 1 November 2026; a Sunday 01:30 slot happens once, the first time
    const sundays = [{ days: ['sun' as const], at: '01:30' }];
    expect(nextFreeSlot(sundays, 'America/New_York', at('2026-10-31T12:00:00Z'), [])?.toISOString()).toBe('2026-11-01T05:30:00.000Z');
    expect(nextFreeSlot(sundays, 'America/New_York', at('2026-11-01T05:30:00Z'), [])?.toISOString()).toBe('2026-11-08T06:30:00.000Z');
  });

  it('places prayer-relative slots from the location\'s prayer times', () => {
    const maghrib = prayerTimesOn(london, '2026-11-25').maghrib;
    const slot = nextFreeSlot([{ days: ['wed'], at: 'maghrib+20' }], 'Europe/London', at('2026-11-25T00:00:00Z'), [], { location: london });
    expect(slot?.getTime()).toBe(maghrib.getTime() + 20 * 60_000);
  });

  it('pushes a slot out of a prayer window to its end, then checks it like any other', () => {
    const dhuhr = (date: string) => prayerTimesOn(london, date).dhuhr.getTime();
    expect(local(new Date(dhuhr('2026-11-25')))).toBe('2026-11-25T11:52:00+00:00');
    const noon = [{ days: [...weekdays], at: '12:00' }];
    const options = { location: london, prayerWindows: { dhuhr: 20, jumuah: 60 } };
    const minutes = (n: number) => n * 60_000;
    expect(nextFreeSlot(noon, 'Europe/London', at('2026-11-25T00:00:00Z'), [], options)?.getTime()).toBe(dhuhr('2026-11-25') + minutes(20));
    // the moved slot is taken: on to the next day's
    const taken = [new Date(dhuhr('2026-11-25') + minutes(20))];
    expect(nextFreeSlot(noon, 'Europe/London', at('2026-11-25T00:00:00Z'), taken, options)?.getTime()).toBe(dhuhr('2026-11-26') + minutes(20));
    // Friday's Dhuhr is Jumu'ah, with its longer window
    expect(nextFreeSlot(noon, 'Europe/London', at('2026-11-27T00:00:00Z'), [], options)?.getTime()).toBe(dhuhr('2026-11-27') + minutes(60));
    // no window for that prayer, no push
    expect(local(nextFreeSlot(noon, 'Europe/London', at('2026-11-25T00:00:00Z'), [], { location: london, prayerWindows: { asr: 15 } }))).toBe('2026-11-25T12:00:00+00:00');
  });

  it('keeps Jumu\'ah on the location\'s Friday, whatever day it is in the account\'s zone', () => {
    // Auckland's Friday Dhuhr (13:09 NZDT) is Thursday 16:09 in Los Angeles
    const auckland = { lat: -36.8485, lon: 174.7633, zone: 'Pacific/Auckland', method: 'MuslimWorldLeague' } as const;
    const jumuah = prayerTimesOn(auckland, '2026-11-27').dhuhr;
    expect(instantToLocal(jumuah, 'America/Los_Angeles')).toMatchObject({ weekday: 'thu', time: '16:09:00' });
    const slots = [{ days: ['wed' as const, 'thu' as const], at: '16:20' }];
    const options = { location: auckland, prayerWindows: { dhuhr: 15, jumuah: 60 } };
    // Wednesday 16:20 in LA is Auckland's Thursday Dhuhr + 11: Dhuhr's 15-minute window
    expect(local(nextFreeSlot(slots, 'America/Los_Angeles', at('2026-11-25T12:00:00Z'), [], options), 'America/Los_Angeles')).toBe('2026-11-25T16:24:00-08:00');
    // Thursday 16:20 in LA is inside Auckland's Jumu'ah: 60 minutes
    expect(local(nextFreeSlot(slots, 'America/Los_Angeles', at('2026-11-26T12:00:00Z'), [], options), 'America/Los_Angeles')).toBe('2026-11-26T17:09:00-08:00');
  });

  it('returns null when every slot within the horizon is taken', () => {
    const slots = [{ days: ['mon' as const], at: '09:00' }];
    const taken = Array.from({ length: 60 }, (_, week) => new Date(Date.UTC(2026, 10, 30 + week * 7, 9)));
    expect(nextFreeSlot(slots, 'UTC', at('2026-11-25T00:00:00Z'), taken, { minSpacingMinutes: 10_080 })).toBeNull();
  });

  it('refuses bad input, naming the field', () => {
    expect(() => nextFreeSlot(londonSlots, 'Europe/Londn', at('2026-11-25T00:00:00Z'), [])).toThrow("zone: 'Europe/Londn' is not an IANA time zone");
    expect(() => nextFreeSlot([{ days: ['mon'], at: '25:00' }], 'UTC', at('2026-11-25T00:00:00Z'), [])).toThrow("slots[0].at: '25:00' is not a real time of day");
    // @ts-expect-error: not a weekday
    expect(() => nextFreeSlot([{ days: ['fry'], at: '09:00' }], 'UTC', at('2026-11-25T00:00:00Z'), [])).toThrow(/^slots\[0\]\.days\[0\]: must be a day of the week/);
    expect(() => nextFreeSlot([{ days: ['fri'], at: 'magrib+20' }], 'UTC', at('2026-11-25T00:00:00Z'), [])).toThrow(/^slots\[0\]\.at: 'magrib\+20' is neither a time HH:mm nor a prayer offset/);
    expect(() => nextFreeSlot([{ days: ['fri'], at: 'maghrib+20' }], 'UTC', at('2026-11-25T00:00:00Z'), [])).toThrow('location: is required: slots[0].at is relative to a prayer');
    expect(() => nextFreeSlot(londonSlots, 'UTC', at('2026-11-25T00:00:00Z'), [], { prayerWindows: { dhuhr: 10 } })).toThrow('location: is required when prayerWindows is set');
    // @ts-expect-error: not a prayer
    expect(() => nextFreeSlot(londonSlots, 'UTC', at('2026-11-25T00:00:00Z'), [], { location: london, prayerWindows: { tahajjud: 10 } })).toThrow(/^prayerWindows: unknown prayer 'tahajjud'/);
    expect(() => nextFreeSlot(londonSlots, 'UTC', at('2026-11-25T00:00:00Z'), [], { location: london, prayerWindows: { isha: 0 } })).toThrow('prayerWindows.isha: must be between 1 and 240 minutes');
    expect(() => nextFreeSlot(londonSlots, 'UTC', new Date(Number.NaN), [new Date(Number.NaN)])).toThrow('after: must be a valid Date; taken[0]: must be a valid Date');
    expect(() => nextFreeSlot([], 'UTC', at('2026-11-25T00:00:00Z'), [])).toThrow('slots: must hold at least one slot');
  });
});
