// Fixture clips for colour and composition analysis, each with its truth:
// textured, moving sources made neutral and then graded warm, cool or not
// at all (by different filters and strengths), brightened, darkened,
// (de)saturated and letterboxed; and camera moves over a large textured
// still (pan, tilt, zoom, static) and bright objects at known thirds.
import { H264, makeClip, source, type SourceKind, type SourceSize } from './clips';

type Temperature = 'warm' | 'cool' | 'neutral';

export interface ColorFixture {
  name: string;
  size: SourceSize;
  /** A filter graph with one output labelled [v]. */
  graph: string;
  temperature: Temperature | null;
  /** Bars in source pixels, or null for none. */
  letterbox: { top: number; bottom: number } | null;
}

const S320: SourceSize = { w: 320, h: 180, fps: 25, dur: 2.5 };
const S240: SourceSize = { w: 240, h: 136, fps: 24, dur: 2 };
const S360: SourceSize = { w: 360, h: 202, fps: 30, dur: 2 };
const V180: SourceSize = { w: 180, h: 320, fps: 25, dur: 2 };

/** A textured source with its colour removed (or kept a little). */
const neutral = (kind: SourceKind, size: SourceSize, seed: number, keep = 0) => `${source(kind, size, seed)},hue=s=${keep}`;

const graded = (name: string, kind: SourceKind, size: SourceSize, seed: number, grade: string, temperature: Temperature | null, keep = 0): ColorFixture => ({
  name,
  size,
  graph: `${neutral(kind, size, seed, keep)}${grade ? `,${grade}` : ''},format=yuv420p[v]`,
  temperature,
  letterbox: null,
});

/** `kind` scaled into a picture `pictureH` tall, padded into `size` with black bars (`top` px above). */
const letterboxed = (name: string, kind: SourceKind, size: SourceSize, pictureH: number, top: number, grade: string, temperature: Temperature): ColorFixture => ({
  name,
  size,
  graph: `${neutral(kind, { ...size, h: pictureH }, 3, 0.2)},${grade},pad=${size.w}:${size.h}:0:${top}:black,format=yuv420p[v]`,
  temperature,
  letterbox: { top, bottom: size.h - pictureH - top },
});

