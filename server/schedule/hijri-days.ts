// Series days chosen on the Islamic calendar (Umm al-Qura, read through
// compositions/hijri-countdown/hijri.ts): a Hijri month (or every month), its
// days, a Hijri year (or every year), and the named series built from them.
//
// The Hijri day begins at sunset, so its night comes before its daytime.
// With `eve: true` a series posts on the civil evening *before* each chosen
// Hijri day: night N of Ramadan is the evening of the civil date preceding
// N Ramadan (night 1 of Ramadan 1447 is the evening of 17 February 2026, the
// first Tarawih; 1 Ramadan, the first fast, is 18 February). Pair `eve` with
// evening times (maghrib+N, isha+N, '21:00'); a time after midnight belongs to
// the Hijri day's own civil date, so use `eve: false` for suhoor posts.
// Umm al-Qura is computed: where the month begins on local sighting, a day's
// difference is possible.
import { z } from 'zod';
import { type HijriDate, hijriOf } from '../../compositions/hijri-countdown/hijri';
import { type CivilDate, addDays, utcMidnight } from './civil-date';

/** ICU's Umm al-Qura table covers these years; outside it Intl falls back to an arithmetic calendar. */
export const UMM_AL_QURA_YEARS = { first: 1300, last: 1600 } as const;

export const hijriRepeatSchema = z.object({
  freq: z.literal('hijri'),
  /** 1 Muharram … 12 Dhu al-Hijjah; absent means every month */
  month: z.int({ error: 'must be a Hijri month 1-12' }).min(1, 'must be a Hijri month 1-12').max(12, 'must be a Hijri month 1-12').optional(),
  days: z.array(z.int({ error: 'must be a Hijri day 1-30' }).min(1, 'must be a Hijri day 1-30').max(30, 'must be a Hijri day 1-30')).min(1, 'must name at least one Hijri day').readonly(),
  /** absent means every year */
  hijriYear: z
    .int({ error: 'must be a whole Hijri year' })
    .min(UMM_AL_QURA_YEARS.first, `must be between ${UMM_AL_QURA_YEARS.first} and ${UMM_AL_QURA_YEARS.last} (the Umm al-Qura table)`)
    .max(UMM_AL_QURA_YEARS.last, `must be between ${UMM_AL_QURA_YEARS.first} and ${UMM_AL_QURA_YEARS.last} (the Umm al-Qura table)`)
    .optional(),
  /** post on the evening before each Hijri day (its night), see above */
  eve: z.boolean({ error: 'must be true or false' }).default(false),
});

export type HijriRepeat = z.output<typeof hijriRepeatSchema>;
export type HijriRepeatInput = z.input<typeof hijriRepeatSchema>;

/** The Hijri day a series posting on civil date `date` stands for, or null when `date` is not one of its days. */
export function hijriDayOf(repeat: HijriRepeat, date: CivilDate): HijriDate | null {
  const hijri = hijriOf(utcMidnight(repeat.eve ? addDays(date, 1) : date));
  const chosen =
    (repeat.hijriYear === undefined || hijri.year === repeat.hijriYear) &&
    (repeat.month === undefined || hijri.month === repeat.month) &&
    repeat.days.includes(hijri.day);
  return chosen ? hijri : null;
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The named series of the Islamic year, as `repeat` values for a series rule. */
export const HIJRI_SERIES = {
  /** every Friday; with at 'dhuhr+N' it follows Jumu'ah */
  jumuah: () => ({ freq: 'weekly', days: ['fri'] }) as const,
  /** each night of Ramadan (1-30; a 29-day month has no night 30), on the evening before each day */
  ramadanNights: (hijriYear?: number): HijriRepeatInput => ({ freq: 'hijri', month: 9, days: range(1, 30), eve: true, hijriYear }),
  /** the first ten days of Dhu al-Hijjah, Arafah (9) and the Eid (10) included */
  dhulHijjahFirstTen: (hijriYear?: number): HijriRepeatInput => ({ freq: 'hijri', month: 12, days: range(1, 10), hijriYear }),
  /** Ayyam al-Bid, the 13th, 14th and 15th of every Hijri month */
  ayyamAlBid: (): HijriRepeatInput => ({ freq: 'hijri', days: [13, 14, 15] }),
  /** 1 Shawwal; with at 'sunrise+N' it is the Eid morning */
  eidAlFitr: (hijriYear?: number): HijriRepeatInput => ({ freq: 'hijri', month: 10, days: [1], hijriYear }),
};
