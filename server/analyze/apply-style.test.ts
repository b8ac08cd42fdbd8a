// applyStyle on hand-made profiles: each measurement lands on the prop it
// should (transitions, grade, split tone, text entrance, mood, pacing and
// beats, letterbox), the result validates against every template's schema,
// props a template does not have are never set, and a bare profile sets
// nothing it did not measure.
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../compositions/registry';
import { SCENES } from '../../compositions/backgrounds/scenes';
import type { Template } from '../../compositions/template';
import { resolveProps } from '../render/props';
import { applyStyle, nearestScene, splitToneFor, styleMapping, transitionFor } from './apply-style';
import { styleProfileSchema, type StyleProfile } from './profile';

const bare: StyleProfile = styleProfileSchema.parse({
  version: 1,
  source: { durationSec: 12, width: 1920, height: 1080, fps: 30, hasAudio: true },
  shots: [{ start: 0, end: 12 }],
  transitions: [],
  color: null,
  text: [],
  audio: null,
});

const warm: StyleProfile = {
  ...bare,
  shots: [
    { start: 0, end: 1.5, composition: { salient: { x: 0.3, y: 0.4 }, thirds: 'top-left', motion: 'zoom', direction: 'in', speed: 0.1 } },
    { start: 1.5, end: 3, composition: { salient: { x: 0.6, y: 0.5 }, thirds: 'center', motion: 'pan', direction: 'left', speed: 0.2 } },
    { start: 3, end: 4.5 },
    { start: 4.5, end: 6 },
  ],
  pacing: { shotCount: 4, meanShotSec: 1.5, stdShotSec: 0, medianShotSec: 1.5, cutsPerMinute: 30 },
  transitions: [
    { type: 'cut', start: 1.5, duration: 0 },
    { type: 'dissolve', start: 2.6, duration: 0.8 },
    { type: 'dissolve', start: 4.1, duration: 1.2 },
  ],
  color: {
    palette: [
      { hex: '#e9a95c', weight: 0.5 },
      { hex: '#b8692a', weight: 0.3 },
      { hex: '#5a2c10', weight: 0.2 },
    ],
    meanLuma: 0.55,
    contrast: 0.6,
    saturation: 0.5,
    temperature: 'warm',
    warmth: 0.2,
    shadowTint: '#5a4030',
    highlightTint: '#ffd9a0',
    letterbox: { top: 140, bottom: 140 },
    grade: { exposure: 0.1, contrast: 0.1, saturation: 0.2, temperature: 0.5, tint: 0 },
  },
  text: [
    { start: 0.5, end: 3, box: { x: 0.1, y: 0.4, w: 0.8, h: 0.1 }, entrance: 'typewriter' },
    { start: 3.5, end: 5, box: { x: 0.1, y: 0.4, w: 0.8, h: 0.1 }, entrance: 'typewriter' },
    { start: 5, end: 6, box: { x: 0.1, y: 0.7, w: 0.8, h: 0.1 }, entrance: 'fade' },
  ],
  audio: { hasMusic: true, bpm: 120, beats: [0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4], loudnessLufs: -14, mood: 'energetic' },
};

const byId = (id: string) => (TEMPLATES as readonly Template[]).find((t) => t.id === id)!;

