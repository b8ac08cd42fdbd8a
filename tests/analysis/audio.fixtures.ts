// Audio fixtures for the audio analysis tests, synthesized with ffmpeg
// (aevalsrc, anoisesrc, filters, amix) with their truth beside them: click
// tracks and drum-and-harmony grooves at known tempos (beat times known to the
// sample), sustained pads, noise, silence, speech-like babble and a sine of
// known EBU R128 loudness. Clips are cached by makeClip in the OS temp dir.
import { H264, makeClip, source } from './clips';

export type FixtureKind = 'click' | 'music' | 'pad' | 'noise' | 'silence' | 'speech' | 'tone';

export interface AudioFixture {
  name: string;
  kind: FixtureKind;
  file: string;
  durationSec: number;
  /** Quarter-note tempo, or null for clips without a pulse. */
  bpm: number | null;
  /** Times of the beats (clicks / quarter notes), seconds. */
  beats: number[];
  /** Null where either answer is defensible (a steady test tone). */
  hasMusic: boolean | null;
  hasSpeech: boolean;
  /** Known integrated loudness (LUFS), when the clip is built to have one. */
  loudnessLufs: number | null;
  /** Mood labels consistent with how the clip was built; empty when any label is fine. */
  moods: string[];
}

const f = (n: number): string => Number(n.toFixed(6)).toString();

/** Beat times offset + k·60/bpm inside the clip. */
const beatTimes = (bpm: number, offset: number, durationSec: number): number[] => {
  const times: number[] = [];
  for (let t = offset; t < durationSec - 1e-6; t += 60 / bpm) times.push(Number(t.toFixed(6)));
  return times;
};

const aevalsrc = (expr: string, rate: number, dur: number): string => `aevalsrc='${expr}':s=${rate}:d=${f(dur)}`;

const codec = (ext: 'm4a' | 'wav'): string[] => (ext === 'wav' ? ['-c:a', 'pcm_s16le'] : ['-c:a', 'aac', '-b:a', '160k']);

/** Mixes lavfi sources (each with its own filter chain) into one mono/stereo track and writes it as `ext`. */
async function mixClip(name: string, inputs: { src: string; chain?: string }[], rate: number, ext: 'm4a' | 'wav', post = ''): Promise<string> {
  const args: string[] = [];
  inputs.forEach((input) => args.push('-f', 'lavfi', '-i', input.src));
  const chains = inputs.map((input, i) => `[${i}:a]${input.chain ? `${input.chain},` : ''}aformat=sample_rates=${rate}:channel_layouts=mono[a${i}]`);
  const mix = `${inputs.map((_, i) => `[a${i}]`).join('')}amix=inputs=${inputs.length}:normalize=0:duration=first${post ? `,${post}` : ''}[out]`;
  args.push('-filter_complex', [...chains, mix].join(';'), '-map', '[out]', '-ar', String(rate), ...codec(ext));
  return makeClip(name, args, ext);
}

// ---------------------------------------------------------------- click tracks

interface ClickSpec {
  bpm: number;
  offset: number;
  dur: number;
  rate: number;
  /** Click pitch (Hz), accented (higher, louder) on the first beat of each bar of `meter` beats. */
  pitch: number;
  meter: number;
  ext: 'm4a' | 'wav';
}

async function clickTrack(spec: ClickSpec): Promise<AudioFixture> {
  const beat = 60 / spec.bpm;
  const bar = beat * spec.meter;
  const x = `mod(t+${f(bar)}-${f(spec.offset)},${f(beat)})`;
  const first = `lt(mod(t+${f(bar)}-${f(spec.offset)},${f(bar)}),${f(beat / 2)})`;
  const expr = `(0.35+0.25*${first})*sin(2*PI*${spec.pitch}*(1+0.5*${first})*t)*exp(-90*${x})*lt(${x},0.06)`;
  const name = `audio-click-${spec.bpm}`;
  const file = await mixClip(name, [{ src: aevalsrc(expr, spec.rate, spec.dur) }], spec.rate, spec.ext);
  return { name, kind: 'click', file, durationSec: spec.dur, bpm: spec.bpm, beats: beatTimes(spec.bpm, spec.offset, spec.dur), hasMusic: true, hasSpeech: false, loudnessLufs: null, moods: [] };
}

