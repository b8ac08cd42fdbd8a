// Hijri series under Umm al-Qura: the nights of Ramadan 1448, the first ten
// of Dhu al-Hijjah, Ayyam al-Bid, the morning of Eid al-Fitr and every
// Jumu'ah, checked against Intl's own islamic-umalqura formatting and the
// Hijri helpers of compositions/hijri-countdown.
import { describe, expect, it } from 'vitest';
import { hijriOf, nextOccurrence } from '../../compositions/hijri-countdown/hijri';
import { addDays, utcMidnight } from './civil-date';
import { HIJRI_SERIES } from './hijri-days';
import { prayerTimesOn } from './prayer-times';
import { expandSeries } from './series';
import { instantToLocal } from './zone';

const cairo = { lat: 30.0444, lon: 31.2357, zone: 'Africa/Cairo', method: 'Egyptian' } as const;
const from = new Date('2026-11-25T00:00:00Z');
const to = new Date('2028-11-25T00:00:00Z');
const umalqura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

describe('Ramadan 1448 (Umm al-Qura)', () => {
  it('begins on 8 February 2027 and has 29 days', () => {
    expect(umalqura.format(utcMidnight('2027-02-08'))).toMatch(/Ramadan 1, 1448/);
    expect(umalqura.format(utcMidnight('2027-03-08'))).toMatch(/Ramadan 29, 1448/);
    expect(umalqura.format(utcMidnight('2027-03-09'))).toMatch(/Shawwal 1, 1448/);
  });

  it('posts each night on the evening before its day: night 1 is the evening of 7 February, after Isha', () => {
    const nights = expandSeries({ zone: 'Africa/Cairo', start: '2026-11-25', repeat: HIJRI_SERIES.ramadanNights(1448), at: ['isha+30'], location: cairo }, from, to);
    expect(nights).toHaveLength(29);
    expect(nights[0]!.date).toBe('2027-02-07');
    expect(nights.at(-1)!.date).toBe('2027-03-07');
    nights.forEach((night, i) => {
      expect(night.hijri).toEqual({ year: 1448, month: 9, day: i + 1 });
      expect(hijriOf(utcMidnight(addDays(night.date, 1)))).toEqual({ year: 1448, month: 9, day: i + 1 });
      expect(night.at.getTime()).toBe(prayerTimesOn(cairo, night.date).isha.getTime() + 30 * 60_000);
      expect(instantToLocal(night.at, 'Africa/Cairo').date).toBe(night.date);
    });
  });

  it('takes the next Ramadan when no year is given, and a count stops it', () => {
    const rule = { zone: 'Africa/Cairo', start: '2026-11-25', count: 3, repeat: HIJRI_SERIES.ramadanNights(), at: ['maghrib+15'], location: cairo } as const;
    expect(expandSeries(rule, from, to).map((o) => o.date)).toEqual(['2027-02-07', '2027-02-08', '2027-02-09']);
    // every year without a count: 1448 and 1449 within two years
    const years = new Set(expandSeries({ ...rule, count: undefined }, from, to).map((o) => o.hijri?.year));
    expect([...years]).toEqual([1448, 1449]);
  });
});

describe('other Hijri series', () => {
  it('gives the first ten days of Dhu al-Hijjah 1448, Arafah on the 9th as the countdown helper has it', () => {
    const days = expandSeries({ zone: 'Asia/Riyadh', start: '2026-11-25', repeat: HIJRI_SERIES.dhulHijjahFirstTen(1448), at: ['09:00'] }, from, to);
    expect(days.map((d) => d.date)).toEqual(Array.from({ length: 10 }, (_, i) => addDays('2027-05-07', i)));
    expect(days[8]!.date).toBe(nextOccurrence('day-of-arafah', '2026-11-25').gregorian);
    expect(instantToLocal(days[0]!.at, 'Asia/Riyadh').iso).toBe('2027-05-07T09:00:00+03:00');
  });

  it('gives Ayyam al-Bid, the 13th to 15th, in every Hijri month', () => {
    // 25 November 2026 is 15 Jumada al-Akhirah 1448; start the day after
    expect(hijriOf(utcMidnight('2026-11-25'))).toEqual({ year: 1448, month: 6, day: 15 });
    const days = expandSeries({ zone: 'Europe/London', start: '2026-11-26', repeat: HIJRI_SERIES.ayyamAlBid(), at: ['07:00'] }, from, new Date('2027-03-01T00:00:00Z'));
    expect(days.map((d) => d.hijri?.day)).toEqual([13, 14, 15, 13, 14, 15, 13, 14, 15]);
    expect(days.map((d) => d.hijri?.month)).toEqual([7, 7, 7, 8, 8, 8, 9, 9, 9]);
    for (const day of days) expect(hijriOf(utcMidnight(day.date))).toEqual(day.hijri);
  });

  it('gives the morning of Eid al-Fitr, after sunrise', () => {
    const eid = expandSeries({ zone: 'Africa/Cairo', start: '2026-11-25', count: 1, repeat: HIJRI_SERIES.eidAlFitr(), at: ['sunrise+25'], location: cairo }, from, to);
    expect(eid).toHaveLength(1);
    expect(eid[0]!.date).toBe(nextOccurrence('eid-al-fitr', '2026-11-25').gregorian);
    expect(eid[0]!.date).toBe('2027-03-09');
    expect(eid[0]!.at.getTime()).toBe(prayerTimesOn(cairo, '2027-03-09').sunrise.getTime() + 25 * 60_000);
  });

  it('posts every Jumu\'ah on the Friday of its zone, after Friday Dhuhr', () => {
    const jakarta = { lat: -6.2088, lon: 106.8456, zone: 'Asia/Jakarta', method: 'Singapore' } as const;
    const newYork = { lat: 40.7128, lon: -74.006, zone: 'America/New_York', method: 'NorthAmerica' } as const;
    for (const location of [jakarta, newYork]) {
      const fridays = expandSeries({ zone: location.zone, start: '2026-11-25', count: 4, repeat: HIJRI_SERIES.jumuah(), at: ['dhuhr+45'], location }, from, to);
      expect(fridays.map((f) => f.date)).toEqual(['2026-11-27', '2026-12-04', '2026-12-11', '2026-12-18']);
      for (const friday of fridays) {
        expect(instantToLocal(friday.at, location.zone).weekday).toBe('fri');
        expect(friday.at.getTime()).toBe(prayerTimesOn(location, friday.date).dhuhr.getTime() + 45 * 60_000);
      }
    }
    // a Friday-night post in New York is already Saturday in UTC, and still Friday's
    const night = expandSeries({ zone: 'America/New_York', start: '2026-11-25', count: 1, repeat: HIJRI_SERIES.jumuah(), at: ['21:00'] }, from, to)[0]!;
    expect(night.at.toISOString()).toBe('2026-11-28T02:00:00.000Z');
    expect(night.date).toBe('2026-11-27');
  });

  it('refuses a Hijri year outside the Umm al-Qura table and days outside 1-30, naming the field', () => {
    const rule = { zone: 'UTC', start: '2026-11-25', at: ['09:00'] } as const;
    expect(() => expandSeries({ ...rule, repeat: HIJRI_SERIES.ramadanNights(1700) }, from, to)).toThrow('repeat.hijriYear: must be between 1300 and 1600 (the Umm al-Qura table)');
    expect(() => expandSeries({ ...rule, repeat: { freq: 'hijri', month: 13, days: [31] } }, from, to)).toThrow('repeat.month: must be a Hijri month 1-12; repeat.days[0]: must be a Hijri day 1-30');
  });
});
