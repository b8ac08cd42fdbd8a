// Colour analysis of a reference video: palette, brightness, contrast,
// saturation, warmth and split tone of the whole video and of each shot,
// with letterbox bars found first and left out of every statistic; and the
// effects-library Grade that moves a neutral image toward the measured look.
import { deriveGrade } from './color-grade';
import { measureColor } from './color-stats';
import { type FrameSet } from './frames';
import { detectBars, pictureRows } from './letterbox';
import { type ColorProfile, type ColorStats } from './profile';

export { deriveGrade, NEUTRAL_REFERENCE } from './color-grade';
export { measureColor } from './color-stats';

/** Decode width (pixels) the colour frames should have. */
export const COLOR_FRAME_WIDTH = 160;
/** Decode rate (frames per second) the colour frames should have. */
export const COLOR_FPS = 5;

export interface ShotSpan {
  start: number;
  end: number;
}

/** Indices of the frames (frame i at i / fps) inside a shot; the nearest frame when none falls inside. */
export function shotFrames(span: ShotSpan, fps: number, count: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, Math.ceil(span.start * fps - 1e-6)); i < count && i / fps < span.end; i++) out.push(i);
  if (out.length === 0 && count > 0) out.push(Math.min(count - 1, Math.max(0, Math.round(((span.start + span.end) / 2) * fps))));
  return out;
}

/** Colour of the whole video and of each shot. `frames` are RGB, decoded at COLOR_FRAME_WIDTH and COLOR_FPS (any size and rate work); `source` is the video's size, for the letterbox in source pixels. */
export function analyzeColor(frames: FrameSet, shots: ShotSpan[], source: { width: number; height: number }): { color: ColorProfile; perShot: ColorStats[] } {
  if (frames.channels !== 3) throw new RangeError('colour analysis needs RGB frames');
  if (frames.frames.length === 0) throw new RangeError('colour analysis needs at least one frame');
  const bars = detectBars(frames);
  const { start, end } = pictureRows(bars, frames.height);
  const toSource = source.height / frames.height;
  const letterbox = bars ? { top: Math.round(bars.top * toSource), bottom: Math.round(bars.bottom * toSource) } : null;
  const whole = measureColor(frames.frames, frames.width, start, end);
  const perShot = shots.map((shot) =>
    measureColor(
      shotFrames(shot, frames.fps, frames.frames.length).map((i) => frames.frames[i]!),
      frames.width,
      start,
      end,
    ),
  );
  return { color: { ...whole, letterbox, grade: deriveGrade(whole) }, perShot };
}
