// Prop fields the templates share, as zod fields to spread into a template's
// schema: the look (scene, grade, grain, vignette, ink, text animation), the
// paging of text, the sound bed, and design aids. One definition, so the
// meaning, range and Studio control of a prop is the same in every template.
import { z } from 'zod';
import { zColor } from '@remotion/zod-types';
import { NEUTRAL_GRADE, gradeSchema } from './effects/grade';
import { splitToneDefaults, splitToneSchema } from './effects/split-tone';
import { dustDefaults, dustSchema } from './effects/dust';
import { SCENE_IDS } from './backgrounds/scenes';
import { TEXT_ANIMATION_IDS } from './text/animations';
import { transitionSchema } from './transitions/spec';
import { BACKGROUND_CHOICES } from './audio/select';
import { TRACK_MOODS } from './audio/catalog';

export const lookProps = {
  scene: z.enum(SCENE_IDS).describe('Procedural background, its grade and its ink'),
  gradeAdjust: gradeSchema.describe('Adjustments on top of the scene grade (0 = as designed)'),
  splitTone: splitToneSchema.describe('Shadows and highlights leaning toward two colours (strength 0 is off)'),
  dust: dustSchema.describe('Motes of light drifting through the frame (density 0 is off)'),
  grain: z.number().min(0).max(1).step(0.05),
  vignette: z.number().min(0).max(1).step(0.05),
  textColor: zColor().nullable().describe('null: the scene\'s own ink'),
  accentColor: zColor().nullable().describe('Ornaments, labels and source lines; null: the scene\'s accent'),
  textAnimation: z.enum(TEXT_ANIMATION_IDS).describe('How the words appear (Arabic right to left)'),
};

/** Defaults of the look props that are the same in every template (the rest is each template's own taste). */
export const lookDefaults = { gradeAdjust: NEUTRAL_GRADE, splitTone: splitToneDefaults, dust: dustDefaults };

export const pagingProps = {
  pageTransition: transitionSchema.describe('How one page of text becomes the next'),
  pace: z.number().min(0.5).max(2).step(0.05).describe('Reading time multiplier'),
};

export const soundProps = {
  backgroundAudio: z.enum(BACKGROUND_CHOICES).describe('"auto" picks by mood and the music setting; "none" is silence'),
  musicMood: z.enum(TRACK_MOODS).describe('The mood "auto" looks for'),
  noInstrumentalMusic: z.boolean().describe('Only non-instrumental ambience (or silence) is used'),
  musicVolume: z.number().min(0).max(1).step(0.05),
};

export const designProps = {
  showSafeZones: z.boolean().describe('Draw the platforms\' UI zones (for designing; never in a real render)'),
  seed: z.number().int().min(0).max(1_000_000).describe('Varies stars, mist, dunes and grain'),
};
