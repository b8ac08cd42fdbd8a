// Reference clips for shot-boundary and transition detection, each built with
// ffmpeg from textured moving sources and written beside its truth: the frame
// index of every hard cut and the type, start and duration of every gradual
// transition. The set is deliberately varied (cuts between different and
// between look-alike shots, fast pans and zooms, flashes and strobes, xfade
// dissolves, wipes and fades of 0.3-1.5 s, 16:9 and 9:16, 24/25/30 fps, shots
// of 0.5-4 s) so that no single tuned threshold passes them all.
import type { TransitionKind } from '../../server/analyze/profile';
import { H264, makeClip, source, type SourceKind } from './clips';

export interface GradualTruth {
  type: Exclude<TransitionKind, 'cut'>;
  /** Seconds. */
  start: number;
  duration: number;
}

export interface ShotFixture {
  name: string;
  width: number;
  height: number;
  fps: number;
  /** Total frames in the clip. */
  frames: number;
  /** Frame index of the first frame of each new shot after a hard cut. */
  cuts: number[];
  gradual: GradualTruth[];
  /** Fast motion or flashes: any cut found outside `cuts` there is a false cut. */
  tricky: 'motion' | 'flash' | null;
  path: string;
}

interface Size {
  w: number;
  h: number;
  fps: number;
}

/** One shot: a lavfi chain (no labels) that yields exactly `frames` frames. */
interface Piece {
  chain: string;
  frames: number;
}

/** How a shot joins the previous one: a hard cut or an xfade of `frames` frames. */
type Join = { kind: 'cut' } | { kind: 'xfade'; transition: XfadeName; frames: number };

type XfadeName = 'fade' | 'dissolve' | 'fadeblack' | 'wipeleft' | 'wiperight' | 'wipeup' | 'slideup' | 'slideleft';

/** The truth type of each xfade but fadeblack (which is a fade to and a fade from black). */
const XFADE_KIND: Record<Exclude<XfadeName, 'fadeblack'>, GradualTruth['type']> = {
  fade: 'dissolve',
  dissolve: 'dissolve',
  wipeleft: 'wipe',
  wiperight: 'wipe',
  wipeup: 'wipe',
  slideup: 'wipe',
  slideleft: 'wipe',
};

const NORMALISE = (size: Size, frames: number) => `trim=end_frame=${frames},setpts=PTS-STARTPTS,format=yuv420p,setsar=1,settb=1/${size.fps}`;

/** A shot of a stock source, `frames` long ('life' starts a few generations in, past its random first frames). */
function shot(kind: SourceKind, size: Size, frames: number, seed: number): Piece {
  return kind === 'life' ? later(kind, size, frames, seed, LIFE_SETTLE) : fresh(kind, size, frames, seed);
}

const LIFE_SETTLE = 6;

function fresh(kind: SourceKind, size: Size, frames: number, seed: number): Piece {
  const chain = source(kind, { w: size.w, h: size.h, fps: size.fps, dur: (frames + 2) / size.fps }, seed);
  return { chain: `${chain},${NORMALISE(size, frames)}`, frames };
}

/**
 * A smooth moving colour gradient with light grain. (clips.ts's 'gradients'
 * adds its noise before converting to YUV, which comes out as green speckle,
 * so that kind is effectively a noise source; this is the gradient.)
 */
function smooth(size: Size, frames: number, seed: number): Piece {
  const palette = ['#d98c3a', '#2f6db5', '#3f9a5b', '#b83c5e', '#8a63c9', '#c9b13a'];
  const c0 = palette[seed % palette.length]!;
  const c1 = palette[(seed + 2) % palette.length]!;
  const chain = `gradients=s=${size.w}x${size.h}:r=${size.fps}:d=${(frames + 2) / size.fps}:c0=${c0}:c1=${c1}:speed=0.04:seed=${seed + 1},format=yuv420p,noise=alls=10:allf=t`;
  return { chain: `${chain},${NORMALISE(size, frames)}`, frames };
}

/** A shot that starts `skipFrames` into a source: a later moment of the same footage. */
function later(kind: SourceKind, size: Size, frames: number, seed: number, skipFrames: number): Piece {
  const chain = source(kind, { w: size.w, h: size.h, fps: size.fps, dur: (frames + skipFrames + 2) / size.fps }, seed);
  return { chain: `${chain},trim=start_frame=${skipFrames},setpts=PTS-STARTPTS,${NORMALISE(size, frames)}`, frames };
}