// ---------------------------------------------------------------- grooves

/** One character per step: 'X' accent, 'x' normal, 'o' ghost, '.' rest. */
type Steps = string;

interface Drum {
  pattern: Steps;
  level: number;
}

interface GrooveSpec {
  name: string;
  bpm: number;
  offset: number;
  dur: number;
  rate: number;
  ext: 'm4a' | 'wav';
  beatsPerBar: number;
  stepsPerBeat: number;
  /** Delay of the off-beat steps: the odd 16ths (grid 16) or the 8th off-beats (grid 8), as a fraction of that grid step. */
  swing?: { grid: 8 | 16; amount: number };
  kick?: Drum & { from: number; to: number; decay: number };
  snare?: Drum & { tone: number; decay: number };
  hat?: Drum & { decay: number; highpass: number };
  /** Plucked harmonic notes on every step of `pattern` (a keys/guitar part), alternating two chords per bar. */
  pluck?: Drum & { chords: [number[], number[]]; decay: number };
  /** Sustained chords, changing every `bars` bars. */
  pad?: { chords: [number[], number[]]; level: number; bars: number; harmonics: number; lowpass: number };
  /** A bass note on every beat, root alternating per bar. */
  bass?: { notes: [number, number]; level: number; decay: number };
  noise?: { color: 'white' | 'pink' | 'brown'; amplitude: number };
  /** Gain (dB) applied to the whole mix. */
  gainDb?: number;
  moods: string[];
}

const VELOCITY: Record<string, number> = { X: 1, x: 0.7, o: 0.35 };

/** The time of `step` inside a bar, with swing applied. */
function stepTime(spec: GrooveSpec, step: number): number {
  const stepSec = 60 / spec.bpm / spec.stepsPerBeat;
  let t = step * stepSec;
  if (spec.swing?.grid === 16 && step % 2 === 1) t += spec.swing.amount * stepSec;
  if (spec.swing?.grid === 8 && spec.stepsPerBeat === 4 && step % 4 === 2) t += spec.swing.amount * 2 * stepSec;
  return t;
}

/** Sum over the hits of `pattern` of velocity × voice(x), x = seconds since that hit (looping every bar). */
function hits(spec: GrooveSpec, pattern: Steps, voice: (x: string) => string): string {
  const bar = (60 / spec.bpm) * spec.beatsPerBar;
  if (pattern.length !== spec.beatsPerBar * spec.stepsPerBeat) throw new Error(`${spec.name}: pattern ${pattern} does not fill a bar`);
  const terms: string[] = [];
  [...pattern].forEach((c, step) => {
    const v = VELOCITY[c];
    if (!v) return;
    const x = `mod(t+${f(2 * bar)}-${f(spec.offset + stepTime(spec, step))},${f(bar)})`;
    terms.push(`${f(v)}*${voice(x)}`);
  });
  return terms.length ? terms.join('+') : '0';
}

/** Chord A for the first `bars` bars, then chord B, looping (starting at the offset). */
function chordSwitch(spec: GrooveSpec, bars: number): string {
  const bar = (60 / spec.bpm) * spec.beatsPerBar;
  return `lt(mod(t+${f(4 * bars * bar)}-${f(spec.offset)},${f(2 * bars * bar)}),${f(bars * bar)})`;
}

