// Turns per-frame cell densities of still edges into text candidates: dense
// cells are grouped into boxes (a row-wise closing, then connected
// components), and boxes are linked frame to frame by overlap into tracks —
// one track per text that stays put. A track can grow (a typewriter) and
// survive a dropped frame or two; one that is too small, too short or too
// sparse is dropped.
import type { FrameFeatures } from './text-mask';

/** A cell counts when this share of its pixels are still edges... */
const CELL_ON = 0.22;
/** ...and it stands this far above the frame's typical cell (a background with still patches of its own raises the bar). */
const CELL_ABOVE = 0.25;
/** The "typical" cell: this quantile of a frame's cell densities (text covers far fewer cells than this leaves). */
const TYPICAL_QUANTILE = 0.75;
/** Frames a track may miss and still continue. */
const MAX_GAP = 2;
/** Overlap (of the smaller box) for a box to continue a track. */
const LINK_OVERLAP = 0.5;
/** Seconds a text must stay to count. */
const MIN_SEC = 0.5;
/** Cells a text must reach at its largest. */
const MIN_CELLS = 6;
/** Mean density of a text's cells at its largest: text strokes pack edges densely. */
const MIN_FILL = 0.4;

/** Inclusive cell rectangle. */
interface CellBox {
  c0: number;
  r0: number;
  c1: number;
  r1: number;
}

interface Blob {
  box: CellBox;
  cells: number;
  /** Sum of the densities of its cells. */
  mass: number;
}

export interface Track {
  /** Frame index of each observation, ascending. */
  frames: number[];
  blobs: Blob[];
}

const area = (b: CellBox) => (b.c1 - b.c0 + 1) * (b.r1 - b.r0 + 1);
const union = (a: CellBox, b: CellBox): CellBox => ({ c0: Math.min(a.c0, b.c0), r0: Math.min(a.r0, b.r0), c1: Math.max(a.c1, b.c1), r1: Math.max(a.r1, b.r1) });

function overlap(a: CellBox, b: CellBox): number {
  const w = Math.min(a.c1, b.c1) - Math.max(a.c0, b.c0) + 1;
  const h = Math.min(a.r1, b.r1) - Math.max(a.r0, b.r0) + 1;
  return w > 0 && h > 0 ? (w * h) / Math.min(area(a), area(b)) : 0;
}

/** Dense cells of one frame grouped into blobs: gaps of one cell within a row are bridged (letter and word gaps). */
function blobsOf(density: Float32Array, cols: number, rows: number): Blob[] {
  const sorted = Float32Array.from(density).sort();
  const bar = Math.max(CELL_ON, sorted[Math.floor(TYPICAL_QUANTILE * (sorted.length - 1))]! + CELL_ABOVE);
  const on = new Uint8Array(cols * rows);
  for (let i = 0; i < on.length; i++) on[i] = density[i]! >= bar ? 1 : 0;
  const joined = Uint8Array.from(on);
  for (let r = 0; r < rows; r++) {
    for (let c = 1; c < cols - 1; c++) if (on[r * cols + c - 1] && on[r * cols + c + 1]) joined[r * cols + c] = 1;
  }
  const label = new Int32Array(cols * rows).fill(-1);
  const blobs: Blob[] = [];
  const stack: number[] = [];
  for (let start = 0; start < joined.length; start++) {
    if (!joined[start] || label[start]! >= 0) continue;
    const box: CellBox = { c0: cols, r0: rows, c1: -1, r1: -1 };
    let cells = 0;
    let mass = 0;
    label[start] = blobs.length;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const r = Math.floor(i / cols);
      const c = i - r * cols;
      if (on[i]) {
        cells++;
        mass += density[i]!;
        box.c0 = Math.min(box.c0, c);
        box.c1 = Math.max(box.c1, c);
        box.r0 = Math.min(box.r0, r);
        box.r1 = Math.max(box.r1, r);
      }
      for (let dr = -1; dr <= 1; dr++) {
        for (let dc = -1; dc <= 1; dc++) {
          const rr = r + dr;
          const cc = c + dc;
          if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) continue;
          const j = rr * cols + cc;
          if (joined[j] && label[j]! < 0) {
            label[j] = blobs.length;
            stack.push(j);
          }
        }
      }
    }
    if (cells >= 2) blobs.push({ box, cells, mass });
  }
  return blobs;
}

