// Global camera motion between two small grey frames: a coarse translation
// by exhaustive search at quarter resolution, then block matching at full
// resolution around it (with sub-pixel refinement), and a robust fit of the
// block vectors to translation plus a uniform scale about the centre
// (v = t + k·(p − centre)): pan/tilt are t, zoom is k.

/** Content motion from frame a to frame b, in pixels per frame; k is the relative scale change (> 0: content grows). */
export interface FrameMotion {
  tx: number;
  ty: number;
  k: number;
  /** Blocks that agreed with the fit. */
  inliers: number;
}

const COARSE = 4;
/** Full-resolution search radius around the coarse translation, pixels. */
const SEARCH = 5;
/** A block is used only when its luma standard deviation exceeds this (flat blocks cannot be matched). */
const MIN_BLOCK_STD = 4;
/** At least this many blocks, and this share of all blocks, must agree on the motion. */
const MIN_INLIERS = 4;
const MIN_INLIER_SHARE = 0.15;
/** A block's best match must cost at most this share of its mean cost over the search window. */
const DISTINCT = 0.6;

function downsample(plane: Float32Array, width: number, height: number): { data: Float32Array; width: number; height: number } {
  const w = Math.floor(width / COARSE);
  const h = Math.floor(height / COARSE);
  const data = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let j = 0; j < COARSE; j++) for (let i = 0; i < COARSE; i++) s += plane[(y * COARSE + j) * width + x * COARSE + i]!;
      data[y * w + x] = s / (COARSE * COARSE);
    }
  }
  return { data, width: w, height: h };
}

/** The translation (in coarse pixels) that best maps a onto b, by mean absolute difference over the overlap. */
function coarseShift(a: Float32Array, b: Float32Array, w: number, h: number): [number, number] {
  const rx = Math.max(1, Math.floor(w / 4));
  const ry = Math.max(1, Math.floor(h / 4));
  let best: [number, number] = [0, 0];
  let bestCost = Infinity;
  for (let dy = -ry; dy <= ry; dy++) {
    for (let dx = -rx; dx <= rx; dx++) {
      let sum = 0;
      const x0 = Math.max(0, -dx);
      const x1 = Math.min(w, w - dx);
      const y0 = Math.max(0, -dy);
      const y1 = Math.min(h, h - dy);
      for (let y = y0; y < y1; y++) {
        for (let x = x0; x < x1; x++) sum += Math.abs(a[y * w + x]! - b[(y + dy) * w + x + dx]!);
      }
      // A slight preference for small shifts breaks ties on repetitive texture.
      const cost = sum / ((x1 - x0) * (y1 - y0)) + 0.01 * (Math.abs(dx) + Math.abs(dy));
      if (cost < bestCost) {
        bestCost = cost;
        best = [dx, dy];
      }
    }
  }
  return best;
}

interface BlockVector {
  x: number;
  y: number;
  vx: number;
  vy: number;
}

/** Offset of the minimum of a parabola through three costs at -1, 0, +1. */
const subpixel = (m: number, c: number, p: number) => {
  const denom = m - 2 * c + p;
  return denom > 1e-9 ? Math.max(-0.5, Math.min(0.5, (m - p) / (2 * denom))) : 0;
};

const blockSize = (width: number, height: number) => Math.max(8, Math.round(Math.min(width, height) / 6));