export const COLOR_FIXTURES: ColorFixture[] = [
  // Warm, by four methods and two strengths.
  graded('warm-ct3500-testsrc2', 'testsrc2', S320, 1, 'colortemperature=temperature=3500', 'warm'),
  graded('warm-ct4800-mandelbrot', 'mandelbrot', S240, 2, 'colortemperature=temperature=4800:pl=1', 'warm'),
  graded('warm-balance-life', 'life', S320, 3, 'colorbalance=rm=0.2:gm=0.03:bm=-0.2', 'warm'),
  graded('warm-balance-split-gradients', 'gradients', S360, 4, 'colorbalance=rs=0.15:bs=-0.15:rh=0.1:bh=-0.1', 'warm', 0.15),
  graded('warm-mixer-cellauto', 'cellauto', S240, 5, 'colorchannelmixer=rr=1.1:bb=0.85', 'warm'),
  graded('warm-sepia-noise', 'noise', V180, 6, 'colorchannelmixer=.393:.769:.189:0:.349:.686:.168:0:.272:.534:.131', 'warm'),
  graded('warm-bright-testsrc2', 'testsrc2', S360, 7, 'colortemperature=temperature=4000,eq=brightness=0.12', 'warm'),
  // Cool.
  graded('cool-ct10000-mandelbrot', 'mandelbrot', S320, 8, 'colortemperature=temperature=10000', 'cool'),
  graded('cool-ct8500-life', 'life', S240, 9, 'colortemperature=temperature=8500:pl=1', 'cool'),
  graded('cool-balance-testsrc2', 'testsrc2', V180, 10, 'colorbalance=rm=-0.15:bm=0.2', 'cool'),
  graded('cool-mixer-gradients', 'gradients', S320, 11, 'colorchannelmixer=rr=0.85:bb=1.12', 'cool', 0.15),
  // ffmpeg 5.1's colorbalance moves dark tones only, so this clip is darkened first.
  graded('cool-dark-noise', 'noise', S360, 12, 'eq=brightness=-0.25,colorbalance=rs=-0.2:bs=0.25:rm=-0.15:bm=0.2', 'cool'),
  graded('cool-split-cellauto', 'cellauto', S320, 13, 'colorbalance=rs=-0.2:bs=0.2:rh=-0.1:bh=0.1', 'cool'),
  // Neutral, with other changes to brightness, contrast and gamma.
  graded('neutral-testsrc2', 'testsrc2', S320, 14, '', 'neutral'),
  graded('neutral-contrast-mandelbrot', 'mandelbrot', S360, 15, 'eq=contrast=1.4', 'neutral'),
  graded('neutral-dark-life', 'life', S320, 16, 'eq=brightness=-0.12', 'neutral'),
  graded('neutral-gamma-gradients', 'gradients', S240, 17, 'eq=gamma=1.3', 'neutral'),
  graded('neutral-flat-noise', 'noise', V180, 18, 'eq=contrast=0.6', 'neutral'),
  graded('neutral-tinted-testsrc2', 'testsrc2', S240, 19, 'eq=saturation=1', 'neutral', 0.1),
  // Letterboxed: 2.39:1 in 16:9 (two sizes), 16:9 in 9:16, thin 1.85:1 bars on a dark picture.
  letterboxed('bars-239-warm', 'testsrc2', S320, 134, 22, 'colortemperature=temperature=3800', 'warm'),
  letterboxed('bars-239-cool', 'mandelbrot', S360, 150, 26, 'colortemperature=temperature=9500', 'cool'),
  letterboxed('bars-vertical', 'gradients', V180, 102, 110, 'eq=brightness=0.02', 'neutral'),
  letterboxed('bars-thin-dark', 'life', S320, 172, 4, 'eq=brightness=-0.1', 'neutral'),
  // A night scene: dark, cool, noisy, with dark areas that are not bars.
  graded('night-no-bars', 'gradients', S320, 20, 'eq=brightness=-0.3:contrast=0.8,colorbalance=bs=0.06:bm=0.05,noise=alls=8:allf=t', 'cool'),
];

/** Saturation and brightness pairs: the first clip must measure lower than the second. */
export const ORDERINGS = [
  { what: 'saturation' as const, low: graded('sat-low', 'testsrc2', S320, 21, 'eq=saturation=0.35', null, 1), high: graded('sat-high', 'testsrc2', S320, 21, 'eq=saturation=1.6', null, 1) },
  { what: 'saturation' as const, low: graded('sat-grey', 'gradients', S240, 22, '', null, 0.1), high: graded('sat-vivid', 'gradients', S240, 22, '', null, 1) },
  { what: 'meanLuma' as const, low: graded('luma-low', 'mandelbrot', S320, 23, 'eq=brightness=-0.15', null), high: graded('luma-high', 'mandelbrot', S320, 23, 'eq=brightness=0.15', null) },
  { what: 'contrast' as const, low: graded('contrast-low', 'life', S240, 24, 'eq=contrast=0.6', null), high: graded('contrast-high', 'life', S240, 24, 'eq=contrast=1.5', null) },
];

/** Two colours side by side (70% / 30% of the width), textured by moving noise: the first is dominant. */
export const TWO_COLOR = {
  dominant: '#d98c3a',
  minor: '#2f6db5',
  fixture: {
    name: 'two-color',
    size: S320,
    graph: `color=c=#d98c3a:s=224x180:r=25:d=2.5[a];color=c=#2f6db5:s=96x180:r=25:d=2.5[b];[a][b]hstack,noise=alls=14:allf=t,format=yuv420p[v]`,
    temperature: null,
    letterbox: null,
  } satisfies ColorFixture,
};

/** A warm shot cut to a cool one at 1.5 s. */
export const TWO_SHOTS = {
  cut: 1.5,
  fixture: {
    name: 'warm-then-cool',
    size: { ...S320, dur: 3 },
    graph: `${neutral('testsrc2', { ...S320, dur: 1.5 }, 25)},colortemperature=temperature=3500[a];${neutral('mandelbrot', { ...S320, dur: 1.5 }, 26)},colortemperature=temperature=11000[b];[a][b]concat=n=2:v=1,format=yuv420p[v]`,
    temperature: null,
    letterbox: null,
  } satisfies ColorFixture,
};

