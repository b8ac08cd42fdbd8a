// The CinematicMontage template definition (see ../template.ts).
import { defineTemplate } from '../template';
import { pageLookFromPreset } from '../presets';
import { ASPECT_IDS, ASPECTS, aspectOfCompositionId } from '../layout/aspects';
import { cinematicMontageDefaults, cinematicMontageSchema } from './schema';
import { montagePlan } from './plan';

const FPS = 30;

export const cinematicMontage = defineTemplate({
  id: 'cinematic-montage',
  name: 'CinematicMontage',
  description: 'Shots (images, clips or procedural skies) cut by durations or on the beat, with transitions, a title and an end card',
  schema: cinematicMontageSchema,
  defaultProps: cinematicMontageDefaults,
  fps: FPS,
  defaultDurationInFrames: 450,
  aspects: ASPECT_IDS,
  mediaProps: ['shots.*.src'],
  component: () => import('./CinematicMontage'),
  presetProps: (preset) => {
    const { pageTransition, ...look } = pageLookFromPreset(preset);
    return { ...look, transition: pageTransition };
  },
  calculateMetadata: ({ props, compositionId }) => {
    const { width, height } = ASPECTS[aspectOfCompositionId(compositionId)];
    return { durationInFrames: montagePlan(props, FPS).totalFrames, fps: FPS, width, height };
  },
});
