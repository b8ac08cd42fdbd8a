// Text animation maths: word-by-word timing, mirrored slide offsets, grapheme
// typing of Arabic with harakat, the current word from timings, timings
// validation errors, and finished words drawing like static text.
import { describe, expect, it } from 'vitest';
import {
  currentWordIndex,
  slideOffsetEm,
  splitGraphemes,
  splitWords,
  textAnimationEndSec,
  textAnimationFrame,
  textAnimationSchema,
  TEXT_ANIMATION_IDS,
  TEXT_ANIMATION_PRESETS,
  typewriterVisible,
  validateWordTimings,
  wordWindows,
  type TextAnimation,
  type TextFrameInput,
} from './animations';

const FPS = 30;
const ARABIC = 'إِنَّ مَعَ ٱلۡعُسۡرِ يُسۡرٗا';
const segmenter = new Intl.Segmenter('ar', { granularity: 'grapheme' });
const countGraphemes = (s: string) => [...segmenter.segment(s)].length;

const frameAt = (frame: number, animation: TextAnimation, extra: Partial<TextFrameInput> = {}) =>
  textAnimationFrame({
    words: splitWords(ARABIC),
    animation,
    dir: 'rtl',
    timeSec: frame / FPS,
    highlightColor: '#ffcc00',
    ...extra,
  });

describe('splitWords', () => {
  it('splits only at spaces and line breaks, keeping no-break spaces and marks inside words', () => {
    expect(splitWords('  إِنَّ   مَعَ\nٱلۡعُسۡرِ ')).toEqual(['إِنَّ', 'مَعَ', 'ٱلۡعُسۡرِ']);
    expect(splitWords('a\u00A0b c')).toEqual(['a\u00A0b', 'c']);
  });
});

