// Gradual transitions: fades to and from black, found from the mean luma
// around runs of black frames, and dissolves and wipes, found as runs of
// frames whose frame-to-frame change stays above the local baseline and that
// together carry the picture from one shot to another. A dissolve blends the
// two pictures everywhere at once; a wipe replaces one region after another,
// which tells them apart.
import { BLOCK_STEP, HIST_STEP, localMedian, type PairSignals } from './shot-cuts';
import { blockDistance, histDistance, type FrameFeatures, type Shift } from './shot-features';

export type GradualKind = 'dissolve' | 'fade_to_black' | 'fade_from_black' | 'wipe';

export interface Gradual {
  type: GradualKind;
  /** First frame of the transition and the first frame after it. */
  start: number;
  end: number;
}

/** A frame darker than this mean luma (0..255) with little spread is black. */
const BLACK_MEAN = 16;
const BLACK_STD = 12;
/** A fade moves the mean luma by at least this fraction (plus FADE_ABS levels) per frame. */
const FADE_REL = 0.01;
const FADE_ABS = 0.3;

const isBlack = (f: FrameFeatures) => f.mean < BLACK_MEAN && f.std < BLACK_STD;

/** Fades into and out of every run of black frames, at least `minFrames` long. */
export function detectFades(features: FrameFeatures[], minFrames: number): Gradual[] {
  const fades: Gradual[] = [];
  const n = features.length;
  const mean = features.map((f) => f.mean);
  const brighter = (a: number, b: number) => mean[a]! > mean[b]! * (1 + FADE_REL) + FADE_ABS;
  for (let b0 = 0; b0 < n; b0++) {
    if (!isBlack(features[b0]!)) continue;
    let b1 = b0;
    while (b1 + 1 < n && isBlack(features[b1 + 1]!)) b1++;
    // The fade out ends where the luma stops falling, which may be inside the black run; likewise the fade in starts.
    let outEnd = b0;
    while (outEnd < b1 && brighter(outEnd, outEnd + 1)) outEnd++;
    let s = outEnd;
    while (s > 0 && brighter(s - 1, s)) s--;
    if (outEnd - s >= minFrames) fades.push({ type: 'fade_to_black', start: s, end: outEnd });
    let inStart = b1;
    while (inStart > outEnd && brighter(inStart, inStart - 1)) inStart--;
    let e = inStart;
    while (e + 1 < n && brighter(e + 1, e)) e++;
    if (e - inStart >= minFrames) fades.push({ type: 'fade_from_black', start: inStart, end: e + 1 });
    b0 = b1;
  }
  return fades;
}

/** The lower quartile of `values` over [from, to] (clamped) without the skipped indices: the calm level of a signal on one side. */
function calmLevel(values: Float32Array, from: number, to: number, skip: Set<number>): number {
  const picked: number[] = [];
  for (let k = Math.max(1, from); k <= Math.min(values.length - 1, to); k++) if (!skip.has(k)) picked.push(values[k]!);
  if (picked.length === 0) return Infinity;
  picked.sort((a, b) => a - b);
  return picked[Math.floor(picked.length / 4)]!;
}

/** The mean of values[i - 1..i + 1] that are not skipped (the value itself when all are). */
function smoothed(values: Float32Array, i: number, skip: Set<number>): number {
  let sum = 0;
  let count = 0;
  for (let k = Math.max(1, i - 1); k <= Math.min(values.length - 1, i + 1); k++) {
    if (skip.has(k)) continue;
    sum += values[k]!;
    count++;
  }
  return count > 0 ? sum / count : values[i]!;
}

/**
 * Whether the change at frame i is raised above the calm level on both sides
 * of it (the higher of the two, so the busier of two shots sets the bar).
 */
function isRaised(values: Float32Array, i: number, window: number, skip: Set<number>, floor: number): boolean {
  const level = Math.max(calmLevel(values, i - window, i - 1, skip), calmLevel(values, i + 1, i + window, skip));
  if (!Number.isFinite(level)) return false;
  return smoothed(values, i, skip) > RISE_FACTOR * level + floor;
}

/** How much above its calm level a frame-to-frame change must be to count as part of a transition. */
const RISE_FACTOR = 1.5;
const HIST_FLOOR = 0.02;
const BLOCK_FLOOR = 0.04;
/** Cells per side for telling a dissolve from a wipe. */
const CELLS = 6;

