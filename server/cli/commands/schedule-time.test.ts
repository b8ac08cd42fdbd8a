// resolveScheduleTime: --at in a zone (DST-aware, space or T), --after a prayer at a known city or LAT,LON, and errors naming the flag.
import { describe, expect, it } from 'vitest';
import { prayerTimesOn } from '../../schedule';
import { KNOWN_LOCATIONS, resolveScheduleTime } from './schedule-time';

const now = new Date('2026-11-20T12:00:00Z');

describe('resolveScheduleTime', () => {
  it('reads --at as a wall time in --zone', () => {
    expect(resolveScheduleTime({ at: '2026-12-01 18:30', zone: 'Europe/London' }, now).toISOString()).toBe('2026-12-01T18:30:00.000Z');
    expect(resolveScheduleTime({ at: '2027-07-01T18:30', zone: 'Europe/London' }, now).toISOString()).toBe('2027-07-01T17:30:00.000Z');
  });

  it('finds the next maghrib+20 in Cairo', () => {
    const at = resolveScheduleTime({ after: 'maghrib+20', location: 'cairo' }, now);
    const maghrib = prayerTimesOn(KNOWN_LOCATIONS.cairo!, '2026-11-20').maghrib;
    const expected = new Date(maghrib.getTime() + 20 * 60_000);
    expect(at.toISOString()).toBe((expected > now ? expected : new Date(prayerTimesOn(KNOWN_LOCATIONS.cairo!, '2026-11-21').maghrib.getTime() + 20 * 60_000)).toISOString());
  });

  it('takes the next day when today’s time has passed', () => {
    const late = new Date('2026-11-20T22:00:00Z');
    const at = resolveScheduleTime({ after: 'fajr', location: 'cairo' }, late);
    expect(at.toISOString()).toBe(prayerTimesOn(KNOWN_LOCATIONS.cairo!, '2026-11-21').fajr.toISOString());
  });

  it.each([
    [{ at: '2026-01-01 10:00', zone: 'UTC' }, /^--at: 2026-01-01 10:00 UTC is in the past/],
    [{ at: '2026-13-01 10:00' }, /^--at: /],
    [{ at: '2026-12-01 10:00', after: 'fajr' }, /^--at \/ --after: give exactly one/],
    [{}, /^--at \/ --after: /],
    [{ at: '2026-12-01 10:00', zone: 'Mars/Olympus' }, /^--zone: 'Mars\/Olympus' is not an IANA time zone/],
    [{ after: 'maghrib+20' }, /^--location: is required with --after/],
    [{ after: 'maghrib+20', location: 'atlantis' }, /^--location: "atlantis" is neither a known city/],
    [{ after: 'maghrib+20', location: '30.1,31.2' }, /^--zone: is required with --location LAT,LON/],
    [{ after: 'sunset+5', location: 'cairo' }, /^--after: 'sunset\+5' is neither a time HH:mm nor a prayer offset/],
  ])('rejects %j naming the flag', (input, message) => {
    expect(() => resolveScheduleTime(input, now)).toThrow(message);
  });
});
