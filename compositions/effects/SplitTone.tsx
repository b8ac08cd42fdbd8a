// The split tone over DOM content (images and clips): two full-frame layers
// blended 'screen' (shadows) and 'multiply' (highlights), the same maths as
// drawSplitTone on a canvas. Renders nothing at strength 0.
import React from 'react';
import { AbsoluteFill } from 'remotion';
import { splitToneAlphas, type SplitToneParams } from './split-tone';

export const SplitTone: React.FC<{ params: SplitToneParams }> = ({ params }) => {
  const { shadow, highlight } = splitToneAlphas(params);
  if (shadow <= 0 && highlight <= 0) return null;
  return (
    <>
      {shadow > 0 ? <AbsoluteFill style={{ backgroundColor: params.shadows, opacity: shadow, mixBlendMode: 'screen' }} /> : null}
      {highlight > 0 ? <AbsoluteFill style={{ backgroundColor: params.highlights, opacity: highlight, mixBlendMode: 'multiply' }} /> : null}
    </>
  );
};
