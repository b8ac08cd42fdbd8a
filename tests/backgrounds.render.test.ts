// The procedural backgrounds rendered for real (fixture bundle + Chromium),
// checked by their pixels: the geometric pattern draws lines and its star
// shows 8-fold symmetry, opacity 0 draws nothing, and every background moves
// over time yet renders the same frame identically, whatever came before.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { renderStillImage } from './helpers/still';
import { brightFraction, differingPixels, regionStats, type Image } from './helpers/media';

const fixturesUrl = inject('fixturesUrl');
const SCALE = 0.5;
const WHOLE = { x: 0, y: 0, w: 1, h: 1 };

const still = (compositionId: string, frame: number, props: Record<string, unknown> = {}) =>
  renderStillImage({ serveUrl: fixturesUrl, compositionId, frame, props, scale: SCALE });

const luma = (image: Image, x: number, y: number) => {
  const i = (y * image.width + x) * 4;
  return 0.2126 * image.data[i]! + 0.7152 * image.data[i + 1]! + 0.0722 * image.data[i + 2]!;
};

/** Luma between pixel centres (x, y in pixel-edge coordinates). */
function sample(image: Image, x: number, y: number): number {
  const fx = x - 0.5;
  const fy = y - 0.5;
  const x0 = Math.floor(fx);
  const y0 = Math.floor(fy);
  const u = fx - x0;
  const v = fy - y0;
  return (
    luma(image, x0, y0) * (1 - u) * (1 - v) +
    luma(image, x0 + 1, y0) * u * (1 - v) +
    luma(image, x0, y0 + 1) * (1 - u) * v +
    luma(image, x0 + 1, y0 + 1) * u * v
  );
}

/** Mean luma difference between the image and its mirror about the vertical line x = axis (pixel edges). */
function mirrorDifference(image: Image, axis: number): number {
  let sum = 0;
  let n = 0;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      const mirrored = 2 * axis - 1 - x;
      if (mirrored < 0 || mirrored >= image.width) continue;
      sum += Math.abs(luma(image, x, y) - luma(image, mirrored, y));
      n++;
    }
  }
  return sum / n;
}

/** Mean luma difference between points around (cx, cy) out to `radius` and the same points turned by `angle`. */
function turnDifference(image: Image, cx: number, cy: number, radius: number, angle: number): number {
  let sum = 0;
  let n = 0;
  for (let r = 2; r <= radius; r += 0.5) {
    for (let deg = 0; deg < 360; deg += 1) {
      const a = (deg * Math.PI) / 180;
      sum += Math.abs(sample(image, cx + r * Math.cos(a), cy + r * Math.sin(a)) - sample(image, cx + r * Math.cos(a + angle), cy + r * Math.sin(a + angle)));
      n++;
    }
  }
  return sum / n;
}

describe('geometric pattern', () => {
  const still8 = { rotationDegPerSec: 0, revealSec: 0 };
  let pattern: Image;
  beforeAll(async () => {
    pattern = await still('Bg-Geometric', 60, still8);
  });

  it('draws thin lines: a share of the frame is bright, most of it is the dark fill', () => {
    const bright = brightFraction(pattern, WHOLE, 40);
    expect(bright).toBeGreaterThan(0.03);
    expect(bright).toBeLessThan(0.3);
  });

  it('is mirror-symmetric about the centre column (a star centre), and not about a column a quarter tile away', () => {
    const tile = 0.22 * pattern.width;
    const centre = mirrorDifference(pattern, pattern.width / 2);
    const off = mirrorDifference(pattern, pattern.width / 2 + Math.round(tile / 4));
    expect(centre).toBeLessThan(0.5);
    expect(off).toBeGreaterThan(centre * 10);
  });

  it('shows the star\'s 8-fold symmetry: a 45° turn about the centre matches, a 22.5° turn does not', () => {
    const radius = 0.22 * pattern.width * 0.5;
    const cx = pattern.width / 2;
    const cy = pattern.height / 2;
    const eighth = turnDifference(pattern, cx, cy, radius, Math.PI / 4);
    const sixteenth = turnDifference(pattern, cx, cy, radius, Math.PI / 8);
    // Antialiasing differs between axis-aligned and diagonal lines, so a 45° turn is close, not exact (~3.5× closer here).
    expect(sixteenth).toBeGreaterThan(eighth * 2);
  });

  it('draws the 6-point pattern too', async () => {
    const star6 = await still('Bg-Geometric', 60, { ...still8, kind: 'star6' });
    expect(brightFraction(star6, WHOLE, 40)).toBeGreaterThan(0.03);
  });

  it('opacity 0 draws nothing: only the flat fill', async () => {
    const none = await still('Bg-Geometric', 60, { opacity: 0 });
    expect(regionStats(none).lumaStd).toBeLessThan(0.5);
    expect(brightFraction(none, WHOLE, 20)).toBe(0);
  });

  it('turns over time, and the same frame renders identically after another', async () => {
    const a = await still('Bg-Geometric', 45);
    const b = await still('Bg-Geometric', 105);
    const again = await still('Bg-Geometric', 45);
    expect(differingPixels(a, b)).toBeGreaterThan(a.width * a.height * 0.02);
    expect(differingPixels(a, again)).toBe(0);
  });
});

describe.each(['Bg-Bokeh', 'Bg-Clouds'])('%s', (compositionId) => {
  it('moves between frames and renders a frame identically after another', async () => {
    const a = await still(compositionId, 30);
    const b = await still(compositionId, 90);
    const again = await still(compositionId, 30);
    expect(regionStats(a).lumaStd).toBeGreaterThan(5);
    expect(differingPixels(a, b)).toBeGreaterThan(a.width * a.height * 0.05);
    expect(differingPixels(a, again)).toBe(0);
  });
});
