// The effects rendered for real (fixture bundle + Chromium), checked by their
// pixels: letterbox bars are pure black, of the right size, over text too;
// the light leak warms its edge, moves, and renders a frame identically
// after another; Ken Burns zooms into a quadrant and cover leaves no border
// where contain does; glow lights the background round the letters; defocus
// softens detail without darkening the frame's edges; split tone matches its
// maths on a grey ramp; dust motes appear and drift; grain is noise around
// the same mean that changes every other frame.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { renderStillImage } from './helpers/still';
import { brightFraction, differingPixels, regionStats, type Image } from './helpers/media';
import { letterboxBars } from '../compositions/effects/letterbox';
import { splitTonePixel } from '../compositions/effects/split-tone';
import { dustDefaults } from '../compositions/effects/dust';

const fixturesUrl = inject('fixturesUrl');

const still = (compositionId: string, frame: number, props: Record<string, unknown>, scale: number) =>
  renderStillImage({ serveUrl: fixturesUrl, compositionId, frame, props, scale });

const px = (image: Image, x: number, y: number) => {
  const i = (y * image.width + x) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!] as const;
};
const luma = (image: Image, x: number, y: number) => {
  const [r, g, b] = px(image, x, y);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** Largest channel value along a row or a column. */
const rowMax = (image: Image, y: number) => Math.max(...Array.from({ length: image.width }, (_, x) => Math.max(...px(image, x, y))));
const columnMax = (image: Image, x: number) => Math.max(...Array.from({ length: image.height }, (_, y) => Math.max(...px(image, x, y))));

/** How many rows (or columns) from one edge are pure black. */
function blackRun(count: number, max: (i: number) => number): number {
  let n = 0;
  while (n < count && max(n) === 0) n++;
  return n;
}

describe('letterbox (1920×1080 at scale 0.5)', () => {
  const SCALE = 0.5;

  it('2.39:1 bars are pure black, 138 px (69 at this scale) ±1, and hide the text under them; the picture between is not black', async () => {
    const image = await still('Fx-Letterbox', 30, { ratio: 2.39, color: '#000000', animateInSec: 0 }, SCALE);
    const expected = letterboxBars(1920, 1080, 2.39).top * SCALE;
    const top = blackRun(image.height, (y) => rowMax(image, y));
    const bottom = blackRun(image.height, (y) => rowMax(image, image.height - 1 - y));
    expect(expected).toBe(69);
    expect(Math.abs(top - expected)).toBeLessThanOrEqual(1);
    expect(Math.abs(bottom - expected)).toBeLessThanOrEqual(1);
    const picture = { x: 0, y: (expected + 1) / image.height, w: 1, h: 1 - (2 * expected + 2) / image.height };
    expect(regionStats(image, picture).luma).toBeGreaterThan(25);
    for (const y of [expected + 1, image.height - expected - 2]) expect(rowMax(image, y)).toBeGreaterThan(20);
  });

  it('slides in: half way through animateInSec the bars are about half their height', async () => {
    const image = await still('Fx-Letterbox', 15, { ratio: 2.39, color: '#000000', animateInSec: 1 }, SCALE);
    const top = blackRun(image.height, (y) => rowMax(image, y));
    expect(top).toBeGreaterThan(69 * 0.5 - 3);
    expect(top).toBeLessThan(69 * 0.5 + 3);
  });

  it('pillarboxes a ratio narrower than the frame: 1.33:1 leaves black columns of 242 px (121 here) ±1, no bars top or bottom', async () => {
    const image = await still('Fx-Letterbox', 30, { ratio: 1.33, color: '#000000', animateInSec: 0 }, SCALE);
    const left = blackRun(image.width, (x) => columnMax(image, x));
    const right = blackRun(image.width, (x) => columnMax(image, image.width - 1 - x));
    expect(Math.abs(left - 121)).toBeLessThanOrEqual(1);
    expect(Math.abs(right - 121)).toBeLessThanOrEqual(1);
    expect(rowMax(image, 0)).toBeGreaterThan(20);
  });
});

describe('light leak (1080×1920 at scale 0.25)', () => {
  const SCALE = 0.25;
  const LEFT = { x: 0, y: 0.2, w: 0.15, h: 0.6 };
  const RIGHT = { x: 0.85, y: 0.2, w: 0.15, h: 0.6 };
  const props = { color: '#ff9a3c', intensity: 0.7, edge: 'left', speed: 1, seed: 7, backdrop: 'plain' };
  let first: Image;
  let later: Image;
  let again: Image;
  beforeAll(async () => {
    first = await still('Fx-LightLeak', 30, props, SCALE);
    later = await still('Fx-LightLeak', 90, props, SCALE);
    again = await still('Fx-LightLeak', 30, props, SCALE);
  });

  it('brightens and warms the leak edge against the opposite edge', () => {
    const leak = regionStats(first, LEFT);
    const far = regionStats(first, RIGHT);
    expect(leak.luma).toBeGreaterThan(far.luma + 20);
    expect(leak.r - leak.b).toBeGreaterThan(far.r - far.b + 30);
  });

  it('changes over time, and renders the same frame identically after another', () => {
    expect(differingPixels(first, later)).toBeGreaterThan(first.width * first.height * 0.05);
    expect(differingPixels(first, again)).toBe(0);
  });

  it('comes in from the edge it is given', async () => {
    const top = await still('Fx-LightLeak', 30, { ...props, edge: 'top' }, SCALE);
    const upper = regionStats(top, { x: 0.2, y: 0, w: 0.6, h: 0.1 });
    const lower = regionStats(top, { x: 0.2, y: 0.9, w: 0.6, h: 0.1 });
    expect(upper.luma).toBeGreaterThan(lower.luma + 20);
    expect(regionStats(top, LEFT).luma).toBeLessThan(regionStats(first, LEFT).luma);
  });
});

describe('Ken Burns (1080×1920 at scale 0.25, a 4:3 image of four quadrants)', () => {
  const SCALE = 0.25;
  const push = { zoomFrom: 1, zoomTo: 2, panFrom: { x: 0, y: 0 }, panTo: { x: -1, y: -1 }, fit: 'cover', easing: 'linear' };
  /** Share of the frame showing the top-left quadrant's red (#d23c32). */
  const redShare = (image: Image) => {
    let red = 0;
    for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) {
      const [r, g, b] = px(image, x, y);
      if (r > 150 && g < 110 && b < 110) red++;
    }
    return red / (image.width * image.height);
  };
  const darkShare = (image: Image) => {
    let dark = 0;
    for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) if (luma(image, x, y) < 12) dark++;
    return dark / (image.width * image.height);
  };

  it('pushes in towards the top-left: red grows from a quarter of the frame to nearly all of it, with no border either way (cover)', async () => {
    const start = await still('Fx-KenBurns', 0, push, SCALE);
    const end = await still('Fx-KenBurns', 119, push, SCALE);
    expect(redShare(start)).toBeGreaterThan(0.2);
    expect(redShare(start)).toBeLessThan(0.3);
    expect(redShare(end)).toBeGreaterThan(0.85);
    expect(darkShare(start)).toBe(0);
    expect(darkShare(end)).toBe(0);
  });

  it('contain shows the whole image with empty bands above and below it', async () => {
    const image = await still('Fx-KenBurns', 0, { ...push, fit: 'contain' }, SCALE);
    // The 4:3 image is 1080×810 inside 1080×1920: bands of 555 px (29%) above and below.
    expect(regionStats(image, { x: 0, y: 0, w: 1, h: 0.27 }).luma).toBeLessThan(1);
    expect(regionStats(image, { x: 0, y: 0.73, w: 1, h: 0.27 }).luma).toBeLessThan(1);
    expect(darkShare(image)).toBeGreaterThan(0.55);
    expect(redShare(image)).toBeGreaterThan(0.08);
  });
});