async function groove(spec: GrooveSpec): Promise<AudioFixture> {
  const inputs: { src: string; chain?: string }[] = [];
  const { rate, dur } = spec;
  const beat = 60 / spec.bpm;
  const bar = beat * spec.beatsPerBar;
  const tonal: string[] = [];
  if (spec.kick) {
    const k = spec.kick;
    tonal.push(`${f(k.level)}*(${hits(spec, k.pattern, (x) => `sin(2*PI*(${k.to}*${x}+${f((k.from - k.to) / 25)}*(1-exp(-25*${x}))))*exp(-${k.decay}*${x})`)})`);
  }
  if (spec.snare) {
    const s = spec.snare;
    tonal.push(`${f(s.level)}*(${hits(spec, s.pattern, (x) => `(0.6*sin(2*PI*${s.tone}*${x})*exp(-30*${x})+(2*random(0)-1)*exp(-${s.decay}*${x}))`)})`);
  }
  if (spec.bass) {
    const b = spec.bass;
    const y = `mod(t+${f(2 * bar)}-${f(spec.offset)},${f(beat)})`;
    const freq = `if(${chordSwitch(spec, 1)},${b.notes[0]},${b.notes[1]})`;
    tonal.push(`${f(b.level)}*(sin(2*PI*${freq}*${y})+0.4*sin(4*PI*${freq}*${y}))*(1-exp(-200*${y}))*exp(-${b.decay}*${y})`);
  }
  if (spec.pluck) {
    const p = spec.pluck;
    const chord = (freqs: number[], x: string) => freqs.map((hz) => `(sin(2*PI*${hz}*${x})+0.5*sin(4*PI*${hz}*${x})+0.25*sin(6*PI*${hz}*${x}))`).join('+');
    const sw = chordSwitch(spec, 1);
    tonal.push(`${f(p.level)}*(${hits(spec, p.pattern, (x) => `if(${sw},${chord(p.chords[0], x)},${chord(p.chords[1], x)})*exp(-${p.decay}*${x})`)})`);
  }
  inputs.push({ src: aevalsrc(tonal.join('+') || '0', rate, dur) });
  if (spec.hat) {
    const h = spec.hat;
    inputs.push({ src: aevalsrc(`${f(h.level)}*(${hits(spec, h.pattern, (x) => `(2*random(1)-1)*exp(-${h.decay}*${x})`)})`, rate, dur), chain: `highpass=f=${h.highpass}:p=2` });
  }
  if (spec.pad) {
    const p = spec.pad;
    const voice = (freqs: number[]) =>
      freqs
        .flatMap((hz) => Array.from({ length: p.harmonics }, (_, i) => `${f(1 / (i + 1))}*sin(2*PI*${f(hz * (i + 1) * 1.002)}*t)+${f(0.7 / (i + 1))}*sin(2*PI*${f(hz * (i + 1) * 0.998)}*t)`))
        .join('+');
    // Fade in over the first second so the pad adds no onset of its own at the start.
    inputs.push({ src: aevalsrc(`${f(p.level)}*min(1,t)*if(${chordSwitch(spec, p.bars)},${voice(p.chords[0])},${voice(p.chords[1])})`, rate, dur), chain: `lowpass=f=${p.lowpass}` });
  }
  if (spec.noise) inputs.push({ src: `anoisesrc=c=${spec.noise.color}:a=${spec.noise.amplitude}:r=${rate}:d=${dur}:s=7` });
  const file = await mixClip(`audio-groove-${spec.name}`, inputs, rate, spec.ext, spec.gainDb ? `volume=${spec.gainDb}dB` : '');
  return {
    name: spec.name,
    kind: 'music',
    file,
    durationSec: dur,
    bpm: spec.bpm,
    beats: beatTimes(spec.bpm, spec.offset, dur),
    hasMusic: true,
    hasSpeech: false,
    loudnessLufs: null,
    moods: spec.moods,
  };
}

// Chords (Hz): major and minor triads in a few keys.
const C_MAJ = [261.63, 329.63, 392.0];
const F_MAJ = [174.61, 220.0, 261.63];
const G_MAJ = [196.0, 246.94, 293.66];
const A_MIN = [220.0, 261.63, 329.63];
const D_MIN = [146.83, 174.61, 220.0];
const E_MIN = [164.81, 196.0, 246.94];

const KICK = { from: 150, to: 48, decay: 9 };
const ENERGETIC = ['energetic'];
const QUIET = ['calm', 'reflective', 'solemn'];

