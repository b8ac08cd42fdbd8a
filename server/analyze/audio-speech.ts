// Content features that tell speech, music, noise and silence apart, from
// the STFT frames (audio-spectrum.ts): how much of the time is pause, how
// strongly the speech-band envelope is modulated at syllable rate (3–7 Hz),
// how much of the sound is voiced/tonal, and how much is sustained tone; and
// the speech decision made from them.
import { fft, nextPowerOfTwo } from './audio-fft';
import type { SpectralFrames } from './audio-spectrum';

/** Frames more than this far (dB) below the loud level (90th percentile) are pauses. */
const PAUSE_DB = 25;
/** Frames quieter than this mean square (about −80 dBFS) carry no sound at all. */
const SILENT_POWER = 1e-8;
const SYLLABLE_HZ: [number, number] = [3, 7];
const MODULATION_HZ: [number, number] = [0.5, 20];

export interface ContentFeatures {
  /** Share of frames (after the first sound) that are pauses. */
  pauseShare: number;
  /** Share of the 0.5–20 Hz modulation energy of the speech-band envelope that lies at 3–7 Hz. */
  syllabicModulation: number;
  /** Mean share of power in tonal peaks, over sounding frames. */
  tonalShare: number;
  /** Mean share of power in sustained (≥ 0.3 s) tonal peaks, over sounding frames. */
  sustainedShare: number;
  /** Mean share of power in 300–3400 Hz, over sounding frames. */
  speechBandShare: number;
  /** Share of frames with any sound. */
  soundingShare: number;
}

const quantile = (values: Float64Array | number[], q: number): number => {
  const sorted = Float64Array.from(values).sort();
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
};

export function contentFeatures(frames: SpectralFrames): ContentFeatures {
  const n = frames.count;
  const sounding: number[] = [];
  for (let t = 0; t < n; t++) if (frames.power[t]! > SILENT_POWER) sounding.push(t);
  const none: ContentFeatures = { pauseShare: 1, syllabicModulation: 0, tonalShare: 0, sustainedShare: 0, speechBandShare: 0, soundingShare: 0 };
  if (sounding.length < frames.frameRate) return { ...none, soundingShare: sounding.length / Math.max(1, n) };

  const db = Float64Array.from({ length: n }, (_, t) => 10 * Math.log10(frames.power[t]! + 1e-12));
  const loud = quantile(sounding.map((t) => db[t]!), 0.9);
  let pauses = 0;
  const first = sounding[0]!;
  const last = sounding[sounding.length - 1]!;
  for (let t = first; t <= last; t++) if (db[t]! < loud - PAUSE_DB) pauses++;

  const mean = (pick: (t: number) => number) => sounding.reduce((s, t) => s + pick(t), 0) / sounding.length;

  // Speech-band amplitude envelope, mean removed.
  const envelope = new Float64Array(n);
  for (let t = 0; t < n; t++) envelope[t] = Math.sqrt(frames.power[t]! * frames.speechShare[t]!);
  const envMean = envelope.reduce((s, v) => s + v, 0) / n;
  for (let t = 0; t < n; t++) envelope[t] = envelope[t]! - envMean;

  const size = nextPowerOfTwo(n);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let t = 0; t < n; t++) re[t] = envelope[t]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * t) / n));
  fft(re, im);
  let syllabic = 0;
  let modulation = 0;
  for (let k = 1; k < size / 2; k++) {
    const hz = (k * frames.frameRate) / size;
    const p = re[k]! ** 2 + im[k]! ** 2;
    if (hz >= MODULATION_HZ[0] && hz <= MODULATION_HZ[1]) modulation += p;
    if (hz >= SYLLABLE_HZ[0] && hz <= SYLLABLE_HZ[1]) syllabic += p;
  }

  return {
    pauseShare: pauses / Math.max(1, last - first + 1),
    syllabicModulation: modulation > 0 ? syllabic / modulation : 0,
    tonalShare: mean((t) => frames.tonal[t]!),
    sustainedShare: mean((t) => frames.sustained[t]!),
    speechBandShare: mean((t) => frames.speechShare[t]!),
    soundingShare: sounding.length / n,
  };
}

/** Speech-like: the speech band dominates, its envelope is modulated at syllable rate, the sound is partly voiced, and there is no steady beat (`pulse`, tempo salience). */
export const SPEECH_RULE = { minSyllabicModulation: 0.4, minSpeechBandShare: 0.4, minTonalShare: 0.15, maxPulse: 0.45 } as const;

export function isSpeechLike(features: ContentFeatures, pulse: number): boolean {
  return (
    features.soundingShare > 0.2 &&
    features.syllabicModulation >= SPEECH_RULE.minSyllabicModulation &&
    features.speechBandShare >= SPEECH_RULE.minSpeechBandShare &&
    features.tonalShare >= SPEECH_RULE.minTonalShare &&
    pulse < SPEECH_RULE.maxPulse
  );
}
