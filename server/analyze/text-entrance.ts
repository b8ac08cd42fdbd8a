// How a detected text enters, read from template scores over its first
// frames: in place the score ramps up evenly across the text (fade), or jumps
// to full in one frame (none); the full text matches well only when shifted
// (slide) or rescaled about its centre (pop); or its column bands switch on
// one after another from one end (typewriter). Also says whether a frame
// shows any part of an entrance, so the start can be walked back to it.
import type { TextEntrance } from './profile';
import { bandScores, bestShift, nearScore, scaledTemplate, SCALES, score, type Shift, type Template } from './text-match';
import type { FrameFeatures } from './text-mask';

/** In-place score (of the settled one) from which the text counts as there. */
export const PRESENT = 0.25;
/** In-place score at which the text has finished entering. */
export const SETTLED = 0.85;
/** A shifted or rescaled match this strong is the text, elsewhere or at another size. */
const MOVED_PRESENT = 0.5;
/** ...and must beat the in-place score by this much to say the text moved or scaled. */
const MOVED_GAIN = 0.25;
/** Column bands for the typewriter test, and the band scores read as on and off. */
export const BANDS = 8;
const BAND_ON = 0.6;
const BAND_OFF = 0.3;

export interface EntranceFrame {
  inPlace: number;
  shift: Shift;
  scaled: number;
  bands: number[];
}

export interface EntranceContext {
  f: FrameFeatures;
  tpl: Template;
  /** Templates at SCALES (null where too small to use). */
  scaled: Array<Template | null>;
  /** Settled in-place score and per-band scores, to normalise by. */
  ref: number;
  bandRef: Float64Array;
}

export function entranceContext(f: FrameFeatures, tpl: Template, ref: number, bandRef: Float64Array): EntranceContext {
  return { f, tpl, ref, bandRef, scaled: SCALES.map((s) => scaledTemplate(tpl, s)) };
}

export function observe(ctx: EntranceContext, t: number): EntranceFrame {
  const shift = bestShift(ctx.f, t, ctx.tpl);
  let scaled = 0;
  for (const tpl of ctx.scaled) if (tpl) scaled = Math.max(scaled, nearScore(ctx.f, t, tpl));
  const raw = bandScores(ctx.f, t, ctx.tpl, BANDS);
  return {
    inPlace: score(ctx.f, t, ctx.tpl) / ctx.ref,
    shift: { ...shift, score: shift.score / ctx.ref },
    scaled: scaled / ctx.ref,
    bands: Array.from(raw, (v, b) => (ctx.bandRef[b]! > 0.3 * ctx.ref ? v / ctx.bandRef[b]! : NaN)),
  };
}

/** 'ltr' or 'rtl' when the bands that are on form one end of the text and the rest are off (a partly typed text). */
export function typedFrom(bands: number[]): 'ltr' | 'rtl' | null {
  const v = bands.filter((b) => !Number.isNaN(b));
  const on = v.map((b) => b >= BAND_ON);
  const count = on.filter(Boolean).length;
  const off = v.filter((b) => b <= BAND_OFF).length;
  if (count === 0 || count === v.length || count + off < v.length - 1 || off === 0) return null;
  const mismatches = (prefix: boolean) => on.filter((o, i) => o !== (prefix ? i < count : i >= v.length - count)).length;
  if (mismatches(true) <= 1) return 'ltr';
  if (mismatches(false) <= 1) return 'rtl';
  return null;
}

const moved = (o: EntranceFrame) => o.shift.score >= MOVED_PRESENT && o.shift.score >= o.inPlace + MOVED_GAIN && Math.max(Math.abs(o.shift.dx), Math.abs(o.shift.dy)) >= 2;
const rescaled = (o: EntranceFrame) => o.scaled >= MOVED_PRESENT && o.scaled >= o.inPlace + MOVED_GAIN;

/** Whether a frame shows the text, or part of it on its way in. */
export const partlyThere = (o: EntranceFrame): boolean => o.inPlace >= PRESENT || moved(o) || rescaled(o) || typedFrom(o.bands) !== null;

/** The entrance from the frames between the first sign of the text and the frame it settles (exclusive). */
export function classifyEntrance(ramp: EntranceFrame[]): TextEntrance {
  if (ramp.length === 0) return 'none';
  const votes: Record<TextEntrance, number> = { fade: 0, slide: 0, typewriter: 0, pop: 0, none: 0 };
  for (const o of ramp) {
    if (typedFrom(o.bands)) votes.typewriter++;
    else if (moved(o)) votes.slide++;
    else if (rescaled(o)) votes.pop++;
    else if (o.inPlace >= 0.1) {
      const even = o.bands.filter((b) => !Number.isNaN(b) && Math.abs(b - o.inPlace) <= 0.3).length;
      if (even >= 0.6 * o.bands.filter((b) => !Number.isNaN(b)).length) votes.fade++;
    }
  }
  const best = (Object.keys(votes) as TextEntrance[]).reduce((a, b) => (votes[b] > votes[a] ? b : a));
  if (votes[best] > 0) return best;
  return ramp.length <= 1 ? 'none' : 'fade';
}