export const GROOVES: GrooveSpec[] = [
  {
    name: 'house-124', bpm: 124, offset: 0.21, dur: 14, rate: 44100, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 4,
    kick: { ...KICK, pattern: 'X...x...X...x...', level: 0.55 },
    snare: { pattern: '....X.......X...', level: 0.3, tone: 200, decay: 28 },
    hat: { pattern: '..x...x...x...x.', level: 0.35, decay: 30, highpass: 7000 },
    bass: { notes: [55, 65.41], level: 0.22, decay: 6 },
    pad: { chords: [C_MAJ, F_MAJ], level: 0.035, bars: 2, harmonics: 4, lowpass: 4000 },
    moods: ENERGETIC,
  },
  {
    name: 'boombap-87.5', bpm: 87.5, offset: 0.4, dur: 16, rate: 32000, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 4,
    swing: { grid: 16, amount: 0.33 },
    kick: { from: 120, to: 45, decay: 7, pattern: 'X.......X.o.....', level: 0.6 },
    snare: { pattern: '....X.......X..o', level: 0.45, tone: 180, decay: 18 },
    hat: { pattern: 'x.o.x.o.x.o.x.o.', level: 0.07, decay: 45, highpass: 6000 },
    pad: { chords: [A_MIN, D_MIN], level: 0.03, bars: 2, harmonics: 3, lowpass: 1800 },
    moods: [],
  },
  {
    name: 'dnb-174', bpm: 174, offset: 0.1, dur: 12, rate: 44100, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 2,
    kick: { ...KICK, pattern: 'X......x', level: 0.55 },
    snare: { pattern: '..X...X.', level: 0.4, tone: 220, decay: 22 },
    hat: { pattern: 'xxxxxxxx', level: 0.15, decay: 50, highpass: 8000 },
    bass: { notes: [49, 58.27], level: 0.2, decay: 4 },
    moods: ENERGETIC,
  },
  {
    name: 'ballad-66', bpm: 66, offset: 0.55, dur: 18, rate: 44100, ext: 'wav', beatsPerBar: 4, stepsPerBeat: 2,
    kick: { ...KICK, decay: 6, pattern: 'X.......', level: 0.5 },
    snare: { pattern: '..x...x.', level: 0.3, tone: 190, decay: 14 },
    hat: { pattern: 'x.o.x.o.', level: 0.08, decay: 35, highpass: 6500 },
    pluck: { pattern: 'x.x.x.x.', level: 0.05, chords: [G_MAJ, E_MIN], decay: 3 },
    pad: { chords: [G_MAJ, E_MIN], level: 0.03, bars: 1, harmonics: 3, lowpass: 1500 },
    gainDb: -6,
    moods: [],
  },
  {
    name: 'funk-108-noisy', bpm: 108, offset: 0.3, dur: 14, rate: 44100, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 4,
    kick: { ...KICK, pattern: 'X.....x...X.....', level: 0.55 },
    snare: { pattern: '....X..o.o..X...', level: 0.35, tone: 210, decay: 20 },
    hat: { pattern: 'xoxoxoxoxoxoxoxo', level: 0.1, decay: 60, highpass: 7500 },
    bass: { notes: [41.2, 55], level: 0.25, decay: 5 },
    noise: { color: 'pink', amplitude: 0.06 },
    moods: [],
  },
  {
    name: 'rock-100-brown', bpm: 100, offset: 0.05, dur: 14, rate: 48000, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 2,
    kick: { ...KICK, pattern: 'X...X.x.', level: 0.55 },
    snare: { pattern: '..X...X.', level: 0.4, tone: 200, decay: 16 },
    hat: { pattern: 'xxxxxxxx', level: 0.12, decay: 25, highpass: 5000 },
    pad: { chords: [E_MIN, C_MAJ], level: 0.04, bars: 1, harmonics: 6, lowpass: 3000 },
    noise: { color: 'brown', amplitude: 0.15 },
    moods: [],
  },
  {
    name: 'punk-160', bpm: 160, offset: 0.15, dur: 12, rate: 44100, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 1,
    kick: { ...KICK, pattern: 'X.x.', level: 0.6 },
    snare: { pattern: '.X.X', level: 0.45, tone: 230, decay: 15 },
    hat: { pattern: 'xxxx', level: 0.2, decay: 20, highpass: 5000 },
    pluck: { pattern: 'xxxx', level: 0.05, chords: [G_MAJ, C_MAJ], decay: 6 },
    gainDb: 4,
    moods: ENERGETIC,
  },
  {
    name: 'shuffle-78', bpm: 78, offset: 0.33, dur: 16, rate: 44100, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 3,
    kick: { ...KICK, pattern: 'X.....x.....', level: 0.55 },
    snare: { pattern: '...X.....X..', level: 0.35, tone: 190, decay: 18 },
    hat: { pattern: 'x.ox.ox.ox.o', level: 0.1, decay: 40, highpass: 7000 },
    bass: { notes: [55, 73.42], level: 0.22, decay: 3 },
    moods: [],
  },
  {
    name: 'waltz-150', bpm: 150, offset: 0.2, dur: 12, rate: 32000, ext: 'm4a', beatsPerBar: 3, stepsPerBeat: 1,
    kick: { ...KICK, pattern: 'X..', level: 0.5 },
    pluck: { pattern: '.xx', level: 0.09, chords: [F_MAJ, C_MAJ], decay: 5 },
    bass: { notes: [43.65, 65.41], level: 0.15, decay: 4 },
    moods: [],
  },
  {
    name: 'keys-135', bpm: 135, offset: 0.12, dur: 12, rate: 44100, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 1,
    pluck: { pattern: 'Xxxx', level: 0.1, chords: [C_MAJ, G_MAJ], decay: 4 },
    bass: { notes: [65.41, 49], level: 0.2, decay: 3 },
    moods: [],
  },
  {
    name: 'edm-128-bright', bpm: 128, offset: 0.0, dur: 12, rate: 48000, ext: 'wav', beatsPerBar: 4, stepsPerBeat: 4,
    kick: { from: 180, to: 52, decay: 7, pattern: 'X...X...X...X...', level: 0.6 },
    snare: { pattern: '....X.......X...', level: 0.4, tone: 240, decay: 12 },
    hat: { pattern: 'xxXxxxXxxxXxxxXx', level: 0.3, decay: 35, highpass: 9000 },
    pad: { chords: [F_MAJ, G_MAJ], level: 0.05, bars: 1, harmonics: 8, lowpass: 9000 },
    gainDb: 3,
    moods: ENERGETIC,
  },
  {
    name: 'lofi-92-hiss', bpm: 92, offset: 0.27, dur: 16, rate: 32000, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 4,
    swing: { grid: 8, amount: 0.3 },
    kick: { from: 110, to: 42, decay: 8, pattern: 'X.......x.x.....', level: 0.5 },
    snare: { pattern: '....x.......x...', level: 0.25, tone: 170, decay: 20 },
    hat: { pattern: 'x.x.x.x.x.x.x.x.', level: 0.06, decay: 40, highpass: 5000 },
    pad: { chords: [D_MIN, A_MIN], level: 0.035, bars: 2, harmonics: 3, lowpass: 1200 },
    noise: { color: 'white', amplitude: 0.02 },
    gainDb: -4,
    moods: [],
  },
  {
    name: 'reggae-72', bpm: 72, offset: 0.6, dur: 18, rate: 44100, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 2,
    kick: { ...KICK, decay: 7, pattern: 'X...X...', level: 0.5 },
    snare: { pattern: '..x...X.', level: 0.3, tone: 300, decay: 25 },
    hat: { pattern: 'o.o.o.o.', level: 0.07, decay: 35, highpass: 7000 },
    pluck: { pattern: '.o.o.o.o', level: 0.03, chords: [A_MIN, E_MIN], decay: 12 },
    bass: { notes: [55, 41.2], level: 0.25, decay: 2 },
    moods: [],
  },
  {
    name: 'trap-145-accents', bpm: 145, offset: 0.4, dur: 12, rate: 44100, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 2,
    kick: { from: 90, to: 40, decay: 3, pattern: 'X..ox.X.', level: 0.6 },
    snare: { pattern: '..X...X.', level: 0.5, tone: 250, decay: 18 },
    hat: { pattern: 'XxxxXxxx', level: 0.12, decay: 55, highpass: 8000 },
    noise: { color: 'pink', amplitude: 0.03 },
    moods: [],
  },
];

