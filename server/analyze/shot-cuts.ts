// Hard-cut detection over the frame-to-frame signals of a video: a cut is a
// one-frame spike in colour-histogram or structural distance that stands above
// both its neighbours and the local median (an adaptive threshold, so busy
// footage needs a bigger spike than calm footage), and whose change persists:
// every frame just before it still differs from every frame just after it. A
// flash or strobe (the picture returns within a few frames) fails that last test.
import { blockDistance, histDistance, type FrameFeatures, type Shift } from './shot-features';

/** Distances between consecutive frames; index i compares frame i - 1 with frame i (index 0 is 0). */
export interface PairSignals {
  hist: Float32Array;
  block: Float32Array;
  /** Global motion from frame i - 1 to frame i. */
  shift: Shift[];
}

export function pairSignals(features: FrameFeatures[]): PairSignals {
  const n = features.length;
  const hist = new Float32Array(n);
  const block = new Float32Array(n);
  const shift: Shift[] = [[0, 0]];
  for (let i = 1; i < n; i++) {
    hist[i] = histDistance(features[i - 1]!, features[i]!);
    const match = blockDistance(features[i - 1]!, features[i]!, shift[i - 1]!);
    block[i] = match.distance;
    shift.push(match.shift);
  }
  return { hist, block, shift };
}

/** Median of `values[from..to]` (clamped to the array), leaving out index `skip`. */
export function localMedian(values: Float32Array, from: number, to: number, skip = -1): number {
  const picked: number[] = [];
  for (let k = Math.max(1, from); k <= Math.min(values.length - 1, to); k++) if (k !== skip) picked.push(values[k]!);
  if (picked.length === 0) return 0;
  picked.sort((a, b) => a - b);
  const mid = picked.length >> 1;
  return picked.length % 2 ? picked[mid]! : (picked[mid - 1]! + picked[mid]!) / 2;
}

/**
 * How far above its surroundings a spike must rise, per signal, to count as a
 * whole cut: evidence = histogram excess / HIST_STEP + block excess / BLOCK_STEP >= 1.
 */
export const HIST_STEP = 0.18;
export const BLOCK_STEP = 0.3;
/** Frames on each side of a candidate checked for a flash that returns to the old picture. */
const RETURN_SPAN = 4;

/** Excess of signal value `i` over the larger of its neighbours and the local median. */
function excess(values: Float32Array, i: number, window: number): { excess: number; level: number } {
  const before = i >= 2 ? values[i - 1]! : 0;
  const after = i + 1 < values.length ? values[i + 1]! : 0;
  const level = Math.max(before, after, localMedian(values, i - window, i + window, i));
  return { excess: values[i]! - level, level };
}

const evidence = (hist: number, block: number) => Math.max(0, hist) / HIST_STEP + Math.max(0, block) / BLOCK_STEP;

/** Global motion summed from frame a to frame b, the centre of the search when comparing them. */
function summedShift(signals: PairSignals, a: number, b: number): Shift {
  let dx = 0;
  let dy = 0;
  for (let k = a + 1; k <= b; k++) {
    dx += signals.shift[k]![0];
    dy += signals.shift[k]![1];
  }
  return [dx, dy];
}

/**
 * The candidate's evidence counting only change that persists: for each
 * signal, the smallest distance over every other (before, after) frame pair
 * spanning the candidate. A flash that ends within RETURN_SPAN frames leaves a
 * pair that matches again, so its evidence collapses.
 */
function persistingEvidence(features: FrameFeatures[], signals: PairSignals, i: number, hist: { excess: number; level: number }, block: { excess: number; level: number }): number {
  let minHist = hist.excess + hist.level;
  let minBlock = block.excess + block.level;
  for (let a = Math.max(0, i - RETURN_SPAN); a <= i - 1; a++) {
    for (let b = i; b <= Math.min(features.length - 1, i + RETURN_SPAN - 1); b++) {
      if (a === i - 1 && b === i) continue;
      minHist = Math.min(minHist, histDistance(features[a]!, features[b]!));
      minBlock = Math.min(minBlock, blockDistance(features[a]!, features[b]!, summedShift(signals, a, b)).distance);
    }
  }
  return evidence(Math.min(hist.excess, minHist - hist.level), Math.min(block.excess, minBlock - block.level));
}

export interface Cut {
  /** Index of the first frame of the new shot. */
  frame: number;
  evidence: number;
}

export interface CutResult {
  /** Hard cuts, in frame order. */
  cuts: Cut[];
  /** Frames of spikes that returned to the old picture (flashes, strobes): no cut, and no part of a transition. */
  flashes: number[];
}

export function detectCuts(features: FrameFeatures[], signals: PairSignals, fps: number): CutResult {
  const window = Math.max(3, Math.round(fps / 2));
  const candidates: Cut[] = [];
  const flashes: number[] = [];
  // The last frame has no frames after it to show that a change persists.
  for (let i = 1; i < features.length - 1; i++) {
    const hist = excess(signals.hist, i, window);
    const block = excess(signals.block, i, window);
    if (evidence(hist.excess, block.excess) < 1) continue;
    const kept = persistingEvidence(features, signals, i, hist, block);
    if (kept >= 1) candidates.push({ frame: i, evidence: kept });
    else flashes.push(i);
  }
  // Two candidates a frame or two apart are one cut: keep the stronger.
  const cuts: Cut[] = [];
  for (const c of candidates) {
    const last = cuts.at(-1);
    if (last && c.frame - last.frame <= 2) {
      if (c.evidence > last.evidence) cuts[cuts.length - 1] = c;
    } else cuts.push(c);
  }
  return { cuts, flashes };
}
