// CinematicMontage props: a sequence of shots (images, video clips or
// procedural scenes) cut by durations or on the beat, joined by a
// transition, with a title over the opening and an end card. Its text is
// typed (titles, calls to action), so it must never carry Qur'anic text.
// Node-safe: the CLI validates with it.
import { z } from 'zod';
import { SCENE_IDS } from '../backgrounds/scenes';
import { transitionSchema } from '../transitions/spec';
import { KEN_BURNS_FITS } from '../effects/ken-burns';
import { typedText } from '../quran/typed-text';
import { designProps, lookDefaults, lookProps, soundProps } from '../template-props';

export const SHOT_MOTIONS = ['push-in', 'pull-out', 'pan-left', 'pan-right', 'still'] as const;

const typed = (max: number, what: string) => typedText(max).describe(what);

const duration = z.number().min(0.5).max(20).describe('Seconds on screen (ignored when cutting on the beat)');

export const shotSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('scene'),
    scene: z.enum(SCENE_IDS).describe('A procedural sky; needs no media'),
    durationSec: duration,
  }),
  z.object({
    kind: z.literal('image'),
    src: z.string().min(1).describe('An image file (path or URL)'),
    motion: z.enum(SHOT_MOTIONS).describe('Ken Burns move across the shot'),
    fit: z.enum(KEN_BURNS_FITS),
    durationSec: duration,
  }),
  z.object({
    kind: z.literal('video'),
    src: z.string().min(1).describe('A video file (path or URL)'),
    startSec: z.number().min(0).describe('Where in the clip the shot starts'),
    fit: z.enum(KEN_BURNS_FITS),
    durationSec: duration,
  }),
]);

export type Shot = z.infer<typeof shotSchema>;

export const cinematicMontageSchema = z.object({
  title: typed(80, 'Title over the opening shot'),
  subtitle: typed(120, 'Smaller line under the title (optional)'),
  titleSec: z.number().min(1).max(10).describe('How long the title stays'),
  endCard: typed(120, 'Text of the closing card (optional; empty for none)'),
  endCardSec: z.number().min(0).max(10),
  shots: z.array(shotSchema).min(1).max(30),
  cutTiming: z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('durations') }),
    z.object({
      mode: z.literal('beats'),
      beatsSec: z.array(z.number().min(0)).min(2).describe('Beat times in seconds (e.g. from style analysis)'),
      beatsPerShot: z.number().int().min(1).max(32),
    }),
  ]),
  transition: transitionSchema.describe('Between shots'),
  scene: lookProps.scene.describe('Scene of the end card, and the ink of the titles'),
  gradeAdjust: lookProps.gradeAdjust,
  splitTone: lookProps.splitTone,
  dust: lookProps.dust,
  grain: lookProps.grain,
  vignette: lookProps.vignette,
  lightLeak: z.number().min(0).max(1).step(0.05).describe('Warm film light leaking in from an edge, 0 for none'),
  letterbox: z.number().min(1).max(3).nullable().describe('Bars for a wider ratio, e.g. 2.39; null for none'),
  textColor: lookProps.textColor,
  textAnimation: lookProps.textAnimation,
  ...soundProps,
  ...designProps,
});

export type CinematicMontageProps = z.infer<typeof cinematicMontageSchema>;

export const cinematicMontageDefaults: CinematicMontageProps = {
  title: 'Moments of stillness',
  subtitle: 'A reminder for the heart',
  titleSec: 3.5,
  endCard: 'Share this with someone you love',
  endCardSec: 3,
  shots: [
    { kind: 'scene', scene: 'night', durationSec: 4 },
    { kind: 'scene', scene: 'dawn', durationSec: 4 },
    { kind: 'scene', scene: 'golden', durationSec: 4 },
  ],
  cutTiming: { mode: 'durations' },
  transition: { type: 'dissolve', durationSec: 1, easing: 'ease-in-out', direction: 'from-right' },
  scene: 'night',
  ...lookDefaults,
  grain: 0.3,
  vignette: 0.5,
  lightLeak: 0.35,
  letterbox: null,
  textColor: null,
  textAnimation: 'blur-in',
  backgroundAudio: 'auto',
  musicMood: 'reflective',
  noInstrumentalMusic: true,
  musicVolume: 0.5,
  showSafeZones: false,
  seed: 11,
};