describe('word-by-word', () => {
  const animation: TextAnimation = { type: 'word-by-word', durationSec: 0.5, staggerSec: 0.4, easing: 'ease-out', distanceEm: 0.3 };
  const started = (frame: number) => frameAt(frame, animation).words.filter((w) => w.progress > 0).length;
  const finished = (frame: number) => frameAt(frame, animation).words.filter((w) => w.progress === 1).length;

  it('starts word k at k × stagger: k words visible between', () => {
    // word starts at frames 0, 12, 24, 36
    expect(started(0)).toBe(0);
    expect(started(1)).toBe(1);
    expect(started(12)).toBe(1);
    expect(started(13)).toBe(2);
    expect(started(25)).toBe(3);
    expect(started(37)).toBe(4);
    expect(finished(15)).toBe(1);
    expect(finished(27)).toBe(2);
    expect(finished(51)).toBe(4);
  });

  it('rises, fades and sharpens with easing; a finished word has no transform or filter', () => {
    const mid = frameAt(6, animation).words[1]!;
    expect(mid.progress).toBe(0);
    expect(mid.style.opacity).toBe(0);
    const half = frameAt(7, animation).words[0]!;
    expect(half.progress).toBeGreaterThan(7 / 15); // ease-out is ahead of linear
    expect(half.style.transform).toMatch(/^translateY\(0\.\d{4}em\)$/);
    expect(half.style.filter).toMatch(/^blur\(/);
    expect(frameAt(60, animation).words[3]!.style).toEqual({ opacity: 1 });
  });

  it('starts words at their timings when given', () => {
    const timings = [
      { start: 0.5, end: 0.9 },
      { start: 0.9, end: 1.4 },
      { start: 2, end: 2.5 },
      { start: 2.5, end: 3 },
    ];
    const s = (t: number) => frameAt(t * FPS, animation, { wordTimings: timings }).words.filter((w) => w.progress > 0).length;
    expect(s(0.4)).toBe(0);
    expect(s(1)).toBe(2);
    expect(s(1.9)).toBe(2);
    expect(s(2.1)).toBe(3);
    expect(textAnimationEndSec(animation, 4, timings)).toBeCloseTo(3);
  });
});

describe('slide', () => {
  it('enters from the right for RTL and from the left for LTR, mirrored', () => {
    for (const p of [0, 0.25, 0.5, 0.9]) {
      const rtl = slideOffsetEm(p, 'rtl', 1.5);
      const ltr = slideOffsetEm(p, 'ltr', 1.5);
      expect(rtl).toBeGreaterThan(0);
      expect(ltr).toBeCloseTo(-rtl, 12);
    }
    expect(slideOffsetEm(1, 'rtl', 1.5)).toBeCloseTo(0, 12);
  });

  it('puts the mirrored offset in the CSS transform', () => {
    const animation = TEXT_ANIMATION_PRESETS.slide;
    const rtl = frameAt(5, animation, { dir: 'rtl' }).words[0]!.style.transform;
    const ltr = frameAt(5, animation, { dir: 'ltr' }).words[0]!.style.transform;
    const offset = (t: string | undefined) => Number(/translateX\((-?[\d.]+)em\)/.exec(t ?? '')?.[1]);
    expect(offset(rtl)).toBeGreaterThan(0);
    expect(offset(ltr)).toBeCloseTo(-offset(rtl), 4);
  });
});

describe('typewriter', () => {
  it('segments Arabic into grapheme clusters that keep their harakat', () => {
    const word = 'بِسۡمِ';
    expect(word.length).toBe(6);
    expect(countGraphemes(word)).toBe(3);
    expect(splitGraphemes(word, 'ar')).toEqual(['بِ', 'سۡ', 'مِ']);
    expect(splitGraphemes(ARABIC, 'ar').length).toBe(countGraphemes(ARABIC));
  });

  it('types a word grapheme by grapheme over its window', () => {
    expect([0, 0.3, 0.34, 0.66, 0.67, 0.99, 1].map((p) => typewriterVisible(3, p))).toEqual([0, 0, 1, 1, 2, 2, 3]);
  });

  it('counts visible graphemes across words, never splitting a mark from its letter', () => {
    const animation: TextAnimation = { type: 'typewriter', durationSec: 0.4, staggerSec: 0.5, easing: 'linear', distanceEm: 0 };
    const words = splitWords(ARABIC);
    const total = words.reduce((n, w) => n + countGraphemes(w), 0);
    expect(total).toBe(13);
    expect(frameAt(0, animation).visibleGraphemes).toBe(0);
    // word 0 "إِنَّ" (2 graphemes) types over frames 0..12: one at frame 6
    expect(frameAt(6, animation).visibleGraphemes).toBe(1);
    expect(frameAt(12, animation).visibleGraphemes).toBe(2);
    // word 1 "مَعَ" starts at frame 15
    expect(frameAt(16, animation).visibleGraphemes).toBe(2);
    expect(frameAt(21, animation).visibleGraphemes).toBe(3);
    expect(frameAt(60, animation).visibleGraphemes).toBe(total);
    const counts = [0, 3, 6, 9, 12, 15, 18, 21, 30, 40, 50].map((f) => frameAt(f, animation).visibleGraphemes);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });
});

describe('highlight', () => {
  const timings = [
    { start: 0.2, end: 0.8 },
    { start: 0.8, end: 1.3 },
    { start: 1.6, end: 2.2 },
    { start: 2.2, end: 3 },
  ];

  it('picks the word whose timing contains the time, none between or outside', () => {
    const at = (t: number) => currentWordIndex(timings, t);
    expect(at(0.1)).toBeNull();
    expect(at(0.2)).toBe(0);
    expect(at(0.5)).toBe(0);
    expect(at(0.8)).toBe(1);
    expect(at(1.45)).toBeNull();
    expect(at(1.9)).toBe(2);
    expect(at(2.9)).toBe(3);
    expect(at(3)).toBeNull();
    expect(at(10)).toBeNull();
  });

  it('colours the current word and leaves the others alone', () => {
    const f = frameAt(1.9 * FPS, TEXT_ANIMATION_PRESETS.highlight, { wordTimings: timings });
    expect(f.current).toBe(2);
    expect(f.words[2]!.progress).toBe(1);
    expect(f.words[2]!.style.color).toBe('color-mix(in srgb, #ffcc00 100.00%, currentcolor)');
    expect(f.words[0]!.style).toEqual({ opacity: 1 });
    expect(f.words.every((w) => w.style.opacity === 1)).toBe(true);
  });

  it('without timings, moves through the words every staggerSec', () => {
    const animation: TextAnimation = { type: 'highlight', durationSec: 0.15, staggerSec: 0.6, easing: 'linear', distanceEm: 0 };
    const windows = wordWindows(animation, 3);
    [0, 0.6, 1.2].forEach((start, i) => {
      expect(windows[i]!.start).toBeCloseTo(start, 9);
      expect(windows[i]!.end).toBeCloseTo(start + 0.6, 9);
    });
    expect(frameAt(0.7 * FPS, animation).current).toBe(1);
    expect(frameAt(1.1 * FPS, animation).current).toBe(1);
    expect(frameAt(1.1 * FPS, animation).words[1]!.progress).toBe(1);
  });
});

describe('validateWordTimings', () => {
  const ok = [
    { start: 0, end: 0.5 },
    { start: 0.5, end: 1 },
  ];

  it('accepts timings that fit the words', () => {
    expect(validateWordTimings(ok, 2)).toEqual(ok);
  });

  it('says the counts when there are too few or too many timings', () => {
    const five = Array.from({ length: 5 }, (_, i) => ({ start: i, end: i + 1 }));
    expect(() => validateWordTimings(five, 7)).toThrow(/^wordTimings: 5 timings for 7 words$/);
    expect(() => validateWordTimings(ok, 1)).toThrow('wordTimings: 2 timings for 1 word');
  });

  it('names the entry and field that is wrong', () => {
    expect(() => validateWordTimings([{ start: 1, end: 1 }], 1)).toThrow(/^wordTimings\[0\]\.end: end \(1\) must be after start \(1\)/);
    expect(() => validateWordTimings([ok[0], { start: 2, end: 3 }, { start: 1, end: 4 }], 3)).toThrow(/^wordTimings\[2\]\.start: .*word order/);
    expect(() => validateWordTimings([{ start: -1, end: 1 }], 1)).toThrow(/^wordTimings\[0\]\.start: /);
    expect(() => validateWordTimings('soon', 1)).toThrow(/^wordTimings: /);
  });

  it('is applied when a frame is computed', () => {
    expect(() => frameAt(10, TEXT_ANIMATION_PRESETS.highlight, { wordTimings: ok })).toThrow('wordTimings: 2 timings for 4 words');
  });
});

describe('textAnimationSchema and presets', () => {
  it('has a valid preset for every animation, every one ending fully shown', () => {
    for (const id of TEXT_ANIMATION_IDS) {
      const preset = TEXT_ANIMATION_PRESETS[id];
      expect(textAnimationSchema.parse(preset)).toEqual(preset);
      expect(preset.type).toBe(id);
      const end = textAnimationEndSec(preset, 4);
      const f = frameAt(Math.ceil(end * FPS) + 1, preset);
      expect(f.words.every((w) => w.style.opacity === 1 && !w.style.filter && w.visibleGraphemes === w.graphemes)).toBe(true);
    }
  });

  it('rejects out-of-range values naming the field', () => {
    const result = textAnimationSchema.safeParse({ ...TEXT_ANIMATION_PRESETS.fade, durationSec: 0 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['durationSec']);
  });
});
