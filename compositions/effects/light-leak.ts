// Film light leak: warm light bleeding in from one edge of the frame, a hot
// core inside an amber body inside a wide red halo, swelling and drifting
// slowly along the edge. A few large soft radial gradients, added to the
// canvas pass ('lighter'): measured no dearer than alpha blending (~1.8 ms per
// 540×960 frame either way) and it reads as light, where alpha blending
// leaves a brown stain on dark skies. A pure function of (params, grade,
// seed, time): motion is a sum of seeded slow sines (Remotion's random(),
// never Math.random()), so any frame renders alone and identically.
import { z } from 'zod';
import { random } from 'remotion';
import { zColor } from '@remotion/zod-types';
import { gradeColor, parseColor, type ColorMatrix } from './grade';

export const LIGHT_LEAK_EDGES = ['left', 'right', 'top', 'bottom', 'random'] as const;
export type LightLeakEdge = (typeof LIGHT_LEAK_EDGES)[number];

export const lightLeakSchema = z.object({
  color: zColor().describe('Colour of the leak\'s body (amber is classic); the core runs hotter, the halo towards magenta-red'),
  intensity: z
    .number({ error: 'intensity must be a number' })
    .min(0, { error: 'intensity must be at least 0' })
    .max(1, { error: 'intensity must be at most 1' })
    .describe('Strength of the leak, 0 draws nothing, 1 a strong flare'),
  edge: z
    .enum(LIGHT_LEAK_EDGES, { error: `edge must be one of ${LIGHT_LEAK_EDGES.map((e) => `'${e}'`).join(', ')}` })
    .describe('Frame edge the light comes in from; "random" picks one from the seed'),
  speed: z
    .number({ error: 'speed must be a number' })
    .min(0, { error: 'speed must be at least 0' })
    .max(3, { error: 'speed must be at most 3' })
    .describe('Drift and swell rate: 1 is a slow film pace (a swell every few seconds), 0 holds still'),
});

export type LightLeakParams = z.infer<typeof lightLeakSchema>;

export const lightLeakDefaults: LightLeakParams = { color: '#ff9a3c', intensity: 0.7, edge: 'left', speed: 1 };

const FIXED_EDGES = ['left', 'right', 'top', 'bottom'] as const;

/** The edge a leak comes from: the given one, or one chosen by the seed for 'random'. */
export function lightLeakEdge(edge: LightLeakEdge, seed: number): Exclude<LightLeakEdge, 'random'> {
  if (edge !== 'random') return edge;
  return FIXED_EDGES[Math.floor(random(`leak-edge-${seed}`) * FIXED_EDGES.length)] ?? 'left';
}

/** A smooth, seeded 0..1 wobble: two slow sines at unrelated rates. */
function wobble(seed: number, name: string, t: number): number {
  const r = (k: string) => random(`leak-${name}-${k}-${seed}`);
  const a = Math.sin(t * (0.35 + 0.3 * r('f1')) + r('p1') * Math.PI * 2);
  const b = Math.sin(t * (0.9 + 0.5 * r('f2')) + r('p2') * Math.PI * 2);
  return 0.5 + 0.5 * (0.65 * a + 0.35 * b);
}

/** The opaque CSS colour `k` of the way from RGB `a` to RGB `b` (0..1 channels). */
const mix = (a: readonly number[], b: readonly number[], k: number) =>
  `rgb(${[0, 1, 2].map((i) => Math.round(((a[i] ?? 0) * (1 - k) + (b[i] ?? 0) * k) * 255)).join(', ')})`;

const HALO = [1, 0.16, 0.22] as const;
const WHITE = [1, 0.97, 0.86] as const;

/** Maps edge-local coordinates (u into the frame from the edge, v along it) onto the canvas. */
function edgeTransform(edge: Exclude<LightLeakEdge, 'random'>, width: number, height: number): [number, number, number, number, number, number] {
  switch (edge) {
    case 'left':
      return [1, 0, 0, 1, 0, 0];
    case 'right':
      return [-1, 0, 0, 1, width, 0];
    case 'top':
      return [0, 1, 1, 0, 0, 0];
    case 'bottom':
      return [0, -1, 1, 0, 0, height];
  }
}

/** An elliptical radial gradient centred at (u, v) with radii (ru across, rv along), filled over its own box (the canvas clips the rest). */
function blob(ctx: CanvasRenderingContext2D, u: number, v: number, ru: number, rv: number, stops: [number, string][]): void {
  ctx.save();
  ctx.translate(u, v);
  ctx.scale(1, rv / ru);
  const gradient = ctx.createRadialGradient(0, 0, 0, 0, 0, ru);
  for (const [at, color] of stops) gradient.addColorStop(at, color);
  ctx.fillStyle = gradient;
  ctx.fillRect(-ru, -ru, 2 * ru, 2 * ru);
  ctx.restore();
}

/** Adds the leak to `ctx` (width × height px) at `t` seconds; intensity 0 draws nothing. */
export function drawLightLeak(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  params: LightLeakParams,
  grade: ColorMatrix,
  seed: number,
  t: number,
): void {
  if (params.intensity <= 0) return;
  const edge = lightLeakEdge(params.edge, seed);
  const along = edge === 'left' || edge === 'right' ? height : width;
  const short = Math.min(width, height);
  const time = t * params.speed;
  const swell = 0.55 + 0.45 * wobble(seed, 'swell', time);
  const body = parseColor(params.color);
  const k = params.intensity * swell * body[3];
  const c = (rgb: string, alpha: number) => gradeColor(rgb, grade, Math.min(1, alpha));
  const bodyColor = mix(body, WHITE, 0);
  const haloColor = mix(body, HALO, 0.6);
  const coreColor = mix(body, WHITE, 0.7);
  const reach = 0.12 * short * wobble(seed, 'reach', time * 0.8);
  const centre = (0.5 + 0.55 * (wobble(seed, 'drift', time * 0.5) - 0.5)) * along;
  const near = (name: string, range: number) => centre + range * (wobble(seed, name, time * 0.7) - 0.5) * along;

  ctx.save();
  ctx.transform(...edgeTransform(edge, width, height));
  ctx.globalCompositeOperation = 'lighter';
  blob(ctx, -0.25 * short + reach, near('halo', 0.3), 1.1 * short, 0.75 * along, [
    [0, c(haloColor, 0.8 * k)],
    [0.45, c(haloColor, 0.3 * k)],
    [1, c(haloColor, 0)],
  ]);
  blob(ctx, -0.08 * short + reach, centre, 0.5 * short, 0.38 * along, [
    [0, c(bodyColor, k)],
    [0.4, c(bodyColor, 0.5 * k)],
    [1, c(bodyColor, 0)],
  ]);
  blob(ctx, -0.05 * short + reach * 0.6, near('core', 0.12), 0.2 * short, 0.2 * along, [
    [0, c(coreColor, k)],
    [0.45, c(coreColor, 0.4 * k)],
    [1, c(coreColor, 0)],
  ]);
  ctx.restore();
}
