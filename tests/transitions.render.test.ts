// Transitions rendered for real from the fixture bundle: the "Transition"
// fixture holds pure red (A) for frames 0..29, transitions over 30 frames
// (30..59, midpoint 45), then holds pure blue (B); each type is checked by
// the pixels it leaves at known points of the transition. Where motion and
// blur matter, both shots carry a white centre square (the `marker` prop).
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { renderStillImage } from './helpers/still';
import { brightFraction, regionStats, type Image, type Region } from './helpers/media';
import type { Transition } from '../compositions/transitions';

const fixturesUrl = inject('fixturesUrl');

const LAST_OF_A = 29;
const MIDPOINT = 45;
const FIRST_OF_B = 60;

const LEFT: Region = { x: 0.05, y: 0.1, w: 0.35, h: 0.8 };
const RIGHT: Region = { x: 0.6, y: 0.1, w: 0.35, h: 0.8 };
const TOP: Region = { x: 0.1, y: 0.05, w: 0.8, h: 0.35 };
const BOTTOM: Region = { x: 0.1, y: 0.6, w: 0.8, h: 0.35 };
/** The centre square (30% of the height) with a margin around it. */
const MARKER_ZONE: Region = { x: 0.35, y: 0.25, w: 0.3, h: 0.5 };

const base: Transition = { type: 'dissolve', durationSec: 1, easing: 'linear', direction: 'from-left' };

const still = (frame: number, transition: Partial<Transition> = {}, marker = false): Promise<Image> =>
  renderStillImage({
    serveUrl: fixturesUrl,
    compositionId: 'Transition',
    frame,
    props: { transition: { ...base, ...transition }, marker },
    scale: 0.5,
  });

/** Fraction of the marker zone between the background mix and white: soft or doubled edges. */
const softEdgeFraction = (image: Image) => brightFraction(image, MARKER_ZONE, 60) - brightFraction(image, MARKER_ZONE, 220);

/** Lowest alpha in the image: 255 means every pixel was painted opaque. */
const minAlpha = (image: Image): number => {
  let min = 255;
  for (let i = 3; i < image.data.length; i += 4) min = Math.min(min, image.data[i]!);
  return min;
};

type Rgb = { r: number; g: number; b: number };
const expectRgb = (actual: Rgb, expected: Rgb, tolerance = 3) => {
  expect(actual.r).toBeGreaterThanOrEqual(expected.r - tolerance);
  expect(actual.r).toBeLessThanOrEqual(expected.r + tolerance);
  expect(actual.g).toBeGreaterThanOrEqual(expected.g - tolerance);
  expect(actual.g).toBeLessThanOrEqual(expected.g + tolerance);
  expect(actual.b).toBeGreaterThanOrEqual(expected.b - tolerance);
  expect(actual.b).toBeLessThanOrEqual(expected.b + tolerance);
};
const RED = { r: 255, g: 0, b: 0 };
const BLUE = { r: 0, g: 0, b: 255 };

describe('Transition fixture', () => {
  /** The dissolve's midpoint with markers: the reference the zoom-blur must differ from. */
  let dissolveMid: Image;
  beforeAll(async () => {
    dissolveMid = await still(MIDPOINT, {}, true);
  });

  it('dissolve: pure A before, an even red/blue mix at the midpoint, pure B after', async () => {
    expectRgb(regionStats(await still(LAST_OF_A)), RED);
    for (const side of [LEFT, RIGHT]) expectRgb(regionStats(dissolveMid, side), { r: 128, g: 0, b: 128 }, 3);
    expectRgb(regionStats(await still(FIRST_OF_B)), BLUE);
  });

  it('easing reshapes the progress: ease-in is still mostly A at the midpoint', async () => {
    const mid = regionStats(await still(MIDPOINT, { easing: 'ease-in' }));
    expect(mid.r).toBeGreaterThan(mid.b + 40);
  });

  it('fade through black: A darkens, black (painted, opaque) at the midpoint, then B brightens', async () => {
    const early = regionStats(await still(38, { type: 'fade-through-black' }));
    const midImage = await still(MIDPOINT, { type: 'fade-through-black' });
    const late = regionStats(await still(52, { type: 'fade-through-black' }));
    expect(regionStats(midImage).luma).toBeLessThan(4);
    expect(minAlpha(midImage)).toBe(255);
    expect(early.b).toBeLessThan(3);
    expect(early.r).toBeGreaterThan(60);
    expect(early.r).toBeLessThan(200);
    expect(late.r).toBeLessThan(3);
    expect(late.b).toBeGreaterThan(60);
    expect(late.b).toBeLessThan(200);
  });

  it('wipe: B is revealed from the named side over a still A', async () => {
    const fromLeft = await still(MIDPOINT, { type: 'wipe', direction: 'from-left' });
    expectRgb(regionStats(fromLeft, LEFT), BLUE);
    expectRgb(regionStats(fromLeft, RIGHT), RED);
    const fromTop = await still(MIDPOINT, { type: 'wipe', direction: 'from-top' });
    expectRgb(regionStats(fromTop, TOP), BLUE);
    expectRgb(regionStats(fromTop, BOTTOM), RED);
  });

  it('slide: B pushes A out towards the far side, half and half at the midpoint', async () => {
    const fromRight = await still(MIDPOINT, { type: 'slide', direction: 'from-right' }, true);
    expectRgb(regionStats(fromRight, { x: 0.15, y: 0.1, w: 0.3, h: 0.8 }), RED);
    expectRgb(regionStats(fromRight, { x: 0.55, y: 0.1, w: 0.3, h: 0.8 }), BLUE);
    // Both squares moved with their shots (a wipe would leave A's in place):
    // A's is half off the left edge, B's half on at the right edge.
    expect(brightFraction(fromRight, MARKER_ZONE, 220)).toBe(0);
    expect(brightFraction(fromRight, { x: 0, y: 0.4, w: 0.04, h: 0.2 }, 220)).toBe(1);
    expect(brightFraction(fromRight, { x: 0.96, y: 0.4, w: 0.04, h: 0.2 }, 220)).toBe(1);
  });

  it('zoom-blur: neither A nor B at the midpoint; unlike a dissolve, the marker grows and its edges soften', async () => {
    const mid = await still(MIDPOINT, { type: 'zoom-blur' }, true);
    const side = regionStats(mid, LEFT);
    expect(side.r).toBeGreaterThan(60);
    expect(side.b).toBeGreaterThan(60);
    expect(brightFraction(mid, MARKER_ZONE, 60)).toBeGreaterThan(brightFraction(dissolveMid, MARKER_ZONE, 60) + 0.05);
    expect(softEdgeFraction(mid)).toBeGreaterThan(softEdgeFraction(dissolveMid) + 0.1);
  });

  it('cut: the frame after A ends is pure B, with no blend', async () => {
    expectRgb(regionStats(await still(LAST_OF_A, { type: 'cut' })), RED, 0);
    expectRgb(regionStats(await still(LAST_OF_A + 1, { type: 'cut' })), BLUE, 0);
  });
});
