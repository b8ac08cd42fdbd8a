// Template matching for one detected text: its settled look (the median luma
// of its box over frames where it sits still, and the still-edge pixels that
// are its strokes) is correlated with the gradients of any frame — in place,
// shifted along x or y, scaled about its centre, or column band by column
// band. Scores are gradient projections normalised by the template's own
// energy, so the settled text scores about 1, a text at alpha a about a, and
// an unrelated moving background near 0.
import { isEdge, sobel, type FrameFeatures } from './text-mask';

/** Pixel rectangle, [x0, x1) × [y0, y1). */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Template {
  box: PixelBox;
  /** Stroke pixels: positions relative to the frame and template gradient there. */
  xs: Int32Array;
  ys: Int32Array;
  tx: Float32Array;
  ty: Float32Array;
  /** Median luma of the box (row-major, box-sized), for rescaling. */
  luma: Float32Array;
}

/** Share of the template's energy that must land inside the frame for a shifted score to count. */
const MIN_INSIDE = 0.25;
/** Scales tried for a text that grows or shrinks about its centre (glyphs never rescale exactly, so steps are fine). */
export const SCALES = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1.1, 1.15, 1.2, 1.25, 1.3, 1.4];
/** Pixels a rescaled template may sit off the centre (rounding of the text's position at each size). */
const SCALE_SLACK = 3;

/** Share of settled frames a pixel must be a still edge in to belong to the text. */
const SETTLED_SHARE = 0.75;
/** A row belongs to the text while it holds this share of the densest row's stroke pixels. */
const ROW_SHARE = 0.35;
/** A row farther out joins when it is a line across this share of the text's width: the edge of a box drawn behind it. */
const BOX_EDGE_SHARE = 0.6;

/** The span [lo, hi) of indices around `peak` whose values reach `min`, bridging gaps up to `gap`. */
function coreSpan(profile: number[], peak: number, min: number, gap: number): [number, number] {
  let lo = peak;
  let hi = peak;
  for (let i = peak - 1, miss = 0; i >= 0 && miss <= gap; i--) {
    if (profile[i]! >= min) {
      lo = i;
      miss = 0;
    } else miss++;
  }
  for (let i = peak + 1, miss = 0; i < profile.length && miss <= gap; i++) {
    if (profile[i]! >= min) {
      hi = i;
      miss = 0;
    } else miss++;
  }
  return [lo, hi + 1];
}

/** The box of the text's strokes in `frames`: pixels that are still edges in most of them, trimmed to the dense text line around the peak. */
export function settledBox(f: FrameFeatures, frames: number[], within: PixelBox): PixelBox | null {
  const w = within.x1 - within.x0;
  const h = within.y1 - within.y0;
  const count = new Uint16Array(w * h);
  for (const t of frames) {
    const m = f.still[t]!;
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) count[y * w + x]! += m[(y + within.y0) * f.width + x + within.x0]!;
  }
  const need = Math.max(1, Math.ceil(frames.length * SETTLED_SHARE));
  const rows = Array.from({ length: h }, (_, y) => {
    let c = 0;
    for (let x = 0; x < w; x++) if (count[y * w + x]! >= need) c++;
    return c;
  });
  if (Math.max(...rows) === 0) return null;
  // The text line is where rows are densest over a few rows (a box edge is dense in one or two).
  const smooth = rows.map((_, y) => {
    const lo = Math.max(0, y - 2), hi = Math.min(h, y + 3);
    return rows.slice(lo, hi).reduce((a, b) => a + b, 0) / (hi - lo);
  });
  const peak = smooth.indexOf(Math.max(...smooth));
  const [c0, c1] = coreSpan(rows, peak, ROW_SHARE * smooth[peak]!, 1);
  const cols = Array.from({ length: w }, (_, x) => {
    let c = 0;
    for (let y = c0; y < c1; y++) if (count[y * w + x]! >= need) c++;
    return c;
  });
  const [x0, x1] = coreSpan(cols, cols.indexOf(Math.max(...cols)), 1, Math.max(4, c1 - c0));
  // A box drawn behind the text: a line across most of the text's width, within a text height above or below.
  const line = (y: number) => {
    let c = 0;
    for (let x = x0; x < x1; x++) if (count[y * w + x]! >= need) c++;
    return c >= BOX_EDGE_SHARE * (x1 - x0);
  };
  let y0 = c0;
  let y1 = c1;
  for (let y = Math.max(0, c0 - (c1 - c0)); y < c0; y++) if (line(y)) y0 = Math.min(y0, y);
  for (let y = Math.min(h - 1, c1 + (c1 - c0)); y >= c1; y--) if (line(y)) y1 = Math.max(y1, y + 1);
  return { x0: x0 + within.x0, y0: y0 + within.y0, x1: x1 + within.x0, y1: y1 + within.y0 };
}

