// Studio aid: shades the bands where each platform draws its UI over the
// video and outlines the area text is kept in. Off in real renders.
import React from 'react';
import { AbsoluteFill } from 'remotion';
import type { AspectId } from './aspects';
import { PLATFORM_SAFE_ZONES, textSafeInsets, type Insets } from './safe-zones';

const HUES = [0, 210, 45];

const pct = (v: number) => `${v * 100}%`;

const Bands: React.FC<{ insets: Insets; color: string }> = ({ insets, color }) => (
  <>
    <div style={{ position: 'absolute', left: 0, right: 0, top: 0, height: pct(insets.top), background: color }} />
    <div style={{ position: 'absolute', left: 0, right: 0, bottom: 0, height: pct(insets.bottom), background: color }} />
    <div style={{ position: 'absolute', left: 0, width: pct(insets.left), top: pct(insets.top), bottom: pct(insets.bottom), background: color }} />
    <div style={{ position: 'absolute', right: 0, width: pct(insets.right), top: pct(insets.top), bottom: pct(insets.bottom), background: color }} />
  </>
);

export const SafeZoneOverlay: React.FC<{ aspect: AspectId }> = ({ aspect }) => {
  const zones = Object.entries(PLATFORM_SAFE_ZONES).filter(([, z]) => z.aspect === aspect);
  const text = textSafeInsets(aspect);
  return (
    <AbsoluteFill style={{ pointerEvents: 'none', fontFamily: 'sans-serif', fontSize: 24, color: '#fff' }}>
      {zones.map(([name, zone], i) => (
        <Bands key={name} insets={zone.insets} color={`hsla(${HUES[i % HUES.length]}, 90%, 55%, 0.14)`} />
      ))}
      <div
        style={{
          position: 'absolute',
          top: pct(text.top),
          right: pct(text.right),
          bottom: pct(text.bottom),
          left: pct(text.left),
          outline: '3px dashed rgba(80,255,140,0.9)',
        }}
      >
        <span style={{ position: 'absolute', top: 6, left: 10 }}>text-safe: {zones.map(([n]) => n).join(' + ')}</span>
      </div>
    </AbsoluteFill>
  );
};
