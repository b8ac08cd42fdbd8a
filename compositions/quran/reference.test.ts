// parseVerseReference / formatVerseRange: accepted forms, name spellings, exact error messages, round trips.
import { describe, expect, it } from 'vitest';
import { getAyahCountInSurah, type Surah } from 'quran-meta/hafs';
import { formatVerseRange, MAX_AYAHS_PER_REFERENCE, parseVerseReference, VerseReferenceError, type VerseRange } from './reference';
import { SURAHS } from './surahs';

const EXAMPLES = 'use surah:ayah such as "2:255", a range such as "94:5-6", or a name such as "Al-Baqarah 255"';

/** Runs parseVerseReference and returns the VerseReferenceError it throws (fails the test if it doesn't). */
function parseError(input: string): VerseReferenceError {
  try {
    parseVerseReference(input);
  } catch (error) {
    expect(error).toBeInstanceOf(VerseReferenceError);
    return error as VerseReferenceError;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe('parseVerseReference: accepted forms', () => {
  it.each<[string, VerseRange]>([
    ['2:255', { surah: 2, from: 255, to: 255 }],
    ['94:5-6', { surah: 94, from: 5, to: 6 }],
    ['1:1', { surah: 1, from: 1, to: 1 }],
    ['114:6', { surah: 114, from: 6, to: 6 }],
    ['2:286', { surah: 2, from: 286, to: 286 }],
    ['1:1-7', { surah: 1, from: 1, to: 7 }],
    ['2:255-255', { surah: 2, from: 255, to: 255 }],
    ['2:1-20', { surah: 2, from: 1, to: 20 }],
    ['  2:255  ', { surah: 2, from: 255, to: 255 }],
    ['2 : 255', { surah: 2, from: 255, to: 255 }],
    ['94:5 - 6', { surah: 94, from: 5, to: 6 }],
    ['94:5–6', { surah: 94, from: 5, to: 6 }], // en dash
    ['02:007', { surah: 2, from: 7, to: 7 }],
    ['٢:٢٥٥', { surah: 2, from: 255, to: 255 }], // Arabic-Indic digits
    ['۹۴:۵-۶', { surah: 94, from: 5, to: 6 }], // Extended (Persian) digits
  ])('numeric %j', (input, expected) => {
    expect(parseVerseReference(input)).toEqual(expected);
  });

  it.each<[string, VerseRange]>([
    ['Al-Baqarah 255', { surah: 2, from: 255, to: 255 }],
    ['al baqarah 255', { surah: 2, from: 255, to: 255 }],
    ['AL-BAQARAH 255', { surah: 2, from: 255, to: 255 }],
    ['Baqarah 255', { surah: 2, from: 255, to: 255 }],
    ['Surah Al-Baqarah 255', { surah: 2, from: 255, to: 255 }],
    ['Surat Al-Baqarah 255', { surah: 2, from: 255, to: 255 }],
    ['The Cow 255', { surah: 2, from: 255, to: 255 }],
    ['Al-Baqarah:255', { surah: 2, from: 255, to: 255 }],
    ['Al-Baqarah 255-257', { surah: 2, from: 255, to: 257 }],
    ['Ash-Sharh 5-6', { surah: 94, from: 5, to: 6 }],
    ['البقرة ٢٥٥', { surah: 2, from: 255, to: 255 }],
    ['البقرة 255', { surah: 2, from: 255, to: 255 }],
    ['الشرح ٥-٦', { surah: 94, from: 5, to: 6 }],
    ['al-fātiḥah 1', { surah: 1, from: 1, to: 1 }],
  ])('named %j', (input, expected) => {
    expect(parseVerseReference(input)).toEqual(expected);
  });

  // Spellings of common surah names that do resolve.
  it.each<[string, number]>([
    ['Ya-Sin 1', 36],
    ['Yasin 1', 36],
    ['Ya Sin 1', 36],
    ['يس 1', 36],
    ["Ali 'Imran 1", 3],
    ['Ali Imran 1', 3],
    ['Al-i-Imran 1', 3],
    ['Kahf 10', 18],
    ['Al-Kahf 10', 18],
    ['Rahman 13', 55],
    ['Ar-Rahman 13', 55],
    ['Mulk 1', 67],
    ['Taha 1', 20],
    ['Ta-Ha 1', 20],
    ['Tawbah 1', 9],
    ['Maryam 1', 19],
    ['Yusuf 4', 12],
    ['Ikhlas 1', 112],
    ['Falaq 1', 113],
    ['Nas 1', 114],
    ['An-Nas 1', 114],
    ['Ash-Shams 1', 91],
  ])('spelling %j → surah %i', (input, surah) => {
    expect(parseVerseReference(input).surah).toBe(surah);
  });

  it('accepts every ayah of every surah as "s:a", and rejects the one after the last', () => {
    let accepted = 0;
    for (const s of SURAHS) {
      for (let ayah = 1; ayah <= s.ayahCount; ayah++) {
        expect(parseVerseReference(`${s.number}:${ayah}`)).toEqual({ surah: s.number, from: ayah, to: ayah });
        accepted++;
      }
      expect(parseError(`${s.number}:${getAyahCountInSurah(s.number as Surah) + 1}`).message).toContain(
        `has ${getAyahCountInSurah(s.number as Surah)} ayahs`,
      );
    }
    expect(accepted).toBe(6236);
  });

  it('caps a reference at MAX_AYAHS_PER_REFERENCE = 20 ayahs, inclusive', () => {
    expect(MAX_AYAHS_PER_REFERENCE).toBe(20);
    expect(parseVerseReference('2:267-286')).toEqual({ surah: 2, from: 267, to: 286 });
    expect(parseError('2:266-286').message).toBe('The range has 21 ayahs; a reel holds at most 20');
  });
});

describe('parseVerseReference: common spellings and other names resolve to the right surah', () => {
  it.each<[string, number]>([
    ['Yaseen 1', 36],
    ['Al Imran 1', 3],
    ['Aal-e-Imran 1', 3],
    ['Fatiha 1', 1],
    ['Al Fatiha 1', 1],
    ['Baqara 255', 2],
    ['Cow 255', 2],
    ['Anfal 1', 8],
    ['Ankabut 1', 29],
    ['Adiyat 1', 100],
    ['Anbiya 1', 21],
    ['Al-Anbiya 1', 21],
    ['Shams 1', 91],
    ['Sharh 1', 94],
    ["Shu'ara 1", 26],
    ['Dhariyat 1', 51],
    ['Ad-Duha 1', 93],
    ['Ash-Shura 1', 42],
    ['At-Taubah 1', 9],
    ['Inshirah 5', 94],
    ['Nas 1', 114],
    ['Nasr 1', 110],
    ['Nisa 1', 4],
    ["Ra'd 28", 13],
    ['بقرة 255', 2],
    ['سورة البقرة ٢٥٥', 2],
    ['الشوري 1', 42],
  ])('%j → surah %i', (input, surah) => {
    expect(parseVerseReference(input).surah).toBe(surah);
  });

  it('does not drop a stray number from the name part ("Al-Baqarah 3:7" is not 2:7)', () => {
    expect(parseError('Al-Baqarah 3:7').message).toBe(`"Al-Baqarah 3" is not the name of a surah; ${EXAMPLES}`);
    expect(parseError('Al-Fatihah 5 3').message).toBe(`"Al-Fatihah 5" is not the name of a surah; ${EXAMPLES}`);
    expect(parseError('Surah 2:255').message).toBe(`"Surah 2" is not the name of a surah; ${EXAMPLES}`);
    expect(parseError('البقرة ٣ ٧').message).toBe(`"البقرة 3" is not the name of a surah; ${EXAMPLES}`);
  });
});

describe('parseVerseReference: errors', () => {
  it.each<[string, string]>([
    ['2:300', 'Al-Baqarah (surah 2) has 286 ayahs; ayah 300 does not exist'],
    ['Al-Baqarah 300', 'Al-Baqarah (surah 2) has 286 ayahs; ayah 300 does not exist'],
    ['2:280-290', 'Al-Baqarah (surah 2) has 286 ayahs; ayah 290 does not exist'],
    ['1:8', 'Al-Fatihah (surah 1) has 7 ayahs; ayah 8 does not exist'],
    ['1:0', 'Al-Fatihah (surah 1) has 7 ayahs; ayah 0 does not exist'],
    ['115:1', 'There are 114 surahs; surah 115 does not exist'],
    ['0:1', 'There are 114 surahs; surah 0 does not exist'],
    ['999:1', 'There are 114 surahs; surah 999 does not exist'],
    ['abc', `"abc" is not a verse reference; ${EXAMPLES}`],
    ['2:', `"2:" is not a verse reference; ${EXAMPLES}`],
    ['Al-Baqarah', `"Al-Baqarah" is not a verse reference; ${EXAMPLES}`],
    ['2:2555', `"2:2555" is not a verse reference; ${EXAMPLES}`],
    ['2:255-', `"2:255-" is not a verse reference; ${EXAMPLES}`],
    ['', `The verse reference is empty; ${EXAMPLES}`],
    ['   ', `The verse reference is empty; ${EXAMPLES}`],
    ['2:5-3', 'The range 5-3 runs backwards; write the first ayah first'],
    ['2:1-30', 'The range has 30 ayahs; a reel holds at most 20'],
    ['Foo 3', `"Foo" is not the name of a surah; ${EXAMPLES}`],
    [':255', `"" is not the name of a surah; ${EXAMPLES}`],
    ['1000:1', `"1000" is not the name of a surah; ${EXAMPLES}`],
  ])('%j → %s', (input, message) => {
    const error = parseError(input);
    expect(error.message).toBe(message);
    expect(error.reason).toBe(message);
    expect(error.input).toBe(input);
    expect(error.name).toBe('VerseReferenceError');
    expect(error).toBeInstanceOf(Error);
  });

  it('keeps the original (untrimmed, non-ASCII-digit) input on the error', () => {
    expect(parseError(' البقرة ٣٠٠ ').input).toBe(' البقرة ٣٠٠ ');
    expect(parseError(' البقرة ٣٠٠ ').message).toBe('Al-Baqarah (surah 2) has 286 ayahs; ayah 300 does not exist');
  });

  it('matches the brief: message fragments a user sees', () => {
    expect(parseError('2:300').message).toContain('Al-Baqarah');
    expect(parseError('2:300').message).toContain('has 286 ayahs');
    expect(parseError('115:1').message).toContain('114 surahs');
    expect(parseError('abc').message).toContain('is not a verse reference');
    expect(parseError('abc').message).toContain('"2:255"');
    expect(parseError('').message).toContain('empty');
    expect(parseError('2:5-3').message).toContain('backwards');
    expect(parseError('2:1-30').message).toContain('at most 20');
    expect(parseError('Foo 3').message).toContain('not the name of a surah');
  });
});

describe('formatVerseRange', () => {
  it('writes a single ayah as "s:a" and a range as "s:a-b"', () => {
    expect(formatVerseRange({ surah: 2, from: 255, to: 255 })).toBe('2:255');
    expect(formatVerseRange({ surah: 94, from: 5, to: 6 })).toBe('94:5-6');
  });

  it('round-trips with parseVerseReference for the first, last and a maximal range of every surah', () => {
    for (const s of SURAHS) {
      const ranges: VerseRange[] = [
        { surah: s.number, from: 1, to: 1 },
        { surah: s.number, from: s.ayahCount, to: s.ayahCount },
        { surah: s.number, from: 1, to: Math.min(s.ayahCount, MAX_AYAHS_PER_REFERENCE) },
        { surah: s.number, from: Math.max(1, s.ayahCount - MAX_AYAHS_PER_REFERENCE + 1), to: s.ayahCount },
      ];
      for (const range of ranges) expect(parseVerseReference(formatVerseRange(range))).toEqual(range);
    }
  });

  it.each(['Al-Baqarah 255', 'The Cow 255-257', 'البقرة ٢٥٥', '94:5–6', ' 02:007 '])(
    'normalises %j to a canonical label that parses back to the same range',
    (input) => {
      const range = parseVerseReference(input);
      const label = formatVerseRange(range);
      expect(label).toMatch(/^\d{1,3}:\d{1,3}(-\d{1,3})?$/);
      expect(parseVerseReference(label)).toEqual(range);
    },
  );
});
