// Dust and particle drift: motes of light floating slowly through the frame,
// each with its own size, depth, sway and twinkle. A pure function of
// (params, seed, time) built on Remotion's random(), so any frame renders
// alone and identically; particles wrap around the frame edges so the
// density never thins out. Drawn as soft dots on the shared canvas pass.
import { z } from 'zod';
import { random } from 'remotion';
import { zColor } from '@remotion/zod-types';

export const DUST_DIRECTIONS = ['up', 'down', 'left', 'right'] as const;

export const dustSchema = z.object({
  density: z
    .number({ error: 'density must be a number' })
    .min(0, { error: 'density must be at least 0' })
    .max(1, { error: 'density must be at most 1' })
    .step(0.05)
    .describe('0 is off; 1 is about 160 motes in the frame'),
  size: z
    .number({ error: 'size must be a number' })
    .min(0.5, { error: 'size must be at least 0.5' })
    .max(6, { error: 'size must be at most 6' })
    .describe('Radius of the nearest motes, in pixels of a 1080-wide frame'),
  speed: z
    .number({ error: 'speed must be a number' })
    .min(0, { error: 'speed must be at least 0' })
    .max(3, { error: 'speed must be at most 3' })
    .describe('1 is a slow float (a near mote crosses the frame in ~20 s); 0 hangs still'),
  direction: z.enum(DUST_DIRECTIONS, { error: `direction must be one of ${DUST_DIRECTIONS.map((d) => `'${d}'`).join(', ')}` }).describe('Where the motes drift'),
  color: zColor().describe('Colour of the motes (warm white reads as sunlit dust)'),
  opacity: z
    .number({ error: 'opacity must be a number' })
    .min(0, { error: 'opacity must be at least 0' })
    .max(1, { error: 'opacity must be at most 1' })
    .step(0.05),
});

export type DustParams = z.infer<typeof dustSchema>;

export const dustDefaults: DustParams = { density: 0, size: 2.2, speed: 1, direction: 'up', color: '#fff4dc', opacity: 0.6 };

export const MAX_MOTES = 160;

export interface Mote {
  /** Centre in 0..1 of the frame. */
  x: number;
  y: number;
  /** Radius in pixels of a 1080-wide frame. */
  radius: number;
  alpha: number;
}

const wrap = (v: number) => v - Math.floor(v);

const DRIFT: Record<DustParams['direction'], [number, number]> = { up: [0, -1], down: [0, 1], left: [-1, 0], right: [1, 0] };

/** Where every mote is at time `t` seconds: deterministic per seed. */
export function dustMotes(params: DustParams, seed: number, t: number, aspect: number): Mote[] {
  const count = Math.round(params.density * MAX_MOTES);
  const [dx, dy] = DRIFT[params.direction];
  const motes: Mote[] = [];
  for (let i = 0; i < count; i++) {
    const r = (k: string) => random(`dust-${k}-${seed}-${i}`);
    const depth = 0.35 + 0.65 * r('depth'); // far motes are small, faint and slow
    const travel = (params.speed * depth * t) / 20; // frames per second of drift, in frame units
    const sway = 0.012 * Math.sin(t * (0.3 + 0.4 * r('sf')) + r('sp') * Math.PI * 2);
    const twinkle = 0.65 + 0.35 * Math.sin(t * (0.8 + 1.2 * r('tf')) + r('tp') * Math.PI * 2);
    motes.push({
      x: wrap(r('x') + dx * travel + (dy !== 0 ? sway : 0)),
      y: wrap(r('y') + (dy * travel) / aspect + (dx !== 0 ? sway : 0)),
      radius: params.size * depth,
      alpha: params.opacity * depth * twinkle,
    });
  }
  return motes;
}

/** Draws the motes on a canvas already holding the picture ('lighter', so they read as light). */
export function drawDust(ctx: CanvasRenderingContext2D, width: number, height: number, params: DustParams, seed: number, t: number): void {
  if (params.density <= 0 || params.opacity <= 0) return;
  const scale = width / 1080;
  ctx.save();
  ctx.globalCompositeOperation = 'lighter';
  ctx.fillStyle = params.color;
  for (const mote of dustMotes(params, seed, t, height / width)) {
    const x = mote.x * width;
    const y = mote.y * height;
    const radius = Math.max(0.5, mote.radius * scale);
    // A soft dot: a faint halo and a brighter core.
    ctx.globalAlpha = mote.alpha * 0.35;
    ctx.beginPath();
    ctx.arc(x, y, radius * 2.2, 0, Math.PI * 2);
    ctx.fill();
    ctx.globalAlpha = mote.alpha;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, Math.PI * 2);
    ctx.fill();
  }
  ctx.restore();
}
