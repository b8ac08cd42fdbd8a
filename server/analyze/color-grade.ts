// The effects-library Grade that reproduces a measured look: the grade is
// fitted so that gradeToMatrix(grade) applied to a neutral reference image
// (a mid-grey, mid-contrast, moderately saturated luma ramp) gives the
// measured mean luma, contrast, saturation and warmth, within the grade's
// ranges. Fitting through the real matrix keeps clipping and the coupling
// of exposure, contrast and saturation in gradeToMatrix accounted for.
import { applyMatrix, gradeToMatrix, type Grade } from '../../compositions/effects/grade';
import { measureColor } from './color-stats';
import { type ColorStats } from './profile';

const WIDTH = 66;
const HUES: [number, number, number][] = [[1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 1, 1], [0, 0, 1], [1, 0, 1]];

/**
 * The neutral look grades start from: a luma ramp from 0.12 to 0.78 in six
 * hues at 30% chroma — mean luma ≈ 0.45, contrast ≈ 0.6, saturation ≈ 0.3,
 * warmth 0. RGB, WIDTH × 6 pixels.
 */
export const NEUTRAL_REFERENCE: { width: number; height: number; frame: Uint8Array } = (() => {
  const height = HUES.length;
  const frame = new Uint8Array(WIDTH * height * 3);
  HUES.forEach((hue, y) => {
    for (let x = 0; x < WIDTH; x++) {
      const v = 0.12 + (0.66 * x) / (WIDTH - 1);
      const rgb = hue.map((h) => 0.7 + 0.3 * h);
      // Scale the colour so its luma is v.
      const luma = 0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!;
      rgb.forEach((c, i) => (frame[(y * WIDTH + x) * 3 + i] = Math.round(Math.min(1, (c * v) / luma) * 255)));
    }
  });
  return { width: WIDTH, height, frame };
})();

/** The reference image graded by `grade`, measured (without a palette). */
function gradedLook(grade: Grade): ColorStats {
  const matrix = gradeToMatrix(grade);
  const { frame, width, height } = NEUTRAL_REFERENCE;
  const out = new Uint8Array(frame.length);
  for (let p = 0; p < frame.length; p += 3) {
    const rgb = applyMatrix(matrix, [frame[p]! / 255, frame[p + 1]! / 255, frame[p + 2]! / 255]);
    for (let i = 0; i < 3; i++) out[p + i] = Math.round(rgb[i]! * 255);
  }
  return measureColor([out], width, 0, height, false);
}

const clampUnit = (v: number) => Math.max(-1, Math.min(1, v));
const tidy = (v: number) => Math.round(clampUnit(v) * 1000) / 1000;

/** The value in -1..1 at which increasing `measure` reaches `target` (an end when it cannot). */
function solve(measure: (v: number) => number, target: number): number {
  let lo = -1;
  let hi = 1;
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2;
    if (measure(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

const hexChannels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];

/** The Grade (gradeToMatrix semantics) that moves the neutral reference toward `stats`. */
export function deriveGrade(stats: ColorStats): Grade {
  // Exposure (a gain of 2^(1.5·e)) and contrast (a gain of 1 + 0.6·c around mid-grey)
  // both move the mean and the spread, and clip: search them together, coarse then fine.
  const toneError = (exposure: number, contrast: number) => {
    const look = gradedLook({ exposure, contrast, saturation: 0, temperature: 0, tint: 0 });
    return 2 * (look.meanLuma - stats.meanLuma) ** 2 + (look.contrast - stats.contrast) ** 2;
  };
  let best = { exposure: 0, contrast: 0, error: Infinity };
  for (const [step, span] of [[0.25, 1], [0.05, 0.2]] as const) {
    const centre = span === 1 ? { exposure: 0, contrast: 0 } : best;
    for (let e = -span; e <= span + 1e-9; e += step) {
      for (let c = -span; c <= span + 1e-9; c += step) {
        const exposure = clampUnit(centre.exposure + e);
        const contrast = clampUnit(centre.contrast + c);
        const error = toneError(exposure, contrast);
        if (error < best.error) best = { exposure, contrast, error };
      }
    }
  }
  const tone: Grade = { exposure: best.exposure, contrast: best.contrast, saturation: 0, temperature: 0, tint: 0 };
  const saturation = solve((s) => gradedLook({ ...tone, saturation: s }).saturation, stats.saturation);
  const temperature = solve((t) => gradedLook({ ...tone, saturation, temperature: t }).warmth, stats.warmth);
  // Magenta (+) or green (−) of the split tone, (R + B) / 2 − G, which tint sets to 0.04·tint on a mid-grey.
  const magenta = [stats.shadowTint, stats.highlightTint].map(hexChannels).reduce((sum, [r, g, b]) => sum + ((r + b) / 2 - g) / 2, 0);
  return { exposure: tidy(tone.exposure), contrast: tidy(tone.contrast), saturation: tidy(saturation), temperature: tidy(temperature), tint: tidy(magenta / 0.04) };
}
