// Surah metadata (SURAHS, getSurah, findSurahByName), cross-checked against the independent quran-meta package.
import { describe, expect, it } from 'vitest';
import { getAyahCountInSurah, getSurahMeta, meta, type Surah } from 'quran-meta/hafs';
import { findSurahByName, getSurah, SURAH_COUNT, SURAHS } from './surahs';

// quran-meta types surah numbers as the literal union 1 | 2 | ... | 114.
const metaAyahCount = (n: number) => getAyahCountInSurah(n as Surah);
const metaSurah = (n: number) => getSurahMeta(n as Surah);

describe('SURAHS', () => {
  it('has 114 surahs numbered 1..114 in order', () => {
    expect(SURAHS).toHaveLength(114);
    expect(SURAH_COUNT).toBe(114);
    expect(SURAH_COUNT).toBe(meta.numSurahs);
    expect(SURAHS.map((s) => s.number)).toEqual(Array.from({ length: 114 }, (_, i) => i + 1));
  });

  it('holds 6236 ayahs in total, matching quran-meta', () => {
    const total = SURAHS.reduce((sum, s) => sum + s.ayahCount, 0);
    expect(total).toBe(6236);
    expect(total).toBe(meta.numAyahs);
  });

  it.each(SURAHS.map((s) => [s.number, s.ayahCount] as const))(
    'surah %i has %i ayahs, as quran-meta says',
    (number, ayahCount) => {
      expect(ayahCount).toBe(metaAyahCount(number));
    },
  );

  it('agrees with quran-meta on which surahs are Meccan and Medinan', () => {
    const mismatches = SURAHS.filter((s) => (metaSurah(s.number).isMeccan ? 'meccan' : 'medinan') !== s.revelation);
    expect(mismatches.map((s) => s.number)).toEqual([]);
    expect(SURAHS.filter((s) => s.revelation === 'meccan')).toHaveLength(86);
    expect(SURAHS.filter((s) => s.revelation === 'medinan')).toHaveLength(28);
  });

  it('has the well-known extremes: Al-Baqarah longest, three surahs of 3 ayahs', () => {
    const counts = SURAHS.map((s) => s.ayahCount);
    expect(Math.max(...counts)).toBe(286);
    expect(SURAHS.filter((s) => s.ayahCount === 286).map((s) => s.number)).toEqual([2]);
    expect(SURAHS.filter((s) => s.ayahCount === 3).map((s) => s.number)).toEqual([103, 108, 110]);
    expect(Math.min(...counts)).toBe(3);
  });

  it('describes Al-Baqarah as SURAHS[1]', () => {
    expect(SURAHS[1]).toEqual({
      number: 2,
      nameArabic: 'البقرة',
      nameTransliterated: 'Al-Baqarah',
      nameEnglish: 'The Cow',
      revelation: 'medinan',
      ayahCount: 286,
    });
  });

  it('has the expected names at a few other places', () => {
    expect(SURAHS[0]).toMatchObject({ number: 1, nameArabic: 'الفاتحة', nameTransliterated: 'Al-Fatihah', nameEnglish: 'The Opener', ayahCount: 7 });
    expect(SURAHS[35]).toMatchObject({ number: 36, nameArabic: 'يس', nameTransliterated: 'Ya-Sin', ayahCount: 83 });
    expect(SURAHS[111]).toMatchObject({ number: 112, nameArabic: 'الإخلاص', nameTransliterated: 'Al-Ikhlas', ayahCount: 4 });
    expect(SURAHS[113]).toMatchObject({ number: 114, nameArabic: 'الناس', nameTransliterated: 'An-Nas', nameEnglish: 'Mankind', ayahCount: 6 });
  });

  it('gives every surah non-empty names and a positive integer ayah count', () => {
    for (const s of SURAHS) {
      expect(s.nameArabic.trim()).not.toBe('');
      expect(s.nameTransliterated.trim()).not.toBe('');
      expect(s.nameEnglish.trim()).not.toBe('');
      expect(Number.isInteger(s.ayahCount) && s.ayahCount > 0).toBe(true);
      expect(['meccan', 'medinan']).toContain(s.revelation);
    }
  });
});

describe('getSurah', () => {
  it('returns the surah with that number', () => {
    expect(getSurah(1).nameTransliterated).toBe('Al-Fatihah');
    expect(getSurah(2)).toBe(SURAHS[1]);
    expect(getSurah(114).nameTransliterated).toBe('An-Nas');
  });

  it.each([0, 115, -1, 1.5, Number.NaN])('throws a RangeError for %s', (n) => {
    expect(() => getSurah(n)).toThrow(RangeError);
    expect(() => getSurah(n)).toThrow(`There are 114 surahs; ${n} does not exist`);
  });
});

describe('findSurahByName', () => {
  it.each(SURAHS.map((s) => [s.number, s.nameTransliterated, s.nameEnglish, s.nameArabic] as const))(
    'finds surah %i by its own names (%s / %s / %s)',
    (number, transliterated, english, arabic) => {
      expect(findSurahByName(transliterated)?.number).toBe(number);
      expect(findSurahByName(english)?.number).toBe(number);
      expect(findSurahByName(arabic)?.number).toBe(number);
    },
  );

  it.each([
    'Al-Baqarah',
    'al-baqarah',
    'AL-BAQARAH',
    'al baqarah',
    'albaqarah',
    'Baqarah',
    'Surah Al-Baqarah',
    'Surat Al-Baqarah',
    'sura baqarah',
    '  Al-Baqarah  ',
    'The Cow',
    'the cow',
    'Cow',
    'Baqara',
    'بقرة',
    'سورة البقرة',
    'البقرة',
    'البَقَرَة',
  ])('finds Al-Baqarah from %j', (name) => {
    expect(findSurahByName(name)).toBe(SURAHS[1]);
  });

  it('ignores Latin diacritics and Arabic harakat', () => {
    expect(findSurahByName('al-fātiḥah')?.number).toBe(1);
    expect(findSurahByName('الفَاتِحة')?.number).toBe(1);
    expect(findSurahByName('إبراهيم')?.number).toBe(14);
  });

  it("resolves every one of quran-meta's vocalised Arabic names (Ash-Shura is spelt with ي there)", () => {
    const unresolved = SURAHS.filter((s) => findSurahByName(metaSurah(s.number).name)?.number !== s.number);
    expect(unresolved.map((s) => s.number)).toEqual([]);
  });

  it.each(['', '   ', 'Foo', 'Surah', 'The', '2', 'Al-Baqarah 3', 'Al-Fatihah 5', 'البقرة ٣', 'Al', 'ال'])(
    'returns undefined for %j',
    (name) => {
      expect(findSurahByName(name)).toBeUndefined();
    },
  );
});
