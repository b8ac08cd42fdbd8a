// VerseReel props: a verse reference (never the verse text: the Arabic is
// looked up from the bundled canonical data), the look, text and sound.
// Node-safe (no browser APIs), so the CLI validates props with it too.
import { z } from 'zod';
import { parseVerseReference, VerseReferenceError, TRANSLATION_IDS } from '../quran';
import { PATTERN_KINDS } from '../backgrounds/geometric';
import { designProps, lookDefaults, lookProps, pagingProps, soundProps } from '../template-props';

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
  scene: lookProps.scene,
  pattern: z.enum(['none', ...PATTERN_KINDS]).describe('An Islamic geometric pattern over the sky (8- or 6-fold stars)'),
  patternOpacity: z.number().min(0).max(1).step(0.05),
  atmosphere: z.enum(['none', 'clouds', 'bokeh']).describe('Drifting clouds or out-of-focus lights'),
  gradeAdjust: lookProps.gradeAdjust,
  splitTone: lookProps.splitTone,
  dust: lookProps.dust,
  grain: lookProps.grain,
  vignette: lookProps.vignette,
  textColor: lookProps.textColor,
  accentColor: lookProps.accentColor,
  arabicScale: z.number().min(0.6).max(1.5).step(0.05).describe('Arabic size relative to the layout default'),
  translationScale: z.number().min(0.6).max(1.5).step(0.05),
  textAnimation: lookProps.textAnimation,
  ...pagingProps,
  recitation: z
    .string()
    .describe('Optional recitation audio: a file in public/ or an http(s) URL; its length sets the duration'),
  ...soundProps,
  ...designProps,
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
  ...lookDefaults,
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
