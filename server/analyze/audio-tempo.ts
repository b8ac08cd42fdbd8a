// Tempo and beats from an onset-strength envelope (audio-spectrum.ts flux):
// the envelope's autocorrelation is scored with a comb over the multiples of
// each candidate period; the metrical level is then chosen inside the
// preferred 60–180 BPM range by asking whether the off-beat positions of a
// faster level carry onsets of their own (so a click at 60 stays 60, a groove
// with a backbeat at 174 stays 174). Beats are tracked with dynamic
// programming (Ellis 2007): onsets rewarded, gaps far from the period punished.
import { autocorrelate } from './audio-fft';

export const MIN_BPM = 60;
export const MAX_BPM = 180;
/** Candidate periods are scanned in steps of this many frames. */
const PERIOD_STEP = 0.05;
/** Autocorrelation lags used for the comb, seconds. */
const MAX_COMB_SEC = 8;
/** A faster metrical level is taken when its off-beat positions are at least this salient relative to the slower level. */
const OFF_BEAT_SALIENCE = 0.4;
/** Beat tracking: how strongly gaps other than the period are punished. */
const TIGHTNESS = 300;

export interface TempoEstimate {
  bpm: number;
  /** Period in frames. */
  period: number;
  /** Comb salience of the period: mean normalised autocorrelation at its multiples (0 none … 1 perfectly periodic). */
  strength: number;
}

/** High-passes (minus a 0.4 s moving average) and half-wave rectifies an onset envelope, then scales it to unit RMS. */
export function prepareOnsets(flux: ArrayLike<number>, frameRate: number): Float64Array {
  const n = flux.length;
  const radius = Math.max(1, Math.round(frameRate * 0.2));
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i]! + flux[i]!;
  const out = new Float64Array(n);
  let sumSquares = 0;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - radius);
    const hi = Math.min(n, i + radius + 1);
    const v = Math.max(0, flux[i]! - (prefix[hi]! - prefix[lo]!) / (hi - lo));
    out[i] = v;
    sumSquares += v * v;
  }
  const rms = Math.sqrt(sumSquares / Math.max(1, n));
  if (rms > 0) for (let i = 0; i < n; i++) out[i] = out[i]! / rms;
  return out;
}

/** Normalised, unbiased autocorrelation of the mean-removed envelope: r[0] = 1. */
function normalisedAutocorrelation(onsets: Float64Array, maxLag: number): Float64Array {
  const n = onsets.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += onsets[i]!;
  mean /= n;
  const centred = onsets.map((v) => v - mean);
  const ac = autocorrelate(centred, maxLag);
  const zero = ac[0]! / n;
  return ac.map((v, lag) => (zero > 0 ? v / (n - lag) / zero : 0));
}

/** r at a fractional lag (linear interpolation); 0 outside the computed lags. */
const at = (r: Float64Array, lag: number): number => {
  const i = Math.floor(lag);
  if (i < 0 || i + 1 >= r.length) return 0;
  const frac = lag - i;
  return r[i]! * (1 - frac) + r[i + 1]! * frac;
};

/** Mean of r at the multiples k·period (k = 1…) that fit, skipping multiples of `skipEvery` (0 = none). */
function comb(r: Float64Array, period: number, skipEvery = 0): number {
  let sum = 0;
  let count = 0;
  for (let k = 1; k * period < r.length - 1; k++) {
    if (skipEvery && k % skipEvery === 0) continue;
    sum += at(r, k * period);
    count++;
  }
  return count ? sum / count : 0;
}

