// Colour statistics of a set of RGB frames (rows inside any letterbox):
// palette, mean luma, contrast, HSV saturation, warmth (a trimmed mean of
// R − B over mid-tones, with a neutral band) and the split tone of the
// darkest and brightest fifth of the pixels.
import { palette, rgbHex } from './palette';
import { type ColorStats } from './profile';

/** |warmth| below this (0..1 units of mean R − B over mid-tones) is neutral. */
const NEUTRAL_WARMTH = 0.02;

/** Mid-tones for warmth: luma within these (0..255), away from clipped blacks and whites. */
const MID_LOW = 40;
const MID_HIGH = 215;
/** Share of the darkest/brightest pixels for shadow and highlight tints. */
const TONE_SHARE = 0.2;
/** At most this many pixels go into the palette. */
const PALETTE_SAMPLES = 12_000;

const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Colour statistics of the rows [rowStart, rowEnd) of RGB frames `width` pixels wide; `withPalette: false` leaves the palette empty (it is the slow part). */
export function measureColor(frames: readonly Uint8Array[], width: number, rowStart: number, rowEnd: number, withPalette = true): ColorStats {
  const hist = new Float64Array(256);
  let lumaSum = 0;
  let satSum = 0;
  let n = 0;
  const warm = new Float64Array(511);
  const stride = Math.max(1, Math.floor((frames.length * width * (rowEnd - rowStart)) / PALETTE_SAMPLES));
  const samples: number[] = [];
  const lumaOf = (r: number, g: number, b: number) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

  for (const frame of frames) {
    for (let p = rowStart * width * 3, end = rowEnd * width * 3; p < end; p += 3) {
      const r = frame[p]!;
      const g = frame[p + 1]!;
      const b = frame[p + 2]!;
      const y = lumaOf(r, g, b);
      hist[Math.min(255, Math.round(y))]!++;
      lumaSum += y;
      const max = Math.max(r, g, b);
      if (max > 0) satSum += (max - Math.min(r, g, b)) / max;
      if (y >= MID_LOW && y <= MID_HIGH) warm[r - b + 255]!++;
      if (n % stride === 0) samples.push(r, g, b);
      n++;
    }
  }
  if (n === 0) throw new RangeError('no pixels to measure');

  const percentile = (q: number) => {
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hist[v]!;
      if (acc >= q * n) return v;
    }
    return 255;
  };
  const shadowCut = percentile(TONE_SHARE);
  const highlightCut = percentile(1 - TONE_SHARE);
  const shadow = [0, 0, 0, 0];
  const highlight = [0, 0, 0, 0];
  for (const frame of frames) {
    for (let p = rowStart * width * 3, end = rowEnd * width * 3; p < end; p += 3) {
      const r = frame[p]!;
      const g = frame[p + 1]!;
      const b = frame[p + 2]!;
      const y = Math.round(lumaOf(r, g, b));
      const acc = y <= shadowCut ? shadow : y >= highlightCut ? highlight : null;
      if (acc) {
        acc[0]! += r;
        acc[1]! += g;
        acc[2]! += b;
        acc[3]!++;
      }
    }
  }
  const warmth = robustWarmth(warm);
  return {
    palette: (withPalette ? palette(Uint8Array.from(samples)) : []).map((e) => ({ hex: e.hex, weight: round(e.weight) })),
    meanLuma: round(lumaSum / n / 255),
    contrast: round((percentile(0.95) - percentile(0.05)) / 255),
    saturation: round(satSum / n),
    temperature: warmth > NEUTRAL_WARMTH ? 'warm' : warmth < -NEUTRAL_WARMTH ? 'cool' : 'neutral',
    warmth: round(Math.max(-1, Math.min(1, warmth))),
    shadowTint: tintHex(shadow),
    highlightTint: tintHex(highlight),
  };
}

/** Mean R − B (0..1 units) of a histogram of R − B + 255 with the outer 10% on each side trimmed, so a few vivid objects do not set the cast. */
function robustWarmth(hist: Float64Array): number {
  const total = hist.reduce((s, v) => s + v, 0);
  if (total === 0) return 0;
  const lo = total * 0.1;
  const hi = total * 0.9;
  let below = 0;
  let sum = 0;
  let kept = 0;
  for (let d = 0; d < hist.length; d++) {
    // The part of this bin that falls between the trim points.
    const take = Math.max(0, Math.min(below + hist[d]!, hi) - Math.max(below, lo));
    sum += take * (d - 255);
    kept += take;
    below += hist[d]!;
  }
  return kept > 0 ? sum / kept / 255 : 0;
}

/** The mean colour of accumulated [r, g, b, count] with its luma moved to mid-grey: only the tint is left. */
function tintHex([r, g, b, count]: number[]): string {
  if (!count) return '#808080';
  const [mr, mg, mb] = [r! / count!, g! / count!, b! / count!];
  const shift = 128 - (0.2126 * mr + 0.7152 * mg + 0.0722 * mb);
  return rgbHex(mr + shift, mg + shift, mb + shift);
}
