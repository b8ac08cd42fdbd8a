// Dates of the Islamic (Hijri) calendar, Umm al-Qura reckoning, read through
// Intl: the Hijri year/month/day of a Gregorian date, and the next day an
// event falls on from a given `today`. Pure and Node-safe; `today` is always
// passed in (never the clock) so renders are deterministic. Umm al-Qura is a
// computed calendar: local moon sighting may differ by a day.

export const HIJRI_EVENTS = ['ramadan', 'eid-al-fitr', 'eid-al-adha', 'day-of-arafah', 'islamic-new-year', 'jumuah'] as const;
export type HijriEvent = (typeof HIJRI_EVENTS)[number];

export interface HijriDate {
  year: number;
  month: number;
  day: number;
}

/** Hijri month and day of each dated event (Jumu'ah is weekly). */
export const EVENT_DATES: Record<Exclude<HijriEvent, 'jumuah'>, { month: number; day: number }> = {
  ramadan: { month: 9, day: 1 },
  'eid-al-fitr': { month: 10, day: 1 },
  'eid-al-adha': { month: 12, day: 10 },
  'day-of-arafah': { month: 12, day: 9 },
  'islamic-new-year': { month: 1, day: 1 },
};

export const EVENT_NAMES: Record<HijriEvent, string> = {
  ramadan: 'Ramadan',
  'eid-al-fitr': 'Eid al-Fitr',
  'eid-al-adha': 'Eid al-Adha',
  'day-of-arafah': 'the Day of Arafah',
  'islamic-new-year': 'the Islamic New Year',
  jumuah: 'Jumu\u2019ah',
};

export const HIJRI_MONTHS = [
  'Muharram',
  'Safar',
  'Rabi\u2019 al-Awwal',
  'Rabi\u2019 al-Thani',
  'Jumada al-Ula',
  'Jumada al-Akhirah',
  'Rajab',
  'Sha\u2019ban',
  'Ramadan',
  'Shawwal',
  'Dhu al-Qa\u2019dah',
  'Dhu al-Hijjah',
] as const;

const GREGORIAN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
export const MAX_STEPS = 400;

/** Why `value` is not a real 'YYYY-MM-DD' date, or null when it is. */
export function isoDateProblem(value: string): string | null {
  const match = ISO_DATE.exec(value);
  if (!match) return `today: "${value}" is not a date written YYYY-MM-DD`;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (Number.isNaN(date.getTime()) || toIso(date) !== value) return `today: "${value}" is not a real date`;
  return null;
}

/** Midnight UTC of a 'YYYY-MM-DD' date; throws a RangeError naming `today` otherwise. */
export function parseIsoDate(value: string): Date {
  const problem = isoDateProblem(value);
  if (problem) throw new RangeError(problem);
  return new Date(`${value}T00:00:00Z`);
}

export const toIso = (date: Date): string => date.toISOString().slice(0, 10);

let formatter: Intl.DateTimeFormat | undefined;

/** The Umm al-Qura Hijri date of a Gregorian date (its UTC day). */
export function hijriOf(date: Date): HijriDate {
  formatter ??= new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const parts = formatter.formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => {
    const value = parts.find((p) => p.type === type)?.value;
    const n = Number(value);
    if (value === undefined || !Number.isInteger(n)) throw new Error(`This JavaScript runtime cannot read the Umm al-Qura calendar (no ${type} in "${formatter!.format(date)}")`);
    return n;
  };
  return { year: part('year'), month: part('month'), day: part('day') };
}

export interface Occurrence {
  /** the day of the event, 'YYYY-MM-DD' */
  gregorian: string;
  hijri: HijriDate;
  hijriYear: number;
  /** 0 when `today` is the day */
  daysUntil: number;
}

/** The first day on or after `today` that `event` falls on. */
export function nextOccurrence(event: HijriEvent, today: string): Occurrence {
  const start = parseIsoDate(today).getTime();
  for (let step = 0; step <= MAX_STEPS; step++) {
    const date = new Date(start + step * DAY_MS);
    const matches = event === 'jumuah' ? date.getUTCDay() === 5 : sameDay(hijriOf(date), EVENT_DATES[event]);
    if (matches) {
      const hijri = hijriOf(date);
      return { gregorian: toIso(date), hijri, hijriYear: hijri.year, daysUntil: step };
    }
  }
  throw new RangeError(`today: no ${EVENT_NAMES[event]} within ${MAX_STEPS} days of ${today}`);
}

const sameDay = (a: HijriDate, b: { month: number; day: number }) => a.month === b.month && a.day === b.day;

/** "1 Ramadan 1448 AH" */
export const formatHijri = (d: HijriDate): string => `${d.day} ${HIJRI_MONTHS[d.month - 1] ?? `month ${d.month}`} ${d.year} AH`;

/** "18 February 2026" */
export function formatGregorian(iso: string): string {
  const date = parseIsoDate(iso);
  return `${date.getUTCDate()} ${GREGORIAN_MONTHS[date.getUTCMonth()]!} ${date.getUTCFullYear()}`;
}

/** The event as a reader says it: "Ramadan 1448", "Eid al-Fitr 1447", "Jumu’ah". */
export const eventTitle = (event: HijriEvent, hijriYear: number): string =>
  event === 'jumuah' ? EVENT_NAMES[event] : `${EVENT_NAMES[event]} ${hijriYear}`;

/** The words by the count: "days until Ramadan 1448", "day until …", or "Today is Eid al-Fitr" on the day. */
export function countdownLabel(event: HijriEvent, occurrence: Pick<Occurrence, 'daysUntil' | 'hijriYear'>): string {
  if (occurrence.daysUntil === 0) {
    if (event === 'ramadan') return `Ramadan ${occurrence.hijriYear} begins today`;
    const name = EVENT_NAMES[event];
    return `Today is ${name}`;
  }
  return `${occurrence.daysUntil === 1 ? 'day' : 'days'} until ${eventTitle(event, occurrence.hijriYear)}`;
}

/** Events whose sky carries a crescent moon: Ramadan, both Eids and the New Year. */
export const hasCrescent = (event: HijriEvent): boolean => event !== 'jumuah' && event !== 'day-of-arafah';
