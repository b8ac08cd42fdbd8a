// VerseReel props: a verse reference (never the verse text: the Arabic is
// looked up from the bundled canonical data), the look, text and sound.
// Node-safe (no browser APIs), so the CLI validates props with it too.
import { z } from 'zod';
import { zColor } from '@remotion/zod-types';
import { parseVerseReference, VerseReferenceError, TRANSLATION_IDS } from '../quran';
import { gradeSchema } from '../effects/grade';
import { SCENE_IDS } from '../backgrounds/scenes';
import { BACKGROUND_CHOICES } from '../audio/select';
import { TRACK_MOODS } from '../audio/catalog';
import { transitionSchema } from '../transitions/spec';
import { TEXT_ANIMATION_IDS } from '../text/animations';
import { PATTERN_KINDS } from '../backgrounds/geometric';

const reference = z
  .string()
  .describe('Verse reference: surah:ayah, a range, or a surah name, e.g. 2:255, 94:5-6, Al-Baqarah 255')
  .superRefine((value, ctx) => {
    try {
      parseVerseReference(value);
    } catch (error) {
      if (!(error instanceof VerseReferenceError)) throw error;
      ctx.addIssue({ code: 'custom', message: error.reason });
    }
  });

export const verseReelSchema = z.object({
  reference,
  translation: z.enum(TRANSLATION_IDS).describe('Bundled translation shown under the Arabic'),
  showTranslation: z.boolean(),
  scene: z.enum(SCENE_IDS).describe('Procedural background and its grade'),
  pattern: z.enum(['none', ...PATTERN_KINDS]).describe('An Islamic geometric pattern over the sky (8- or 6-fold stars)'),
  patternOpacity: z.number().min(0).max(1).step(0.05),
  atmosphere: z.enum(['none', 'clouds', 'bokeh']).describe('Drifting clouds or out-of-focus lights'),
  gradeAdjust: gradeSchema.describe('Adjustments on top of the scene grade (0 = as designed)'),
  grain: z.number().min(0).max(1).step(0.05),
  vignette: z.number().min(0).max(1).step(0.05),
  textColor: zColor().nullable().describe('null: the scene\'s own ink'),
  accentColor: zColor().nullable().describe('Ornaments and labels; null: the scene\'s accent'),
  arabicScale: z.number().min(0.6).max(1.5).step(0.05).describe('Arabic size relative to the layout default'),
  translationScale: z.number().min(0.6).max(1.5).step(0.05),
  textAnimation: z.enum(TEXT_ANIMATION_IDS).describe('How the Arabic appears (right to left); the translation fades in after it'),
  pageTransition: transitionSchema.describe('How one page of text becomes the next'),
  pace: z.number().min(0.5).max(2).step(0.05).describe('Reading time multiplier (ignored when a recitation sets the length)'),
  recitation: z
    .string()
    .describe('Optional recitation audio: a file in public/ or an http(s) URL; its length sets the duration'),
  backgroundAudio: z.enum(BACKGROUND_CHOICES).describe('"auto" picks by mood and the music setting; "none" is silence'),
  musicMood: z.enum(TRACK_MOODS).describe('The mood "auto" looks for'),
  noInstrumentalMusic: z.boolean().describe('Only non-instrumental ambience (or silence) is used'),
  musicVolume: z.number().min(0).max(1).step(0.05),
  showSafeZones: z.boolean().describe('Draw the platforms\' UI zones (for designing; never in a real render)'),
  seed: z.number().int().min(0).max(1_000_000),
});

export type VerseReelProps = z.infer<typeof verseReelSchema>;

export const verseReelDefaults: VerseReelProps = {
  reference: '13:28',
  translation: 'en',
  showTranslation: true,
  scene: 'night',
  pattern: 'none',
  patternOpacity: 0.2,
  atmosphere: 'none',
  gradeAdjust: { exposure: 0, contrast: 0, saturation: 0, temperature: 0, tint: 0 },
  grain: 0.35,
  vignette: 0.55,
  textColor: null,
  accentColor: null,
  arabicScale: 1,
  translationScale: 1,
  textAnimation: 'word-by-word',
  pageTransition: { type: 'dissolve', durationSec: 0.8, easing: 'ease-in-out', direction: 'from-right' },
  pace: 1,
  recitation: '',
  backgroundAudio: 'auto',
  musicMood: 'calm',
  noInstrumentalMusic: true,
  musicVolume: 0.5,
  showSafeZones: false,
  seed: 7,
};