// ---------------------------------------------------------------- non-music

/** A slow, soft, dark minor pad with no pulse: music (tonal, sustained) but no tempo. */
async function softPad(): Promise<AudioFixture> {
  const spec: GrooveSpec = {
    name: 'pad-minor-soft', bpm: 60, offset: 0, dur: 16, rate: 32000, ext: 'm4a', beatsPerBar: 4, stepsPerBeat: 1,
    pad: { chords: [A_MIN.map((hz) => hz / 2), D_MIN.map((hz) => hz / 2)], level: 0.03, bars: 2, harmonics: 3, lowpass: 900 },
    gainDb: -6,
    moods: QUIET,
  };
  return { ...(await groove(spec)), kind: 'pad', bpm: null, beats: [] };
}

async function noise(color: 'pink' | 'brown' | 'white', amplitude: number, ext: 'm4a' | 'wav'): Promise<AudioFixture> {
  const name = `audio-noise-${color}`;
  const file = await mixClip(name, [{ src: `anoisesrc=c=${color}:a=${amplitude}:r=44100:d=12:s=3` }], 44100, ext);
  return { name, kind: 'noise', file, durationSec: 12, bpm: null, beats: [], hasMusic: false, hasSpeech: false, loudnessLufs: null, moods: [] };
}

async function silence(): Promise<AudioFixture> {
  const name = 'audio-silence';
  const file = await mixClip(name, [{ src: 'anullsrc=r=44100:cl=mono,atrim=duration=8' }], 44100, 'm4a');
  return { name, kind: 'silence', file, durationSec: 8, bpm: null, beats: [], hasMusic: false, hasSpeech: false, loudnessLufs: null, moods: ['silent'] };
}