describe('glow (1080×600 at scale 0.5)', () => {
  it('lights the background around the letters', async () => {
    const plain = await still('Fx-Glow', 0, { color: '#ffd9a0', radius: 18, strength: 0 }, 0.5);
    const glowing = await still('Fx-Glow', 0, { color: '#ffd9a0', radius: 18, strength: 0.8 }, 0.5);
    // Background pixels of the plain render that lie near a letter: the glow's territory.
    const background = luma(plain, 2, 2);
    let near = 0;
    let lift = 0;
    for (let y = 4; y < plain.height - 4; y++) {
      for (let x = 4; x < plain.width - 4; x++) {
        if (Math.abs(luma(plain, x, y) - background) > 1) continue;
        if (![-4, 4].some((d) => luma(plain, x + d, y) > 120 || luma(plain, x, y + d) > 120)) continue;
        near++;
        lift += luma(glowing, x, y) - luma(plain, x, y);
      }
    }
    expect(near).toBeGreaterThan(500);
    expect(lift / near).toBeGreaterThan(15);
    expect(regionStats(glowing, { x: 0, y: 0, w: 0.05, h: 0.05 }).luma).toBeCloseTo(background, 0);
  });
});

describe('defocus (1080×1080 at scale 0.5)', () => {
  /** Mean absolute luma step between horizontal neighbours: the picture's fine detail. */
  const detail = (image: Image) => {
    let sum = 0;
    for (let y = 0; y < image.height; y++) for (let x = 1; x < image.width; x++) sum += Math.abs(luma(image, x, y) - luma(image, x - 1, y));
    return sum / (image.height * (image.width - 1));
  };

  it('softens detail while keeping the picture\'s tone, its edges included', async () => {
    const sharp = await still('Fx-Defocus', 0, { amount: 0 }, 0.5);
    const soft = await still('Fx-Defocus', 0, { amount: 1 }, 0.5);
    expect(detail(soft)).toBeLessThan(detail(sharp) / 4);
    expect(Math.abs(regionStats(soft).luma - regionStats(sharp).luma)).toBeLessThan(4);
    for (const edge of [{ x: 0, y: 0.2, w: 0.02, h: 0.6 }, { x: 0.98, y: 0.2, w: 0.02, h: 0.6 }, { x: 0.2, y: 0.98, w: 0.6, h: 0.02 }]) {
      expect(regionStats(soft, edge).luma).toBeGreaterThan(regionStats(sharp, edge).luma * 0.7);
    }
  });
});

