// Shot-boundary and transition detection for style analysis: from frames
// decoded at the source rate (frame i at i / fps), finds hard cuts (exact to
// the frame, robust to motion and flashes) and gradual transitions (fades,
// dissolves, wipes), splits the video into shots and measures the pacing.
// The features and the two detectors live in shot-features, shot-cuts and
// shot-gradual; this module joins them into the StyleProfile's terms.
import type { FrameSet } from './frames';
import type { Pacing, ShotTransition } from './profile';
import { detectCuts, pairSignals } from './shot-cuts';
import { frameFeatures } from './shot-features';
import { detectBlends, detectFades, type Gradual } from './shot-gradual';
import { median } from './stats';

/** The width to decode frames at for detectShots. */
export const SHOT_FRAME_WIDTH = 128;

export interface ShotAnalysis {
  shots: { start: number; end: number }[];
  transitions: ShotTransition[];
  pacing: Pacing;
}

/** Shot count and the spread of shot lengths (seconds); cuts per minute counts every boundary. */
export function pacingOf(shots: { start: number; end: number }[]): Pacing {
  const lengths = shots.map((s) => s.end - s.start);
  const count = lengths.length;
  if (count === 0) return { shotCount: 0, meanShotSec: 0, stdShotSec: 0, medianShotSec: 0, cutsPerMinute: 0 };
  const total = lengths.reduce((a, b) => a + b, 0);
  const mean = total / count;
  const std = Math.sqrt(lengths.reduce((a, b) => a + (b - mean) ** 2, 0) / count);
  return { shotCount: count, meanShotSec: mean, stdShotSec: std, medianShotSec: median(lengths), cutsPerMinute: total > 0 ? ((count - 1) / total) * 60 : 0 };
}

/**
 * Frame indices where one shot ends and the next begins: each cut, the middle
 * of each dissolve or wipe, and the middle of the black between a fade out and
 * a fade in (`maxBlack` frames apart at most). A fade in at the start or a
 * fade out at the end of the video (within `edge` frames) is no boundary.
 */
function boundaries(cuts: number[], gradual: Gradual[], frameCount: number, maxBlack: number, edge: number): number[] {
  const out = [...cuts];
  const pairOf = (fadeOut: Gradual) => gradual.find((g) => g.type === 'fade_from_black' && g.start >= fadeOut.end - 1 && g.start - fadeOut.end <= maxBlack);
  const inside = (b: number) => b > edge && b < frameCount - edge;
  for (const g of gradual) {
    let b: number | null;
    if (g.type === 'fade_to_black') {
      const next = pairOf(g);
      b = next ? Math.round((g.end + next.start) / 2) : g.end;
    } else if (g.type === 'fade_from_black') {
      b = gradual.some((o) => o.type === 'fade_to_black' && pairOf(o) === g) ? null : g.start;
    } else b = Math.round((g.start + g.end) / 2);
    if (b !== null && inside(b)) out.push(b);
  }
  return [...new Set(out)].filter((b) => b > 0 && b < frameCount).sort((a, b) => a - b);
}

export function detectShots(frames: FrameSet): ShotAnalysis {
  const { fps } = frames;
  const n = frames.frames.length;
  const duration = n / fps;
  if (n === 0) return { shots: [], transitions: [], pacing: pacingOf([]) };
  const features = frames.frames.map((_, i) => frameFeatures(frames, i));
  const signals = pairSignals(features);
  const fades = detectFades(features, Math.max(3, Math.round(0.1 * fps)));
  const inside = (frame: number, g: Gradual) => frame >= g.start && frame <= g.end;
  const found = detectCuts(features, signals, fps);
  let cuts = found.cuts.map((c) => c.frame).filter((c) => !fades.some((g) => inside(c, g)));
  const quiet = [...found.flashes.flatMap((f) => [f - 1, f, f + 1]), ...fades.flatMap((g) => Array.from({ length: g.end - g.start + 1 }, (_, k) => g.start + k))];
  const blends = detectBlends(features, signals, fps, cuts, quiet);
  cuts = cuts.filter((c) => !blends.some((g) => inside(c, g)));
  const gradual = [...fades, ...blends].sort((a, b) => a.start - b.start);

  const transitions: ShotTransition[] = [
    ...cuts.map((c) => ({ type: 'cut' as const, start: c / fps, duration: 0 })),
    ...gradual.map((g) => ({ type: g.type, start: g.start / fps, duration: (g.end - g.start) / fps })),
  ].sort((a, b) => a.start - b.start);

  const edges = [0, ...boundaries(cuts, gradual, n, Math.round(2 * fps), Math.round(fps / 4)).map((b) => b / fps), duration];
  const shots = edges.slice(1).map((end, k) => ({ start: edges[k]!, end }));
  return { shots, transitions, pacing: pacingOf(shots) };
}
