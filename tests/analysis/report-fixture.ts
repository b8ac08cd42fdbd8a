// The style-report fixture: a 5.5 s clip of three shots (testsrc2, mandelbrot,
// gradients) joined by a cut at 2 s and a 0.5 s dissolve at 3.5 s, with a
// 120 BPM click track; and a hand-built StyleProfile that describes it, with
// every optional part filled in (`fullProfile`) or missing (`sparseProfile`).
import { styleProfileSchema, type StyleProfile } from '../../server/analyze/profile';
import { H264, makeClip, source, type SourceSize } from './clips';

export const CLIP_SEC = 5.5;
const SIZE: SourceSize = { w: 320, h: 180, fps: 25, dur: 2 };

/** Makes (or reuses) the three-shot clip and returns its path. */
export function reportClip(): Promise<string> {
  const norm = 'fps=25,format=yuv420p,settb=AVTB';
  const graph = [
    `${source('testsrc2', SIZE, 1)},${norm}[a]`,
    `${source('mandelbrot', SIZE, 2)},${norm}[b]`,
    `${source('gradients', SIZE, 3)},${norm}[c]`,
    '[a][b]concat=n=2:v=1:a=0,settb=AVTB[ab]',
    '[ab][c]xfade=transition=fade:duration=0.5:offset=3.5[v]',
    `aevalsrc='0.6*sin(2*PI*330*t)*exp(-18*mod(t,0.5))':s=44100:d=${CLIP_SEC}[aud]`,
  ].join(';');
  return makeClip('report-three-shots', ['-filter_complex', graph, '-map', '[v]', '-map', '[aud]', ...H264, '-c:a', 'aac', '-b:a', '96k', '-t', String(CLIP_SEC)]);
}

const range = (n: number, f: (i: number) => number): number[] => Array.from({ length: n }, (_, i) => Math.round(f(i) * 1000) / 1000);

/** A profile with every part measured, as an analyser could have written it for `file`. */
export function fullProfile(file: string): StyleProfile {
  return styleProfileSchema.parse({
    version: 1,
    source: { file, durationSec: CLIP_SEC, width: 320, height: 180, fps: 25, hasAudio: true },
    shots: [
      {
        start: 0,
        end: 2,
        color: { palette: [{ hex: '#3a6fb0', weight: 0.5 }, { hex: '#d9c24a', weight: 0.3 }, { hex: '#1b1b1b', weight: 0.2 }], meanLuma: 0.46, contrast: 0.7, saturation: 0.62, temperature: 'neutral', warmth: 0.02, shadowTint: '#1c2230', highlightTint: '#e8e2c8' },
        composition: { salient: { x: 0.36, y: 0.4 }, thirds: 'top-left', motion: 'static', direction: null, speed: 0 },
      },
      {
        start: 2,
        end: 3.75,
        color: { palette: [{ hex: '#0c1c4a', weight: 0.55 }, { hex: '#e0a040', weight: 0.3 }, { hex: '#f6f0d8', weight: 0.15 }], meanLuma: 0.28, contrast: 0.8, saturation: 0.7, temperature: 'cool', warmth: -0.12, shadowTint: '#101a3a', highlightTint: '#f2d8a0' },
        composition: { salient: { x: 0.5, y: 0.52 }, thirds: 'center', motion: 'zoom', direction: 'in', speed: 0.35 },
      },
      {
        start: 3.75,
        end: CLIP_SEC,
        color: { palette: [{ hex: '#b83c5e', weight: 0.6 }, { hex: '#d98c3a', weight: 0.4 }], meanLuma: 0.41, contrast: 0.35, saturation: 0.55, temperature: 'warm', warmth: 0.18, shadowTint: '#3a1420', highlightTint: '#f0b080' },
        composition: null,
      },
    ],
    pacing: { shotCount: 3, meanShotSec: 1.83, stdShotSec: 0.12, medianShotSec: 1.75, cutsPerMinute: 21.8 },
    transitions: [
      { type: 'cut', start: 2, duration: 0 },
      { type: 'dissolve', start: 3.5, duration: 0.5 },
    ],
    color: {
      palette: [
        { hex: '#0c1c4a', weight: 0.26 },
        { hex: '#b83c5e', weight: 0.2 },
        { hex: '#3a6fb0', weight: 0.18 },
        { hex: '#d98c3a', weight: 0.15 },
        { hex: '#e0a040', weight: 0.12 },
        { hex: '#f6f0d8', weight: 0.09 },
      ],
      meanLuma: 0.39,
      contrast: 0.62,
      saturation: 0.61,
      temperature: 'neutral',
      warmth: 0.03,
      shadowTint: '#1a1a30',
      highlightTint: '#f0d8b0',
      letterbox: null,
      grade: { exposure: -0.12, contrast: 0.28, saturation: 0.35, temperature: 0.06, tint: -0.04 },
    },
    luma: { stepSec: 0.1, values: range(55, (i) => (i < 20 ? 0.46 + 0.03 * Math.sin(i / 3) : i < 37 ? 0.22 + i * 0.003 : 0.41 - 0.02 * Math.cos(i / 4))) },
    text: [
      { start: 0.4, end: 2.6, box: { x: 0.1, y: 0.7, w: 0.8, h: 0.12 }, entrance: 'fade', words: 'In the name of God' },
      { start: 2.2, end: 3.4, box: { x: 0.2, y: 0.1, w: 0.6, h: 0.1 }, entrance: 'slide', words: null },
      { start: 4, end: 5.2, box: { x: 0.15, y: 0.75, w: 0.7, h: 0.1 }, entrance: 'typewriter', words: 'the Most Merciful' },
    ],
    audio: {
      hasMusic: true,
      bpm: 120,
      beats: range(11, (i) => i * 0.5),
      loudnessLufs: -16.4,
      loudnessRange: 3.2,
      hasSpeech: false,
      mood: 'calm',
      moodFeatures: { energy: 0.31, brightness: 0.42, tempoBpm: 120, dynamicRange: 3.2, percussiveness: 0.78 },
      curveStepSec: 0.1,
      energy: range(55, (i) => 0.3 + 0.2 * Math.exp(-((i % 5) * 0.8))),
      brightness: range(55, () => 1800),
      loudness: range(55, (i) => -17 + 2.5 * Math.exp(-((i % 5) * 0.7)) - (i < 3 ? 8 - i * 2.5 : 0)),
    },
    warnings: ['composition: shot 3 is too short for motion estimation'],
    analyzedAt: '2025-01-01T12:00:00Z',
    analysisSec: 3.4,
  });
}

/** The same clip described with nothing but shots measured: colour, luma, audio, pacing and text all missing, with reasons. */
export function sparseProfile(file: string): StyleProfile {
  const full = fullProfile(file);
  return styleProfileSchema.parse({
    version: 1,
    source: { ...full.source, hasAudio: false },
    shots: full.shots.map(({ start, end }) => ({ start, end })),
    pacing: null,
    transitions: full.transitions,
    color: null,
    text: [],
    audio: null,
    warnings: [
      'color: the frames could not be decoded past 1.2 s',
      'audio: the file has no audio stream',
      'pacing: too few shots for pacing statistics',
      'text: OCR is not installed',
    ],
  });
}