interface SpeechSpec {
  name: string;
  /** Mean pitch (Hz) and its slow intonation swing. */
  f0: number;
  swing: number;
  /** Syllables per second. */
  rate: number;
  formants: [number, number, number];
  seed: number;
}

/**
 * Speech-like babble: a sawtooth glottal source with wandering pitch, three
 * formant band-passes, a syllabic envelope at `rate` Hz and phrase pauses.
 */
async function speech(spec: SpeechSpec): Promise<AudioFixture> {
  const rate = 22050;
  const dur = 14;
  const s = spec.seed;
  const phase = `(${spec.f0}*t+${f(spec.swing / (2 * Math.PI * 0.45))}*(1-cos(2*PI*0.45*t+${s}))+${f((spec.swing * 0.4) / (2 * Math.PI * 1.7))}*(1-cos(2*PI*1.7*t)))`;
  const syllable = `pow(abs(sin(PI*(${spec.rate}*t+0.35*sin(2*PI*0.31*t+${s})))),1.5)`;
  const phrase = `gt(sin(2*PI*0.23*t+${s})+0.6*sin(2*PI*0.61*t+${2 * s}),-0.5)`;
  const fricative = `0.25*(2*random(0)-1)*exp(-40*mod(${spec.rate}*t+0.35*sin(2*PI*0.31*t+${s}),1))`;
  const src = aevalsrc(`0.5*${phrase}*(${syllable}*(2*mod(${phase},1)-1)+${fricative})`, rate, dur);
  const [f1, f2, f3] = spec.formants;
  const chain = `asplit=3[s0][s1][s2];[s0]bandpass=f=${f1}:width_type=q:w=4[b0];[s1]bandpass=f=${f2}:width_type=q:w=5,volume=0.6[b1];[s2]bandpass=f=${f3}:width_type=q:w=6,volume=0.35[b2];[b0][b1][b2]amix=inputs=3:normalize=0`;
  const name = `audio-speech-${spec.name}`;
  const file = await makeClip(name, ['-f', 'lavfi', '-i', src, '-filter_complex', `[0:a]${chain},volume=4[out]`, '-map', '[out]', '-ar', String(rate), ...codec('m4a')], 'm4a');
  return { name, kind: 'speech', file, durationSec: dur, bpm: null, beats: [], hasMusic: false, hasSpeech: true, loudnessLufs: null, moods: [] };
}

