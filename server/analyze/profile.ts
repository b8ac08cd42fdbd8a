// StyleProfile: what style analysis learns from a reference video, as a
// versioned zod schema. It is the seam between analysis (server/analyze/*)
// and applyStyle (the props of a template). The fields named in the product
// contract (version, source, shots, transitions, color, text, audio) keep their
// names and meaning; everything else is additive. A part that could not be
// measured is null (with a reason in `warnings`), never invented.
import { z } from 'zod';
import { gradeSchema } from '../../compositions/effects/grade';

export const STYLE_PROFILE_VERSION = 1;

const sec = z.number().min(0);
const unit = z.number().min(0).max(1);
const hex = z.string().regex(/^#[0-9a-f]{6}$/, 'a colour as #rrggbb');

export const TRANSITION_KINDS = ['cut', 'dissolve', 'fade_to_black', 'fade_from_black', 'wipe'] as const;
export const TEXT_ENTRANCES = ['fade', 'slide', 'typewriter', 'pop', 'none'] as const;
export const CAMERA_MOTIONS = ['static', 'pan', 'tilt', 'zoom'] as const;
export const TEMPERATURES = ['warm', 'neutral', 'cool'] as const;

export const letterboxSchema = z.object({ top: z.number().int().min(0), bottom: z.number().int().min(0) }).nullable();

/** The colour of a whole video or of one shot. */
export const colorStatsSchema = z.object({
  palette: z.array(z.object({ hex, weight: unit })).describe('Dominant colours, weights summing to ~1'),
  meanLuma: unit,
  contrast: unit.describe('Spread of luma: (p95 - p5)'),
  saturation: unit.describe('Mean HSV saturation'),
  temperature: z.enum(TEMPERATURES),
  /** Signed warmth: (mean R - mean B) in 0..1 units; > 0 warm, < 0 cool. */
  warmth: z.number().min(-1).max(1),
  /** Mean colour of the darkest and brightest 20% of pixels, luma removed (a split tone). */
  shadowTint: hex,
  highlightTint: hex,
});

export const colorSchema = colorStatsSchema.extend({
  letterbox: letterboxSchema.describe('Black bars in source pixels, or null when there are none'),
  /** A grade for the effects library that moves a neutral image toward this look. */
  grade: gradeSchema,
});

export const compositionSchema = z.object({
  /** Centre of the salient mass, 0..1 of the frame. */
  salient: z.object({ x: unit, y: unit }),
  /** Nearest thirds intersection (or 'center') to the salient mass. */
  thirds: z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right', 'center']),
  motion: z.enum(CAMERA_MOTIONS),
  /** Direction of the motion: left/right (pan), up/down (tilt), in/out (zoom), null when static. */
  direction: z.enum(['left', 'right', 'up', 'down', 'in', 'out']).nullable(),
  /** Frame widths per second for pan/tilt; relative scale change per second for zoom. */
  speed: z.number().min(0),
});

export const shotSchema = z.object({
  start: sec,
  end: sec,
  color: colorStatsSchema.nullable().optional(),
  composition: compositionSchema.nullable().optional(),
});

export const transitionSchema = z.object({
  type: z.enum(TRANSITION_KINDS),
  start: sec,
  duration: sec,
});

export const pacingSchema = z.object({
  shotCount: z.number().int().min(0),
  meanShotSec: sec,
  stdShotSec: sec,
  medianShotSec: sec,
  cutsPerMinute: z.number().min(0),
});

export const textBoxSchema = z.object({ x: unit, y: unit, w: unit, h: unit });

export const textSchema = z.object({
  start: sec,
  end: sec,
  box: textBoxSchema,
  entrance: z.enum(TEXT_ENTRANCES),
  words: z.string().nullable().optional().describe('OCR of the text, when available'),
});

export const audioSchema = z.object({
  hasMusic: z.boolean(),
  bpm: z.number().positive().nullable(),
  beats: z.array(sec).optional(),
  loudnessLufs: z.number().nullable(),
  loudnessRange: z.number().min(0).nullable().optional(),
  hasSpeech: z.boolean().optional(),
  mood: z.string(),
  /** The measured features the mood label was chosen from. */
  moodFeatures: z.record(z.string(), z.number()).optional(),
  /** Curves sampled every `curveStepSec`: RMS energy 0..1, spectral brightness (centroid, Hz), short-term loudness (LUFS). */
  curveStepSec: z.number().positive().optional(),
  energy: z.array(z.number()).optional(),
  brightness: z.array(z.number()).optional(),
  loudness: z.array(z.number()).optional(),
});

export const styleProfileSchema = z.object({
  version: z.literal(STYLE_PROFILE_VERSION),
  source: z.object({
    file: z.string().optional(),
    durationSec: sec,
    /** 0 when the file has no video stream (audio only). */
    width: z.number().int().min(0),
    height: z.number().int().min(0),
    fps: z.number().min(0),
    /** Seconds actually analysed (less than durationSec when the input is longer than the limit). */
    analyzedSec: sec.optional(),
    hasAudio: z.boolean(),
  }),
  shots: z.array(shotSchema),
  pacing: pacingSchema.nullable().optional(),
  transitions: z.array(transitionSchema),
  color: colorSchema.nullable(),
  /** Mean luma per sampled frame (for the report's curve), every `lumaStepSec`. */
  luma: z.object({ stepSec: z.number().positive(), values: z.array(unit) }).optional(),
  text: z.array(textSchema),
  audio: audioSchema.nullable(),
  /** Parts that could not be measured and why (e.g. "audio: the file has no audio stream"). */
  warnings: z.array(z.string()).default([]),
  analyzedAt: z.string().optional(),
  analysisSec: z.number().min(0).optional(),
});

export type StyleProfile = z.infer<typeof styleProfileSchema>;
export type ColorStats = z.infer<typeof colorStatsSchema>;
export type ColorProfile = z.infer<typeof colorSchema>;
export type Shot = z.infer<typeof shotSchema>;
export type ShotComposition = z.infer<typeof compositionSchema>;
export type ShotTransition = z.infer<typeof transitionSchema>;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];
export type Pacing = z.infer<typeof pacingSchema>;
export type TextAppearance = z.infer<typeof textSchema>;
export type TextEntrance = (typeof TEXT_ENTRANCES)[number];
export type AudioProfile = z.infer<typeof audioSchema>;
