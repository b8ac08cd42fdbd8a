// What a transition between two shots is, as data: its type, length, easing
// and (for wipe and slide) direction, validated by zod so Studio, the CLI and
// templates share one schema. Pure and Node-safe: no React, no Remotion
// runtime; how a transition looks lives in ./index.ts and ./presentations.tsx.
import { z } from 'zod';

export const TRANSITION_TYPES = ['cut', 'dissolve', 'fade-through-black', 'wipe', 'slide', 'zoom-blur'] as const;
export const TRANSITION_EASINGS = ['linear', 'ease-in-out', 'ease-out', 'ease-in'] as const;
export const TRANSITION_DIRECTIONS = ['from-left', 'from-right', 'from-top', 'from-bottom'] as const;
export const MAX_TRANSITION_SEC = 3;

const listed = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

export const transitionSchema = z.object({
  type: z
    .enum(TRANSITION_TYPES, { error: `type must be one of ${listed(TRANSITION_TYPES)}` })
    .describe('How shot A becomes shot B; "cut" has no overlap'),
  durationSec: z
    .number({ error: 'durationSec must be a number of seconds' })
    .min(0, { error: 'durationSec must be at least 0 seconds' })
    .max(MAX_TRANSITION_SEC, { error: `durationSec must be at most ${MAX_TRANSITION_SEC} seconds` })
    .describe(`Length of the overlap in seconds, 0..${MAX_TRANSITION_SEC} (ignored by "cut")`),
  easing: z
    .enum(TRANSITION_EASINGS, { error: `easing must be one of ${listed(TRANSITION_EASINGS)}` })
    .describe('Speed curve of the transition (CSS timing-function shapes)'),
  direction: z
    .enum(TRANSITION_DIRECTIONS, { error: `direction must be one of ${listed(TRANSITION_DIRECTIONS)}` })
    .describe('Side shot B comes in from (wipe and slide only)'),
});

export type Transition = z.infer<typeof transitionSchema>;
export type TransitionType = Transition['type'];
export type TransitionEasing = Transition['easing'];
export type TransitionDirection = Transition['direction'];

/** Frames shots A and B overlap: 0 for a cut (or a zero-length transition). */
export const transitionFrames = (spec: Transition, fps: number): number =>
  spec.type === 'cut' ? 0 : Math.round(spec.durationSec * fps);
