// Bokeh: soft, out-of-focus discs of light drifting slowly upwards, as if lamps
// far behind the lens. Positions, sizes, depths and colours are seeded (Remotion's
// random(), never Math.random()), motion is a pure function of time, so any
// frame renders alone and identically. Near discs are larger, softer, fainter
// and faster than far ones, which gives the layer depth without a blur pass.
import { z } from 'zod';
import { random } from 'remotion';
import { zColor } from '@remotion/zod-types';
import { gradeColor, type ColorMatrix } from '../effects/grade';

export const bokehSchema = z.object({
  count: z.number().int().min(1).max(120).describe('Number of light discs'),
  size: z.number().min(0.01).max(0.25).describe("Typical disc radius as a fraction of the frame's short side"),
  softness: z.number().min(0).max(1).describe('0 crisp-edged discs with a faint rim .. 1 soft glows'),
  opacity: z.number().min(0).max(1).describe('Brightness of the discs, 0 draws nothing'),
  speed: z.number().min(0).max(0.2).describe("Drift in short sides per second (upwards, swaying)"),
  colors: z.array(zColor()).min(1).max(6).describe('Palette the discs are drawn from (graded with the scene)'),
});

export type BokehParams = z.infer<typeof bokehSchema>;

export const bokehDefaults: BokehParams = {
  count: 30,
  size: 0.06,
  softness: 0.45,
  opacity: 0.8,
  speed: 0.02,
  colors: ['#ffc873', '#ff9f4a', '#ffe2a8'],
};

interface Disc {
  x: number;
  y: number;
  /** 0 far .. 1 near */
  depth: number;
  radius: number;
  /** a few bright lamps among many faint ones */
  brightness: number;
  color: number;
  sway: number;
  phase: number;
  pulse: number;
}

const TAU = Math.PI * 2;
/** Steps of the R2 sequence (from the plastic number), which fills a square evenly. */
const R2_X = 0.7548776662466927;
const R2_Y = 0.5698402909980532;
const layouts = new Map<string, Disc[]>();

function discsFor(seed: number, count: number, paletteSize: number): Disc[] {
  const key = `${seed}:${count}:${paletteSize}`;
  const hit = layouts.get(key);
  if (hit) return hit;
  const r = (name: string, i: number) => random(`bokeh-${name}-${seed}-${i}`);
  const start = random(`bokeh-start-${seed}`);
  const discs = Array.from({ length: count }, (_, i): Disc => {
    const depth = r('d', i);
    return {
      // A jittered R2 low-discrepancy sequence: spread evenly, without a grid's regularity.
      x: (start + i * R2_X + 0.2 * r('x', i)) % 1,
      y: (start + i * R2_Y + 0.2 * r('y', i)) % 1,
      depth,
      radius: (0.45 + 1.1 * depth) * (0.75 + 0.5 * r('r', i)),
      brightness: 0.35 + 0.65 * r('b', i) ** 2,
      color: Math.floor(r('c', i) * paletteSize),
      sway: 0.15 + r('w', i) * 0.35,
      phase: r('p', i) * TAU,
      pulse: 0.08 + r('s', i) * 0.12,
    };
  });
  // Far discs first, so near ones lie over them.
  discs.sort((a, b) => a.depth - b.depth);
  layouts.set(key, discs);
  return discs;
}

/** Wraps a coordinate into [-pad, 1 + pad) so a disc leaving one edge re-enters at the other, unseen. */
const wrap = (v: number, pad: number) => {
  const span = 1 + 2 * pad;
  return ((((v + pad) % span) + span) % span) - pad;
};

export function drawBokeh(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  params: BokehParams,
  grade: ColorMatrix,
  seed: number,
  t: number,
): void {
  if (params.opacity <= 0) return;
  const short = Math.min(width, height);
  const discs = discsFor(seed, params.count, params.colors.length);
  const edge = 1 - 0.85 * params.softness;
  ctx.save();
  ctx.globalCompositeOperation = 'lighter';
  for (const d of discs) {
    const radius = d.radius * params.size * short;
    const rise = params.speed * (0.4 + 0.9 * d.depth) * t;
    const x = wrap(d.x + (Math.sin(t * d.pulse * 0.7 + d.phase) * d.sway * params.speed * 4 * short) / width, radius / width) * width;
    const y = wrap(d.y - (rise * short) / height, radius / height) * height;
    const breathe = 0.8 + 0.2 * Math.sin(t * d.pulse * TAU + d.phase);
    const alpha = params.opacity * d.brightness * breathe * (1 - 0.5 * d.depth) * (0.7 + 0.3 * (1 - params.softness));
    const color = params.colors[d.color]!;
    const fill = ctx.createRadialGradient(x, y, 0, x, y, radius);
    // Flat body, a faint rim where the edge begins, then a smooth falloff (soft discs are brightest at the centre).
    fill.addColorStop(0, gradeColor(color, grade, alpha * (0.75 + 0.25 * params.softness)));
    fill.addColorStop(edge * 0.8, gradeColor(color, grade, alpha * (0.8 + 0.2 * params.softness)));
    fill.addColorStop(edge, gradeColor(color, grade, alpha));
    fill.addColorStop(edge + (1 - edge) * 0.45, gradeColor(color, grade, alpha * 0.35));
    fill.addColorStop(1, gradeColor(color, grade, 0));
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, TAU);
    ctx.fill();
  }
  ctx.restore();
}
