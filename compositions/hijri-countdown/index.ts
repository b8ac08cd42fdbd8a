// The HijriCountdown template definition (see ../template.ts).
import { defineTemplate } from '../template';
import { pageLookFromPreset } from '../presets';
import { ASPECT_IDS, ASPECTS, aspectOfCompositionId } from '../layout/aspects';
import { countdownSeconds, hijriCountdownDefaults, hijriCountdownSchema } from './schema';

const FPS = 30;

export const hijriCountdown = defineTemplate({
  id: 'hijri-countdown',
  name: 'HijriCountdown',
  description: 'A countdown card to a day of the Islamic calendar ("12 days until Ramadan 1448"), under a crescent sky',
  schema: hijriCountdownSchema,
  defaultProps: hijriCountdownDefaults,
  fps: FPS,
  defaultDurationInFrames: 8 * FPS,
  aspects: ASPECT_IDS,
  mediaProps: [],
  component: () => import('./HijriCountdown'),
  presetProps: (preset) => {
    const { pageTransition: _unused, ...look } = pageLookFromPreset(preset);
    return look;
  },
  calculateMetadata: ({ props, compositionId }) => {
    const { width, height } = ASPECTS[aspectOfCompositionId(compositionId)];
    return { durationInFrames: Math.round(countdownSeconds(props) * FPS), fps: FPS, width, height };
  },
});
