// CinematicMontage props and plan: defaults, typed-text guard, beat-cut lengths, the end card.
import { describe, expect, it } from 'vitest';
import { cinematicMontageDefaults as defaults, cinematicMontageSchema } from './schema';
import { montagePlan } from './plan';

describe('cinematicMontageSchema', () => {
  it('accepts the defaults (procedural shots, no media needed)', () => {
    expect(cinematicMontageSchema.safeParse(defaults).success).toBe(true);
  });

  it('refuses Qur\'anic marks in typed text, naming the field', () => {
    const result = cinematicMontageSchema.safeParse({ ...defaults, title: 'فَإِنَّ مَعَ ٱلۡعُسۡرِ يُسۡرًا ۝٥' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['title']);
    expect(result.error!.issues[0]!.message).toMatch(/verse reference/);
  });

  it('names the shot field of a bad shot', () => {
    const result = cinematicMontageSchema.safeParse({ ...defaults, shots: [{ kind: 'image', src: '', motion: 'push-in', fit: 'cover', durationSec: 3 }] });
    expect(result.error!.issues[0]!.path).toEqual(['shots', 0, 'src']);
  });
});

describe('montagePlan', () => {
  it('adds the end card and sums the shot lengths', () => {
    const plan = montagePlan(defaults, 30);
    expect(plan.sequences.map((s) => s.isEndCard)).toEqual([false, false, false, true]);
    expect(plan.totalFrames).toBe((4 + 4 + 4 + 3) * 30);
    expect(plan.titleFrames).toBe(105);
  });

  it('cuts on the beat', () => {
    const props = { ...defaults, endCard: '', cutTiming: { mode: 'beats' as const, beatsSec: [0, 0.5, 1, 1.5, 2, 2.5, 3], beatsPerShot: 2 } };
    expect(montagePlan(props, 30).totalFrames).toBe(90);
  });

  it('says how many beats are missing', () => {
    const props = { ...defaults, cutTiming: { mode: 'beats' as const, beatsSec: [0, 1, 2], beatsPerShot: 2 } };
    expect(() => montagePlan(props, 30)).toThrow('cutTiming.beatsSec: 3 shots of 2 beats need 7 beat times; 3 given');
  });
});