const first = (t: Track) => t.frames[0]!;
const last = (t: Track) => t.frames[t.frames.length - 1]!;
const extent = (t: Track) => t.blobs.reduce((a, b) => ({ ...a, box: union(a.box, b.box) })).box;

/** Whether two tracks are pieces of one text: on the same line, at most a text height apart, and mostly at the same time. */
function fragments(a: Track, b: Track): boolean {
  const shared = Math.min(last(a), last(b)) - Math.max(first(a), first(b)) + 1;
  if (shared < 0.5 * Math.min(last(a) - first(a) + 1, last(b) - first(b) + 1) - MAX_GAP) return false;
  const ea = extent(a);
  const eb = extent(b);
  const rows = Math.min(ea.r1, eb.r1) - Math.max(ea.r0, eb.r0) + 1;
  const height = Math.min(ea.r1 - ea.r0, eb.r1 - eb.r0) + 1;
  const gap = Math.max(ea.c0, eb.c0) - Math.min(ea.c1, eb.c1) - 1;
  return rows >= 0.6 * height && gap <= height;
}

/** Joins tracks that are fragments of one text (words a wide gap apart, a blob that split for a while). */
function mergeFragments(tracks: Track[]): Track[] {
  const out = [...tracks];
  for (let i = 0; i < out.length; i++) {
    for (let j = i + 1; j < out.length; j++) {
      if (!fragments(out[i]!, out[j]!)) continue;
      const byFrame = new Map<number, Blob>();
      for (const track of [out[i]!, out[j]!]) {
        track.frames.forEach((f, k) => {
          const blob = track.blobs[k]!;
          const prior = byFrame.get(f);
          byFrame.set(f, prior ? { box: union(prior.box, blob.box), cells: prior.cells + blob.cells, mass: prior.mass + blob.mass } : blob);
        });
      }
      const frames = [...byFrame.keys()].sort((a, b) => a - b);
      out[i] = { frames, blobs: frames.map((f) => byFrame.get(f)!) };
      out.splice(j, 1);
      j = i;
    }
  }
  return out;
}

/** Links the blobs of every frame into tracks and keeps those that look like text. */
export function trackBlobs(features: FrameFeatures): Track[] {
  const tracks: Track[] = [];
  const live: Track[] = [];
  features.density.forEach((density, t) => {
    const blobs = blobsOf(density, features.cols, features.rows);
    const claimed = new Map<Track, Blob>();
    for (const blob of blobs) {
      let best: Track | null = null;
      let bestOverlap = LINK_OVERLAP;
      for (const track of live) {
        const last = claimed.get(track) ?? track.blobs[track.blobs.length - 1]!;
        if (track.frames.length && t - track.frames[track.frames.length - 1]! > MAX_GAP + 1) continue;
        const o = overlap(last.box, blob.box);
        if (o >= bestOverlap) {
          best = track;
          bestOverlap = o;
        }
      }
      if (!best) {
        const track: Track = { frames: [], blobs: [] };
        live.push(track);
        tracks.push(track);
        best = track;
      }
      const prior = claimed.get(best);
      claimed.set(best, prior ? { box: union(prior.box, blob.box), cells: prior.cells + blob.cells, mass: prior.mass + blob.mass } : blob);
    }
    for (const [track, blob] of claimed) {
      track.frames.push(t);
      track.blobs.push(blob);
    }
  });
  const minFrames = Math.ceil(MIN_SEC * features.fps);
  return mergeFragments(tracks).filter((track) => {
    const span = track.frames[track.frames.length - 1]! - track.frames[0]! + 1;
    const largest = track.blobs.reduce((a, b) => (b.cells > a.cells ? b : a));
    return span >= minFrames && track.frames.length >= 0.7 * span && largest.cells >= MIN_CELLS && largest.mass / largest.cells >= MIN_FILL;
  });
}
