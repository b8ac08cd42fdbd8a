// paginate / breakLines: greedy line breaking, page splitting (fit, evenness, contiguity, waqf breaks, ayah starts), translation chunks and layout errors, with a fake 10 px-per-character measurer, plus the real ayah 2:282.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { breakLines, paginate, TextLayoutError, type Measure, type Page, type PaginateInput, type TextBox } from './paginate';

/** Fake font: every character (spaces included) is 10 px wide. */
const measure: Measure = (text) => text.length * 10;
const split = (text: string): string[] => text.split(/\s+/).filter(Boolean);
/** `n` distinct 4-character words: w001, w002, … (40 px each). */
const wordList = (n: number, prefix = 'w'): string[] =>
  Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);

type Verse = PaginateInput['verses'][number];

function run(verses: Verse[], arabicBox: TextBox, translationBox: TextBox | null): Page[] {
  return paginate({ verses, measureArabic: measure, measureTranslation: measure, arabicBox, translationBox });
}

/** The invariants every pagination must keep, checked independently of how the pages were chosen. */
function expectValidPages(pages: Page[], verses: Verse[], arabicBox: TextBox, translationBox: TextBox | null): void {
  // Each ayah's pages come together, in order, numbered 1..parts.
  const ayahOrder = pages.map((p) => p.ayah).filter((a, i, all) => i === 0 || all[i - 1] !== a);
  expect(ayahOrder).toEqual(verses.map((v) => v.ayah));
  for (const verse of verses) {
    const own = pages.filter((p) => p.ayah === verse.ayah);
    expect(own.length).toBeGreaterThan(0);
    expect(own.map((p) => p.part)).toEqual(Array.from({ length: own.length }, (_, i) => i + 1));
    for (const p of own) expect(p.parts).toBe(own.length);
    // No word lost, duplicated or reordered; no page is empty.
    for (const p of own) expect(p.arabicWords.length).toBeGreaterThan(0);
    expect(own.flatMap((p) => p.arabicWords)).toEqual(split(verse.arabic));
    // Every page's Arabic fits the box.
    for (const p of own) {
      expect(breakLines(p.arabicWords, measure, arabicBox.width).length).toBeLessThanOrEqual(arabicBox.maxLines);
      for (const w of p.arabicWords) expect(measure(w)).toBeLessThanOrEqual(arabicBox.width);
    }
    if (translationBox) {
      expect(split(own.map((p) => p.translation).join(' '))).toEqual(split(verse.translation));
      for (const p of own) {
        expect(breakLines(split(p.translation), measure, translationBox.width).length).toBeLessThanOrEqual(translationBox.maxLines);
      }
    } else {
      for (const p of own) expect(p.translation).toBe('');
    }
  }
}

/** Fewest pages any contiguous split could use: greedy lines of the whole ayah, maxLines per page. */
const lowerBound = (text: string, box: TextBox): number => Math.ceil(breakLines(split(text), measure, box.width).length / box.maxLines);

describe('breakLines', () => {
  it('fills each line greedily, a line that exactly fits included', () => {
    // "aa bb" is 50 px: fits a 50 px line exactly; "aa bb cc" (80 px) does not.
    expect(breakLines(['aa', 'bb', 'cc', 'dd', 'e'], measure, 50)).toEqual([['aa', 'bb'], ['cc', 'dd'], ['e']]);
  });

  it('puts everything on one line when it fits, and returns no lines for no words', () => {
    expect(breakLines(['a', 'b', 'c'], measure, 1000)).toEqual([['a', 'b', 'c']]);
    expect(breakLines([], measure, 100)).toEqual([]);
  });

  it('keeps a word wider than the line on a line of its own instead of dropping it', () => {
    expect(breakLines(['a', 'wwwwwwwwww', 'b'], measure, 50)).toEqual([['a'], ['wwwwwwwwww'], ['b']]);
  });

  it('measures each candidate line as a whole string joined with spaces', () => {
    const seen: string[] = [];
    const spy: Measure = (t) => {
      seen.push(t);
      return t.length * 10;
    };
    breakLines(['ab', 'cd', 'ef'], spy, 50);
    expect(seen).toEqual(['ab cd', 'ab cd ef']);
  });

  it('uses the measurer, not a character count (a font where only spaces are wide)', () => {
    const wideSpaces: Measure = (t) => (t.match(/ /g)?.length ?? 0) * 100 + t.replace(/ /g, '').length;
    // Any two words need 100+ px; each word alone is tiny.
    expect(breakLines(['aaaa', 'bbbb', 'cccc'], wideSpaces, 99)).toEqual([['aaaa'], ['bbbb'], ['cccc']]);
    expect(breakLines(['aaaa', 'bbbb', 'cccc'], wideSpaces, 120)).toEqual([['aaaa', 'bbbb'], ['cccc']]);
  });

  it('never leaves room on a line for the next line\'s first word', () => {
    const items = split('the quick brown fox jumps over the lazy dog and then sleeps in the warm afternoon sun');
    const lines = breakLines(items, measure, 160);
    expect(lines.flat()).toEqual(items);
    lines.forEach((line, i) => {
      expect(measure(line.join(' '))).toBeLessThanOrEqual(160);
      const next = lines[i + 1];
      if (next) expect(measure([...line, next[0]!].join(' '))).toBeGreaterThan(160);
    });
  });
});

