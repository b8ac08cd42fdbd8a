// Wall time <-> instant in IANA zones, across the 2026 DST changes of
// Europe/London (29 Mar 01:00 GMT -> 02:00 BST, 25 Oct 02:00 BST -> 01:00 GMT)
// and America/New_York (8 Mar 02:00 EST -> 03:00 EDT, 1 Nov 02:00 EDT -> 01:00 EST).
import { describe, expect, it } from 'vitest';
import { ScheduleInputError } from './input';
import { instantToLocal, isIanaZone, localToInstant, resolveLocal } from './zone';

const iso = (d: Date) => d.toISOString();

describe('localToInstant and instantToLocal', () => {
  it('reads ordinary times with the season\'s offset, and round-trips', () => {
    expect(iso(localToInstant('2026-01-15T09:00', 'Europe/London'))).toBe('2026-01-15T09:00:00.000Z');
    expect(iso(localToInstant('2026-07-15T09:00', 'Europe/London'))).toBe('2026-07-15T08:00:00.000Z');
    expect(iso(localToInstant('2026-07-15T09:00:30', 'America/New_York'))).toBe('2026-07-15T13:00:30.000Z');
    expect(iso(localToInstant('2026-07-15T09:00', 'Asia/Kolkata'))).toBe('2026-07-15T03:30:00.000Z');
    const view = instantToLocal(new Date('2026-07-15T08:00:00Z'), 'Europe/London');
    expect(view).toEqual({ date: '2026-07-15', time: '09:00:00', weekday: 'wed', offsetMinutes: 60, iso: '2026-07-15T09:00:00+01:00' });
    expect(iso(localToInstant(`${view.date}T${view.time}`, 'Europe/London'))).toBe('2026-07-15T08:00:00.000Z');
    expect(instantToLocal(new Date('2026-01-15T14:00:00Z'), 'America/New_York').iso).toBe('2026-01-15T09:00:00-05:00');
  });

  it('moves a time in the spring-forward gap forward by the gap (London)', () => {
    expect(resolveLocal('2026-03-29T00:59', 'Europe/London')).toEqual({ instant: new Date('2026-03-29T00:59:00Z'), fit: 'exact' });
    const gap = resolveLocal('2026-03-29T01:30', 'Europe/London');
    expect(gap).toEqual({ instant: new Date('2026-03-29T01:30:00Z'), fit: 'gap' });
    expect(instantToLocal(gap.instant, 'Europe/London').iso).toBe('2026-03-29T02:30:00+01:00');
    expect(resolveLocal('2026-03-29T02:00', 'Europe/London')).toEqual({ instant: new Date('2026-03-29T01:00:00Z'), fit: 'exact' });
  });

  it('takes the first of a time that happens twice (London autumn)', () => {
    const overlap = resolveLocal('2026-10-25T01:30', 'Europe/London');
    expect(overlap).toEqual({ instant: new Date('2026-10-25T00:30:00Z'), fit: 'overlap' });
    expect(instantToLocal(overlap.instant, 'Europe/London').offsetMinutes).toBe(60);
    // the second 01:30 reads back the same wall time at GMT
    expect(instantToLocal(new Date('2026-10-25T01:30:00Z'), 'Europe/London').iso).toBe('2026-10-25T01:30:00+00:00');
    expect(resolveLocal('2026-10-25T02:00', 'Europe/London')).toEqual({ instant: new Date('2026-10-25T02:00:00Z'), fit: 'exact' });
  });

  it('does the same in New York', () => {
    expect(resolveLocal('2026-03-08T02:30', 'America/New_York')).toEqual({ instant: new Date('2026-03-08T07:30:00Z'), fit: 'gap' });
    expect(instantToLocal(new Date('2026-03-08T07:30:00Z'), 'America/New_York').iso).toBe('2026-03-08T03:30:00-04:00');
    expect(resolveLocal('2026-11-01T01:30', 'America/New_York')).toEqual({ instant: new Date('2026-11-01T05:30:00Z'), fit: 'overlap' });
    expect(iso(localToInstant('2026-11-01T03:00', 'America/New_York'))).toBe('2026-11-01T08:00:00.000Z');
  });

  it('gives the weekday of the zone, not of UTC', () => {
    const fridayNightInNewYork = new Date('2026-11-28T04:30:00Z');
    expect(instantToLocal(fridayNightInNewYork, 'America/New_York').weekday).toBe('fri');
    expect(instantToLocal(fridayNightInNewYork, 'UTC').weekday).toBe('sat');
    expect(instantToLocal(new Date('2026-11-26T22:00:00Z'), 'Pacific/Auckland')).toMatchObject({ date: '2026-11-27', weekday: 'fri', offsetMinutes: 780 });
  });
});

describe('zone and local date-time validation', () => {
  it('knows IANA names and refuses offsets and typos', () => {
    expect(isIanaZone('Europe/London')).toBe(true);
    expect(isIanaZone('UTC')).toBe(true);
    expect(isIanaZone('America/Argentina/Buenos_Aires')).toBe(true);
    expect(isIanaZone('Europe/Londn')).toBe(false);
    expect(isIanaZone('+01:00')).toBe(false);
    expect(isIanaZone('')).toBe(false);
  });

  it('names the field and the reason', () => {
    expect(() => localToInstant('2026-03-29T09:00', 'Europe/Londn')).toThrow("zone: 'Europe/Londn' is not an IANA time zone");
    expect(() => localToInstant('2026-02-30T09:00', 'UTC')).toThrow("local: '2026-02-30' is not a real date");
    expect(() => localToInstant('2026-02-10T24:00', 'UTC')).toThrow("local: '2026-02-10T24:00' is not a real time of day");
    expect(() => localToInstant('10/02/2026 09:00', 'UTC')).toThrow(/^local: .* YYYY-MM-DDTHH:mm$/);
    expect(() => instantToLocal(new Date(Number.NaN), 'UTC')).toThrow('instant: must be a valid Date');
    try {
      localToInstant('nope', 'Mars/Olympus');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScheduleInputError);
      expect((error as ScheduleInputError).issues.map((issue) => issue.field)).toEqual(['local', 'zone']);
    }
  });
});