describe('split tone (1000×200 grey ramp)', () => {
  const teal = { shadows: '#00b4c8', highlights: '#ff9a3c', strength: 1, balance: 0 };
  const column = (image: Image, fraction: number) => regionStats(image, { x: fraction - 0.01, y: 0.2, w: 0.02, h: 0.6 });

  it('leaves the ramp grey at strength 0', async () => {
    const plain = await still('Fx-SplitTone', 0, { ...teal, strength: 0 }, 1);
    for (const f of [0.1, 0.5, 0.9]) {
      const { r, g, b } = column(plain, f);
      expect(Math.max(r, g, b) - Math.min(r, g, b)).toBeLessThan(2);
    }
  });

  it('turns the shadows teal and the highlights amber, as splitTonePixel predicts', async () => {
    const toned = await still('Fx-SplitTone', 0, teal, 1);
    const dark = column(toned, 0.12);
    expect(dark.g - dark.r).toBeGreaterThan(8);
    expect(dark.b - dark.r).toBeGreaterThan(8);
    const light = column(toned, 0.88);
    expect(light.r - light.b).toBeGreaterThan(20);
    for (const f of [0.12, 0.5, 0.88]) {
      const v = f; // the ramp's value at this column (0..1)
      const [er, eg, eb] = splitTonePixel(teal, [v, v, v]);
      const got = column(toned, f);
      expect(got.r).toBeCloseTo(er * 255, -1.2); // within ~8 of 255
      expect(got.g).toBeCloseTo(eg * 255, -1.2);
      expect(got.b).toBeCloseTo(eb * 255, -1.2);
    }
  });
});

describe('dust drift (1080×1920 at scale 0.25)', () => {
  it('draws nothing at density 0 and light motes when on, more with more density', async () => {
    const none = await still('Fx-Dust', 30, { ...dustDefaults, density: 0, seed: 3 }, 0.25);
    expect(brightFraction(none, { x: 0, y: 0, w: 1, h: 1 }, 40)).toBe(0);
    const some = brightFraction(await still('Fx-Dust', 30, { ...dustDefaults, density: 0.3, opacity: 1, seed: 3 }, 0.25), { x: 0, y: 0, w: 1, h: 1 }, 40);
    const more = brightFraction(await still('Fx-Dust', 30, { ...dustDefaults, density: 1, opacity: 1, seed: 3 }, 0.25), { x: 0, y: 0, w: 1, h: 1 }, 40);
    expect(some).toBeGreaterThan(0);
    expect(more).toBeGreaterThan(some * 2);
  });

  it('drifts: the motes move between frames, and a frame renders identically twice', async () => {
    const props = { ...dustDefaults, density: 0.6, opacity: 1, seed: 3, speed: 2 };
    const a = await still('Fx-Dust', 10, props, 0.25);
    const b = await still('Fx-Dust', 40, props, 0.25);
    expect(differingPixels(a, b)).toBeGreaterThan(200);
    expect(differingPixels(a, await still('Fx-Dust', 10, props, 0.25))).toBe(0);
  });
});

describe('film grain (540×960)', () => {
  const spread = (image: Image) => {
    let sum = 0;
    let sq = 0;
    const n = image.width * image.height;
    for (let i = 0; i < n; i++) {
      const v = image.data[i * 4]!;
      sum += v;
      sq += v * v;
    }
    const mean = sum / n;
    return { mean, std: Math.sqrt(sq / n - mean * mean) };
  };

  it('is flat at amount 0, noisy around the same mean when on, and stronger with the amount', async () => {
    const flat = spread(await still('Fx-Grain', 0, { amount: 0, seed: 5 }, 1));
    const light = spread(await still('Fx-Grain', 0, { amount: 0.3, seed: 5 }, 1));
    const heavy = spread(await still('Fx-Grain', 0, { amount: 0.9, seed: 5 }, 1));
    expect(flat.std).toBeLessThan(0.5);
    expect(light.std).toBeGreaterThan(2);
    expect(heavy.std).toBeGreaterThan(light.std * 2);
    expect(Math.abs(heavy.mean - flat.mean)).toBeLessThan(2);
  });

  it('changes between frames (every other frame, 15 per second at 30 fps) and is repeatable', async () => {
    const props = { amount: 0.6, seed: 5 };
    const f0 = await still('Fx-Grain', 0, props, 1);
    expect(differingPixels(f0, await still('Fx-Grain', 1, props, 1))).toBe(0);
    expect(differingPixels(f0, await still('Fx-Grain', 2, props, 1))).toBeGreaterThan((540 * 960) / 2);
    expect(differingPixels(f0, await still('Fx-Grain', 0, props, 1))).toBe(0);
  });
});
