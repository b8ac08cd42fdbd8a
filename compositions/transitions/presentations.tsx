// Transition presentations @remotion/transitions has no CSS version of:
// fade through black, and a zoom-blur made of CSS scale + blur (its own
// zoomBlur() draws through the experimental HTML-in-canvas WebGL path).
// Pure functions of the presentation progress and the frame size; they must
// not read the frame, the time or randomness themselves.
import React from 'react';
import { AbsoluteFill, useVideoConfig } from 'remotion';
import type { TransitionPresentation, TransitionPresentationComponentProps } from '@remotion/transitions';

/** These presentations take no options; typed loosely so they fit ShotTransition beside fade/wipe/slide. */
export type NoPresentationProps = Record<string, unknown>;
type PresentationComponentProps = TransitionPresentationComponentProps<NoPresentationProps>;

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/**
 * A fades to black over the first half, B fades in from black over the
 * second. With `backdrop: false` (text over a continuous background) nothing
 * is painted: A fades out, then B fades in, over whatever lies behind.
 */
const FadeThroughBlackPresentation: React.FC<PresentationComponentProps> = ({
  children,
  presentationDirection,
  presentationProgress,
  passedProps,
}) => {
  if (presentationDirection === 'entering') {
    return <AbsoluteFill style={{ opacity: clamp01(2 * presentationProgress - 1) }}>{children}</AbsoluteFill>;
  }
  // The black backdrop appears only once the transition has begun, so a shot
  // with transparent areas still shows what lies behind it before that.
  return (
    <AbsoluteFill style={{ backgroundColor: presentationProgress > 0 && passedProps.backdrop !== false ? '#000000' : undefined }}>
      <AbsoluteFill style={{ opacity: clamp01(1 - 2 * presentationProgress) }}>{children}</AbsoluteFill>
    </AbsoluteFill>
  );
};

export const fadeThroughBlack = ({ backdrop = true }: { backdrop?: boolean } = {}): TransitionPresentation<NoPresentationProps> => ({
  component: FadeThroughBlackPresentation,
  props: { backdrop },
});

/** A grows by this much while blurring out. */
const EXIT_SCALE_GAIN = 0.25;
/** B starts this much larger and settles to 1. */
const ENTER_SCALE_EXCESS = 0.1;
/** Peak blur radius as a fraction of the frame's shorter side. */
const MAX_BLUR_FRACTION = 0.03;

const blurFilter = (radiusPx: number) => (radiusPx > 0 ? `blur(${radiusPx.toFixed(2)}px)` : undefined);

/** A scales up and blurs out; B (on top) fades in while scaling 1.1 → 1 and sharpening. */
const ZoomBlurPresentation: React.FC<PresentationComponentProps> = ({
  children,
  presentationDirection,
  presentationProgress,
}) => {
  const { width, height } = useVideoConfig();
  const maxBlur = MAX_BLUR_FRACTION * Math.min(width, height);
  const p = clamp01(presentationProgress);
  const style: React.CSSProperties =
    presentationDirection === 'entering'
      ? { opacity: p, transform: `scale(${1 + ENTER_SCALE_EXCESS * (1 - p)})`, filter: blurFilter(maxBlur * (1 - p)) }
      : { transform: `scale(${1 + EXIT_SCALE_GAIN * p})`, filter: blurFilter(maxBlur * p) };
  return <AbsoluteFill style={style}>{children}</AbsoluteFill>;
};

export const zoomBlur = (): TransitionPresentation<NoPresentationProps> => ({
  component: ZoomBlurPresentation,
  props: {},
});