describe('paginate: short verse', () => {
  it('gives one page with every word and the whole translation', () => {
    const verse = { ayah: 28, arabic: 'ٱلَّذِينَ ءَامَنُواْ وَتَطۡمَئِنُّ قُلُوبُهُم', translation: 'Those who have believed and whose hearts are assured' };
    const pages = run([verse], { width: 800, maxLines: 3 }, { width: 800, maxLines: 3 });
    expect(pages).toEqual([
      {
        ayah: 28,
        part: 1,
        parts: 1,
        arabicWords: ['ٱلَّذِينَ', 'ءَامَنُواْ', 'وَتَطۡمَئِنُّ', 'قُلُوبُهُم'],
        translation: 'Those who have believed and whose hearts are assured',
      },
    ]);
  });

  it('collapses extra whitespace between Arabic words', () => {
    const pages = run([{ ayah: 1, arabic: '  a\tb \n c  ', translation: 'x' }], { width: 800, maxLines: 3 }, null);
    expect(pages.map((p) => p.arabicWords)).toEqual([['a', 'b', 'c']]);
  });
});

describe('paginate: long verse', () => {
  // 100 px box, 40 px words: two words a line ("w001 w002" is 90 px, three are 140 px).
  const box: TextBox = { width: 100, maxLines: 2 };

  it('splits 12 equal words into the minimum 3 pages of 4', () => {
    const arabic = wordList(12);
    const translation = wordList(12, 't');
    const verse = { ayah: 3, arabic: arabic.join(' '), translation: translation.join(' ') };
    const pages = run([verse], box, box);
    expect(lowerBound(verse.arabic, box)).toBe(3);
    expect(pages).toEqual([
      { ayah: 3, part: 1, parts: 3, arabicWords: arabic.slice(0, 4), translation: translation.slice(0, 4).join(' ') },
      { ayah: 3, part: 2, parts: 3, arabicWords: arabic.slice(4, 8), translation: translation.slice(4, 8).join(' ') },
      { ayah: 3, part: 3, parts: 3, arabicWords: arabic.slice(8, 12), translation: translation.slice(8, 12).join(' ') },
    ]);
  });

  it('splits 10 equal words into 3 even pages (3, 4, 3), not greedy 4, 4, 2', () => {
    const arabic = wordList(10);
    const verse = { ayah: 4, arabic: arabic.join(' '), translation: wordList(10, 't').join(' ') };
    const pages = run([verse], box, box);
    expect(pages.map((p) => p.arabicWords)).toEqual([arabic.slice(0, 3), arabic.slice(3, 7), arabic.slice(7)]);
    expect(pages.map((p) => split(p.translation).length)).toEqual([3, 4, 3]);
    expectValidPages(pages, [verse], box, box);
  });

  it('uses as many pages as the greedy lower bound when even pages fit, for 1..40 equal words', () => {
    for (let n = 1; n <= 40; n++) {
      const verse = { ayah: n, arabic: wordList(n).join(' '), translation: 'a short translation' };
      const pages = run([verse], box, { width: 400, maxLines: 3 });
      expect(pages.length, `${n} words`).toBe(lowerBound(verse.arabic, box));
      const sizes = pages.map((p) => p.arabicWords.length);
      expect(Math.max(...sizes) - Math.min(...sizes), `${n} words: ${sizes.join(',')}`).toBeLessThanOrEqual(1);
      expectValidPages(pages, [verse], box, { width: 400, maxLines: 3 });
    }
  });

  it('adds pages when the translation does not fit, keeping every chunk inside its box', () => {
    // The Arabic alone fits one page; 12 translation words need at least 3 pages of 4.
    const verse = { ayah: 9, arabic: wordList(4).join(' '), translation: wordList(12, 't').join(' ') };
    const pages = run([verse], box, box);
    expect(pages.length).toBeGreaterThanOrEqual(lowerBound(verse.translation, box));
    expect(pages.length).toBeGreaterThan(1);
    expectValidPages(pages, [verse], box, box);
  });

  it('keeps the words of mixed-width text contiguous and in order', () => {
    const arabic = 'a bb ccc dddd eeeee ffffff g hh iii jjjj kkkkk llllll m nn ooo pppp qqqqq rrrrrr s tt';
    const translation = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen';
    const verse = { ayah: 7, arabic, translation };
    const arabicBox = { width: 120, maxLines: 2 };
    const translationBox = { width: 200, maxLines: 2 };
    const pages = run([verse], arabicBox, translationBox);
    expect(pages.length).toBeGreaterThanOrEqual(lowerBound(arabic, arabicBox));
    expectValidPages(pages, [verse], arabicBox, translationBox);
  });
});

