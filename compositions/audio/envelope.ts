// The volume envelope of a background bed: fade in, fade out, and a smooth
// duck while a voice (recitation) plays. Pure: a function of the frame.
import { interpolate } from 'remotion';

export interface BedEnvelope {
  durationInFrames: number;
  fadeInFrames: number;
  fadeOutFrames: number;
  /** frames during which a voice plays, or null */
  duck: { from: number; to: number } | null;
  /** gain while ducked, 0..1 */
  duckGain: number;
  /** frames to ramp into and out of the duck */
  rampFrames: number;
}

const clamp = { extrapolateLeft: 'clamp', extrapolateRight: 'clamp' } as const;

export function bedGain(frame: number, e: BedEnvelope): number {
  // Short videos get proportionally shorter fades (each at most a third of the length).
  const last = Math.max(3, e.durationInFrames - 1);
  const fadeIn = Math.max(1, Math.min(e.fadeInFrames, Math.floor(last / 3)));
  const fadeOut = Math.max(1, Math.min(e.fadeOutFrames, Math.floor(last / 3)));
  const fade = interpolate(frame, [0, fadeIn, last - fadeOut, last], [0, 1, 1, 0], clamp);
  if (!e.duck) return fade;
  const { from, to } = e.duck;
  const duck = interpolate(frame, [from - e.rampFrames, from, to, to + e.rampFrames], [1, e.duckGain, e.duckGain, 1], clamp);
  return fade * duck;
}
