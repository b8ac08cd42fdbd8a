// Per-frame text-likelihood for text detection: luma, Sobel gradients, and a
// mask of "still edges" — strong edges whose luma holds steady for half a
// second (text sits still while the background moves) — with edges that are
// there in almost every frame of the clip removed as static background
// (a still picture's detail, or a logo that never changes). The mask is
// summarised per small cell as a density the tracker thresholds.
import { lumaPlane, type FrameSet } from './frames';

/** Side of the square cells the still-edge density is summed over, in pixels of the analysis frame. */
export const CELL = 8;
/** Gradient magnitude (luma steps per pixel) an edge must reach: text is drawn with hard, high-contrast strokes. */
const EDGE_MIN = 36;
/** Largest luma change across the steadiness window that still counts as "still". */
const STILL_DELTA = 14;
/** The looser bound for the background side of a still edge, where a noisy background shows through antialiasing. */
const LOOSE_DELTA = 40;
/** Seconds a still edge must hold (after or before the current frame): long enough that drifting or slowly evolving backgrounds fail. */
const STILL_SEC = 0.5;
/** Pixels a still edge grows into neighbouring, loosely still edge pixels. */
const GROW = 1;
/** An edge still in at least this share of all frames is part of the picture, not an overlay. */
const BACKGROUND_SHARE = 0.88;

export interface FrameFeatures {
  width: number;
  height: number;
  fps: number;
  luma: Float32Array[];
  gx: Float32Array[];
  gy: Float32Array[];
  /** 1 where a pixel is a loosely still edge within GROW pixels of a still, non-background edge at that frame. */
  still: Uint8Array[];
  /** Cell grid size and per-frame share of still-edge pixels in each cell. */
  cols: number;
  rows: number;
  density: Float32Array[];
}

/** Sobel gradients of a luma plane, scaled so a one-pixel step of d gives about d. */
export function sobel(l: Float32Array, w: number, h: number): { gx: Float32Array; gy: Float32Array } {
  const gx = new Float32Array(w * h);
  const gy = new Float32Array(w * h);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const a = l[i - w - 1]!, b = l[i - w]!, c = l[i - w + 1]!;
      const d = l[i - 1]!, f = l[i + 1]!;
      const g = l[i + w - 1]!, k = l[i + w]!, m = l[i + w + 1]!;
      gx[i] = (c + 2 * f + m - a - 2 * d - g) / 4;
      gy[i] = (g + 2 * k + m - a - 2 * b - c) / 4;
    }
  }
  return { gx, gy };
}

/** Max filter of a 0/1 mask over a (2r+1)² square, separably. */
function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const across = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    let last = -Infinity;
    for (let x = 0; x < w + r; x++) {
      if (x < w && mask[y * w + x]) last = x;
      const at = x - r;
      if (at >= 0 && at < w && x - last <= 2 * r) across[y * w + at] = 1;
    }
  }
  const out = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) {
    let last = -Infinity;
    for (let y = 0; y < h + r; y++) {
      if (y < h && across[y * w + x]) last = y;
      const at = y - r;
      if (at >= 0 && at < h && y - last <= 2 * r) out[at * w + x] = 1;
    }
  }
  return out;
}

export const isEdge = (gx: number, gy: number): boolean => Math.abs(gx) + Math.abs(gy) >= EDGE_MIN;

/** Per frame, 1 where the pixel's luma stays within `delta` over that frame and the `span` after it. */
function holdsForward(luma: Float32Array[], size: number, span: number, delta: number): Uint8Array[] {
  const n = luma.length;
  const out = luma.map(() => new Uint8Array(size));
  for (let t = 0; t + span < n; t++) {
    const m = out[t]!;
    for (let i = 0; i < size; i++) {
      let lo = luma[t]![i]!;
      let hi = lo;
      let ok = 1;
      for (let s = t + 1; s <= t + span; s++) {
        const v = luma[s]![i]!;
        if (v < lo) lo = v;
        else if (v > hi) hi = v;
        if (hi - lo > delta) {
          ok = 0;
          break;
        }
      }
      m[i] = ok;
    }
  }
  return out;
}

export function frameFeatures(frames: FrameSet): FrameFeatures {
  const { width: w, height: h, fps } = frames;
  const n = frames.frames.length;
  const luma = frames.frames.map((f) => lumaPlane(f, frames.channels));
  const gx: Float32Array[] = [];
  const gy: Float32Array[] = [];
  for (const l of luma) {
    const g = sobel(l, w, h);
    gx.push(g.gx);
    gy.push(g.gy);
  }
  // Still edges before the background test; a short clip keeps the window it has.
  const span = Math.max(1, Math.min(Math.round(STILL_SEC * fps), n - 1));
  const forward = holdsForward(luma, w * h, span, STILL_DELTA);
  const loose = holdsForward(luma, w * h, span, LOOSE_DELTA);
  const raw: Uint8Array[] = [];
  const stillCount = new Uint16Array(w * h);
  for (let t = 0; t < n; t++) {
    const m = new Uint8Array(w * h);
    const fx = gx[t]!, fy = gy[t]!, fw = forward[t]!, bw = t >= span ? forward[t - span]! : null;
    for (let i = 0; i < w * h; i++) {
      if (!(fw[i] || (bw && bw[i]))) continue;
      if (isEdge(fx[i]!, fy[i]!)) {
        m[i] = 1;
        stillCount[i]!++;
      }
    }
    raw.push(m);
  }
  // Background: a pixel next to one that is a still edge through nearly the whole clip.
  const background = new Uint8Array(w * h);
  const minCount = Math.max(span + 2, Math.ceil(BACKGROUND_SHARE * n));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (stillCount[y * w + x]! < minCount) continue;
      for (let yy = Math.max(0, y - 1); yy <= Math.min(h - 1, y + 1); yy++) {
        for (let xx = Math.max(0, x - 1); xx <= Math.min(w - 1, x + 1); xx++) background[yy * w + xx] = 1;
      }
    }
  }
  const cols = Math.ceil(w / CELL);
  const rows = Math.ceil(h / CELL);
  const cellArea = new Float32Array(cols * rows);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) cellArea[Math.floor(y / CELL) * cols + Math.floor(x / CELL)]!++;
  const still: Uint8Array[] = [];
  const density: Float32Array[] = [];
  raw.forEach((edges, t) => {
    for (let i = 0; i < w * h; i++) if (background[i]) edges[i] = 0;
    // The other side of a still edge: a loosely still edge pixel next to one.
    const m = dilate(edges, w, h, GROW);
    const fx = gx[t]!, fy = gy[t]!, lf = loose[t]!, lb = t >= span ? loose[t - span]! : null;
    const d = new Float32Array(cols * rows);
    for (let y = 0; y < h; y++) {
      const row = Math.floor(y / CELL) * cols;
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        if (m[i] && (lf[i] || (lb && lb[i])) && isEdge(fx[i]!, fy[i]!)) d[row + Math.floor(x / CELL)]!++;
        else m[i] = 0;
      }
    }
    for (let c = 0; c < d.length; c++) d[c] = d[c]! / cellArea[c]!;
    still.push(m);
    density.push(d);
  });
  return { width: w, height: h, fps, luma, gx, gy, still, cols, rows, density };
}