/** A 997 Hz sine of amplitude `amplitude` in a mono file: EBU R128 reads 20·log10(A) − 3.01 LUFS. */
async function tone(amplitude: number): Promise<AudioFixture> {
  const name = `audio-tone-${amplitude}`;
  const file = await mixClip(name, [{ src: aevalsrc(`${amplitude}*sin(2*PI*997*t)`, 48000, 8) }], 48000, 'wav');
  return { name, kind: 'tone', file, durationSec: 8, bpm: null, beats: [], hasMusic: null, hasSpeech: false, loudnessLufs: 20 * Math.log10(amplitude) - 3.01, moods: [] };
}

/** A groove in an MP4 with a textured, moving video track. */
async function grooveInMp4(): Promise<AudioFixture> {
  const spec = GROOVES[0]!;
  const base = await groove(spec);
  const dur = spec.dur;
  const file = await makeClip(
    'audio-groove-mp4',
    ['-f', 'lavfi', '-i', source('testsrc2', { w: 320, h: 180, fps: 25, dur }, 2), '-i', base.file, '-map', '0:v', '-map', '1:a', ...H264, '-c:a', 'aac', '-b:a', '128k', '-shortest'],
    'mp4',
  );
  return { ...base, name: `${spec.name}.mp4`, file };
}

export const CLICKS: ClickSpec[] = [
  { bpm: 60, offset: 0.5, dur: 14, rate: 44100, pitch: 1000, meter: 4, ext: 'wav' },
  { bpm: 87.5, offset: 0.23, dur: 14, rate: 22050, pitch: 1500, meter: 4, ext: 'm4a' },
  { bpm: 104, offset: 0.71, dur: 12, rate: 48000, pitch: 800, meter: 3, ext: 'm4a' },
  { bpm: 123, offset: 0.05, dur: 12, rate: 44100, pitch: 2000, meter: 4, ext: 'm4a' },
  { bpm: 146.5, offset: 0.3, dur: 12, rate: 32000, pitch: 1200, meter: 4, ext: 'wav' },
  { bpm: 174, offset: 0.12, dur: 12, rate: 44100, pitch: 1000, meter: 4, ext: 'm4a' },
];

export const SPEECH: SpeechSpec[] = [
  { name: 'low', f0: 115, swing: 25, rate: 4.2, formants: [650, 1150, 2500], seed: 1 },
  { name: 'high', f0: 210, swing: 40, rate: 5.3, formants: [500, 1800, 2900], seed: 2 },
];

export const makeClickFixtures = (): Promise<AudioFixture[]> => Promise.all(CLICKS.map(clickTrack));
export const makeGrooveFixtures = async (): Promise<AudioFixture[]> => [...(await Promise.all(GROOVES.map(groove))), await grooveInMp4()];

export async function makeOtherFixtures(): Promise<AudioFixture[]> {
  return Promise.all([
    softPad(),
    noise('pink', 0.3, 'm4a'),
    noise('brown', 0.5, 'wav'),
    noise('white', 0.1, 'm4a'),
    silence(),
    ...SPEECH.map(speech),
    tone(0.1),
  ]);
}

/** The house groove again, 6 dB quieter: its loudness must read 6 LU lower. */
export async function makeQuieterGroove(): Promise<AudioFixture> {
  return groove({ ...GROOVES[0]!, name: `${GROOVES[0]!.name}-minus6`, gainDb: -6, moods: [] });
}