describe('paginate: passages', () => {
  it('starts every ayah on a new page even when several would fit together', () => {
    const verses = [
      { ayah: 5, arabic: 'a b', translation: 'so verily' },
      { ayah: 6, arabic: 'c d', translation: 'verily with hardship' },
    ];
    const pages = run(verses, { width: 800, maxLines: 3 }, { width: 800, maxLines: 3 });
    expect(pages).toEqual([
      { ayah: 5, part: 1, parts: 1, arabicWords: ['a', 'b'], translation: 'so verily' },
      { ayah: 6, part: 1, parts: 1, arabicWords: ['c', 'd'], translation: 'verily with hardship' },
    ]);
  });

  it('numbers the parts of each ayah separately', () => {
    const box = { width: 100, maxLines: 2 };
    const verses = [
      { ayah: 1, arabic: 'x y', translation: 'first' },
      { ayah: 2, arabic: wordList(12).join(' '), translation: wordList(12, 't').join(' ') },
      { ayah: 3, arabic: 'z', translation: 'last' },
    ];
    const pages = run(verses, box, box);
    expect(pages.map((p) => [p.ayah, p.part, p.parts])).toEqual([
      [1, 1, 1],
      [2, 1, 3],
      [2, 2, 3],
      [2, 3, 3],
      [3, 1, 1],
    ]);
    expectValidPages(pages, verses, box, box);
  });
});

describe('paginate: waqf marks', () => {
  // 10 words, two a line, three lines a page: 2 pages, evenly 5 + 5.
  const box: TextBox = { width: 100, maxLines: 3 };
  const tenWith = (index: number, mark: string): string[] => wordList(10).map((w, i) => (i === index ? w + mark : w));
  const pageSizes = (arabic: string[]): number[] => run([{ ayah: 1, arabic: arabic.join(' '), translation: '' }], box, null).map((p) => p.arabicWords.length);

  it('splits evenly when no word carries a pause mark', () => {
    expect(pageSizes(wordList(10))).toEqual([5, 5]);
  });

  for (let code = 0x06d6; code <= 0x06db; code++) {
    const mark = String.fromCharCode(code);
    it(`breaks right after a word ending in U+${code.toString(16).toUpperCase().padStart(4, '0')} next to the even split point`, () => {
      const after = run([{ ayah: 1, arabic: tenWith(5, mark).join(' '), translation: '' }], box, null);
      expect(after.map((p) => p.arabicWords.length)).toEqual([6, 4]);
      expect(after[0]!.arabicWords.at(-1)).toBe(`w006${mark}`);
      const before = run([{ ayah: 1, arabic: tenWith(3, mark).join(' '), translation: '' }], box, null);
      expect(before.map((p) => p.arabicWords.length)).toEqual([4, 6]);
      expect(before[0]!.arabicWords.at(-1)).toBe(`w004${mark}`);
    });
  }

  it('ignores a pause mark far from the even split point', () => {
    expect(pageSizes(tenWith(7, '\u06da'))).toEqual([5, 5]);
  });

  it('ignores a character outside U+06D6..U+06DB (U+06DC) and a mark that does not end the word', () => {
    expect(pageSizes(tenWith(5, '\u06dc'))).toEqual([5, 5]);
    expect(pageSizes(wordList(10).map((w, i) => (i === 5 ? `w\u06da06` : w)))).toEqual([5, 5]);
  });
});

