// Text glow: a CSS text-shadow of two stacked, centred shadows, a tight
// bright one that lifts the letterforms and a wider soft one that blooms.
// Blur cost in software rendering grows with the radius, so the schema caps
// it. Pure and Node-safe; the colour passes through the grade when given.
import { z } from 'zod';
import { zColor } from '@remotion/zod-types';
import { gradeColor, gradeToMatrix, NEUTRAL_GRADE, type ColorMatrix } from './grade';

export const MAX_GLOW_RADIUS = 40;

export const glowSchema = z.object({
  color: zColor().describe('Glow colour (graded with the scene when the template passes its grade)'),
  radius: z
    .number({ error: 'radius must be a number of px' })
    .min(0, { error: 'radius must be at least 0 px' })
    .max(MAX_GLOW_RADIUS, { error: `radius must be at most ${MAX_GLOW_RADIUS} px (larger blurs render slowly)` })
    .describe(`Spread of the outer bloom in px of the composition, 0..${MAX_GLOW_RADIUS}; keep it modest`),
  strength: z
    .number({ error: 'strength must be a number' })
    .min(0, { error: 'strength must be at least 0' })
    .max(1, { error: 'strength must be at most 1' })
    .describe('0 no glow .. 1 a bright halo'),
});

export type GlowParams = z.infer<typeof glowSchema>;

export const glowDefaults: GlowParams = { color: '#ffd9a0', radius: 18, strength: 0.6 };

const px = (v: number) => `${+v.toFixed(2)}px`;
const UNGRADED = gradeToMatrix(NEUTRAL_GRADE);

/** The text-shadow value for a glow ('none' when it would draw nothing); combine with other shadows by joining with ', '. */
export function textGlow({ color, radius, strength }: GlowParams, grade: ColorMatrix = UNGRADED): string {
  if (radius <= 0 || strength <= 0) return 'none';
  const shade = (alpha: number) => gradeColor(color, grade, alpha);
  return [`0 0 ${px(radius * 0.3)} ${shade(Math.min(1, strength * 0.9))}`, `0 0 ${px(radius)} ${shade(strength * 0.7)}`].join(', ');
}
