// Letterbox maths: the bars that frame a picture of a target aspect ratio
// inside any frame, and how far they have slid in at a given time. Pure and
// Node-safe; the bars themselves are drawn by ./Letterbox.tsx. Must not read
// the frame or touch the DOM.
import { z } from 'zod';
import { zColor } from '@remotion/zod-types';
import { Easing, interpolate } from 'remotion';

export const letterboxSchema = z.object({
  ratio: z
    .number({ error: 'ratio must be a number (picture width ÷ height)' })
    .min(1, { error: 'ratio must be at least 1 (1:1)' })
    .max(3, { error: 'ratio must be at most 3 (3:1)' })
    .describe('Aspect ratio of the picture between the bars, width ÷ height: 2.39 scope, 1.85 flat, 1.33 academy'),
  color: zColor().describe('Bar colour; black for a true letterbox'),
  animateInSec: z
    .number({ error: 'animateInSec must be a number of seconds' })
    .min(0, { error: 'animateInSec must be at least 0 seconds' })
    .max(5, { error: 'animateInSec must be at most 5 seconds' })
    .describe('Seconds for the bars to slide in from the frame edges; 0 shows them at once'),
});

export type LetterboxParams = z.infer<typeof letterboxSchema>;

export const letterboxDefaults: LetterboxParams = { ratio: 2.39, color: '#000000', animateInSec: 0 };

/** Bar thickness in px on each side of the frame. */
export interface LetterboxBars {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Bars that leave a centred picture of `ratio` (width ÷ height). A frame
 * narrower than the ratio (every vertical, square or 4:5 frame, and 16:9 at
 * 2.39) gets bars top and bottom; a frame wider than it (16:9 at 1.33) gets
 * pillarbox bars left and right, so the picture always has the ratio asked
 * for. Opposite bars are equal, in whole px (the picture absorbs the rounding).
 */
export function letterboxBars(width: number, height: number, ratio: number): LetterboxBars {
  if (!(width > 0) || !(height > 0)) throw new RangeError(`letterboxBars: frame size must be positive, got ${width}×${height}`);
  if (!(ratio > 0) || !Number.isFinite(ratio)) throw new RangeError(`letterboxBars: ratio must be a positive number, got ${ratio}`);
  if (width / height <= ratio) {
    const bar = Math.max(0, Math.round((height - width / ratio) / 2));
    return { top: bar, bottom: bar, left: 0, right: 0 };
  }
  const bar = Math.max(0, Math.round((width - height * ratio) / 2));
  return { top: 0, bottom: 0, left: bar, right: bar };
}

const slideEasing = Easing.bezier(0.65, 0, 0.35, 1);

/** 0 (bars outside the frame) .. 1 (fully in) at `frame`, eased in and out over `animateInSec`. */
export function letterboxReveal(frame: number, fps: number, animateInSec: number): number {
  const frames = animateInSec * fps;
  if (frames <= 0) return 1;
  return interpolate(frame, [0, frames], [0, 1], { easing: slideEasing, extrapolateLeft: 'clamp', extrapolateRight: 'clamp' });
}
