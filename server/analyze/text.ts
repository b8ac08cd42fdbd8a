// Detects on-screen text overlays in a video without OCR: when each text
// appears and disappears, its box, and how it enters. Text is found as dense
// still edges over a changing background (text-mask, text-track); each
// candidate's settled look becomes a template (text-match) whose score, frame
// by frame, gives the precise interval and the entrance (text-entrance).
// Decode the video grey at TEXT_FRAME_WIDTH × TEXT_FPS and pass the frames.
import type { FrameSet } from './frames';
import type { TextAppearance } from './profile';
import { classifyEntrance, entranceContext, observe, partlyThere, PRESENT, SETTLED, BANDS, type EntranceFrame } from './text-entrance';
import { CELL, frameFeatures, type FrameFeatures } from './text-mask';
import { bandScores, buildTemplate, score, settledBox, type PixelBox } from './text-match';
import { trackBlobs, type Track } from './text-track';

/** Width to decode at: glyphs of small captions keep strokes of two pixels or more. */
export const TEXT_FRAME_WIDTH = 320;
/** Frame rate to decode at: 0.1 s steps; not half of 24/25/30, so two-frame flicker does not look still. */
export const TEXT_FPS = 10;

/** Longest entrance looked for, in seconds; a "text" still changing longer is part of the picture. */
const MAX_ENTRANCE_SEC = 1.5;
/** A track whose settled template scores below this on its own frames is not a stable pattern. */
const MIN_REF = 0.5;

const median = (values: number[]): number => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : 0;
};

/** The interval, box and entrance of the text a track found, or null when it is not a text that appears. */
function measure(f: FrameFeatures, track: Track): TextAppearance | null {
  const n = f.luma.length;
  const largest = Math.max(...track.blobs.map((b) => b.cells));
  const settled = track.frames.filter((_, k) => track.blobs[k]!.cells >= 0.8 * largest);
  const cells = track.blobs.filter((b) => b.cells >= 0.8 * largest).map((b) => b.box);
  const within: PixelBox = {
    x0: Math.max(0, (Math.min(...cells.map((c) => c.c0)) - 1) * CELL),
    y0: Math.max(0, (Math.min(...cells.map((c) => c.r0)) - 1) * CELL),
    x1: Math.min(f.width, (Math.max(...cells.map((c) => c.c1)) + 2) * CELL),
    y1: Math.min(f.height, (Math.max(...cells.map((c) => c.r1)) + 2) * CELL),
  };
  const box = settledBox(f, settled, within);
  const tpl = box && buildTemplate(f, settled, box);
  if (!box || !tpl) return null;
  const ref = median(settled.map((t) => score(f, t, tpl)));
  if (ref < MIN_REF) return null;
  const inPlace = f.luma.map((_, t) => score(f, t, tpl) / ref);

  // The run of frames where the text is in place, around the middle of the settled frames.
  const mid = settled[settled.length >> 1]!;
  let a = mid;
  while (a > 0 && inPlace[a - 1]! >= PRESENT) a--;
  let b = mid;
  while (b < n - 1 && inPlace[b + 1]! >= PRESENT) b++;

  // Walk back over the entrance: frames where the text is there in part, moved or scaled.
  const bandSamples = settled.map((t) => bandScores(f, t, tpl, BANDS));
  const bandRef = Float64Array.from({ length: BANDS }, (_, k) => median(bandSamples.map((s) => s[k]!).filter((v) => !Number.isNaN(v))));
  const ctx = entranceContext(f, tpl, ref, bandRef);
  const limit = Math.round(MAX_ENTRANCE_SEC * f.fps);
  const before: EntranceFrame[] = [];
  let start = a;
  while (start > 0) {
    const o = observe(ctx, start - 1);
    if (!partlyThere(o)) break;
    before.unshift(o);
    start--;
    if (a - start > limit) return null;
  }
  let settle = a;
  while (settle <= b && inPlace[settle]! < SETTLED) settle++;
  if (settle - start > limit) return null;
  const ramp = [...before];
  for (let t = a; t < settle; t++) ramp.push(observe(ctx, t));
  const entrance = classifyEntrance(ramp);

  // Seconds: frame i shows time i / fps, so an edge lies half a frame out; a fade's ramp is extended back to zero.
  let startSec = start > 0 ? (start - 0.5) / f.fps : 0;
  if (entrance === 'fade' && start > 0 && settle - start >= 2) {
    const slope = inPlace[start + 1]! - inPlace[start]!;
    if (slope > 0) startSec = Math.max(0, (start - Math.min(inPlace[start]! / slope, 2)) / f.fps);
  }
  let endSec = b < n - 1 ? (b + 0.5) / f.fps : n / f.fps;
  // A fade-out: the in-place score already falling at the last frame is extended down to zero.
  const fall = b > settle + 1 ? inPlace[b - 1]! - inPlace[b]! : 0;
  if (b < n - 1 && inPlace[b]! < SETTLED && fall > 0) {
    endSec = Math.min(n / f.fps, (b + Math.min(inPlace[b]! / fall, 2)) / f.fps);
  }
  return {
    start: round(startSec),
    end: round(Math.max(endSec, startSec)),
    box: { x: round(box.x0 / f.width), y: round(box.y0 / f.height), w: round((box.x1 - box.x0) / f.width), h: round((box.y1 - box.y0) / f.height) },
    entrance,
  };
}

const round = (v: number) => Math.round(v * 1000) / 1000;

const iou = (p: TextAppearance['box'], q: TextAppearance['box']): number => {
  const w = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
  const h = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
  const i = w > 0 && h > 0 ? w * h : 0;
  return i / (p.w * p.h + q.w * q.h - i);
};

/** Text overlays in `frames` (grey or RGB, frame i at i / fps), in order of appearance. */
export function detectText(frames: FrameSet): TextAppearance[] {
  if (frames.frames.length < 4) return [];
  const f = frameFeatures(frames);
  const found: TextAppearance[] = [];
  for (const track of trackBlobs(f)) {
    const text = measure(f, track);
    if (!text) continue;
    // Two tracks of one text (it split and rejoined) measure the same; keep one.
    const twin = found.find((o) => iou(o.box, text.box) >= 0.5 && o.start < text.end && text.start < o.end);
    if (!twin) found.push(text);
  }
  return found.sort((p, q) => p.start - q.start);
}
