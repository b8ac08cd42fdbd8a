// Text animations rendered for real (fixture bundle + Chromium): which side
// of the frame a word-by-word reveal starts on for Arabic and Latin, the
// typewriter adding ink until it matches fully shown text, fade in, the
// highlight colour on the right word, and slides entering from the side the
// text is read from.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { TEXT_ANIMATION_PRESETS, type TextAnimation, type WordTiming } from '../compositions/text';
import { renderStillImage } from './helpers/still';
import { brightFraction, differingPixels, regionStats, type Image, type Region } from './helpers/media';

const fixturesUrl = inject('fixturesUrl');

const still = (compositionId: 'Text-Arabic' | 'Text-Latin', frame: number, animation: TextAnimation, wordTimings?: WordTiming[]) =>
  renderStillImage({
    serveUrl: fixturesUrl,
    compositionId,
    frame,
    scale: 0.5,
    props: { animation, highlightColor: '#ffcc00', ...(wordTimings ? { wordTimings } : {}) },
  });

const WHOLE: Region = { x: 0, y: 0, w: 1, h: 1 };
const band = (x: number, w: number): Region => ({ x, y: 0, w, h: 1 });
const INK = 120;
/** Low enough to count half-faded text as ink. */
const FAINT_INK = 50;

/** Mean x (0..1) of the pixels that carry any ink. */
function inkCentroidX(image: Image): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      const luma = 0.2126 * image.data[i]! + 0.7152 * image.data[i + 1]! + 0.0722 * image.data[i + 2]!;
      if (luma > FAINT_INK) {
        sum += x;
        n++;
      }
    }
  }
  if (n === 0) throw new Error('no ink in the image');
  return sum / n / image.width;
}

const redMinusBlue = (image: Image, region: Region) => {
  const s = regionStats(image, region);
  return s.r - s.b;
};

/** Fully shown text, the reference for end states and final positions. */
const finalFrame = { arabic: null as Image | null, latin: null as Image | null };
const fade = TEXT_ANIMATION_PRESETS.fade;
const final = (key: keyof typeof finalFrame): Image => {
  const image = finalFrame[key];
  if (!image) throw new Error(`final ${key} frame not rendered`);
  return image;
};

beforeAll(async () => {
  finalFrame.arabic = await still('Text-Arabic', 89, fade);
  finalFrame.latin = await still('Text-Latin', 89, fade);
});

describe('fade', () => {
  it('shows no text at frame 0 and the whole text at the end', async () => {
    const start = await still('Text-Arabic', 0, fade);
    expect(brightFraction(start, WHOLE, 60)).toBe(0);
    expect(brightFraction(final('arabic'), WHOLE, INK)).toBeGreaterThan(0.01);
    expect(brightFraction(final('latin'), WHOLE, INK)).toBeGreaterThan(0.01);
  });
});

describe('word-by-word', () => {
  // words start every 0.6 s and take 0.3 s: at frame 30 (1 s) two words are in, the third starts at 1.2 s
  const twoOfFour: TextAnimation = { type: 'word-by-word', durationSec: 0.3, staggerSec: 0.6, easing: 'ease-out', distanceEm: 0.28 };

  it('reveals Arabic from the right: the first two words sit on the right only', async () => {
    const image = await still('Text-Arabic', 30, twoOfFour);
    expect(brightFraction(image, band(0.55, 0.45), INK)).toBeGreaterThan(0.01);
    expect(brightFraction(image, band(0, 0.55), 60)).toBe(0);
  });

  it('reveals Latin from the left: the first two words sit on the left only', async () => {
    const image = await still('Text-Latin', 30, twoOfFour);
    expect(brightFraction(image, band(0, 0.45), INK)).toBeGreaterThan(0.01);
    expect(brightFraction(image, band(0.45, 0.55), 60)).toBe(0);
  });
});

describe('typewriter', () => {
  const typewriter: TextAnimation = { type: 'typewriter', durationSec: 0.5, staggerSec: 0.5, easing: 'linear', distanceEm: 0 };

  it('adds ink as it types, from the right for Arabic, and ends identical to the fully shown text', async () => {
    const early = await still('Text-Arabic', 20, typewriter);
    const later = await still('Text-Arabic', 40, typewriter);
    const end = await still('Text-Arabic', 89, typewriter);
    const ink = (image: Image) => brightFraction(image, WHOLE, INK);
    expect(ink(early)).toBeGreaterThan(0.002);
    expect(ink(later)).toBeGreaterThan(ink(early) * 1.5);
    expect(ink(final('arabic'))).toBeGreaterThan(ink(later));
    expect(inkCentroidX(early)).toBeGreaterThan(inkCentroidX(later));
    expect(differingPixels(end, final('arabic'))).toBe(0);
  });
});

describe('highlight', () => {
  const timings: WordTiming[] = [
    { start: 0, end: 0.5 },
    { start: 0.5, end: 1 },
    { start: 1, end: 1.5 },
    { start: 1.5, end: 2.5 },
  ];
  // where the Arabic words sit in the fixture (first word rightmost)
  const FIRST_WORD: Region = { x: 0.69, y: 0.3, w: 0.12, h: 0.5 };
  const LAST_WORD: Region = { x: 0.22, y: 0.3, w: 0.15, h: 0.5 };

  it('colours the recited word: the first on the right, later the last on the left', async () => {
    const first = await still('Text-Arabic', 6, TEXT_ANIMATION_PRESETS.highlight, timings);
    const last = await still('Text-Arabic', 60, TEXT_ANIMATION_PRESETS.highlight, timings);
    // the dark background and the cream text are bluer than red (r − b ≈ −7 over a word); #ffcc00 text is far redder
    expect(redMinusBlue(first, FIRST_WORD)).toBeGreaterThan(8);
    expect(redMinusBlue(first, LAST_WORD)).toBeLessThan(0);
    expect(redMinusBlue(last, LAST_WORD)).toBeGreaterThan(8);
    expect(redMinusBlue(last, FIRST_WORD)).toBeLessThan(0);
  });
});

describe('slide', () => {
  const slide: TextAnimation = { type: 'slide', durationSec: 1, staggerSec: 0, easing: 'linear', distanceEm: 1.5 };

  it('enters from the right for Arabic and from the left for Latin', async () => {
    const rtl = await still('Text-Arabic', 15, slide);
    const ltr = await still('Text-Latin', 15, slide);
    expect(inkCentroidX(rtl) - inkCentroidX(final('arabic'))).toBeGreaterThan(0.03);
    expect(inkCentroidX(final('latin')) - inkCentroidX(ltr)).toBeGreaterThan(0.02);
  });
});
