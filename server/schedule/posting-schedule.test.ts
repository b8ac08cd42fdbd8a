import { describe, expect, it } from 'vitest';
import { ScheduleInputError } from './input';
import { nextScheduledSlot, parsePostingSchedule, parseSlotText } from './posting-schedule';

describe('parseSlotText', () => {
  it('reads day ranges, lists and groups with one slot per time', () => {
    expect(parseSlotText('mon-fri 09:00,18:30')).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], at: '09:00' },
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], at: '18:30' },
    ]);
    expect(parseSlotText('fri dhuhr+45')).toEqual([{ days: ['fri'], at: 'dhuhr+45' }]);
    expect(parseSlotText('daily 20:00')[0]?.days).toHaveLength(7);
    expect(parseSlotText('fri-sun 10:00')[0]?.days).toEqual(['sun', 'fri', 'sat']);
    expect(parseSlotText('sat,weekdays 07:15')[0]?.days).toEqual(['mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
  });

  it('says what is wrong with a bad slot', () => {
    expect(() => parseSlotText('funday 09:00')).toThrow(/'funday' is not a day/);
    expect(() => parseSlotText('mon 25:00')).toThrow(/'25:00'.*not a real time/);
    expect(() => parseSlotText('mon')).toThrow(/should be DAYS TIMES/);
    expect(() => parseSlotText('mon 09:00 extra')).toThrow(ScheduleInputError);
  });
});

describe('posting schedules', () => {
  const schedule = { zone: 'Europe/London', slots: parseSlotText('mon-fri 09:00,18:30'), minSpacingMinutes: 60 };

  it('gives the next weekday slot in the account zone, skipping taken ones', () => {
    const friday = new Date('2026-11-27T10:00:00Z');
    expect(nextScheduledSlot(schedule, friday, [])?.toISOString()).toBe('2026-11-27T18:30:00.000Z');
    expect(nextScheduledSlot(schedule, friday, [new Date('2026-11-27T18:00:00Z')])?.toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('names the bad fields of a stored schedule', () => {
    expect(() => parsePostingSchedule({ zone: 'Mars/Base', slots: [] })).toThrow(/zone: 'Mars\/Base' is not an IANA time zone.*slots: must hold at least one slot/);
    expect(parsePostingSchedule(schedule).minSpacingMinutes).toBe(60);
  });
});
