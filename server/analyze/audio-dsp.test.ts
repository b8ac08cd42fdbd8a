// Unit tests of the audio analysis maths without ffmpeg: the FFT against a
// direct DFT, tempo and beats on synthetic onset envelopes (including the
// metrical-level choice), the ebur128 summary parser and the mood rule.
import { describe, expect, it } from 'vitest';
import { autocorrelate, fft } from './audio-fft';
import { parseEbur128Frames, parseEbur128Summary } from './audio-loudness';
import { chooseMood } from './audio-mood';
import { estimateTempo, prepareOnsets, trackBeats } from './audio-tempo';

const FRAME_RATE = 22050 / 256;

/** An onset envelope with pulses of `height(k)` at k·60/bpm + offset seconds, plus deterministic low noise. */
function pulses(bpm: number, seconds: number, offset: number, height: (k: number) => number): Float64Array {
  const n = Math.round(seconds * FRAME_RATE);
  const env = Float64Array.from({ length: n }, (_, i) => 0.05 * (((i * 7919) % 97) / 97));
  for (let k = 0; offset + (k * 60) / bpm < seconds; k++) {
    const at = (offset + (k * 60) / bpm) * FRAME_RATE;
    const i = Math.round(at);
    if (i < n) env[i] = env[i]! + height(k);
    if (i + 1 < n) env[i + 1] = env[i + 1]! + 0.4 * height(k);
  }
  return env;
}

describe('audio maths', () => {
  it('FFT matches a direct DFT and autocorrelation matches its definition', () => {
    const x = Array.from({ length: 64 }, (_, i) => Math.sin(i * 0.7) + ((i * 13) % 5) / 5);
    const re = Float64Array.from(x);
    const im = new Float64Array(64);
    fft(re, im);
    for (const k of [0, 1, 5, 31, 63]) {
      let dr = 0;
      let di = 0;
      x.forEach((v, i) => {
        dr += v * Math.cos((-2 * Math.PI * k * i) / 64);
        di += v * Math.sin((-2 * Math.PI * k * i) / 64);
      });
      expect(re[k]).toBeCloseTo(dr, 8);
      expect(im[k]).toBeCloseTo(di, 8);
    }
    const ac = autocorrelate(x, 10);
    for (const lag of [0, 3, 10]) expect(ac[lag]).toBeCloseTo(x.slice(lag).reduce((s, v, i) => s + v * x[i]!, 0), 8);
  });

  it.each([60, 87.5, 120, 174])('finds %s BPM in a pulse train and tracks its beats', (bpm) => {
    const onsets = prepareOnsets(pulses(bpm, 14, 0.3, () => 1), FRAME_RATE);
    const tempo = estimateTempo(onsets, FRAME_RATE)!;
    expect(Math.abs(tempo.bpm / bpm - 1)).toBeLessThan(0.01);
    const beats = trackBeats(onsets, FRAME_RATE, tempo.period);
    const truth = Array.from({ length: Math.floor(((14 - 0.3) * bpm) / 60) + 1 }, (_, k) => 0.3 + (k * 60) / bpm).filter((t) => t < 14);
    const hits = truth.filter((t) => beats.some((b) => Math.abs(b - t) < 0.03));
    expect(hits.length / truth.length).toBeGreaterThan(0.9);
  });

  it('keeps a backbeat tempo when quiet off-beats are added, and doubles when the off-beats are as strong as the beats', () => {
    const beatsWithQuietOffbeats = prepareOnsets(pulses(140, 14, 0.2, (k) => (k % 2 === 0 ? 1 : 0.15)), FRAME_RATE);
    expect(estimateTempo(beatsWithQuietOffbeats, FRAME_RATE)!.bpm).toBeCloseTo(70, 0);
    const evenEighths = prepareOnsets(pulses(140, 14, 0.2, () => 1), FRAME_RATE);
    expect(estimateTempo(evenEighths, FRAME_RATE)!.bpm).toBeCloseTo(140, 0);
  });

  it('has no tempo for a flat or too-short envelope', () => {
    expect(estimateTempo(prepareOnsets(new Float64Array(2000), FRAME_RATE), FRAME_RATE)).toBeNull();
    expect(estimateTempo(prepareOnsets(pulses(120, 2, 0, () => 1), FRAME_RATE), FRAME_RATE)).toBeNull();
  });

  it('parses the ebur128 summary and per-frame metadata', () => {
    const stderr = '[Parsed_ebur128_0 @ 0x1] Summary:\n\n  Integrated loudness:\n    I:         -23.4 LUFS\n    Threshold: -33.4 LUFS\n\n  Loudness range:\n    LRA:         5.2 LU\n';
    expect(parseEbur128Summary(stderr)).toEqual({ integrated: -23.4, range: 5.2 });
    expect(parseEbur128Summary('Summary:\n Integrated loudness:\n I: -inf LUFS\n Loudness range:\n LRA: 0.0 LU')).toEqual({ integrated: -70, range: 0 });
    expect(parseEbur128Summary('no summary')).toBeNull();
    const frames = parseEbur128Frames('frame:0 pts:0 pts_time:0\nlavfi.r128.M=-30.5\nlavfi.r128.S=-120.691\nframe:1 pts:4800 pts_time:0.1\nlavfi.r128.M=-29\nlavfi.r128.S=-31\n');
    expect(frames).toEqual({ momentary: [-30.5, -29], shortTerm: [-120.691, -31] });
  });

  it('labels moods from arousal and key', () => {
    const base = { pulse: 0, loudnessRange: 2, rms: 0.05, tonalShare: 0.5 };
    const aMinor = [1, 0, 0.3, 0, 0.8, 0.1, 0, 0.2, 0, 1, 0, 0.1];
    const cMajor = [1, 0, 0.3, 0, 0.9, 0.3, 0, 0.8, 0, 0.3, 0, 0.2];
    expect(chooseMood({ ...base, bpm: 170, pulse: 0.9, loudnessLufs: -10, brightnessHz: 3000, chroma: cMajor }).mood).toBe('energetic');
    expect(chooseMood({ ...base, bpm: null, loudnessLufs: -32, brightnessHz: 300, chroma: aMinor }).mood).toBe('solemn');
    expect(chooseMood({ ...base, bpm: null, loudnessLufs: -32, brightnessHz: 300, chroma: cMajor }).mood).toBe('calm');
    expect(chooseMood({ ...base, bpm: null, loudnessLufs: -80, brightnessHz: 0, chroma: new Array(12).fill(0) }).mood).toBe('silent');
  });
});
