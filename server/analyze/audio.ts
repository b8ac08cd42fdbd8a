// The audio part of style analysis: decodes the first audio stream (mono,
// 22 050 Hz) and measures its loudness with ffmpeg, then in TypeScript its
// spectrum, tempo and beats, speech/music content and mood, and the curves
// the report draws (RMS energy, brightness, short-term loudness). The caller
// handles files without an audio stream.
import type { AudioProfile } from './profile';
import { AnalysisError, type FfmpegConfig } from './ffmpeg';
import { chooseMood, SILENT_LUFS } from './audio-mood';
import { loudnessCurve, measureLoudness } from './audio-loudness';
import { decodePcm, type Pcm } from './audio-pcm';
import { contentFeatures, isSpeechLike } from './audio-speech';
import { spectralFrames, type SpectralFrames } from './audio-spectrum';
import { estimateTempo, prepareOnsets, trackBeats } from './audio-tempo';

export interface AudioAnalysisOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  ffmpeg?: FfmpegConfig;
  /** Analyse at most this many seconds from the start (default DEFAULT_MAX_SEC). */
  maxSec?: number;
}

export const DEFAULT_MAX_SEC = 600;
export const CURVE_STEP_SEC = 0.5;
/** Tempo salience at or above which the audio has a steady beat (noise ≈ 0.05, speech ≈ 0.1, grooves ≥ 0.5). */
export const MIN_PULSE = 0.3;
/** Share of power in sustained tonal peaks at or above which un-pulsed audio is music (pads, drones, held chords). */
export const MIN_SUSTAINED_SHARE = 0.15;

const round = (v: number, digits: number): number => Number(v.toFixed(digits));

/** RMS of the samples in each step (full scale = 1). */
function energyCurve(pcm: Pcm, stepSec: number, steps: number): number[] {
  const per = Math.round(stepSec * pcm.sampleRate);
  return Array.from({ length: steps }, (_, i) => {
    const from = i * per;
    const to = Math.min(pcm.samples.length, from + per);
    let sum = 0;
    for (let j = from; j < to; j++) sum += pcm.samples[j]! ** 2;
    return to > from ? round(Math.min(1, Math.sqrt(sum / (to - from))), 4) : 0;
  });
}

/** Amplitude-weighted mean spectral centroid (Hz) of the frames centred in each step; 0 for silent steps. */
function brightnessCurve(frames: SpectralFrames, stepSec: number, steps: number): number[] {
  const sums = new Float64Array(steps);
  const weights = new Float64Array(steps);
  for (let t = 0; t < frames.count; t++) {
    const i = Math.min(steps - 1, Math.floor(t / frames.frameRate / stepSec));
    const amplitude = Math.sqrt(frames.power[t]!);
    sums[i] = sums[i]! + frames.centroid[t]! * amplitude;
    weights[i] = weights[i]! + amplitude;
  }
  return Array.from(sums, (s, i) => (weights[i]! > 1e-5 ? Math.round(s / weights[i]!) : 0));
}

export async function analyzeAudio(file: string, options: AudioAnalysisOptions = {}): Promise<AudioProfile> {
  const shared = { maxSec: options.maxSec ?? DEFAULT_MAX_SEC, timeoutMs: options.timeoutMs, signal: options.signal, ffmpeg: options.ffmpeg };
  const [pcm, loudness] = await Promise.all([decodePcm(file, shared), measureLoudness(file, shared)]);
  if (pcm.samples.length === 0) throw new AnalysisError('audio', 'the audio stream decoded to no samples');
  if (options.signal?.aborted) throw new AnalysisError('timeout', 'audio analysis was cancelled');

  const durationSec = pcm.samples.length / pcm.sampleRate;
  const frames = spectralFrames(pcm.samples, pcm.sampleRate);
  const onsets = prepareOnsets(frames.onset, frames.frameRate);
  const content = contentFeatures(frames);
  const silent = loudness.integrated <= SILENT_LUFS || content.soundingShare === 0;
  const tempo = silent ? null : estimateTempo(onsets, frames.frameRate);
  const pulse = tempo?.strength ?? 0;
  const hasSpeech = !silent && isSpeechLike(content, pulse);
  const rhythmic = tempo !== null && pulse >= MIN_PULSE;
  const hasMusic = !silent && (rhythmic || (content.sustainedShare >= MIN_SUSTAINED_SHARE && !hasSpeech));
  const beatTempo = hasMusic && rhythmic ? tempo : null;

  const steps = Math.max(1, Math.ceil(durationSec / CURVE_STEP_SEC - 1e-9));
  const brightness = brightnessCurve(frames, CURVE_STEP_SEC, steps);
  let powerSum = 0;
  let amplitudeSum = 0;
  let centroidSum = 0;
  for (let t = 0; t < frames.count; t++) {
    const amplitude = Math.sqrt(frames.power[t]!);
    powerSum += frames.power[t]!;
    amplitudeSum += amplitude;
    centroidSum += frames.centroid[t]! * amplitude;
  }
  const { mood, features } = chooseMood({
    bpm: beatTempo?.bpm ?? null,
    pulse,
    loudnessLufs: loudness.integrated,
    loudnessRange: loudness.range,
    brightnessHz: amplitudeSum > 0 ? centroidSum / amplitudeSum : 0,
    rms: Math.sqrt(powerSum / Math.max(1, frames.count)),
    chroma: frames.chroma,
    tonalShare: content.tonalShare,
  });

  return {
    hasMusic,
    bpm: beatTempo ? round(beatTempo.bpm, 2) : null,
    beats: beatTempo ? trackBeats(onsets, frames.frameRate, beatTempo.period).map((t) => round(t, 3)) : [],
    loudnessLufs: round(loudness.integrated, 1),
    loudnessRange: round(loudness.range, 1),
    hasSpeech,
    mood,
    moodFeatures: {
      ...features,
      speechBandShare: round(content.speechBandShare, 3),
      syllabicModulation: round(content.syllabicModulation, 3),
      pauseShare: round(content.pauseShare, 3),
      sustainedShare: round(content.sustainedShare, 3),
    },
    curveStepSec: CURVE_STEP_SEC,
    energy: energyCurve(pcm, CURVE_STEP_SEC, steps),
    brightness,
    loudness: loudnessCurve(loudness, CURVE_STEP_SEC, durationSec).map((v) => round(v, 1)),
  };
}
