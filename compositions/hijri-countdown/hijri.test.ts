// Hijri date logic (Umm al-Qura through Intl), the countdown words, and the
// schema's checks of `today` and `line`.
import { describe, expect, it } from 'vitest';
import { countdownLabel, hijriOf, isoDateProblem, nextOccurrence, parseIsoDate, formatHijri, formatGregorian, HIJRI_EVENTS, EVENT_DATES } from './hijri';
import { countdownSeconds, hijriCountdownDefaults as defaults, hijriCountdownSchema } from './schema';

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('hijriOf', () => {
  it('agrees with Intl\'s own Umm al-Qura formatting: 1 Ramadan 1447 AH is 2026-02-18', () => {
    const long = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    expect(long.format(utc('2026-02-18'))).toMatch(/Ramadan 1, 1447/);
    expect(hijriOf(utc('2026-02-18'))).toEqual({ year: 1447, month: 9, day: 1 });
    expect(hijriOf(utc('2026-02-17'))).toEqual({ year: 1447, month: 8, day: 29 });
  });
});

describe('nextOccurrence', () => {
  it('counts days to 1 Ramadan and is 0 on the day itself', () => {
    expect(nextOccurrence('ramadan', '2026-02-06')).toMatchObject({ gregorian: '2026-02-18', hijriYear: 1447, daysUntil: 12 });
    expect(nextOccurrence('ramadan', '2026-02-18')).toMatchObject({ gregorian: '2026-02-18', hijriYear: 1447, daysUntil: 0 });
    // the day after, the next one is a Hijri year later
    const next = nextOccurrence('ramadan', '2026-02-19');
    expect(next.hijriYear).toBe(1448);
    expect(next.daysUntil).toBeGreaterThan(340);
  });

  it('lands on the Hijri day of each dated event', () => {
    for (const event of HIJRI_EVENTS) {
      if (event === 'jumuah') continue;
      const occurrence = nextOccurrence(event, '2026-11-25');
      expect(hijriOf(utc(occurrence.gregorian))).toEqual({ year: occurrence.hijriYear, ...EVENT_DATES[event] });
      expect(occurrence.daysUntil).toBeLessThanOrEqual(355);
      // and no earlier day since today matched
      for (let d = 0; d < occurrence.daysUntil; d++) {
        const h = hijriOf(new Date(utc('2026-11-25').getTime() + d * 86_400_000));
        expect(h.month === EVENT_DATES[event].month && h.day === EVENT_DATES[event].day).toBe(false);
      }
    }
  });

  it('puts Arafah the day before Eid al-Adha', () => {
    const arafah = nextOccurrence('day-of-arafah', '2026-11-25');
    const adha = nextOccurrence('eid-al-adha', '2026-11-25');
    expect(adha.daysUntil - arafah.daysUntil).toBe(1);
  });

  it('finds the next Friday for Jumu\'ah, 0 when today is Friday', () => {
    expect(utc('2026-11-27').getUTCDay()).toBe(5);
    expect(nextOccurrence('jumuah', '2026-11-27')).toMatchObject({ gregorian: '2026-11-27', daysUntil: 0 });
    expect(nextOccurrence('jumuah', '2026-11-25')).toMatchObject({ gregorian: '2026-11-27', daysUntil: 2 });
    expect(nextOccurrence('jumuah', '2026-11-28')).toMatchObject({ gregorian: '2026-12-04', daysUntil: 6 });
  });

  it('refuses a bad today, naming the field', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '26-02-01', '2026-2-1', 'tomorrow', '']) {
      expect(isoDateProblem(bad)).toMatch(/^today: /);
      expect(() => nextOccurrence('ramadan', bad)).toThrow(/today/);
    }
    expect(isoDateProblem('2028-02-29')).toBeNull();
    expect(parseIsoDate('2028-02-29').toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
});

describe('countdown words', () => {
  it('says days, a single day, and the day itself', () => {
    expect(countdownLabel('ramadan', { daysUntil: 12, hijriYear: 1448 })).toBe('days until Ramadan 1448');
    expect(countdownLabel('eid-al-adha', { daysUntil: 1, hijriYear: 1447 })).toBe('day until Eid al-Adha 1447');
    expect(countdownLabel('eid-al-fitr', { daysUntil: 0, hijriYear: 1447 })).toBe('Today is Eid al-Fitr');
    expect(countdownLabel('jumuah', { daysUntil: 3, hijriYear: 1448 })).toBe('days until Jumu\u2019ah');
  });

  it('writes the Hijri and Gregorian dates', () => {
    expect(formatHijri({ year: 1447, month: 9, day: 1 })).toBe('1 Ramadan 1447 AH');
    expect(formatGregorian('2026-02-18')).toBe('18 February 2026');
  });
});

describe('hijriCountdownSchema', () => {
  it('accepts the defaults', () => {
    expect(hijriCountdownSchema.safeParse(defaults).success).toBe(true);
  });

  it('names `today` when it is not a real date', () => {
    const result = hijriCountdownSchema.safeParse({ ...defaults, today: '2026-02-31' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['today']);
    expect(result.error!.issues[0]!.message).toMatch(/today/);
  });

  it('refuses Qur\'anic marks in the line, naming the field', () => {
    const result = hijriCountdownSchema.safeParse({ ...defaults, line: 'فَإِنَّ مَعَ ٱلۡعُسۡرِ يُسۡرًا ۝٥' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['line']);
    expect(result.error!.issues[0]!.message).toMatch(/verse reference/);
  });

  it('lasts 8 s without a line and 10 s with one', () => {
    expect(countdownSeconds({ line: '' })).toBe(8);
    expect(countdownSeconds({ line: 'x' })).toBe(10);
  });
});