/** Mean luma of each cell of a CELLS x CELLS division of the frame. */
function cellMeans(f: FrameFeatures): Float32Array {
  const out = new Float32Array(CELLS * CELLS);
  const counts = new Float32Array(CELLS * CELLS);
  for (let y = 0; y < f.gridHeight; y++) {
    const cy = Math.min(CELLS - 1, Math.floor((y * CELLS) / f.gridHeight));
    for (let x = 0; x < f.gridWidth; x++) {
      const c = cy * CELLS + Math.min(CELLS - 1, Math.floor((x * CELLS) / f.gridWidth));
      out[c]! += f.luma[y * f.gridWidth + x]!;
      counts[c]! += 1;
    }
  }
  for (let c = 0; c < out.length; c++) out[c]! /= Math.max(1, counts[c]!);
  return out;
}

/**
 * Fraction of cells that are part-way between the before and after pictures
 * in the middle third of a transition: high for a dissolve (everything is
 * blended), low for a wipe (each cell is either still before or already after).
 */
export function blendedFraction(before: FrameFeatures, during: FrameFeatures[], after: FrameFeatures): number {
  const a = cellMeans(before);
  const b = cellMeans(after);
  let blended = 0;
  let counted = 0;
  for (const frame of during) {
    const m = cellMeans(frame);
    for (let c = 0; c < a.length; c++) {
      const span = b[c]! - a[c]!;
      if (Math.abs(span) < 12) continue;
      const alpha = (m[c]! - a[c]!) / span;
      counted++;
      if (alpha > 0.2 && alpha < 0.8) blended++;
    }
  }
  return counted > 0 ? blended / counted : 1;
}

/**
 * Dissolves and wipes: sustained runs of raised change between calm stretches
 * that take one picture to another. A cut at the very end of a run is taken
 * into it (some transitions finish with a jump); a run right after a cut, or
 * touching a fade or a flash, is not a transition.
 */
export function detectBlends(features: FrameFeatures[], signals: PairSignals, fps: number, cuts: number[], skipFrames: number[]): Gradual[] {
  const n = features.length;
  const cutSet = new Set(cuts);
  const skip = new Set<number>([...cuts, ...skipFrames]);
  const window = Math.round(1.5 * fps);
  const raised = new Uint8Array(n);
  for (let i = 1; i < n; i++) {
    if (cutSet.has(i)) raised[i] = raised[i - 1]!;
    else if (!skip.has(i)) {
      raised[i] = isRaised(signals.hist, i, window, skip, HIST_FLOOR) || isRaised(signals.block, i, window, skip, BLOCK_FLOOR) ? 1 : 0;
    }
  }
  const minRun = Math.max(4, Math.round(0.15 * fps));
  const margin = Math.max(2, Math.round(0.1 * fps));
  const blends: Gradual[] = [];
  for (let i = 1; i < n; i++) {
    if (!raised[i]) continue;
    let j = i;
    // A run may skip one calm frame.
    while (j + 1 < n && (raised[j + 1] || (j + 2 < n && raised[j + 2] && !skip.has(j + 1)))) j++;
    const start = i - 1;
    const end = j;
    i = j;
    if (end - start < minRun || start < margin || end > n - 1 - margin) continue;
    let clear = true;
    for (let k = start - margin; k <= end + margin; k++) if (skip.has(k) && !(cutSet.has(k) && k > start + minRun && k <= end)) clear = false;
    if (!clear) continue;
    let shift: Shift = [0, 0];
    for (let k = start + 1; k <= end; k++) shift = [shift[0] + signals.shift[k]![0], shift[1] + signals.shift[k]![1]];
    const hist = histDistance(features[start]!, features[end]!) - localMedian(signals.hist, start - window, end + window);
    const block = blockDistance(features[start]!, features[end]!, shift).distance - localMedian(signals.block, start - window, end + window);
    if (Math.max(0, hist) / HIST_STEP + Math.max(0, block) / BLOCK_STEP < 1) continue;
    const third = Math.max(1, Math.round((end - start) / 3));
    const during = features.slice(start + third, end - third + 1);
    blends.push({ type: blendedFraction(features[start]!, during, features[end]!) >= 0.5 ? 'dissolve' : 'wipe', start, end });
  }
  return blends;
}
