// VerseReel timing: readingSeconds, pageWeights (reading vs recited), reading/recitation durations and pageTimings coverage and proportions.
import { describe, expect, it } from 'vitest';
import type { Page } from '../layout/paginate';
import { MIN_PAGE_SEC, pageWeights, readingDurationInFrames, readingSeconds, recitationDurationInFrames } from './timeline';
import { INTRO_SEC, OUTRO_SEC, pageTimings, type PageTiming } from '../layout/page-timing';

const page = (arabicWords: string[], translation = '', ayah = 1): Page => ({ ayah, part: 1, parts: 1, arabicWords, translation });
const nWords = (n: number, w = 'كلمة'): string[] => Array.from({ length: n }, () => w);
const nEnglish = (n: number): string => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('readingSeconds', () => {
  it('is MIN_PAGE_SEC for an empty or very short page', () => {
    expect(readingSeconds(page([]), 1)).toBe(MIN_PAGE_SEC);
    expect(readingSeconds(page(['قل']), 1)).toBe(MIN_PAGE_SEC);
    expect(readingSeconds(page(['قل'], 'Say'), 0.5)).toBe(MIN_PAGE_SEC);
  });

  it('is never below MIN_PAGE_SEC', () => {
    for (const pace of [0.5, 0.75, 1, 1.5, 2]) {
      for (const n of [0, 1, 3, 10, 40]) {
        expect(readingSeconds(page(nWords(n), nEnglish(n)), pace)).toBeGreaterThanOrEqual(MIN_PAGE_SEC);
      }
    }
  });

  it('grows strictly with each Arabic word once above the minimum', () => {
    let previous = readingSeconds(page(nWords(10)), 1);
    expect(previous).toBeGreaterThan(MIN_PAGE_SEC);
    for (let n = 11; n <= 40; n++) {
      const next = readingSeconds(page(nWords(n)), 1);
      expect(next).toBeGreaterThan(previous);
      previous = next;
    }
  });

  it('grows strictly with each translation word once above the minimum', () => {
    const arabic = nWords(10);
    let previous = readingSeconds(page(arabic, nEnglish(1)), 1);
    for (let n = 2; n <= 40; n++) {
      const next = readingSeconds(page(arabic, nEnglish(n)), 1);
      expect(next).toBeGreaterThan(previous);
      previous = next;
    }
  });

  it('counts translation words, not characters or spacing', () => {
    const arabic = nWords(10);
    expect(readingSeconds(page(arabic, 'a b c'), 1)).toBeCloseTo(readingSeconds(page(arabic, '  alpha\tbravo\n charlie  '), 1), 10);
  });

  it('scales linearly with pace above the minimum', () => {
    const p = page(nWords(20), nEnglish(30));
    const base = readingSeconds(p, 1);
    expect(readingSeconds(p, 2)).toBeCloseTo(2 * base, 10);
    expect(readingSeconds(p, 1.5)).toBeCloseTo(1.5 * base, 10);
    expect(readingSeconds(p, 0.5)).toBeCloseTo(Math.max(MIN_PAGE_SEC, 0.5 * base), 10);
  });
});

describe('pageWeights', () => {
  const pages = [page(['قل', 'هو', 'الله', 'احد'], 'Say He is Allah the One'), page(['الله', 'الصمد'], 'Allah the Eternal Refuge'), page(['لم', 'يلد', 'ولم', 'يولد'])];

  it('follows the Arabic letter count (spaces between words not counted) when recited', () => {
    // قل هو الله احد: 2 + 2 + 4 + 3; الله الصمد: 4 + 5; لم يلد ولم يولد: 2 + 3 + 3 + 4
    expect(pageWeights(pages, 1, true)).toEqual([11, 9, 12]);
  });

  it('ignores pace and translation when recited', () => {
    expect(pageWeights(pages, 2, true)).toEqual(pageWeights(pages, 0.5, true));
    const noTranslation = pages.map((p) => ({ ...p, translation: '' }));
    expect(pageWeights(noTranslation, 1, true)).toEqual(pageWeights(pages, 1, true));
  });

  it('is the reading time of each page when not recited', () => {
    expect(pageWeights(pages, 1.5, false)).toEqual(pages.map((p) => readingSeconds(p, 1.5)));
  });
});