/** The template of `box` from the settled `frames`: median luma, and its edges where the text's still edges are. */
export function buildTemplate(f: FrameFeatures, frames: number[], box: PixelBox): Template | null {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const luma = new Float32Array(w * h);
  const count = new Uint16Array(w * h);
  const values = new Float32Array(frames.length);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y + box.y0) * f.width + x + box.x0;
      frames.forEach((t, k) => {
        values[k] = f.luma[t]![i]!;
        count[y * w + x]! += f.still[t]![i]!;
      });
      values.sort();
      luma[y * w + x] = values[values.length >> 1]!;
    }
  }
  const g = sobel(luma, w, h);
  const need = Math.max(1, Math.ceil(frames.length / 2));
  const xs: number[] = [], ys: number[] = [], tx: number[] = [], ty: number[] = [];
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      if (count[i]! < need || !isEdge(g.gx[i]!, g.gy[i]!)) continue;
      xs.push(x + box.x0);
      ys.push(y + box.y0);
      tx.push(g.gx[i]!);
      ty.push(g.gy[i]!);
    }
  }
  if (xs.length < 12) return null;
  return { box, xs: Int32Array.from(xs), ys: Int32Array.from(ys), tx: Float32Array.from(tx), ty: Float32Array.from(ty), luma };
}

/** Score of the template at frame t, shifted by (dx, dy); null when too little of it is inside the frame. */
function shiftedScore(f: FrameFeatures, t: number, tpl: Template, dx: number, dy: number): number | null {
  const gx = f.gx[t]!, gy = f.gy[t]!;
  let dot = 0, energy = 0, total = 0;
  for (let k = 0; k < tpl.xs.length; k++) {
    const e = tpl.tx[k]! * tpl.tx[k]! + tpl.ty[k]! * tpl.ty[k]!;
    total += e;
    const x = tpl.xs[k]! + dx, y = tpl.ys[k]! + dy;
    if (x < 1 || y < 1 || x >= f.width - 1 || y >= f.height - 1) continue;
    const i = y * f.width + x;
    dot += gx[i]! * tpl.tx[k]! + gy[i]! * tpl.ty[k]!;
    energy += e;
  }
  return energy >= MIN_INSIDE * total ? dot / energy : null;
}

export const score = (f: FrameFeatures, t: number, tpl: Template): number => shiftedScore(f, t, tpl, 0, 0) ?? 0;

export interface Shift {
  dx: number;
  dy: number;
  score: number;
}

/** The best score of the template moved along x alone or y alone, anywhere it stays partly in frame. */
export function bestShift(f: FrameFeatures, t: number, tpl: Template): Shift {
  let best: Shift = { dx: 0, dy: 0, score: -Infinity };
  const tryAt = (dx: number, dy: number) => {
    const s = shiftedScore(f, t, tpl, dx, dy);
    if (s !== null && s > best.score) best = { dx, dy, score: s };
  };
  for (let dx = -tpl.box.x1; dx <= f.width - tpl.box.x0; dx++) tryAt(dx, 0);
  for (let dy = -tpl.box.y1; dy <= f.height - tpl.box.y0; dy++) if (dy !== 0) tryAt(0, dy);
  return best;
}

