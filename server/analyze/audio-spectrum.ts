// Short-time spectral features of mono PCM, one value per STFT frame (1024
// samples, Hann, hop 256 → about 86 frames/s at 22 050 Hz), for the tempo,
// speech, music and mood analysers: frame energy, spectral centroid, an
// onset-strength envelope (mel spectral flux of power^0.3), speech-band energy, the
// share of energy in tonal peaks and in sustained tonal peaks, and a chroma
// profile of the tonal peaks.
import { fft } from './audio-fft';

export const FFT_SIZE = 1024;
export const HOP = 256;
const MEL_BANDS = 40;
const MEL_MIN_HZ = 30;
/** Onsets are measured on mel power raised to this (Stevens' loudness exponent), so loud events outweigh quiet ones. */
const ONSET_EXPONENT = 0.3;
/** Tonal peaks are looked for between these frequencies. */
const PEAK_MIN_HZ = 60;
const PEAK_MAX_HZ = 5000;
/** A tonal peak stands this far (dB) above the log-mean of the ±10 bins around it. */
const PEAK_PROMINENCE_DB = 12;
const PEAK_NEIGHBOURHOOD = 10;
/** A peak that has lasted this long (seconds, within ±1 bin) is sustained. */
const SUSTAIN_SEC = 0.3;
/** Peaks enter the chroma once they have lasted this many frames (not transients). */
const CHROMA_MIN_AGE = 4;
const CHROMA_MIN_HZ = 55;
const CHROMA_MAX_HZ = 2000;
const SPEECH_BAND: [number, number] = [300, 3400];

export interface SpectralFrames {
  /** Frames per second (sampleRate / HOP); frame i is centred on i / frameRate seconds. */
  frameRate: number;
  count: number;
  /** Mean square of the samples under the frame (full scale sine = 0.5). */
  power: Float32Array;
  /** Magnitude-weighted mean frequency, Hz (0 for silent frames). */
  centroid: Float32Array;
  /** Onset strength: summed positive change of mel power^0.3 from the previous frame (spectral flux). */
  onset: Float32Array;
  /** Share of the frame's power in 300–3400 Hz. */
  speechShare: Float32Array;
  /** Share of the 60–5000 Hz power in prominent spectral peaks. */
  tonal: Float32Array;
  /** Share of the 60–5000 Hz power in peaks that have lasted SUSTAIN_SEC or more. */
  sustained: Float32Array;
  /** Pitch-class profile (C = 0) of lasting tonal peaks, summed over the file. */
  chroma: Float64Array;
}

interface MelBand {
  first: number;
  weights: Float64Array;
}

const melOf = (hz: number): number => 2595 * Math.log10(1 + hz / 700);
const hzOfMel = (mel: number): number => 700 * (10 ** (mel / 2595) - 1);

function melBands(sampleRate: number): MelBand[] {
  const nyquist = sampleRate / 2;
  const binHz = sampleRate / FFT_SIZE;
  const edges = Array.from({ length: MEL_BANDS + 2 }, (_, i) => hzOfMel(melOf(MEL_MIN_HZ) + ((melOf(nyquist) - melOf(MEL_MIN_HZ)) * i) / (MEL_BANDS + 1)));
  return Array.from({ length: MEL_BANDS }, (_, b) => {
    const [lo, mid, hi] = [edges[b]!, edges[b + 1]!, edges[b + 2]!];
    const first = Math.max(1, Math.floor(lo / binHz));
    const last = Math.min(FFT_SIZE / 2, Math.ceil(hi / binHz));
    const weights = new Float64Array(last - first + 1);
    for (let k = first; k <= last; k++) {
      const hz = k * binHz;
      weights[k - first] = Math.max(0, hz <= mid ? (hz - lo) / (mid - lo) : (hi - hz) / (hi - mid));
    }
    // Low bands narrower than a bin still take the nearest bin.
    if (weights.every((w) => w === 0)) weights[Math.min(weights.length - 1, Math.round(mid / binHz) - first)] = 1;
    return { first, weights };
  });
}