/** Estimates the tempo (MIN_BPM–MAX_BPM) of a prepared onset envelope; null when it is too short or has no onsets. */
export function estimateTempo(onsets: Float64Array, frameRate: number): TempoEstimate | null {
  const n = onsets.length;
  const shortest = (frameRate * 60) / MAX_BPM;
  const longest = (frameRate * 60) / MIN_BPM;
  if (n < 3 * longest) return null;
  const maxLag = Math.min(Math.floor(n / 2), Math.round(MAX_COMB_SEC * frameRate));
  const r = normalisedAutocorrelation(onsets, maxLag);
  if (!r.every(Number.isFinite) || r[0] === 0) return null;

  // The best period in range by comb salience, on a fine grid.
  let best = shortest;
  let bestScore = -Infinity;
  for (let p = shortest; p <= longest; p += PERIOD_STEP) {
    const s = comb(r, p);
    if (s > bestScore) {
      bestScore = s;
      best = p;
    }
  }
  // Its metrical relatives in range: start at the slowest, move faster while the off-beats are salient.
  const refine = (p: number): number => {
    let top = p;
    let topScore = comb(r, p);
    for (let q = p * 0.97; q <= p * 1.03; q += PERIOD_STEP) {
      const s = comb(r, q);
      if (s > topScore) {
        topScore = s;
        top = q;
      }
    }
    return top;
  };
  let period = best;
  while (period * 2 <= longest * 1.001) period = refine(period * 2);
  for (let moved = true; moved; ) {
    moved = false;
    for (const m of [2, 3]) {
      const faster = period / m;
      if (faster < shortest * 0.999) continue;
      if (comb(r, faster, m) >= OFF_BEAT_SALIENCE * comb(r, period)) {
        period = refine(faster);
        moved = true;
        break;
      }
    }
  }
  return { bpm: (60 * frameRate) / period, period, strength: Math.max(0, comb(r, period)) };
}

/**
 * Beat frames by dynamic programming: each beat's score is its onset strength
 * plus the best earlier beat's score minus TIGHTNESS·log²(gap / period).
 * Weak beats at the start and end (before the music starts, after it stops)
 * are trimmed. Times are refined to the onset peak between frames.
 */
export function trackBeats(onsets: Float64Array, frameRate: number, period: number): number[] {
  const n = onsets.length;
  if (n === 0) return [];
  const score = new Float64Array(n);
  const back = new Int32Array(n).fill(-1);
  const minGap = Math.max(1, Math.round(period / 2));
  const maxGap = Math.round(period * 2);
  for (let t = 0; t < n; t++) {
    let bestPrev = -1;
    let bestValue = 0;
    for (let gap = minGap; gap <= maxGap && t - gap >= 0; gap++) {
      const v = score[t - gap]! - TIGHTNESS * Math.log(gap / period) ** 2;
      if (bestPrev < 0 || v > bestValue) {
        bestValue = v;
        bestPrev = t - gap;
      }
    }
    score[t] = onsets[t]! + (bestPrev >= 0 && bestValue > 0 ? bestValue : 0);
    back[t] = bestPrev >= 0 && bestValue > 0 ? bestPrev : -1;
  }
  // The last beat: the best-scoring frame within the last period.
  let last = n - 1;
  for (let t = Math.max(0, n - Math.round(period)); t < n; t++) if (score[t]! > score[last]!) last = t;
  const frames: number[] = [];
  for (let t = last; t >= 0; t = back[t]!) frames.unshift(t);
  // Trim weak beats at either end.
  const rms = Math.sqrt(frames.reduce((s, t) => s + onsets[t]! ** 2, 0) / Math.max(1, frames.length));
  while (frames.length && onsets[frames[0]!]! < 0.5 * rms) frames.shift();
  while (frames.length && onsets[frames[frames.length - 1]!]! < 0.5 * rms) frames.pop();
  return frames.map((t) => {
    const [l, c, r] = [onsets[t - 1] ?? 0, onsets[t]!, onsets[t + 1] ?? 0];
    const denom = l - 2 * c + r;
    const shift = denom < 0 ? Math.max(-0.5, Math.min(0.5, (0.5 * (l - r)) / denom)) : 0;
    return (t + shift) / frameRate;
  });
}