describe('applyStyle', () => {
  it('maps the measured look onto a verse reel', () => {
    const props = applyStyle(warm, byId('verse-reel'));
    expect(props.pageTransition).toMatchObject({ type: 'dissolve', durationSec: 1 });
    expect(props.textAnimation).toBe('typewriter');
    expect(props.musicMood).toBe('hopeful'); // energetic → the library's liveliest mood
    expect(props.scene).toBe('golden');
    // Half-way from the golden scene's own grade to the measured one.
    const golden = SCENES.golden.grade;
    const adjust = props.gradeAdjust as Record<string, number>;
    for (const key of ['exposure', 'contrast', 'saturation', 'temperature', 'tint'] as const) {
      expect(Math.abs(adjust[key]! - (warm.color!.grade[key] - golden[key]) / 2)).toBeLessThanOrEqual(0.025 + 1e-9); // rounded to 0.05 steps
    }
    // Warm shadows (#5a4030) and warm highlights (#ffd9a0): both tones lean red over blue, neutral parts removed.
    const tone = props.splitTone as { shadows: string; highlights: string; strength: number };
    expect(tone.shadows).toBe('#ff6100');
    expect(tone.highlights).toBe('#ffd9a0');
    expect(tone.strength).toBeGreaterThan(0.2);
    expect(props.pace).toBeGreaterThanOrEqual(0.85);
    expect(props).not.toHaveProperty('letterbox'); // a verse reel has no letterbox prop
    expect(props).not.toHaveProperty('reference'); // the text is never touched
    expect(props).not.toHaveProperty('noInstrumentalMusic');
  });

  it('cuts a montage on the beat at the reference\'s pace, with its bars and camera moves', () => {
    const { props, notes } = styleMapping(warm, byId('cinematic-montage'));
    // 1.5 s shots at 0.5 s a beat; 3 shots of 3 beats need 10 beat times: the nine measured, then one more at the measured period.
    expect(props.cutTiming).toEqual({ mode: 'beats', beatsSec: [...warm.audio!.beats!, 4.5], beatsPerShot: 3 });
    expect(props.letterbox).toBeCloseTo(1920 / 800, 2);
    expect(props.transition).toMatchObject({ type: 'dissolve' });
    expect((props.shots as Array<{ durationSec: number }>).every((s) => s.durationSec === 1.5)).toBe(true);
    expect(notes.some((n) => n.startsWith('cutTiming') && n.includes('120.0 BPM'))).toBe(true);
  });

  it('gives props every template accepts', async () => {
    for (const template of TEMPLATES as readonly Template[]) {
      await expect(resolveProps(template, { style: applyStyle(warm, template) })).resolves.toBeTruthy();
    }
  });

  it('sets nothing it did not measure', () => {
    expect(applyStyle(bare, byId('verse-reel'))).toEqual({});
  });

  it('turns a silent reference into silence, and keeps cuts as cuts', () => {
    const silentCuts: StyleProfile = {
      ...bare,
      transitions: [1, 2, 3].map((s) => ({ type: 'cut' as const, start: s, duration: 0 })),
      audio: { hasMusic: false, bpm: null, loudnessLufs: null, mood: 'silent' },
    };
    const props = applyStyle(silentCuts, byId('reminder-card'));
    expect(props.backgroundAudio).toBe('none');
    expect(props.pageTransition).toMatchObject({ type: 'cut' });
  });

  it('maps fades through black and wipes', () => {
    const fallback = { type: 'dissolve' as const, durationSec: 1, easing: 'ease-in-out' as const, direction: 'from-right' as const };
    expect(transitionFor({ ...bare, transitions: [{ type: 'fade_to_black', start: 1, duration: 0.5 }, { type: 'fade_from_black', start: 1.5, duration: 0.5 }] }, fallback)).toMatchObject({
      type: 'fade-through-black',
      durationSec: 0.5,
    });
    expect(transitionFor({ ...bare, transitions: [{ type: 'wipe', start: 1, duration: 0.4 }] }, fallback)).toMatchObject({ type: 'wipe', durationSec: 0.4 });
  });

  it('picks the scene by palette and the split-tone strength by how coloured the tints are', () => {
    expect(nearestScene([{ hex: '#0a1430', weight: 1 }])).toBe('night');
    expect(nearestScene([{ hex: '#f3ede0', weight: 1 }])).toBe('minimal');
    expect(splitToneFor('#808080', '#808080').strength).toBe(0);
    const tealOrange = splitToneFor('#5c8088', '#a08060');
    expect(tealOrange.shadows).toBe('#00d1ff'); // teal-blue hue, no grey left to lift the blacks
    expect(tealOrange.highlights).toBe('#ffcc99');
    expect(splitToneFor('#1f6f8b', '#ffb35c').strength).toBeGreaterThan(0.3);
  });
});
