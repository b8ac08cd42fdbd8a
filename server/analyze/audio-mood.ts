// Chooses a mood label for a soundtrack from measured features, so applyStyle
// can pick a catalogue track (compositions/audio/catalog.ts TRACK_MOODS) or
// know the reference is 'energetic' or 'silent'. Arousal comes from tempo,
// pulse, loudness and brightness; valence from a major/minor key-profile
// match of the chroma. Every number used is returned as moodFeatures.
import type { TrackMood } from '../../compositions/audio/catalog';

export type AudioMood = TrackMood | 'energetic' | 'silent';

/** Integrated loudness below this (LUFS) is silence for mood purposes. */
export const SILENT_LUFS = -60;
/** Arousal (0..1) at or above which the mood is 'energetic'. */
const ENERGETIC_AROUSAL = 0.6;
/** Arousal at or above which a non-energetic mood is 'hopeful' (major) or 'reflective' (minor), below it 'calm' or 'solemn'. */
const ACTIVE_AROUSAL = 0.4;

// Krumhansl–Kessler key profiles, tonic first.
const MAJOR_PROFILE = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
const MINOR_PROFILE = [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

export interface MoodInput {
  /** Quarter-note tempo, or null without a pulse. */
  bpm: number | null;
  /** Tempo salience 0..1 (audio-tempo.ts strength). */
  pulse: number;
  loudnessLufs: number;
  loudnessRange: number;
  /** Amplitude-weighted mean spectral centroid, Hz. */
  brightnessHz: number;
  /** Mean RMS of the sounding part, 0..1. */
  rms: number;
  chroma: ArrayLike<number>;
  tonalShare: number;
}

const clamp01 = (v: number): number => Math.max(0, Math.min(1, v));

function correlation(a: ArrayLike<number>, b: number[], rotate: number): number {
  const n = 12;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[(i + rotate) % n]! - ma;
    const y = b[i]! - mb;
    sab += x * y;
    saa += x * x;
    sbb += y * y;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}

/** Best major-key correlation minus best minor-key correlation of a chroma (−1..1; 0 without tonal content), and the key strength. */
export function majorness(chroma: ArrayLike<number>): { majorness: number; keyStrength: number } {
  let major = -1;
  let minor = -1;
  for (let key = 0; key < 12; key++) {
    major = Math.max(major, correlation(chroma, MAJOR_PROFILE, key));
    minor = Math.max(minor, correlation(chroma, MINOR_PROFILE, key));
  }
  const total = Array.from(chroma).reduce((s, v) => s + v, 0);
  if (total <= 0) return { majorness: 0, keyStrength: 0 };
  return { majorness: major - minor, keyStrength: Math.max(major, minor) };
}

export function chooseMood(input: MoodInput): { mood: AudioMood; features: Record<string, number> } {
  const key = majorness(input.chroma);
  // Each arousal cue mapped onto 0..1 over a typical range.
  const tempoCue = input.bpm === null ? 0 : clamp01((input.bpm - 70) / 80);
  const pulseCue = clamp01(input.pulse);
  const loudnessCue = clamp01((input.loudnessLufs + 35) / 23);
  const brightnessCue = input.brightnessHz > 0 ? clamp01(Math.log2(input.brightnessHz / 500) / Math.log2(7)) : 0;
  const arousal = (tempoCue + pulseCue + loudnessCue + brightnessCue) / 4;
  // Only trust the key when there is tonal content and a clear key match.
  const valence = input.tonalShare > 0.1 && key.keyStrength > 0.5 ? key.majorness : 0;
  let mood: AudioMood;
  if (input.loudnessLufs <= SILENT_LUFS) mood = 'silent';
  else if (arousal >= ENERGETIC_AROUSAL) mood = 'energetic';
  else if (arousal >= ACTIVE_AROUSAL) mood = valence < 0 ? 'reflective' : 'hopeful';
  else mood = valence < 0 ? 'solemn' : 'calm';
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return {
    mood,
    features: {
      tempoBpm: round(input.bpm ?? 0),
      pulse: round(input.pulse),
      loudnessLufs: round(input.loudnessLufs),
      loudnessRangeLu: round(input.loudnessRange),
      brightnessHz: round(input.brightnessHz),
      rms: round(input.rms),
      tonalShare: round(input.tonalShare),
      majorness: round(key.majorness),
      keyStrength: round(key.keyStrength),
      arousal: round(arousal),
      valence: round(valence),
    },
  };
}
