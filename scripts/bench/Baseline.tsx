// The benchmark's baseline: the least a verse video can be (a solid
// background and one line of text), to price the cinematic look against.
import React from 'react';
import { AbsoluteFill, useCurrentFrame } from 'remotion';

export const Baseline: React.FC = () => {
  const frame = useCurrentFrame();
  return (
    <AbsoluteFill style={{ backgroundColor: '#0b1530', justifyContent: 'center', alignItems: 'center' }}>
      <div style={{ color: '#fbf6ea', fontSize: 64, fontFamily: 'serif' }}>Frame {frame}</div>
    </AbsoluteFill>
  );
};