/** A fast horizontal pan (`pxPerFrame` output pixels per frame, bouncing at the edges) over a source four frames wide, with a vertical shake. */
function pan(kind: SourceKind, size: Size, frames: number, seed: number, pxPerFrame: number): Piece {
  const bigW = size.w * 4;
  const range = bigW - size.w;
  const settle = kind === 'life' ? LIFE_SETTLE : 0;
  const chain = `${source(kind, { w: bigW, h: size.h + 40, fps: size.fps, dur: (frames + settle + 2) / size.fps }, seed)},trim=start_frame=${settle},setpts=PTS-STARTPTS`;
  const crop = `crop=${size.w}:${size.h}:x='${range}-abs(${range}-mod(n*${pxPerFrame},${2 * range}))':y='20+15*sin(n/4)'`;
  return { chain: `${chain},${crop},${NORMALISE(size, frames)}`, frames };
}

/** A fast zoom (by `rate` per frame; out when rate < 1) into the centre of a source twice the frame size. */
function zoom(kind: SourceKind, size: Size, frames: number, seed: number, rate: number): Piece {
  const settle = kind === 'life' ? LIFE_SETTLE : 0;
  const big = { w: size.w * 2, h: size.h * 2, fps: size.fps, dur: (frames + settle + 2) / size.fps };
  const z = rate >= 1 ? `pow(${rate},on)` : `${(1 / rate ** frames).toFixed(3)}*pow(${rate},on)`;
  const chain =
    `${source(kind, big, seed)},trim=start_frame=${settle},setpts=PTS-STARTPTS,` +
    `zoompan=z='max(1,${z})':x='iw/2-iw/zoom/2':y='ih/2-ih/zoom/2':d=1:s=${size.w}x${size.h}:fps=${size.fps}`;
  return { chain: `${chain},${NORMALISE(size, frames)}`, frames };
}

interface Extra {
  /** Filters applied after the shots are joined (flashes, fades), `n` being the global frame number. */
  post: string[];
  gradual: GradualTruth[];
}

const FLASH = (a: number, b: number) => `drawbox=x=0:y=0:w=iw:h=ih:c=white@0.75:t=fill:enable='between(n,${a},${b})'`;
const BRIGHT = (a: number, b: number) => `eq=brightness=0.45:contrast=0.7:enable='between(n,${a},${b})'`;

function fadeIn(size: Size, frames: number): Extra {
  return { post: [`fade=t=in:s=0:n=${frames}`], gradual: [{ type: 'fade_from_black', start: 0, duration: frames / size.fps }] };
}

interface Spec {
  name: string;
  size: Size;
  pieces: Piece[];
  /** joins[k] joins pieces[k] and pieces[k + 1]. */
  joins: Join[];
  extras?: Extra[];
  /** Frames to fade out at the end. */
  fadeOut?: number;
  tricky?: ShotFixture['tricky'];
}

const CUT: Join = { kind: 'cut' };
const xf = (transition: XfadeName, frames: number): Join => ({ kind: 'xfade', transition, frames });