/** The template rebuilt at `scale` about its box centre: stroke pixels of the resampled median luma. */
export function scaledTemplate(tpl: Template, scale: number): Template | null {
  const w = tpl.box.x1 - tpl.box.x0;
  const h = tpl.box.y1 - tpl.box.y0;
  const sw = Math.max(3, Math.round(w * scale));
  const sh = Math.max(3, Math.round(h * scale));
  const luma = new Float32Array(sw * sh);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      const sx = Math.min(w - 1, Math.max(0, ((x + 0.5) * w) / sw - 0.5));
      const sy = Math.min(h - 1, Math.max(0, ((y + 0.5) * h) / sh - 0.5));
      const x0 = Math.floor(sx), y0 = Math.floor(sy);
      const x1 = Math.min(w - 1, x0 + 1), y1 = Math.min(h - 1, y0 + 1);
      const fx = sx - x0, fy = sy - y0;
      const at = (xx: number, yy: number) => tpl.luma[yy * w + xx]!;
      luma[y * sw + x] = (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
    }
  }
  // Keep only resampled edges near where the original strokes map to.
  const strokes = new Uint8Array(sw * sh);
  for (let k = 0; k < tpl.xs.length; k++) {
    const x = Math.round((tpl.xs[k]! - tpl.box.x0 + 0.5) * scale - 0.5);
    const y = Math.round((tpl.ys[k]! - tpl.box.y0 + 0.5) * scale - 0.5);
    for (let yy = y - 1; yy <= y + 1; yy++) for (let xx = x - 1; xx <= x + 1; xx++) if (xx >= 0 && yy >= 0 && xx < sw && yy < sh) strokes[yy * sw + xx] = 1;
  }
  const g = sobel(luma, sw, sh);
  const ox = Math.round((tpl.box.x0 + tpl.box.x1 - sw) / 2);
  const oy = Math.round((tpl.box.y0 + tpl.box.y1 - sh) / 2);
  const xs: number[] = [], ys: number[] = [], tx: number[] = [], ty: number[] = [];
  for (let y = 1; y < sh - 1; y++) {
    for (let x = 1; x < sw - 1; x++) {
      const i = y * sw + x;
      if (!strokes[i] || !isEdge(g.gx[i]!, g.gy[i]!)) continue;
      xs.push(x + ox);
      ys.push(y + oy);
      tx.push(g.gx[i]!);
      ty.push(g.gy[i]!);
    }
  }
  if (xs.length < 8) return null;
  return { box: { x0: ox, y0: oy, x1: ox + sw, y1: oy + sh }, xs: Int32Array.from(xs), ys: Int32Array.from(ys), tx: Float32Array.from(tx), ty: Float32Array.from(ty), luma };
}

/** The best score of a rescaled template within SCALE_SLACK pixels of its centre. */
export function nearScore(f: FrameFeatures, t: number, tpl: Template): number {
  let best = 0;
  for (let dy = -SCALE_SLACK; dy <= SCALE_SLACK; dy++) {
    for (let dx = -SCALE_SLACK; dx <= SCALE_SLACK; dx++) best = Math.max(best, shiftedScore(f, t, tpl, dx, dy) ?? 0);
  }
  return best;
}

/** Scores of each of `bins` vertical bands of the template at frame t (in place); NaN for a band without strokes. */
export function bandScores(f: FrameFeatures, t: number, tpl: Template, bins: number): Float64Array {
  const dot = new Float64Array(bins);
  const energy = new Float64Array(bins);
  const gx = f.gx[t]!, gy = f.gy[t]!;
  const w = tpl.box.x1 - tpl.box.x0;
  for (let k = 0; k < tpl.xs.length; k++) {
    const b = Math.min(bins - 1, Math.floor(((tpl.xs[k]! - tpl.box.x0) * bins) / w));
    const i = tpl.ys[k]! * f.width + tpl.xs[k]!;
    dot[b]! += gx[i]! * tpl.tx[k]! + gy[i]! * tpl.ty[k]!;
    energy[b]! += tpl.tx[k]! * tpl.tx[k]! + tpl.ty[k]! * tpl.ty[k]!;
  }
  return dot.map((d, b) => (energy[b]! > 0 ? d / energy[b]! : NaN));
}
