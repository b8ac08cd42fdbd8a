// Split toning: shadows pushed toward one colour and highlights toward
// another (teal shadows and amber highlights, or a sepia print's brown
// shadows). Not a matrix: the tint depends on each pixel's level. Done as two
// blends any renderer has: shadows 'screen' the shadow colour (its effect
// scales with 1 − value, so it lives in the darks) and highlights 'multiply'
// the highlight colour (its effect scales with the value, so it lives in the
// lights). splitTonePixel is the same maths for tests and style analysis.
import { z } from 'zod';
import { zColor } from '@remotion/zod-types';
import { parseColor } from './grade';

export const splitToneSchema = z.object({
  shadows: zColor().describe('Colour the shadows lean toward'),
  highlights: zColor().describe('Colour the highlights lean toward'),
  strength: z
    .number({ error: 'strength must be a number' })
    .min(0, { error: 'strength must be at least 0' })
    .max(1, { error: 'strength must be at most 1' })
    .step(0.05)
    .describe('0 is off; 1 a strong, stylised split'),
  balance: z
    .number({ error: 'balance must be a number' })
    .min(-1, { error: 'balance must be at least -1' })
    .max(1, { error: 'balance must be at most 1' })
    .step(0.05)
    .describe('-1 shadows only .. 0 both .. 1 highlights only'),
});

export type SplitToneParams = z.infer<typeof splitToneSchema>;

export const splitToneDefaults: SplitToneParams = { shadows: '#1f6f8b', highlights: '#ffb35c', strength: 0, balance: 0 };

/** At strength 1 each blend is drawn at this opacity: enough for a clear look, never a colour wash. */
const MAX_ALPHA = 0.4;

/** Opacity of the shadow ('screen') and highlight ('multiply') blends. */
export function splitToneAlphas({ strength, balance }: Pick<SplitToneParams, 'strength' | 'balance'>): { shadow: number; highlight: number } {
  return {
    shadow: MAX_ALPHA * strength * Math.min(1, 1 - balance),
    highlight: MAX_ALPHA * strength * Math.min(1, 1 + balance),
  };
}

/** One RGB pixel (0..1) split-toned exactly as the canvas and DOM blends do it. */
export function splitTonePixel(params: SplitToneParams, rgb: readonly [number, number, number]): [number, number, number] {
  const { shadow, highlight } = splitToneAlphas(params);
  const s = parseColor(params.shadows);
  const h = parseColor(params.highlights);
  return rgb.map((v, i) => {
    const screened = v + shadow * s[i]! * (1 - v);
    return screened * (1 - highlight * (1 - h[i]!));
  }) as [number, number, number];
}

/** The split tone as a canvas pass over what is already drawn. */
export function drawSplitTone(ctx: CanvasRenderingContext2D, width: number, height: number, params: SplitToneParams): void {
  const { shadow, highlight } = splitToneAlphas(params);
  if (shadow <= 0 && highlight <= 0) return;
  ctx.save();
  if (shadow > 0) {
    ctx.globalCompositeOperation = 'screen';
    ctx.globalAlpha = shadow;
    ctx.fillStyle = params.shadows;
    ctx.fillRect(0, 0, width, height);
  }
  if (highlight > 0) {
    ctx.globalCompositeOperation = 'multiply';
    ctx.globalAlpha = highlight;
    ctx.fillStyle = params.highlights;
    ctx.fillRect(0, 0, width, height);
  }
  ctx.restore();
}