/** Builds the filter graph and the truth for a spec. */
function plan(spec: Spec): { graph: string; truth: Omit<ShotFixture, 'path'> } {
  const { size, pieces, joins } = spec;
  if (joins.length !== pieces.length - 1) throw new Error(`${spec.name}: ${pieces.length} pieces need ${pieces.length - 1} joins`);
  const parts = pieces.map((p, k) => `${p.chain}[p${k}]`);
  const cuts: number[] = [];
  const gradual: GradualTruth[] = [];
  let end = pieces[0]!.frames;
  let current = 'p0';
  joins.forEach((join, k) => {
    const next = `p${k + 1}`;
    const out = `j${k}`;
    const incoming = pieces[k + 1]!.frames;
    if (join.kind === 'cut') {
      parts.push(`[${current}][${next}]concat=n=2:v=1:a=0,settb=1/${size.fps}[${out}]`);
      cuts.push(end);
      end += incoming;
    } else {
      // ffmpeg 5.1's xfade blends over frames - 1 frames and then leaves a one-frame gap in the timestamps;
      // re-stamping the output closes it (the clip is offset + incoming frames long).
      const offset = end - join.frames;
      parts.push(
        `[${current}][${next}]xfade=transition=${join.transition}:duration=${(join.frames / size.fps).toFixed(6)}:offset=${(offset / size.fps).toFixed(6)},settb=1/${size.fps},setpts=N[${out}]`,
      );
      const start = offset / size.fps;
      const duration = (join.frames - 1) / size.fps;
      if (join.transition === 'fadeblack') {
        // xfade's fadeblack (vf_xfade.c, phase 0.2) takes A to black in the first fifth and brings B up over the rest.
        gradual.push({ type: 'fade_to_black', start, duration: duration * 0.2 }, { type: 'fade_from_black', start: start + duration * 0.2, duration: duration * 0.8 });
      } else {
        gradual.push({ type: XFADE_KIND[join.transition], start, duration });
      }
      end = offset + incoming;
    }
    current = out;
  });
  const post = (spec.extras ?? []).flatMap((e) => e.post);
  gradual.push(...(spec.extras ?? []).flatMap((e) => e.gradual));
  if (spec.fadeOut) {
    post.push(`fade=t=out:s=${end - spec.fadeOut}:n=${spec.fadeOut}`);
    gradual.push({ type: 'fade_to_black', start: (end - spec.fadeOut) / size.fps, duration: spec.fadeOut / size.fps });
  }
  parts.push(`[${current}]${post.length ? post.join(',') : 'null'},trim=end_frame=${end}[out]`);
  gradual.sort((a, b) => a.start - b.start);
  return {
    graph: parts.join(';'),
    truth: { name: spec.name, width: size.w, height: size.h, fps: size.fps, frames: end, cuts, gradual, tricky: spec.tricky ?? null },
  };
}

const wide25: Size = { w: 320, h: 180, fps: 25 };
const wide30: Size = { w: 352, h: 198, fps: 30 };
const wide24: Size = { w: 320, h: 180, fps: 24 };
const tall30: Size = { w: 180, h: 320, fps: 30 };
const tall25: Size = { w: 180, h: 320, fps: 25 };

