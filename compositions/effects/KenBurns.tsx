// A still image under a slow Ken Burns pan and zoom across its <Sequence>
// (or the whole composition): one <Img> (Remotion holds the frame until it
// has loaded) moved by a transform, cheap in software rendering. Contain
// leaves the frame's `background` showing around the image.
import React from 'react';
import { AbsoluteFill, Img, useCurrentFrame, useVideoConfig } from 'remotion';
import { kenBurnsTransform, type KenBurnsParams } from './ken-burns';

export const KenBurns: React.FC<KenBurnsParams & { src: string; background?: string }> = ({ src, background = '#000', ...params }) => {
  const frame = useCurrentFrame();
  const { durationInFrames } = useVideoConfig();
  const { scale, translateX, translateY, objectX, objectY } = kenBurnsTransform(frame / Math.max(1, durationInFrames - 1), params);
  return (
    <AbsoluteFill style={{ overflow: 'hidden', backgroundColor: background }}>
      <Img
        src={src}
        style={{
          width: '100%',
          height: '100%',
          objectFit: params.fit,
          objectPosition: `${objectX}% ${objectY}%`,
          transform: `translate(${translateX}%, ${translateY}%) scale(${scale})`,
        }}
      />
    </AbsoluteFill>
  );
};
