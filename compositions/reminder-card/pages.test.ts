// paginateCard with a fake 10 px-per-character measurer: every word kept in
// order, every page inside the area, whole clauses paired with the Arabic's
// when both have as many, the proportional fallback, and errors naming props.
import { describe, expect, it } from 'vitest';
import { breakLines, TextLayoutError, type Measure } from '../layout/paginate';
import { paginateCard, type CardPaginateInput } from './pages';

const measure: Measure = (text) => text.length * 10;
const split = (s: string) => s.split(/\s+/).filter(Boolean);

const base: CardPaginateInput = {
  text: '',
  arabic: '',
  measureText: measure,
  measureArabic: measure,
  width: 300,
  height: 400,
  textBlock: { linePx: 40, maxLines: 6 },
  arabicBlock: { linePx: 60, maxLines: 3 },
  dividerHeight: 30,
};

function expectValid(input: CardPaginateInput) {
  const pages = paginateCard(input);
  expect(pages.flatMap((p) => p.words)).toEqual(split(input.text));
  expect(split(pages.map((p) => p.arabic).join(' '))).toEqual(split(input.arabic));
  for (const page of pages) {
    expect(page.words.length).toBeGreaterThan(0);
    expect(page.lines).toBe(breakLines(page.words, measure, input.width).length);
    expect(page.lines).toBeLessThanOrEqual(input.textBlock.maxLines);
    expect(page.arabicLines).toBeLessThanOrEqual(input.arabicBlock.maxLines);
    expect(page.height).toBeLessThanOrEqual(input.height);
    const arabicHeight = page.arabicLines > 0 ? page.arabicLines * input.arabicBlock.linePx + input.dividerHeight : 0;
    expect(page.height).toBe(arabicHeight + page.lines * input.textBlock.linePx);
  }
  return pages;
}

describe('paginateCard: text only', () => {
  it('keeps a short text on one page', () => {
    const pages = expectValid({ ...base, text: 'Be kind, for kindness returns.' });
    expect(pages).toHaveLength(1);
    expect(pages[0]).toMatchObject({ arabic: '', arabicLines: 0, lines: 1 });
  });

  it('breaks a long text at sentence ends when whole sentences fit', () => {
    // Three sentences of ~5 lines each at 30 characters a line: one per page.
    const sentence = (n: number) => `${'word '.repeat(24)}end${n}.`;
    const text = [sentence(1), sentence(2), sentence(3)].join(' ');
    const pages = expectValid({ ...base, text });
    expect(pages).toHaveLength(3);
    for (const page of pages) expect(page.words.at(-1)).toMatch(/^end\d\.$/);
  });

  it('splits a sentence too long for a page proportionally, still inside the area', () => {
    const text = 'word '.repeat(120).trim();
    const pages = expectValid({ ...base, text });
    expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(breakLines(split(text), measure, base.width).length / 6));
  });
});

describe('paginateCard: text with Arabic', () => {
  it('pairs clauses when the text and the Arabic have as many, so each page says the same thing in both', () => {
    const text = 'First clause of the saying here; second clause of the saying here; third clause of the saying, at the end.';
    const arabic = 'اول جملة هنا، ثانية جملة هنا، ثالثة جملة هنا';
    const pages = expectValid({ ...base, text, arabic, height: 260 });
    expect(pages.length).toBeGreaterThan(1);
    const textClauses = text.split(/(?<=;)\s+/);
    const arabicClauses = arabic.split(/(?<=،)\s+/);
    // Every page holds whole clauses, the same ones in both languages.
    let t = 0;
    for (const page of pages) {
      const n = textClauses.slice(t).findIndex((_, i) => split(textClauses.slice(t, t + i + 1).join(' ')).length === page.words.length) + 1;
      expect(n, page.words.join(' ')).toBeGreaterThan(0);
      expect(page.arabic).toBe(arabicClauses.slice(t, t + n).join(' '));
      t += n;
    }
  });

  it('falls back to a proportional split when the clauses do not pair up', () => {
    const text = 'word '.repeat(60).trim();
    const arabic = 'كلمة '.repeat(30).trim();
    const pages = expectValid({ ...base, text, arabic });
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.every((p) => p.arabic.length > 0)).toBe(true);
  });
});

describe('paginateCard: errors name the prop', () => {
  it('names `text` for a word wider than the box', () => {
    const input = { ...base, text: `fine ${'x'.repeat(40)} words` };
    expect(() => paginateCard(input)).toThrow(TextLayoutError);
    expect(() => paginateCard(input)).toThrow(/^text: the word "x+" is wider than the card's text box/);
  });

  it('names `arabicText` for an Arabic word wider than the box', () => {
    expect(() => paginateCard({ ...base, text: 'ok', arabic: 'ب'.repeat(40) })).toThrow(/^arabicText: the word/);
  });

  it('names `arabicText` when the two blocks cannot share the area', () => {
    expect(() => paginateCard({ ...base, text: 'short text', arabic: 'كلمة كلمة', height: 90 })).toThrow(/^arabicText: .*showArabic/);
  });

  it('names `text` when there is no room at all', () => {
    expect(() => paginateCard({ ...base, text: 'short text', height: 20 })).toThrow(/^text: there is no room/);
  });
});
