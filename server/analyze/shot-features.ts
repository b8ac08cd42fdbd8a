// Per-frame features for shot-boundary detection and the distances between
// two frames: an HSV colour histogram (motion-blind, sees colour changes), a
// contrast-normalised luma grid compared block by block after a motion search
// (brightness-blind, so a flash barely moves it, and robust to pans and
// zooms), and the frame's mean and spread of luma (fades and black frames).
import type { FrameSet } from './frames';

export interface FrameFeatures {
  /** Mean luma 0..255 and its standard deviation. */
  mean: number;
  std: number;
  /** Luma on a grid half the decoded size, as z-scores (mean 0, spread 1). */
  grid: Float32Array;
  /** The same grid in raw luma 0..255. */
  luma: Float32Array;
  gridWidth: number;
  gridHeight: number;
  /** HSV histogram summing to 1: HUE_BINS x SAT_BINS x VAL_BINS chromatic bins, then GREY_BINS for unsaturated pixels. */
  hist: Float32Array;
}

const HUE_BINS = 12;
const SAT_BINS = 3;
const VAL_BINS = 4;
const GREY_BINS = 8;
/** Below this HSV saturation (0..1) a pixel's hue is noise; it goes to a grey bin. */
const GREY_SAT = 0.12;
/** A floor on the luma spread used to normalise the grid, so a near-flat or black frame does not blow its noise up. */
const MIN_STD = 8;
/** Grid block size and motion search radii (grid pixels) for the block distance. */
const BLOCK = 8;
const GLOBAL_RADIUS = 8;
const LOCAL_RADIUS = 3;
/** Relative cost per grid pixel of global shift. */
const SHIFT_PENALTY = 0.004;
/** E|x - y| of two independent unit-variance values: the block distance of two unrelated frames is about 1 after dividing by this. */
const UNRELATED_MAD = 2 / Math.sqrt(Math.PI);

function histogram(frame: Uint8Array, channels: 1 | 3): Float32Array {
  const hist = new Float32Array(HUE_BINS * SAT_BINS * VAL_BINS + GREY_BINS);
  const pixels = frame.length / channels;
  let count = 0;
  for (let p = 0; p < pixels; p += 2) {
    const i = p * channels;
    const r = frame[i]!;
    const g = channels === 3 ? frame[i + 1]! : r;
    const b = channels === 3 ? frame[i + 2]! : r;
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    const v = max / 255;
    const s = max === 0 ? 0 : (max - min) / max;
    if (s < GREY_SAT || max - min < 12) {
      hist[HUE_BINS * SAT_BINS * VAL_BINS + Math.min(GREY_BINS - 1, Math.floor(v * GREY_BINS))]! += 1;
    } else {
      const d = max - min;
      let h = max === r ? (g - b) / d : max === g ? 2 + (b - r) / d : 4 + (r - g) / d;
      if (h < 0) h += 6;
      const hb = Math.min(HUE_BINS - 1, Math.floor((h / 6) * HUE_BINS));
      const sb = Math.min(SAT_BINS - 1, Math.floor(((s - GREY_SAT) / (1 - GREY_SAT)) * SAT_BINS));
      const vb = Math.min(VAL_BINS - 1, Math.floor(v * VAL_BINS));
      hist[(hb * SAT_BINS + sb) * VAL_BINS + vb]! += 1;
    }
    count++;
  }
  for (let k = 0; k < hist.length; k++) hist[k]! /= count;
  return hist;
}

/** Features of frame `index` of a FrameSet. */
export function frameFeatures(set: FrameSet, index: number): FrameFeatures {
  const frame = set.frames[index]!;
  const { width, height, channels } = set;
  const gridWidth = Math.max(1, width >> 1);
  const gridHeight = Math.max(1, height >> 1);
  const luma = new Float32Array(gridWidth * gridHeight);
  for (let gy = 0; gy < gridHeight; gy++) {
    for (let gx = 0; gx < gridWidth; gx++) {
      let sum = 0;
      for (let dy = 0; dy < 2; dy++) {
        const row = (2 * gy + dy) * width;
        for (let dx = 0; dx < 2; dx++) {
          const i = (row + 2 * gx + dx) * channels;
          sum += channels === 3 ? 0.2126 * frame[i]! + 0.7152 * frame[i + 1]! + 0.0722 * frame[i + 2]! : frame[i]!;
        }
      }
      luma[gy * gridWidth + gx] = sum / 4;
    }
  }
  let mean = 0;
  for (const v of luma) mean += v;
  mean /= luma.length;
  let variance = 0;
  for (const v of luma) variance += (v - mean) ** 2;
  const std = Math.sqrt(variance / luma.length);
  const scale = 1 / Math.max(std, MIN_STD);
  const grid = new Float32Array(luma.length);
  for (let k = 0; k < luma.length; k++) grid[k] = (luma[k]! - mean) * scale;
  return { mean, std, grid, luma, gridWidth, gridHeight, hist: histogram(frame, channels) };
}