export function makeColorClip(f: ColorFixture): Promise<string> {
  return makeClip(`color-${f.name}`, ['-filter_complex', f.graph, '-map', '[v]', '-t', String(f.size.dur), ...H264]);
}

// ---- Composition ----

export interface MotionFixture {
  name: string;
  size: SourceSize;
  /** Filters applied to the still (looped, or a single frame for zoompan), ending at the clip size. */
  move: string;
  /** zoompan makes its own frames from one input frame; everything else loops the still. */
  loop: boolean;
  still: 'testsrc2' | 'mandelbrot';
  motion: 'static' | 'pan' | 'tilt' | 'zoom';
  direction: 'left' | 'right' | 'up' | 'down' | 'in' | 'out' | null;
  /** Frame widths per second (pan, tilt) or d ln(scale)/dt (zoom). */
  speed: number;
}

const STILL_W = 1280;
const STILL_H = 720;

/** A large still with blobby texture everywhere, so every window of it can be matched. */
export function makeStill(kind: 'testsrc2' | 'mandelbrot'): Promise<string> {
  const base = kind === 'testsrc2' ? `testsrc2=s=${STILL_W}x${STILL_H}:d=1` : `mandelbrot=s=${STILL_W}x${STILL_H}:start_scale=0.6:end_scale=0.6:maxiter=300`;
  const graph = `${base}[a];color=gray:s=${STILL_W}x${STILL_H}:d=1,noise=alls=100:allf=u,gblur=sigma=5,eq=contrast=9[b];[a][b]blend=all_mode=overlay,format=rgb24[v]`;
  return makeClip(`still-${kind}`, ['-filter_complex', graph, '-map', '[v]', '-frames:v', '1'], 'png');
}

/** A window `size` moving from (x0, y0) at (vx, vy) source px per second over the still. */
const crop = (size: SourceSize, x0: number, y0: number, vx: number, vy: number) => `crop=w=${size.w}:h=${size.h}:x='${x0}+${vx}*t':y='${y0}+${vy}*t'`;

const pan = (name: string, size: SourceSize, still: MotionFixture['still'], fwPerSec: number, dir: 'left' | 'right'): MotionFixture => {
  const v = fwPerSec * size.w * (dir === 'right' ? 1 : -1);
  return { name, size, still, loop: true, move: crop(size, dir === 'right' ? 60 : STILL_W - size.w - 60, 200, v, 0), motion: 'pan', direction: dir, speed: fwPerSec };
};
const tilt = (name: string, size: SourceSize, still: MotionFixture['still'], fwPerSec: number, dir: 'up' | 'down'): MotionFixture => {
  const v = fwPerSec * size.w * (dir === 'down' ? 1 : -1);
  return { name, size, still, loop: true, move: crop(size, 400, dir === 'down' ? 20 : STILL_H - size.h - 20, 0, v), motion: 'tilt', direction: dir, speed: fwPerSec };
};
/** zoompan from zoom z0 changing by dz per output frame: the truth is the mean d ln z / dt. */
const zoom = (name: string, size: SourceSize, still: MotionFixture['still'], z0: number, dz: number): MotionFixture => {
  const frames = Math.round(size.dur * size.fps);
  const z1 = z0 + dz * (frames - 1);
  return {
    name,
    size,
    still,
    loop: false,
    move: `scale=${size.w * 4}:-2,zoompan=z='${z0}+${dz}*on':x='iw/2-(iw/zoom/2)':y='ih/2-(ih/zoom/2)':d=${frames}:s=${size.w}x${size.h}:fps=${size.fps}`,
    motion: 'zoom',
    direction: dz > 0 ? 'in' : 'out',
    speed: Math.abs(Math.log(z1 / z0)) / ((frames - 1) / size.fps),
  };
};