describe('paginate: errors and options', () => {
  it('throws a TextLayoutError naming arabicScale for a word wider than the box', () => {
    const verse = { ayah: 12, arabic: 'short wwwwwwwwwww short', translation: 'x' }; // 110 px word, 100 px box
    const call = () => run([verse], { width: 100, maxLines: 3 }, { width: 100, maxLines: 3 });
    expect(call).toThrow(TextLayoutError);
    try {
      call();
    } catch (error) {
      expect(error).toBeInstanceOf(Error);
      expect((error as TextLayoutError).name).toBe('TextLayoutError');
      expect((error as TextLayoutError).field).toBe('arabicScale');
      expect((error as Error).message).toMatch(/^arabicScale: /);
      expect((error as Error).message).toContain('wwwwwwwwwww');
      expect((error as Error).message).toContain('ayah 12');
    }
  });

  it('accepts a word exactly as wide as the box', () => {
    const pages = run([{ ayah: 1, arabic: 'wwwwwwwwww a', translation: 'x' }], { width: 100, maxLines: 2 }, { width: 100, maxLines: 1 });
    expect(pages.map((p) => p.arabicWords)).toEqual([['wwwwwwwwww', 'a']]);
  });

  it('throws a TextLayoutError naming translationScale for a translation word wider than its box', () => {
    const call = () => run([{ ayah: 1, arabic: 'a b', translation: 'incomprehensibilities' }], { width: 800, maxLines: 3 }, { width: 100, maxLines: 3 });
    expect(call).toThrow(TextLayoutError);
    expect(call).toThrow(/^translationScale: .*incomprehensibilities/);
  });

  it('gives empty translations and ignores the translation entirely when translationBox is null', () => {
    const box = { width: 100, maxLines: 2 };
    const verse = { ayah: 2, arabic: wordList(12).join(' '), translation: 'incomprehensibilities ' + wordList(40, 't').join(' ') };
    const pages = run([verse], box, null);
    expect(pages).toHaveLength(3);
    expect(pages.map((p) => p.translation)).toEqual(['', '', '']);
    expectValidPages(pages, [verse], box, null);
  });
});

describe('paginate: the longest ayah, 2:282', () => {
  type Raw = Array<{ id: number; verses: Array<{ id: number; text: string; translation: string }> }>;
  const require = createRequire(import.meta.url);
  const quran = JSON.parse(readFileSync(require.resolve('quran-json/dist/quran_en.json'), 'utf8')) as Raw;
  const raw = quran.find((s) => s.id === 2)!.verses.find((v) => v.id === 282)!;
  const verse = { ayah: 282, arabic: raw.text, translation: raw.translation };
  const arabicBox = { width: 800, maxLines: 3 };
  const translationBox = { width: 800, maxLines: 3 };
  const pages = run([verse], arabicBox, translationBox);

  it('is the long text it should be', () => {
    expect(split(verse.arabic).length).toBe(128);
    expect(split(verse.translation).length).toBeGreaterThan(200);
  });

  it('keeps every word, in order, and fits every page and translation chunk', () => {
    expectValidPages(pages, [verse], arabicBox, translationBox);
  });

  it('uses at least the lower bound of pages and does not over-split', () => {
    const bound = Math.max(lowerBound(verse.arabic, arabicBox), lowerBound(verse.translation, translationBox));
    expect(pages.length).toBeGreaterThanOrEqual(bound);
    expect(pages.length).toBeLessThanOrEqual(2 * bound);
  });

  it('makes the pages roughly even (no page under 0.4 or over 1.6 of the mean Arabic width)', () => {
    const widths = pages.map((p) => measure(p.arabicWords.join(' ')));
    const mean = widths.reduce((a, b) => a + b, 0) / widths.length;
    for (const w of widths) {
      expect(w).toBeGreaterThan(0.4 * mean);
      expect(w).toBeLessThan(1.6 * mean);
    }
  });
});
