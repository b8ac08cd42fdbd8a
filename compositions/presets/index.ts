// Named style presets: a look (scene, grade, split tone, dust, grain, vignette, text animation,
// transition, music mood) stored as data in presets.json and validated by
// zod when loaded. Templates map a preset onto their own props with
// `presetProps`; `noor render --preset NAME` applies one.
import { z } from 'zod';
import data from './presets.json';
import { gradeSchema } from '../effects/grade';
import { splitToneDefaults, splitToneSchema } from '../effects/split-tone';
import { dustDefaults, dustSchema } from '../effects/dust';
import { SCENE_IDS } from '../backgrounds/scenes';
import { TEXT_ANIMATION_IDS } from '../text/animations';
import { transitionSchema } from '../transitions/spec';
import { TRACK_MOODS } from '../audio/catalog';

export const presetSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be kebab-case'),
  name: z.string().min(1),
  description: z.string().min(1),
  scene: z.enum(SCENE_IDS),
  grade: gradeSchema,
  splitTone: splitToneSchema.default(splitToneDefaults),
  dust: dustSchema.default(dustDefaults),
  grain: z.number().min(0).max(1),
  vignette: z.number().min(0).max(1),
  textAnimation: z.enum(TEXT_ANIMATION_IDS),
  transition: transitionSchema,
  musicMood: z.enum(TRACK_MOODS),
});

export type Preset = z.infer<typeof presetSchema>;

/** Validates a list of presets, naming the preset and field of every problem. */
export function parsePresets(input: unknown): Preset[] {
  const result = z.array(presetSchema).safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `presets[${i.path.join('.')}]: ${i.message}`).join('; ');
    throw new Error(`Invalid presets: ${issues}`);
  }
  const ids = result.data.map((p) => p.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) throw new Error(`Invalid presets: the id "${duplicate}" is used twice`);
  return result.data;
}

export const PRESETS: readonly Preset[] = parsePresets(data);

export class UnknownPresetError extends Error {
  override readonly name = 'UnknownPresetError';
}

export function findPreset(id: string): Preset {
  const preset = PRESETS.find((p) => p.id === id.trim().toLowerCase());
  if (!preset) {
    throw new UnknownPresetError(`--preset: unknown preset "${id}"; available: ${PRESETS.map((p) => p.id).join(', ')}`);
  }
  return preset;
}

/** What a preset sets on a template of timed text pages (verse reels, cards). */
export function pageLookFromPreset(preset: Preset) {
  return {
    scene: preset.scene,
    gradeAdjust: preset.grade,
    splitTone: preset.splitTone,
    dust: preset.dust,
    grain: preset.grain,
    vignette: preset.vignette,
    textAnimation: preset.textAnimation,
    pageTransition: preset.transition,
    musicMood: preset.musicMood,
    backgroundAudio: 'auto' as const,
  };
}
