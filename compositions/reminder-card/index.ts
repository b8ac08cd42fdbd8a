// The ReminderCard template definition (see ../template.ts).
import { defineTemplate } from '../template';
import { ASPECT_IDS } from '../layout/aspects';
import { reminderCardDefaults, reminderCardSchema } from './schema';

export const reminderCard = defineTemplate({
  id: 'reminder-card',
  name: 'ReminderCard',
  description: 'A hadith, du\'a, quote or reminder (typed, labelled by kind, never Qur\'an) with its source, over a cinematic procedural sky',
  schema: reminderCardSchema,
  defaultProps: reminderCardDefaults,
  fps: 30,
  defaultDurationInFrames: 600,
  aspects: ASPECT_IDS,
  mediaProps: [],
  component: () => import('./ReminderCard'),
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
  calculateMetadata: async (options) => (await import('./metadata')).calculateReminderCardMetadata(options),
});