describe('readingDurationInFrames / recitationDurationInFrames', () => {
  it('adds the intro and outro to the pages\' reading time', () => {
    const pages = [page(nWords(20), nEnglish(25)), page(nWords(3)), page(nWords(12), nEnglish(8))];
    for (const fps of [24, 30, 60]) {
      for (const pace of [0.5, 1, 2]) {
        const pagesSec = pages.reduce((s, p) => s + readingSeconds(p, pace), 0);
        const frames = readingDurationInFrames(pages, pace, fps);
        expect(Math.abs(frames - (INTRO_SEC + pagesSec + OUTRO_SEC) * fps)).toBeLessThanOrEqual(0.5);
        expect(Number.isInteger(frames)).toBe(true);
      }
    }
  });

  it('is just the intro and outro for no pages', () => {
    expect(readingDurationInFrames([], 1, 30)).toBe(Math.round((INTRO_SEC + OUTRO_SEC) * 30));
  });

  it('is intro + recitation + outro for a recitation', () => {
    expect(recitationDurationInFrames(0, 30)).toBe(Math.round((INTRO_SEC + OUTRO_SEC) * 30));
    expect(recitationDurationInFrames(10, 30) - recitationDurationInFrames(0, 30)).toBe(300);
    expect(recitationDurationInFrames(61.25, 60)).toBe(Math.round((INTRO_SEC + 61.25 + OUTRO_SEC) * 60));
  });
});

describe('pageTimings', () => {
  function expectCoverage(timings: PageTiming[], fps: number, durationInFrames: number): void {
    expect(timings[0]!.from).toBe(Math.round(INTRO_SEC * fps));
    timings.forEach((t, i) => {
      expect(Number.isInteger(t.from) && Number.isInteger(t.durationInFrames)).toBe(true);
      expect(t.durationInFrames).toBeGreaterThanOrEqual(1);
      const next = timings[i + 1];
      if (next) expect(next.from).toBe(t.from + t.durationInFrames); // no gap, no overlap
    });
    const last = timings[timings.length - 1]!;
    expect(last.from + last.durationInFrames).toBe(durationInFrames);
  }

  it('lays out [1, 2, 3] at 30 fps over 600 frames exactly', () => {
    // intro 36 frames, outro 60, so 504 frames are shared 1:2:3 = 84, 168, 252 (+ outro on the last).
    expect(pageTimings([1, 2, 3], 30, 600)).toEqual([
      { from: 36, durationInFrames: 84 },
      { from: 120, durationInFrames: 168 },
      { from: 288, durationInFrames: 312 },
    ]);
  });

  it('gives one page everything from the intro to the end', () => {
    expect(pageTimings([7], 30, 450)).toEqual([{ from: 36, durationInFrames: 414 }]);
  });

  const cases: Array<{ weights: number[]; fps: number; duration: number }> = [
    { weights: [5.3, 4, 9.7, 12.1], fps: 30, duration: 1234 },
    { weights: [11, 9, 12, 40, 3, 77], fps: 24, duration: 2000 },
    { weights: [1, 1, 1, 1, 1, 1, 1], fps: 60, duration: 3601 },
    { weights: [4, 4.01, 13.37], fps: 25, duration: 777 },
    { weights: Array.from({ length: 20 }, (_, i) => 4 + ((i * 7) % 11)), fps: 30, duration: 9000 },
  ];

  for (const { weights, fps, duration } of cases) {
    it(`covers intro..${duration} with no gaps or overlaps, proportional to the weights (${weights.length} pages, ${fps} fps)`, () => {
      const timings = pageTimings(weights, fps, duration);
      expect(timings).toHaveLength(weights.length);
      expectCoverage(timings, fps, duration);
      const intro = Math.round(INTRO_SEC * fps);
      const outro = Math.round(OUTRO_SEC * fps);
      const available = duration - intro - outro;
      const total = weights.reduce((a, b) => a + b, 0);
      weights.forEach((w, i) => {
        const share = (available * w) / total + (i === weights.length - 1 ? outro : 0);
        expect(Math.abs(timings[i]!.durationInFrames - share), `page ${i}`).toBeLessThanOrEqual(1);
      });
    });
  }

  it('matches readingSeconds when the duration comes from readingDurationInFrames', () => {
    const pages = [page(nWords(20), nEnglish(25)), page(nWords(3)), page(nWords(12), nEnglish(8))];
    const fps = 30;
    const duration = readingDurationInFrames(pages, 1, fps);
    const timings = pageTimings(pageWeights(pages, 1, false), fps, duration);
    expectCoverage(timings, fps, duration);
    pages.forEach((p, i) => {
      const expected = readingSeconds(p, 1) * fps + (i === pages.length - 1 ? Math.round(OUTRO_SEC * fps) : 0);
      expect(Math.abs(timings[i]!.durationInFrames - expected)).toBeLessThanOrEqual(1.5);
    });
  });
});
