// Prayer times against sources outside adhan's own code: the Umm al-Qura
// University's published Makkah timetable (as transcribed with its source in
// adhan-js's Shared/Times/Makkah-UmmAlQura.json), and, for Cairo under the
// Egyptian method (whose Maghrib is sunset with no adjustment), sunset from
// the textbook sunrise equation computed here independently.
import { describe, expect, it } from 'vitest';
import { prayerTimesOn } from './prayer-times';
import { instantToLocal } from './zone';

const makkah = { lat: 21.427009, lon: 39.828685, zone: 'Asia/Riyadh', method: 'UmmAlQura' } as const;
const cairo = { lat: 30.0444, lon: 31.2357, zone: 'Africa/Cairo', method: 'Egyptian' } as const;
const MINUTE = 60_000;

/** Local wall time 'HH:mm' at `zone`. */
const hhmm = (at: Date, zone: string) => instantToLocal(at, zone).time.slice(0, 5);
const minutesApart = (a: Date, b: Date) => Math.abs(a.getTime() - b.getTime()) / MINUTE;

/** Sunset by the sunrise equation (Meeus-derived, as in the NOAA/Wikipedia "Sunrise equation"), with -0.833 degrees for refraction and the disc. */
function sunset(date: string, lat: number, lon: number): Date {
  const rad = Math.PI / 180;
  const julianNoon = Date.parse(`${date}T12:00:00Z`) / 86_400_000 + 2_440_587.5;
  const n = Math.round(julianNoon - 2_451_545.0 + 0.0008);
  const meanNoon = n - lon / 360;
  const anomaly = (357.5291 + 0.98560028 * meanNoon) % 360;
  const centre = 1.9148 * Math.sin(anomaly * rad) + 0.02 * Math.sin(2 * anomaly * rad) + 0.0003 * Math.sin(3 * anomaly * rad);
  const longitude = (anomaly + centre + 180 + 102.9372) % 360;
  const transit = 2_451_545.0 + meanNoon + 0.0053 * Math.sin(anomaly * rad) - 0.0069 * Math.sin(2 * longitude * rad);
  const declination = Math.asin(Math.sin(longitude * rad) * Math.sin(23.4397 * rad));
  const hourAngle = Math.acos((Math.sin(-0.833 * rad) - Math.sin(lat * rad) * Math.sin(declination)) / (Math.cos(lat * rad) * Math.cos(declination))) / rad;
  return new Date((transit + hourAngle / 360 - 2_440_587.5) * 86_400_000);
}

describe('prayerTimesOn', () => {
  it('matches the Umm al-Qura University timetable for Makkah within a minute', () => {
    // date, fajr, sunrise, dhuhr, asr, maghrib, isha (published, 24 h)
    const published = [
      ['2016-01-05', '05:38', '07:00', '12:26', '15:31', '17:52', '19:22'],
      ['2016-07-08', '04:18', '05:45', '12:26', '15:43', '19:07', '20:37'],
      ['2016-12-04', '05:23', '06:44', '12:11', '15:17', '17:38', '19:08'],
    ] as const;
    for (const [date, ...times] of published) {
      const computed = prayerTimesOn(makkah, date);
      const names = ['fajr', 'sunrise', 'dhuhr', 'asr', 'maghrib', 'isha'] as const;
      names.forEach((name, i) => {
        const expected = new Date(`${date}T${times[i]}:00+03:00`);
        expect(minutesApart(computed[name], expected), `${date} ${name}`).toBeLessThanOrEqual(1);
      });
      // Umm al-Qura's Isha is Maghrib + 90 minutes outside Ramadan
      expect(minutesApart(computed.isha, computed.maghrib)).toBe(90);
    }
  });

  it('puts Cairo\'s Egyptian-method Maghrib at sunset, within a minute of the sunrise equation', () => {
    for (const date of ['2026-03-20', '2026-06-21', '2026-12-21', '2027-02-07']) {
      const maghrib = prayerTimesOn(cairo, date).maghrib;
      expect(minutesApart(maghrib, sunset(date, cairo.lat, cairo.lon)), date).toBeLessThanOrEqual(1);
    }
    expect(hhmm(prayerTimesOn(cairo, '2026-03-20').maghrib, 'Africa/Cairo')).toBe('18:06');
  });

  it('puts Hanafi Asr after Shafi Asr, and leaves the rest alone', () => {
    const shafi = prayerTimesOn(cairo, '2026-06-21');
    const hanafi = prayerTimesOn({ ...cairo, madhab: 'hanafi' }, '2026-06-21');
    expect(hanafi.asr.getTime() - shafi.asr.getTime()).toBeGreaterThan(45 * MINUTE);
    expect(hanafi.maghrib).toEqual(shafi.maghrib);
  });

  it('gives every time in the polar summer (Tromsø), borrowing the nearest day with a sunset', () => {
    const tromso = { lat: 69.6492, lon: 18.9553, zone: 'Europe/Oslo', method: 'MuslimWorldLeague' } as const;
    const times = prayerTimesOn(tromso, '2026-06-21');
    expect(Object.values(times).every((t) => !Number.isNaN(t.getTime()))).toBe(true);
  });

  it('refuses bad locations, naming the field', () => {
    expect(() => prayerTimesOn({ ...cairo, lat: 91 }, '2026-03-20')).toThrow('location.lat: must be between -90 and 90');
    expect(() => prayerTimesOn({ ...cairo, lon: -181 }, '2026-03-20')).toThrow('location.lon: must be between -180 and 180');
    expect(() => prayerTimesOn({ ...cairo, zone: 'Africa/Kairo' }, '2026-03-20')).toThrow("location.zone: 'Africa/Kairo' is not an IANA time zone");
    // @ts-expect-error: not one of adhan's methods
    expect(() => prayerTimesOn({ ...cairo, method: 'ISNA' }, '2026-03-20')).toThrow(/^location\.method: must be one of .*NorthAmerica is ISNA/);
    expect(() => prayerTimesOn(cairo, '2026-02-29')).toThrow("date: '2026-02-29' is not a real date");
  });
});