export function spectralFrames(samples: Float32Array, sampleRate: number): SpectralFrames {
  const count = Math.floor(samples.length / HOP) + 1;
  const half = FFT_SIZE / 2;
  const binHz = sampleRate / FFT_SIZE;
  const window = Float64Array.from({ length: FFT_SIZE }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / FFT_SIZE));
  const bands = melBands(sampleRate);
  const peakLo = Math.max(2, Math.round(PEAK_MIN_HZ / binHz));
  const peakHi = Math.min(half - 2, Math.round(PEAK_MAX_HZ / binHz));
  const speechLo = Math.round(SPEECH_BAND[0] / binHz);
  const speechHi = Math.round(SPEECH_BAND[1] / binHz);
  const sustainFrames = Math.round((SUSTAIN_SEC * sampleRate) / HOP);

  const out: SpectralFrames = {
    frameRate: sampleRate / HOP,
    count,
    power: new Float32Array(count),
    centroid: new Float32Array(count),
    onset: new Float32Array(count),
    speechShare: new Float32Array(count),
    tonal: new Float32Array(count),
    sustained: new Float32Array(count),
    chroma: new Float64Array(12),
  };
  const mel = new Float32Array(count * MEL_BANDS);
  const re = new Float64Array(FFT_SIZE);
  const im = new Float64Array(FFT_SIZE);
  const power = new Float64Array(half + 1);
  const logPower = new Float64Array(half + 1);
  const prefix = new Float64Array(half + 2);
  let age = new Uint16Array(half + 1);
  let nextAge = new Uint16Array(half + 1);

  for (let t = 0; t < count; t++) {
    const start = t * HOP - half;
    let sumSquares = 0;
    for (let i = 0; i < FFT_SIZE; i++) {
      const j = start + i;
      const x = j >= 0 && j < samples.length ? samples[j]! : 0;
      sumSquares += x * x;
      re[i] = x * window[i]!;
      im[i] = 0;
    }
    out.power[t] = sumSquares / FFT_SIZE;
    fft(re, im);
    let total = 0;
    let magSum = 0;
    let magFreq = 0;
    let speech = 0;
    for (let k = 0; k <= half; k++) {
      const p = re[k]! * re[k]! + im[k]! * im[k]!;
      power[k] = p;
      logPower[k] = 10 * Math.log10(p + 1e-20);
      prefix[k + 1] = prefix[k]! + logPower[k]!;
      if (k === 0) continue;
      total += p;
      const mag = Math.sqrt(p);
      magSum += mag;
      magFreq += mag * k * binHz;
      if (k >= speechLo && k <= speechHi) speech += p;
    }
    out.centroid[t] = magSum > 1e-9 ? magFreq / magSum : 0;
    out.speechShare[t] = total > 1e-12 ? speech / total : 0;
    for (let b = 0; b < MEL_BANDS; b++) {
      const { first, weights } = bands[b]!;
      let sum = 0;
      for (let i = 0; i < weights.length; i++) sum += weights[i]! * power[first + i]!;
      mel[t * MEL_BANDS + b] = sum;
    }

    // Tonal peaks, their age (frames they have persisted within ±1 bin) and chroma.
    let bandPower = 0;
    let peakPower = 0;
    let sustainedPower = 0;
    let counted = 0;
    nextAge.fill(0);
    for (let k = peakLo; k <= peakHi; k++) bandPower += power[k]!;
    for (let k = peakLo; k <= peakHi; k++) {
      const p = power[k]!;
      if (p <= power[k - 1]! || p < power[k + 1]!) continue;
      const lo = Math.max(1, k - PEAK_NEIGHBOURHOOD);
      const hi = Math.min(half, k + PEAK_NEIGHBOURHOOD);
      const localMean = (prefix[hi + 1]! - prefix[lo]!) / (hi - lo + 1);
      if (logPower[k]! - localMean < PEAK_PROMINENCE_DB || p < 1e-12) continue;
      // The peak's main lobe (±1 bin), not counting a bin twice when peaks are two bins apart.
      let energy = 0;
      for (let j = Math.max(k - 1, counted + 1); j <= k + 1; j++) energy += power[j]!;
      counted = k + 1;
      const a = Math.max(age[k - 1]!, age[k]!, age[k + 1]!) + 1;
      nextAge[k] = Math.min(65535, a);
      peakPower += energy;
      if (a >= sustainFrames) sustainedPower += energy;
      if (a >= CHROMA_MIN_AGE) {
        const [l, c, r] = [logPower[k - 1]!, logPower[k]!, logPower[k + 1]!];
        const denom = l - 2 * c + r;
        const hz = (k + (denom !== 0 ? (0.5 * (l - r)) / denom : 0)) * binHz;
        if (hz >= CHROMA_MIN_HZ && hz <= CHROMA_MAX_HZ) {
          const pc = ((Math.round(12 * Math.log2(hz / 261.6256)) % 12) + 12) % 12;
          out.chroma[pc] = out.chroma[pc]! + Math.sqrt(energy);
        }
      }
    }
    [age, nextAge] = [nextAge, age];
    out.tonal[t] = bandPower > 1e-12 ? peakPower / bandPower : 0;
    out.sustained[t] = bandPower > 1e-12 ? sustainedPower / bandPower : 0;
  }

  // Onset strength: spectral flux of compressed mel power.
  const loudness = mel.map((p) => p ** ONSET_EXPONENT);
  for (let t = 1; t < count; t++) {
    let rise = 0;
    for (let b = 0; b < MEL_BANDS; b++) rise += Math.max(0, loudness[t * MEL_BANDS + b]! - loudness[(t - 1) * MEL_BANDS + b]!);
    out.onset[t] = rise;
  }
  return out;
}