const SPECS: Spec[] = [
  {
    name: 'cuts-different-25',
    size: wide25,
    pieces: [shot('mandelbrot', wide25, 50, 1), shot('life', wide25, 38, 2), shot('testsrc2', wide25, 25, 0), shot('gradients', wide25, 50, 3), shot('cellauto', wide25, 13, 1), shot('noise', wide25, 25, 4), shot('life', wide25, 30, 6)],
    joins: [CUT, CUT, CUT, CUT, CUT, CUT],
  },
  {
    name: 'cuts-lookalike-30',
    size: wide30,
    pieces: [
      shot('life', wide30, 30, 1), shot('life', wide30, 36, 9), smooth(wide30, 24, 1), smooth(wide30, 45, 7),
      shot('testsrc2', wide30, 20, 0), shot('testsrc2', wide30, 30, 1), shot('mandelbrot', wide30, 40, 1), shot('mandelbrot', wide30, 30, 2),
      shot('noise', wide30, 20, 2), shot('noise', wide30, 25, 6),
    ],
    joins: [CUT, CUT, CUT, CUT, CUT, CUT, CUT, CUT, CUT],
  },
  {
    name: 'cuts-same-footage-24',
    size: wide24,
    pieces: [later('life', wide24, 36, 3, 6), later('life', wide24, 30, 3, 60), later('life', wide24, 24, 3, 16), later('cellauto', wide24, 48, 4, 0), later('cellauto', wide24, 40, 5, 120), later('mandelbrot', wide24, 30, 2, 0), later('mandelbrot', wide24, 30, 2, 90)],
    joins: [CUT, CUT, CUT, CUT, CUT, CUT],
  },
  {
    name: 'cuts-vertical-30',
    size: tall30,
    pieces: [shot('gradients', tall30, 45, 2), shot('life', tall30, 15, 4), shot('life', tall30, 24, 5), shot('cellauto', tall30, 30, 2), shot('mandelbrot', tall30, 60, 3), shot('testsrc2', tall30, 18, 2), shot('noise', tall30, 30, 1)],
    joins: [CUT, CUT, CUT, CUT, CUT, CUT],
  },
  {
    name: 'fast-pan-25',
    size: wide25,
    pieces: [pan('life', wide25, 50, 1, 22), pan('life', wide25, 40, 7, 30), pan('gradients', wide25, 45, 2, 26), pan('cellauto', wide25, 35, 3, 18)],
    joins: [CUT, CUT, CUT],
    tricky: 'motion',
  },
  {
    name: 'fast-zoom-24',
    size: wide24,
    pieces: [zoom('life', wide24, 60, 1, 1.04), zoom('testsrc2', wide24, 48, 2, 1.06), zoom('life', wide24, 40, 4, 0.95), zoom('cellauto', wide24, 40, 1, 1.05)],
    joins: [CUT, CUT, CUT],
    tricky: 'motion',
  },
  {
    name: 'flashes-25',
    size: wide25,
    pieces: [shot('life', wide25, 60, 2), shot('mandelbrot', wide25, 50, 4), shot('gradients', wide25, 45, 6)],
    joins: [CUT, CUT],
    extras: [{ post: [FLASH(20, 21), BRIGHT(40, 40), FLASH(75, 77), BRIGHT(88, 89), FLASH(124, 124), FLASH(127, 127), FLASH(130, 131), FLASH(134, 134)], gradual: [] }],
    tricky: 'flash',
  },
  {
    name: 'flashes-vertical-30',
    size: tall30,
    pieces: [pan('life', tall30, 70, 5, 10), shot('gradients', tall30, 50, 2)],
    joins: [CUT],
    extras: [{ post: [BRIGHT(25, 26), FLASH(50, 50), FLASH(52, 52), FLASH(90, 92)], gradual: [] }],
    tricky: 'flash',
  },
  {
    name: 'dissolves-30',
    size: wide30,
    pieces: [shot('mandelbrot', wide30, 60, 1), shot('life', wide30, 60, 2), smooth(wide30, 75, 4), shot('cellauto', wide30, 60, 2), shot('testsrc2', wide30, 40, 3)],
    joins: [xf('fade', 15), xf('fade', 30), xf('dissolve', 24), CUT],
  },
  {
    name: 'wipes-25',
    size: wide25,
    pieces: [shot('life', wide25, 50, 1), shot('mandelbrot', wide25, 50, 2), shot('noise', wide25, 55, 5), shot('testsrc2', wide25, 45, 1), smooth(wide25, 40, 2)],
    joins: [xf('wipeleft', 15), xf('wiperight', 25), xf('slideup', 10), xf('wipeup', 20)],
  },
  {
    name: 'fades-24',
    size: wide24,
    pieces: [smooth(wide24, 60, 1), shot('life', wide24, 72, 3), shot('mandelbrot', wide24, 40, 5)],
    joins: [xf('fadeblack', 29), CUT],
    extras: [fadeIn(wide24, 24)],
    fadeOut: 19,
  },
  {
    name: 'mixed-vertical-25',
    size: tall25,
    pieces: [shot('life', tall25, 70, 4), smooth(tall25, 62, 3), shot('mandelbrot', tall25, 12, 2), shot('cellauto', tall25, 55, 4), shot('testsrc2', tall25, 50, 5), shot('life', tall25, 70, 8)],
    joins: [xf('fade', 37), CUT, CUT, xf('wipeleft', 8), xf('fadeblack', 20)],
    extras: [fadeIn(tall25, 12)],
    fadeOut: 25,
  },
  {
    name: 'mixed-wide-30',
    size: wide30,
    pieces: [shot('cellauto', wide30, 100, 5), shot('noise', wide30, 45, 3), shot('life', wide30, 50, 2), shot('life', wide30, 60, 11), shot('mandelbrot', wide30, 40, 3)],
    joins: [CUT, xf('fade', 10), CUT, xf('slideleft', 18)],
  },
];

/** Builds (or reuses from the clip cache) every fixture clip; at most two ffmpeg processes at a time. */
export async function buildShotFixtures(): Promise<ShotFixture[]> {
  const plans = SPECS.map(plan);
  const out: ShotFixture[] = new Array(plans.length);
  let next = 0;
  const worker = async () => {
    while (next < plans.length) {
      const k = next++;
      const { graph, truth } = plans[k]!;
      const path = await makeClip(`shots-${truth.name}`, ['-filter_complex', graph, '-map', '[out]', '-an', ...H264]);
      out[k] = { ...truth, path };
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}
