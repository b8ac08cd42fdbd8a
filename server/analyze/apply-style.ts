// applyStyle: turns a StyleProfile into props for a template, so a new video
// carries the reference's look. Pure and Node-safe. Each mapping is a rule
// that can be read and explained (the `notes` say what was taken from where);
// a template only receives props it has, and a part the profile lacks leaves
// the template's own choice alone. It never touches the text a video shows
// (the verse stays a reference) nor the "no instrumental music" setting.
import { SCENE_IDS, SCENES, type SceneId } from '../../compositions/backgrounds/scenes';
import { applyMatrix, gradeToMatrix, parseColor, type Grade } from '../../compositions/effects/grade';
import { splitToneDefaults, type SplitToneParams } from '../../compositions/effects/split-tone';
import { TRACK_MOODS, type TrackMood } from '../../compositions/audio/catalog';
import type { TextAnimationId } from '../../compositions/text/animations';
import { MAX_TRANSITION_SEC, type Transition, type TransitionType } from '../../compositions/transitions/spec';
import type { Template } from '../../compositions/template';
import type { ShotComposition, StyleProfile, TextEntrance, TransitionKind } from './profile';
import { rgbHex } from './palette';
import { median } from './stats';

export interface StyleMapping {
  props: Record<string, unknown>;
  /** One line per prop set: what it became and which measurement chose it. */
  notes: string[];
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const round = (v: number, step = 0.05) => +(Math.round(v / step) * step).toFixed(3);
const mostCommon = <T>(values: readonly T[]): T | undefined => {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
};

const TRANSITION_OF: Record<TransitionKind, TransitionType> = {
  cut: 'cut',
  dissolve: 'dissolve',
  fade_to_black: 'fade-through-black',
  fade_from_black: 'fade-through-black',
  wipe: 'wipe',
};

const ANIMATION_OF: Record<Exclude<TextEntrance, 'none'>, TextAnimationId> = {
  fade: 'fade',
  slide: 'slide',
  typewriter: 'typewriter',
  pop: 'pop',
};

/** The mean colour of a scene's sky after its own grade, in 0..1 RGB. */
function sceneColor(id: SceneId): [number, number, number] {
  const scene = SCENES[id];
  const matrix = gradeToMatrix(scene.grade);
  const colors = scene.sky.map((c) => applyMatrix(matrix, parseColor(c).slice(0, 3) as [number, number, number]));
  return [0, 1, 2].map((i) => colors.reduce((s, c) => s + c[i]!, 0) / colors.length) as [number, number, number];
}

/** The procedural scene nearest the reference's palette (weighted mean colour, luma counted twice). */
export function nearestScene(palette: ReadonlyArray<{ hex: string; weight: number }>): SceneId {
  const total = palette.reduce((s, p) => s + p.weight, 0) || 1;
  const mean = [0, 1, 2].map((i) => palette.reduce((s, p) => s + parseColor(p.hex)[i]! * p.weight, 0) / total);
  const luma = (c: readonly number[]) => 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
  let best: SceneId = 'night';
  let bestDistance = Infinity;
  for (const id of SCENE_IDS) {
    const c = sceneColor(id);
    const d = c.reduce((s, v, i) => s + (v - mean[i]!) ** 2, 0) + 2 * (luma(c) - luma(mean)) ** 2;
    if (d < bestDistance) {
      bestDistance = d;
      best = id;
    }
  }
  return best;
}

/** What to add to a scene's own grade so the result lands half-way to the measured grade (the scene's colours already carry part of the look). */
export function gradeAdjustFor(measured: Grade, scene: SceneId): Grade {
  const own = SCENES[scene].grade;
  const k = (key: keyof Grade) => round(clamp((measured[key] - own[key]) * 0.5, -1, 1));
  return { exposure: k('exposure'), contrast: k('contrast'), saturation: k('saturation'), temperature: k('temperature'), tint: k('tint') };
}

const hexOf = (c: readonly number[]) => rgbHex(c[0]! * 255, c[1]! * 255, c[2]! * 255);

/**
 * A split tone from the measured shadow and highlight tints (mid-grey
 * colours). Only their hue is used: the shadow colour keeps its chroma above
 * its lowest channel (a 'screen' of it lifts nothing neutral), the highlight
 * colour is scaled to a peak of 1 (a 'multiply' of it darkens nothing
 * neutral). Strength grows with how coloured the tints are.
 */
export function splitToneFor(shadowTint: string, highlightTint: string): SplitToneParams {
  const s = parseColor(shadowTint).slice(0, 3);
  const h = parseColor(highlightTint).slice(0, 3);
  const chroma = (c: readonly number[]) => Math.max(...c) - Math.min(...c);
  const lowest = Math.min(...s);
  const shadowHue = s.map((v) => (v - lowest) / Math.max(1e-6, chroma(s)));
  const highlightHue = h.map((v) => v / Math.max(1e-6, ...h));
  const strength = round(clamp((chroma(s) + chroma(h)) * 1.2, 0, 0.8));
  if (strength === 0) return { ...splitToneDefaults, strength: 0 };
  return { ...splitToneDefaults, shadows: hexOf(shadowHue), highlights: hexOf(highlightHue), strength };
}

/** The reference's most used gradual transition (or cut when it only cuts), at its median length. */
export function transitionFor(profile: StyleProfile, fallback: Transition): Transition | null {
  const gradual = profile.transitions.filter((t) => t.type !== 'cut');
  const cuts = profile.transitions.length - gradual.length;
  if (profile.transitions.length === 0) return null;
  if (gradual.length === 0 || cuts > gradual.length * 2) return { ...fallback, type: 'cut', durationSec: 0 };
  const kind = mostCommon(gradual.map((t) => TRANSITION_OF[t.type]))!;
  const durations = gradual.filter((t) => TRANSITION_OF[t.type] === kind).map((t) => t.duration);
  return { ...fallback, type: kind, durationSec: round(clamp(median(durations), 0.2, MAX_TRANSITION_SEC)) };
}

/** A mood the music library knows, from the measured label. */
export function trackMoodFor(mood: string): TrackMood | null {
  if ((TRACK_MOODS as readonly string[]).includes(mood)) return mood as TrackMood;
  if (mood === 'energetic') return 'hopeful';
  return null;
}

const MOTION_OF: Record<string, string> = { 'zoom:in': 'push-in', 'zoom:out': 'pull-out', 'pan:left': 'pan-left', 'pan:right': 'pan-right' };

/** The Ken Burns move of a montage image shot that echoes a shot's camera motion. */
export const shotMotionFor = (c: ShotComposition | null | undefined): string =>
  c && c.motion !== 'static' ? (MOTION_OF[`${c.motion}:${c.direction}`] ?? 'still') : 'still';

/** The measured beats, continued at the measured period until there are `count` (a montage may outlast its reference). */
export function extendBeats(beats: readonly number[], period: number, count: number): number[] {
  const grid = [...beats];
  while (grid.length < count) grid.push(+(grid.at(-1)! + period).toFixed(3));
  return grid;
}

export function styleMapping(profile: StyleProfile, template: Template): StyleMapping {
  const has = (prop: string) => prop in (template.defaultProps as Record<string, unknown>);
  const defaults = template.defaultProps as Record<string, unknown>;
  const props: Record<string, unknown> = {};
  const notes: string[] = [];
  const set = (prop: string, value: unknown, why: string) => {
    if (!has(prop)) return;
    props[prop] = value;
    notes.push(`${prop} = ${JSON.stringify(value)} (${why})`);
  };

  if (profile.color) {
    const { color } = profile;
    const scene = nearestScene(color.palette);
    set('scene', scene, `nearest scene to the palette ${color.palette.slice(0, 3).map((p) => p.hex).join(' ')}`);
    const baseScene = (props.scene as SceneId | undefined) ?? (defaults.scene as SceneId | undefined) ?? 'night';
    set('gradeAdjust', gradeAdjustFor(color.grade, baseScene), `measured ${color.temperature} grade, luma ${color.meanLuma.toFixed(2)}, saturation ${color.saturation.toFixed(2)}`);
    set('splitTone', splitToneFor(color.shadowTint, color.highlightTint), `shadows ${color.shadowTint}, highlights ${color.highlightTint}`);
    if (color.letterbox && profile.source.height > 0) {
      const picture = profile.source.height - color.letterbox.top - color.letterbox.bottom;
      const ratio = round(clamp(profile.source.width / Math.max(1, picture), 1, 3), 0.01);
      set('letterbox', ratio, `bars of ${color.letterbox.top}+${color.letterbox.bottom} px on ${profile.source.width}×${profile.source.height}`);
    }
  }

  const transitionProp = has('pageTransition') ? 'pageTransition' : 'transition';
  const transition = transitionFor(profile, (defaults[transitionProp] as Transition | undefined) ?? { type: 'dissolve', durationSec: 0.8, easing: 'ease-in-out', direction: 'from-right' });
  if (transition) set(transitionProp, transition, `${profile.transitions.length} transitions measured`);

  const entrance = mostCommon(profile.text.map((t) => t.entrance).filter((e): e is Exclude<TextEntrance, 'none'> => e !== 'none'));
  if (entrance) set('textAnimation', ANIMATION_OF[entrance], `most on-screen text enters by ${entrance}`);

  if (profile.audio) {
    const mood = trackMoodFor(profile.audio.mood);
    if (mood) set('musicMood', mood, `measured mood "${profile.audio.mood}"`);
    else if (profile.audio.mood === 'silent') set('backgroundAudio', 'none', 'the reference is silent');
  }

  if (has('shots') && has('cutTiming') && profile.pacing && profile.shots.length > 0) {
    const shots = (defaults.shots as Array<Record<string, unknown>>).map((shot, i) => {
      const ref = profile.shots[i % profile.shots.length]!;
      const durationSec = round(clamp(ref.end - ref.start, 0.5, 20), 0.1);
      return shot.kind === 'image' ? { ...shot, durationSec, motion: shotMotionFor(ref.composition) } : { ...shot, durationSec };
    });
    set('shots', shots, `shot lengths of the reference (mean ${profile.pacing.meanShotSec.toFixed(2)} s ± ${profile.pacing.stdShotSec.toFixed(2)})`);
    const beats = profile.audio?.beats ?? [];
    if (profile.audio?.bpm && beats.length >= 2) {
      const beatsPerShot = Math.round(clamp(profile.pacing.meanShotSec / (60 / profile.audio.bpm), 1, 32));
      const grid = extendBeats(beats, 60 / profile.audio.bpm, shots.length * beatsPerShot + 1);
      set('cutTiming', { mode: 'beats', beatsSec: grid, beatsPerShot }, `${profile.audio.bpm.toFixed(1)} BPM, a cut every ${beatsPerShot} beats like the reference`);
    }
  } else if (has('pace') && profile.pacing && profile.pacing.shotCount > 1) {
    // Quicker cuts → a little brisker reading, never rushed: 0.85..1.25 of the normal reading time.
    set('pace', round(clamp(profile.pacing.meanShotSec / 3.5, 0.85, 1.25)), `reference shots last ${profile.pacing.meanShotSec.toFixed(2)} s on average`);
  }
  return { props, notes };
}

/** The props a StyleProfile sets on a template (see styleMapping for the reasons). */
export const applyStyle = (profile: StyleProfile, template: Template): Record<string, unknown> => styleMapping(profile, template).props;
