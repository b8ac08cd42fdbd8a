// The ReminderCard template definition (see ../template.ts).
import { defineTemplate } from '../template';
import { pageLookFromPreset } from '../presets';
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
  presetProps: pageLookFromPreset,
  calculateMetadata: async (options) => (await import('./metadata')).calculateReminderCardMetadata(options),
});
