// expandSeries on the civil calendar: daily, weekly and every-N-days rules,
// count (from start) and until, DST days in London and New York,
// prayer-relative times and windows, and validation.
import { describe, expect, it } from 'vitest';
import { prayerTimesOn } from './prayer-times';
import { type SeriesRuleInput, expandSeries } from './series';
import { instantToLocal } from './zone';

const at = (iso: string) => new Date(iso);
const YEAR = [at('2026-01-01T00:00:00Z'), at('2027-12-31T00:00:00Z')] as const;
const instants = (rule: SeriesRuleInput, from: Date = YEAR[0], to: Date = YEAR[1]) => expandSeries(rule, from, to).map((o) => o.at.toISOString());
const locals = (rule: SeriesRuleInput, zone: string, from: Date = YEAR[0], to: Date = YEAR[1]) => expandSeries(rule, from, to).map((o) => instantToLocal(o.at, zone).iso);

describe('expandSeries: civil calendar', () => {
  it('repeats daily at the same wall time through a DST change, stopping at count', () => {
    const rule = { zone: 'Europe/London', start: '2026-03-27', count: 4, repeat: { freq: 'daily' }, at: ['09:00'] } as const;
    expect(instants(rule)).toEqual(['2026-03-27T09:00:00.000Z', '2026-03-28T09:00:00.000Z', '2026-03-29T08:00:00.000Z', '2026-03-30T08:00:00.000Z']);
  });

  it('posts a time inside the spring gap once, moved forward, and a time in the autumn overlap once, the first time', () => {
    const spring = { zone: 'Europe/London', start: '2026-03-28', until: '2026-03-30', repeat: { freq: 'daily' }, at: ['01:30'] } as const;
    expect(locals(spring, 'Europe/London')).toEqual(['2026-03-28T01:30:00+00:00', '2026-03-29T02:30:00+01:00', '2026-03-30T01:30:00+01:00']);
    const autumn = { zone: 'America/New_York', start: '2026-10-31', until: '2026-11-02', repeat: { freq: 'daily' }, at: ['01:30'] } as const;
    expect(locals(autumn, 'America/New_York')).toEqual(['2026-10-31T01:30:00-04:00', '2026-11-01T01:30:00-04:00', '2026-11-02T01:30:00-05:00']);
  });

  it('repeats weekly on chosen days every N weeks, weeks starting on Monday', () => {
    // start Wednesday 25 Nov 2026: that week's Thursday, then every other week's Monday and Thursday
    const rule = { zone: 'Europe/London', start: '2026-11-25', count: 5, repeat: { freq: 'weekly', days: ['mon', 'thu'], interval: 2 }, at: ['18:30'] } as const;
    expect(expandSeries(rule, ...YEAR).map((o) => `${o.date} ${instantToLocal(o.at, 'Europe/London').weekday}`)).toEqual([
      '2026-11-26 thu',
      '2026-12-07 mon',
      '2026-12-10 thu',
      '2026-12-21 mon',
      '2026-12-24 thu',
    ]);
  });

  it('repeats every N days up to an inclusive until date, several times a day in order', () => {
    const rule = { zone: 'Asia/Karachi', start: '2026-12-01', until: '2026-12-07', repeat: { freq: 'daily', interval: 3 }, at: ['20:00', '08:00'] } as const;
    expect(locals(rule, 'Asia/Karachi')).toEqual([
      '2026-12-01T08:00:00+05:00',
      '2026-12-01T20:00:00+05:00',
      '2026-12-04T08:00:00+05:00',
      '2026-12-04T20:00:00+05:00',
      '2026-12-07T08:00:00+05:00',
      '2026-12-07T20:00:00+05:00',
    ]);
  });

  it('counts from start whatever window is asked for, and the window is half-open', () => {
    const rule = { zone: 'UTC', start: '2026-12-01', count: 5, repeat: { freq: 'daily' }, at: ['12:00'] } as const;
    expect(instants(rule, at('2026-12-03T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toEqual(['2026-12-03T12:00:00.000Z', '2026-12-04T12:00:00.000Z', '2026-12-05T12:00:00.000Z']);
    expect(instants(rule, at('2026-12-02T12:00:00Z'), at('2026-12-04T12:00:00Z'))).toEqual(['2026-12-02T12:00:00.000Z', '2026-12-03T12:00:00.000Z']);
    // without a count, a start long ago does not matter
    expect(instants({ ...rule, start: '2000-01-01', count: undefined }, at('2026-12-03T00:00:00Z'), at('2026-12-05T00:00:00Z'))).toHaveLength(2);
  });

  it('follows a prayer ("20 minutes after Maghrib") and moves out of prayer windows', () => {
    const cairo = { lat: 30.0444, lon: 31.2357, zone: 'Africa/Cairo', method: 'Egyptian' } as const;
    const rule = { zone: 'Africa/Cairo', start: '2026-12-01', count: 3, repeat: { freq: 'daily' }, at: ['maghrib+20'], location: cairo } as const;
    const occurrences = expandSeries(rule, ...YEAR);
    expect(occurrences.map((o) => o.at.getTime())).toEqual(['2026-12-01', '2026-12-02', '2026-12-03'].map((d) => prayerTimesOn(cairo, d).maghrib.getTime() + 20 * 60_000));
    // a post 10 minutes after Asr, inside a 30-minute Asr window, moves to the window's end
    const asr = prayerTimesOn(cairo, '2026-12-01').asr.getTime();
    const windowed = { ...rule, count: 1, at: [instantToLocal(new Date(asr + 10 * 60_000), 'Africa/Cairo').time.slice(0, 5)], prayerWindows: { asr: 30 } };
    expect(expandSeries(windowed, ...YEAR)[0]!.at.getTime()).toBe(asr + 30 * 60_000);
  });
});

describe('expandSeries: validation', () => {
  const rule = { zone: 'Europe/London', start: '2026-12-01', repeat: { freq: 'daily' }, at: ['09:00'] } as const;

  it('names the field and the reason', () => {
    expect(() => expandSeries({ ...rule, zone: 'Europe/Londn' }, ...YEAR)).toThrow("zone: 'Europe/Londn' is not an IANA time zone");
    expect(() => expandSeries({ ...rule, until: '2026-11-30' }, ...YEAR)).toThrow('until: 2026-11-30 is before start 2026-12-01');
    expect(() => expandSeries({ ...rule, count: 0 }, ...YEAR)).toThrow('count: must be at least 1');
    // @ts-expect-error: not a frequency
    expect(() => expandSeries({ ...rule, repeat: { freq: 'monthly' } }, ...YEAR)).toThrow("repeat.freq: must be 'daily', 'weekly' or 'hijri'");
    expect(() => expandSeries({ ...rule, repeat: { freq: 'weekly', days: [] } }, ...YEAR)).toThrow('repeat.days: must name at least one day');
    expect(() => expandSeries({ ...rule, repeat: { freq: 'daily', interval: 0 } }, ...YEAR)).toThrow('repeat.interval: must be at least 1');
    expect(() => expandSeries({ ...rule, at: ['09:00', 'isha+30'] }, ...YEAR)).toThrow('location: is required: at[1] is relative to a prayer');
    expect(() => expandSeries({ ...rule, at: ['isha+800'] }, ...YEAR)).toThrow("at[0]: 'isha+800' is more than 720 minutes from the prayer");
    expect(() => expandSeries({ ...rule, location: { lat: -91, lon: 0, zone: 'UTC', method: 'Karachi' } }, ...YEAR)).toThrow('location.lat: must be between -90 and 90');
    expect(() => expandSeries(rule, YEAR[1], YEAR[0])).toThrow('to: must be after from');
    expect(() => expandSeries(rule, at('2020-01-01T00:00:00Z'), at('2040-01-01T00:00:00Z'))).toThrow('to: must be within 3660 days of from');
  });
});
