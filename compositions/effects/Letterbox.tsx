// Letterbox bars as two solid DOM blocks (cheap: no blending, no filter),
// sliding in from the frame edges when animateInSec > 0. Place it last in the
// composition so the bars cover text and everything else too.
import React from 'react';
import { AbsoluteFill, useCurrentFrame, useVideoConfig } from 'remotion';
import { letterboxBars, letterboxReveal, type LetterboxParams } from './letterbox';

export const Letterbox: React.FC<LetterboxParams> = ({ ratio, color, animateInSec }) => {
  const frame = useCurrentFrame();
  const { width, height, fps } = useVideoConfig();
  const bars = letterboxBars(width, height, ratio);
  const hidden = (1 - letterboxReveal(frame, fps, animateInSec)) * 100;
  const bar = (style: React.CSSProperties): React.CSSProperties => ({ position: 'absolute', backgroundColor: color, ...style });
  return (
    <AbsoluteFill style={{ pointerEvents: 'none' }}>
      {bars.top > 0 ? (
        <>
          <div style={bar({ left: 0, right: 0, top: 0, height: bars.top, transform: `translateY(${-hidden}%)` })} />
          <div style={bar({ left: 0, right: 0, bottom: 0, height: bars.bottom, transform: `translateY(${hidden}%)` })} />
        </>
      ) : null}
      {bars.left > 0 ? (
        <>
          <div style={bar({ top: 0, bottom: 0, left: 0, width: bars.left, transform: `translateX(${-hidden}%)` })} />
          <div style={bar({ top: 0, bottom: 0, right: 0, width: bars.right, transform: `translateX(${hidden}%)` })} />
        </>
      ) : null}
    </AbsoluteFill>
  );
};
