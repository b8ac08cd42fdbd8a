// A full-frame <canvas> redrawn every frame by a draw function. Soft,
// full-frame looks (skies, glows, vignette, grain) are drawn here in one
// layer, at a fraction of the frame's resolution, instead of as many stacked
// DOM layers: software compositing in headless Chromium costs per layer.
import React, { useLayoutEffect, useRef } from 'react';
import { useVideoConfig } from 'remotion';

export type Draw = (ctx: CanvasRenderingContext2D, width: number, height: number) => void;

export const CanvasLayer: React.FC<{ draw: Draw; resolution?: number }> = ({ draw, resolution = 0.5 }) => {
  const ref = useRef<HTMLCanvasElement>(null);
  const { width, height } = useVideoConfig();
  const w = Math.max(1, Math.round(width * resolution));
  const h = Math.max(1, Math.round(height * resolution));
  useLayoutEffect(() => {
    // A CPU-backed canvas: faster than software GL here, and grain reads its pixels.
    const ctx = ref.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.globalCompositeOperation = 'source-over';
    ctx.clearRect(0, 0, w, h);
    draw(ctx, w, h);
  });
  return <canvas ref={ref} width={w} height={h} style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }} />;
};