function blockVectors(a: Float32Array, b: Float32Array, width: number, height: number, guess: [number, number]): BlockVector[] {
  const size = blockSize(width, height);
  const out: BlockVector[] = [];
  for (let by = 0; by + size <= height; by += size) {
    for (let bx = 0; bx + size <= width; bx += size) {
      let mean = 0;
      let sq = 0;
      for (let y = by; y < by + size; y++) {
        for (let x = bx; x < bx + size; x++) {
          const v = a[y * width + x]!;
          mean += v;
          sq += v * v;
        }
      }
      const n = size * size;
      mean /= n;
      if (Math.sqrt(Math.max(0, sq / n - mean * mean)) < MIN_BLOCK_STD) continue;
      const side = 2 * SEARCH + 1;
      const costs = new Float64Array(side * side).fill(Infinity);
      let best = -1;
      for (let sy = -SEARCH; sy <= SEARCH; sy++) {
        const oy = by + guess[1] + sy;
        if (oy < 0 || oy + size > height) continue;
        for (let sx = -SEARCH; sx <= SEARCH; sx++) {
          const ox = bx + guess[0] + sx;
          if (ox < 0 || ox + size > width) continue;
          let sum = 0;
          for (let y = 0; y < size; y++) {
            const ra = (by + y) * width + bx;
            const rb = (oy + y) * width + ox;
            for (let x = 0; x < size; x++) sum += Math.abs(a[ra + x]! - b[rb + x]!);
          }
          const at = (sy + SEARCH) * side + sx + SEARCH;
          costs[at] = sum;
          if (best < 0 || sum < costs[best]!) best = at;
        }
      }
      if (best < 0) continue;
      const cx = best % side;
      const cy = Math.floor(best / side);
      // A minimum on the edge of the search window (or of the frame) is not a confirmed match.
      if (cx === 0 || cy === 0 || cx === side - 1 || cy === side - 1) continue;
      const c = costs[best]!;
      // On texture that does not persist (grain, noise) every offset matches about equally badly.
      const finite = costs.filter(Number.isFinite);
      if (c > DISTINCT * (finite.reduce((sum, v) => sum + v, 0) / finite.length)) continue;
      if (![costs[best - 1]!, costs[best + 1]!, costs[best - side]!, costs[best + side]!].every(Number.isFinite)) continue;
      const fx = subpixel(costs[best - 1]!, c, costs[best + 1]!);
      const fy = subpixel(costs[best - side]!, c, costs[best + side]!);
      out.push({
        x: bx + size / 2 - width / 2,
        y: by + size / 2 - height / 2,
        vx: guess[0] + cx - SEARCH + fx,
        vy: guess[1] + cy - SEARCH + fy,
      });
    }
  }
  return out;
}

/** Least squares fit of v = t + k·p over the vectors. */
function fit(vectors: BlockVector[]): { tx: number; ty: number; k: number } {
  // Normal equations of the 3 unknowns (tx, ty, k).
  let n = 0, sx = 0, sy = 0, spp = 0, svx = 0, svy = 0, spv = 0;
  for (const v of vectors) {
    n++;
    sx += v.x;
    sy += v.y;
    spp += v.x * v.x + v.y * v.y;
    svx += v.vx;
    svy += v.vy;
    spv += v.x * v.vx + v.y * v.vy;
  }
  // tx = (svx − k·sx)/n, ty = (svy − k·sy)/n, substituted into the k equation.
  const denom = spp - (sx * sx + sy * sy) / n;
  const k = denom > 1e-9 ? (spv - (sx * svx + sy * svy) / n) / denom : 0;
  return { tx: (svx - k * sx) / n, ty: (svy - k * sy) / n, k };
}

/** The global motion from grey plane a to grey plane b (same size), or null when too few blocks could be matched. */
export function estimateMotion(a: Float32Array, b: Float32Array, width: number, height: number): FrameMotion | null {
  const ca = downsample(a, width, height);
  const cb = downsample(b, width, height);
  const [dx, dy] = ca.width >= 4 && ca.height >= 4 ? coarseShift(ca.data, cb.data, ca.width, ca.height) : [0, 0];
  let vectors = blockVectors(a, b, width, height, [dx * COARSE, dy * COARSE]);
  const size = blockSize(width, height);
  const needed = Math.max(MIN_INLIERS, MIN_INLIER_SHARE * Math.floor(width / size) * Math.floor(height / size));
  if (vectors.length < needed) return null;
  let model = fit(vectors);
  for (let round = 0; round < 3; round++) {
    const residual = (v: BlockVector) => Math.hypot(v.vx - model.tx - model.k * v.x, v.vy - model.ty - model.k * v.y);
    const sorted = vectors.map(residual).sort((p, q) => p - q);
    const limit = Math.max(0.75, 3 * sorted[Math.floor(sorted.length / 2)]!);
    const kept = vectors.filter((v) => residual(v) <= limit);
    if (kept.length < needed) return null;
    vectors = kept;
    model = fit(vectors);
  }
  return { ...model, inliers: vectors.length };
}
