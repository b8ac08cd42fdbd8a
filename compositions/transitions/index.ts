// Turns a transition spec into what <TransitionSeries.Transition> takes: a
// presentation (@remotion/transitions' fade, wipe and slide, or ours from
// ./presentations) and a linear timing with the spec's easing. A cut has no
// transition element: callers place the two sequences back to back. Must not
// validate (./spec does) or read the frame.
import { Easing } from 'remotion';
import { linearTiming, type TransitionPresentation, type TransitionTiming } from '@remotion/transitions';
import { fade } from '@remotion/transitions/fade';
import { slide } from '@remotion/transitions/slide';
import { wipe } from '@remotion/transitions/wipe';
import { fadeThroughBlack, zoomBlur } from './presentations';
import { transitionFrames, type Transition, type TransitionDirection, type TransitionEasing, type TransitionType } from './spec';

export * from './spec';

/** The CSS timing functions of the same names. */
const EASINGS: Record<TransitionEasing, (t: number) => number> = {
  linear: Easing.linear,
  'ease-in-out': Easing.bezier(0.42, 0, 0.58, 1),
  'ease-out': Easing.bezier(0, 0, 0.58, 1),
  'ease-in': Easing.bezier(0.42, 0, 1, 1),
};

export interface ShotTransition {
  presentation: TransitionPresentation<Record<string, unknown>>;
  timing: TransitionTiming;
}

const presentationFor = (
  type: Exclude<TransitionType, 'cut'>,
  direction: TransitionDirection,
  overlay: boolean,
): TransitionPresentation<Record<string, unknown>> => {
  switch (type) {
    case 'dissolve':
      return fade();
    case 'fade-through-black':
      return fadeThroughBlack({ backdrop: !overlay });
    case 'wipe':
      return wipe({ direction });
    case 'slide':
      return slide({ direction });
    case 'zoom-blur':
      return zoomBlur();
  }
};

/**
 * Presentation and timing for <TransitionSeries.Transition>, or null when A
 * and B simply abut. `overlay`: the shots are layers over a continuous
 * background (text pages), so nothing may paint the full frame.
 */
export const makeTransition = (spec: Transition, fps: number, { overlay = false }: { overlay?: boolean } = {}): ShotTransition | null => {
  const { type } = spec;
  const durationInFrames = transitionFrames(spec, fps);
  if (type === 'cut' || durationInFrames === 0) return null;
  return {
    presentation: presentationFor(type, spec.direction, overlay),
    timing: linearTiming({ durationInFrames, easing: EASINGS[spec.easing] }),
  };
};