/** Half the L1 distance of two colour histograms: 0 identical, 1 no colour in common. */
export function histDistance(a: FrameFeatures, b: FrameFeatures): number {
  let sum = 0;
  for (let k = 0; k < a.hist.length; k++) sum += Math.abs(a.hist[k]! - b.hist[k]!);
  return sum / 2;
}

/** Mean |a - b| over the overlap of two grids when b is shifted by (dx, dy), sampling every `step` pixels. */
function shiftedMad(a: Float32Array, b: Float32Array, w: number, h: number, dx: number, dy: number, step: number): number {
  let sum = 0;
  let n = 0;
  const x0 = Math.max(0, -dx);
  const x1 = Math.min(w, w - dx);
  const y0 = Math.max(0, -dy);
  const y1 = Math.min(h, h - dy);
  for (let y = y0; y < y1; y += step) {
    const row = y * w;
    const rowB = (y + dy) * w + dx;
    for (let x = x0; x < x1; x += step) {
      sum += Math.abs(a[row + x]! - b[rowB + x]!);
      n++;
    }
  }
  return n > 0 ? sum / n : Infinity;
}

/** The global shift of b against a (grid pixels) that matches best near `centre`, searched on every other pixel. */
function globalShift(a: Float32Array, b: Float32Array, w: number, h: number, centre: Shift): Shift {
  const rx = Math.min(GLOBAL_RADIUS, w >> 2);
  const ry = Math.min(GLOBAL_RADIUS, h >> 2);
  // No motion is always a candidate, and a longer shift must match a little better, so flat frames do not wander.
  let best = shiftedMad(a, b, w, h, 0, 0, 2);
  let shift: Shift = [0, 0];
  for (let dy = centre[1] - ry; dy <= centre[1] + ry; dy += 2) {
    for (let dx = centre[0] - rx; dx <= centre[0] + rx; dx += 2) {
      if (Math.abs(dx) >= w >> 1 || Math.abs(dy) >= h >> 1) continue;
      const d = shiftedMad(a, b, w, h, dx, dy, 2) * (1 + SHIFT_PENALTY * (Math.abs(dx) + Math.abs(dy)));
      if (d < best) {
        best = d;
        shift = [dx, dy];
      }
    }
  }
  return shift;
}

/** A displacement in grid pixels: where the content of one frame is found in another. */
export type Shift = [number, number];

export interface BlockMatch {
  /** About 0 for the same picture (moved or brightened), about 1 for unrelated pictures. */
  distance: number;
  /** The global motion found from a to b. */
  shift: Shift;
}

/**
 * Structural distance of two frames: the contrast-normalised grids compared
 * block by block, each block at its best offset near the global motion, which
 * is searched around `centre` (the expected motion, e.g. summed from frame to frame).
 */
export function blockDistance(a: FrameFeatures, b: FrameFeatures, centre: Shift = [0, 0]): BlockMatch {
  const w = a.gridWidth;
  const h = a.gridHeight;
  const shift = globalShift(a.grid, b.grid, w, h, centre);
  const [gx, gy] = shift;
  let total = 0;
  let blocks = 0;
  for (let by = 0; by + BLOCK <= h; by += BLOCK) {
    for (let bx = 0; bx + BLOCK <= w; bx += BLOCK) {
      let best = Infinity;
      for (let oy = gy - LOCAL_RADIUS; oy <= gy + LOCAL_RADIUS; oy++) {
        const sy = by + oy;
        if (sy < 0 || sy + BLOCK > h) continue;
        for (let ox = gx - LOCAL_RADIUS; ox <= gx + LOCAL_RADIUS; ox++) {
          const sx = bx + ox;
          if (sx < 0 || sx + BLOCK > w) continue;
          let sum = 0;
          for (let y = 0; y < BLOCK && sum < best; y++) {
            const ra = (by + y) * w + bx;
            const rb = (sy + y) * w + sx;
            for (let x = 0; x < BLOCK; x++) sum += Math.abs(a.grid[ra + x]! - b.grid[rb + x]!);
          }
          if (sum < best) best = sum;
        }
      }
      if (best < Infinity) {
        total += best / (BLOCK * BLOCK);
        blocks++;
      }
    }
  }
  return { distance: blocks > 0 ? total / blocks / UNRELATED_MAD : 0, shift };
}
