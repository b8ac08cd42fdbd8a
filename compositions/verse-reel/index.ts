// The VerseReel template definition (see ../template.ts).
import { defineTemplate } from '../template';
import { ASPECT_IDS } from '../layout/aspects';
import { verseReelDefaults, verseReelSchema } from './schema';

export const verseReel = defineTemplate({
  id: 'verse-reel',
  name: 'VerseReel',
  description: 'A Qur\'an verse (by reference) over a cinematic procedural sky, revealed word by word with its translation',
  schema: verseReelSchema,
  defaultProps: verseReelDefaults,
  fps: 30,
  defaultDurationInFrames: 600,
  aspects: ASPECT_IDS,
  mediaProps: ['recitation'],
  component: () => import('./VerseReel'),
  presetProps: (preset) => ({
    scene: preset.scene,
    gradeAdjust: preset.grade,
    grain: preset.grain,
    vignette: preset.vignette,
    textAnimation: preset.textAnimation,
    pageTransition: preset.transition,
    musicMood: preset.musicMood,
    backgroundAudio: 'auto' as const,
  }),
  calculateMetadata: async (options) => (await import('./metadata')).calculateVerseReelMetadata(options),
});
