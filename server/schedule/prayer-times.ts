// The day's prayer times at a place, computed offline by `adhan`: the
// location schema (coordinates, zone, calculation method, Asr madhab) and one
// function from (location, calendar date) to instants. Times come rounded to
// the minute, as adhan publishes them. No network, no clock.
import { CalculationMethod, Coordinates, HighLatitudeRule, Madhab, PolarCircleResolution, PrayerTimes } from 'adhan';
import { z } from 'zod';
import { type CivilDate, civilDateParts, civilDateSchema } from './civil-date';
import { parseScheduleInput } from './input';
import { zoneSchema } from './zone';

/** The times a slot can be relative to, in the order of the day (sunrise is not a prayer but marks Duha and the Eid prayer). */
export const PRAYER_ANCHORS = ['fajr', 'sunrise', 'dhuhr', 'asr', 'maghrib', 'isha'] as const;
export type PrayerAnchor = (typeof PRAYER_ANCHORS)[number];

/** adhan's method names; NorthAmerica is ISNA, UmmAlQura is Makkah's. */
export const CALCULATION_METHODS = [
  'MuslimWorldLeague',
  'Egyptian',
  'Karachi',
  'UmmAlQura',
  'Dubai',
  'MoonsightingCommittee',
  'NorthAmerica',
  'Kuwait',
  'Qatar',
  'Singapore',
  'Tehran',
  'Turkey',
] as const satisfies readonly (keyof typeof CalculationMethod)[];

const HIGH_LATITUDE_RULES = {
  'middle-of-the-night': HighLatitudeRule.MiddleOfTheNight,
  'seventh-of-the-night': HighLatitudeRule.SeventhOfTheNight,
  'twilight-angle': HighLatitudeRule.TwilightAngle,
} as const;

const between = (min: number, max: number) => z.number({ error: 'must be a number' }).min(min, `must be between ${min} and ${max}`).max(max, `must be between ${min} and ${max}`);

export const locationSchema = z.object({
  lat: between(-90, 90),
  lon: between(-180, 180),
  /** the zone whose calendar date a prayer belongs to (Friday there is Jumu'ah) */
  zone: zoneSchema,
  method: z.enum(CALCULATION_METHODS, { error: `must be one of ${CALCULATION_METHODS.join(', ')} (NorthAmerica is ISNA)` }),
  madhab: z.enum(['shafi', 'hanafi'], { error: "must be 'shafi' or 'hanafi' (Hanafi Asr is later)" }).default('shafi'),
  /** caps Fajr and Isha where twilight lasts all night (UK summer); adhan's default is middle-of-the-night */
  highLatitudeRule: z.enum(Object.keys(HIGH_LATITUDE_RULES) as [keyof typeof HIGH_LATITUDE_RULES]).optional(),
});

export type Location = z.output<typeof locationSchema>;
export type LocationInput = z.input<typeof locationSchema>;

export type DayPrayerTimes = Record<PrayerAnchor, Date>;

/** Prayer times at `location` on calendar date `date` (the location's own date). */
export function prayerTimesOn(location: LocationInput, date: string): DayPrayerTimes {
  const input = parseScheduleInput(z.object({ location: locationSchema, date: civilDateSchema }), { location, date });
  return dayPrayerTimes(input.location, input.date);
}

/** prayerTimesOn without validation, for callers that already checked. */
export function dayPrayerTimes(location: Location, date: CivilDate): DayPrayerTimes {
  const params = CalculationMethod[location.method]();
  params.madhab = location.madhab === 'hanafi' ? Madhab.Hanafi : Madhab.Shafi;
  if (location.highLatitudeRule) params.highLatitudeRule = HIGH_LATITUDE_RULES[location.highLatitudeRule];
  // inside the polar circles, borrow the nearest day that has a sunrise and sunset
  params.polarCircleResolution = PolarCircleResolution.AqrabYaum;
  const [year, month, day] = civilDateParts(date);
  // adhan reads only the year, month and day of this Date, through the local-time getters
  const times = new PrayerTimes(new Coordinates(location.lat, location.lon), new Date(year, month - 1, day, 12), params);
  const result: DayPrayerTimes = { fajr: times.fajr, sunrise: times.sunrise, dhuhr: times.dhuhr, asr: times.asr, maghrib: times.maghrib, isha: times.isha };
  for (const anchor of PRAYER_ANCHORS) {
    if (Number.isNaN(result[anchor].getTime())) throw new RangeError(`location: no ${anchor} time at ${location.lat}, ${location.lon} on ${date}`);
  }
  return result;
}
