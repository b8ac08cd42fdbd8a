// The VerseReel template definition (see ../template.ts).
import { defineTemplate } from '../template';
import { pageLookFromPreset } from '../presets';
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
  presetProps: pageLookFromPreset,
  calculateMetadata: async (options) => (await import('./metadata')).calculateVerseReelMetadata(options),
});