const M320: SourceSize = { w: 320, h: 180, fps: 25, dur: 2.4 };
const M240: SourceSize = { w: 240, h: 136, fps: 30, dur: 2 };
const MV: SourceSize = { w: 180, h: 320, fps: 25, dur: 2 };

export const MOTION_FIXTURES: MotionFixture[] = [
  pan('pan-right-fast', M320, 'testsrc2', 0.3, 'right'),
  pan('pan-right-slow', M240, 'mandelbrot', 0.12, 'right'),
  pan('pan-left', M320, 'mandelbrot', 0.2, 'left'),
  pan('pan-left-vertical', MV, 'testsrc2', 0.25, 'left'),
  tilt('tilt-up', M320, 'testsrc2', 0.15, 'up'),
  tilt('tilt-down', M240, 'mandelbrot', 0.2, 'down'),
  tilt('tilt-down-vertical', MV, 'mandelbrot', 0.3, 'down'),
  zoom('zoom-in', M320, 'testsrc2', 1, 0.004),
  zoom('zoom-in-fast', M240, 'mandelbrot', 1, 0.007),
  zoom('zoom-out', M320, 'mandelbrot', 1.4, -0.005),
  { name: 'static-testsrc2', size: M320, still: 'testsrc2', loop: true, move: crop(M320, 300, 200, 0, 0), motion: 'static', direction: null, speed: 0 },
  { name: 'static-mandelbrot', size: M240, still: 'mandelbrot', loop: true, move: crop(M240, 500, 300, 0, 0), motion: 'static', direction: null, speed: 0 },
];

export async function makeMotionClip(f: MotionFixture): Promise<string> {
  const still = await makeStill(f.still);
  const input = f.loop ? ['-loop', '1', '-framerate', String(f.size.fps), '-i', still] : ['-i', still];
  // Light moving grain, as a camera sensor would add.
  return makeClip(`motion-${f.name}`, [...input, '-vf', `${f.move},noise=alls=6:allf=t,format=yuv420p`, '-t', String(f.size.dur), ...H264]);
}

/**
 * A still camera on a dim texture that changes in place (no mandelbrot, which
 * zooms, nor cellauto, which scrolls), with a bright object near a thirds
 * point (or the centre).
 */
export interface SalientFixture {
  name: string;
  size: SourceSize;
  graph: string;
  x: number;
  y: number;
  thirds: 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right' | 'center';
}

const salient = (name: string, size: SourceSize, kind: SourceKind, x: number, y: number, thirds: SalientFixture['thirds'], color: string): SalientFixture => {
  const d = Math.round(Math.min(size.w, size.h) * 0.22);
  // The object wobbles a little around (x, y), as a subject would.
  const ox = `${x * size.w - d / 2}+3*sin(2*t)`;
  const oy = `${y * size.h - d / 2}+2*cos(3*t)`;
  return {
    name,
    size,
    x,
    y,
    thirds,
    graph: `${neutral(kind, size, 30, 0.3)},eq=brightness=-0.15:contrast=0.7[bg];color=c=${color}:s=${d}x${d}:r=${size.fps}:d=${size.dur},noise=alls=10:allf=t[obj];[bg][obj]overlay=x='${ox}':y='${oy}',format=yuv420p[v]`,
  };
};

export const SALIENT_FIXTURES: SalientFixture[] = [
  salient('salient-top-left', M320, 'testsrc2', 1 / 3, 1 / 3, 'top-left', '#fff2c0'),
  salient('salient-bottom-right', M320, 'noise', 2 / 3, 2 / 3, 'bottom-right', '#ffffff'),
  salient('salient-top-right', M240, 'life', 2 / 3, 1 / 3, 'top-right', '#ffd040'),
  salient('salient-bottom-left-vertical', MV, 'testsrc2', 1 / 3, 2 / 3, 'bottom-left', '#f0f0ff'),
  salient('salient-center', M320, 'life', 0.5, 0.5, 'center', '#ff4040'),
];

export function makeSalientClip(f: SalientFixture): Promise<string> {
  return makeClip(`salient-${f.name}`, ['-filter_complex', f.graph, '-map', '[v]', '-t', String(f.size.dur), ...H264]);
}
