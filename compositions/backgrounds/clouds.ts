// Clouds and mist from seeded fractal noise: the field is evaluated into a
// small offscreen canvas (about 96×170 for a 9:16 frame) every frame, then
// drawn scaled up with smoothing, which keeps it soft and the noise loop to a
// few milliseconds. The field drifts sideways and slowly changes shape; it is
// a pure function of (params, seed, time), so frames render alone identically.
import { z } from 'zod';
import { zColor } from '@remotion/zod-types';
import { applyMatrix, parseColor, type ColorMatrix } from '../effects/grade';
import { createNoise3D, fractalNoise, type Noise3D } from './noise';

export const cloudsSchema = z.object({
  color: zColor().describe('Colour of the clouds (graded with the scene)'),
  opacity: z.number().min(0).max(1).describe('Opacity of the densest cloud, 0 draws nothing'),
  scale: z.number().min(0.1).max(2).describe("Size of a cloud as a fraction of the frame's short side"),
  speed: z.number().min(0).max(0.2).describe('Drift in short sides per second; the shapes also change at this pace'),
  coverage: z.number().min(0).max(1).describe('0 a few wisps .. 1 an overcast veil'),
});

export type CloudsParams = z.infer<typeof cloudsSchema>;

export const cloudsDefaults: CloudsParams = {
  color: '#c9d3ee',
  opacity: 0.55,
  scale: 0.5,
  speed: 0.025,
  coverage: 0.5,
};

/** Samples along the long side of the offscreen field. */
const FIELD_LONG_SIDE = 170;
const OCTAVES = 4;
/** Rows up to the sample that shades a cloud's top. */
const LIGHT_OFFSET = 3;
/** How far (in noise cells) the warp field bends the clouds. */
const WARP = 0.8;
/** Clouds are wider than tall. */
const STRETCH = 1.8;

export interface FieldSize {
  width: number;
  height: number;
}

/** The offscreen field's size for a frame: FIELD_LONG_SIDE along its long side, the frame's aspect. */
export function fieldSize(width: number, height: number): FieldSize {
  const k = FIELD_LONG_SIDE / Math.max(width, height);
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)) };
}

/**
 * Cloud density 0..1 at each sample of a field, row by row: fractal noise
 * shaped by coverage into soft-edged clouds and clear sky. Coordinates are
 * in short sides, so the look is the same at every resolution and aspect.
 */
export function cloudDensity(noise: Noise3D, field: FieldSize, params: CloudsParams, t: number, out: Float32Array): void {
  const short = Math.min(field.width, field.height);
  const frequency = 1 / (params.scale * short);
  // One noise cell spans scale × STRETCH short sides across, scale down.
  const drift = (params.speed * t) / (params.scale * STRETCH);
  const evolve = (params.speed * t * 0.6) / params.scale;
  const threshold = 0.25 - 0.55 * params.coverage;
  const softness = 0.45;
  for (let y = 0; y < field.height; y++) {
    const ny = y * frequency;
    for (let x = 0; x < field.width; x++) {
      const nx = (x * frequency) / STRETCH + drift;
      // A slow, large warp bends the streaks into billows.
      const warp = noise(nx * 0.5 + 31.7, ny * 0.5, evolve * 0.5) * WARP;
      const n = fractalNoise(noise, nx + warp, ny + warp * 0.6, evolve, OCTAVES);
      const v = Math.max(0, Math.min(1, (n - threshold) / softness));
      out[y * field.width + x] = v * v * (3 - 2 * v);
    }
  }
}

interface Field {
  canvas: OffscreenCanvas;
  ctx: OffscreenCanvasRenderingContext2D;
  image: ImageData;
  density: Float32Array;
}

const fields = new Map<string, Field>();
const noises = new Map<number, Noise3D>();

function fieldFor(size: FieldSize): Field {
  const key = `${size.width}x${size.height}`;
  const hit = fields.get(key);
  if (hit) return hit;
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D context for the cloud field');
  const field = { canvas, ctx, image: ctx.createImageData(size.width, size.height), density: new Float32Array(size.width * size.height) };
  fields.set(key, field);
  return field;
}

function noiseFor(seed: number): Noise3D {
  const hit = noises.get(seed);
  if (hit) return hit;
  const noise = createNoise3D(`clouds-${seed}`);
  noises.set(seed, noise);
  return noise;
}

export function drawClouds(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  params: CloudsParams,
  grade: ColorMatrix,
  seed: number,
  t: number,
): void {
  if (params.opacity <= 0) return;
  const size = fieldSize(width, height);
  const field = fieldFor(size);
  cloudDensity(noiseFor(seed), size, params, t, field.density);
  const [r, g, b, a] = parseColor(params.color);
  const [gr, gg, gb] = applyMatrix(grade, [r, g, b]);
  const data = field.image.data;
  const alpha = 255 * a * params.opacity;
  const lightOffset = LIGHT_OFFSET * size.width;
  for (let i = 0; i < field.density.length; i++) {
    const d = field.density[i]!;
    // Lit from above: brighter where the cloud thickens going down, dense cores brighter than thin edges.
    const above = field.density[i - lightOffset] ?? 0;
    const light = 255 * Math.min(1, 0.62 + 0.25 * d + 0.8 * Math.max(0, d - above));
    data[i * 4] = gr * light;
    data[i * 4 + 1] = gg * light;
    data[i * 4 + 2] = gb * light;
    data[i * 4 + 3] = d * alpha;
  }
  field.ctx.putImageData(field.image, 0, 0);
  ctx.save();
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(field.canvas, 0, 0, width, height);
  ctx.restore();
}
