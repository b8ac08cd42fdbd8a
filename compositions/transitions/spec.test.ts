// Transition specs: schema errors name the field and the reason, frame counts
// per type at 30 fps (a cut is 0), and makeTransition's timing and easing.
import { describe, expect, it } from 'vitest';
import { makeTransition, TRANSITION_TYPES, transitionFrames, transitionSchema, type Transition } from '.';

const valid: Transition = { type: 'dissolve', durationSec: 1, easing: 'ease-in-out', direction: 'from-left' };

const firstIssue = (input: unknown) => {
  const result = transitionSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues[0]!;
};

describe('transitionSchema', () => {
  it('accepts every type, easing and direction', () => {
    for (const type of TRANSITION_TYPES) expect(transitionSchema.parse({ ...valid, type }).type).toBe(type);
    for (const easing of ['linear', 'ease-in-out', 'ease-out', 'ease-in'] as const) {
      expect(transitionSchema.parse({ ...valid, easing }).easing).toBe(easing);
    }
    for (const direction of ['from-left', 'from-right', 'from-top', 'from-bottom'] as const) {
      expect(transitionSchema.parse({ ...valid, direction }).direction).toBe(direction);
    }
  });

  it('names the field for an unknown type', () => {
    const issue = firstIssue({ ...valid, type: 'spin' });
    expect(issue.path).toEqual(['type']);
    expect(issue.message).toMatch(/^type must be one of 'cut', 'dissolve', .*'zoom-blur'$/);
  });

  it('names the field for an out-of-range or non-numeric duration', () => {
    expect(firstIssue({ ...valid, durationSec: 3.5 })).toMatchObject({ path: ['durationSec'], message: 'durationSec must be at most 3 seconds' });
    expect(firstIssue({ ...valid, durationSec: -0.1 })).toMatchObject({ path: ['durationSec'], message: 'durationSec must be at least 0 seconds' });
    expect(firstIssue({ ...valid, durationSec: '1s' })).toMatchObject({ path: ['durationSec'], message: 'durationSec must be a number of seconds' });
  });

  it('names the field for an unknown easing or direction', () => {
    expect(firstIssue({ ...valid, easing: 'bounce' }).path).toEqual(['easing']);
    expect(firstIssue({ ...valid, easing: 'bounce' }).message).toMatch(/^easing must be one of /);
    expect(firstIssue({ ...valid, direction: 'from-top-left' }).path).toEqual(['direction']);
    expect(firstIssue({ ...valid, direction: 'from-top-left' }).message).toMatch(/^direction must be one of /);
  });

  it('describes every field for the Studio editor', () => {
    for (const [name, field] of Object.entries(transitionSchema.shape)) expect(field.description, name).toBeTruthy();
  });
});

describe('transitionFrames', () => {
  it('is durationSec × fps for every type but cut, which is 0', () => {
    const expected: Record<Transition['type'], number> = {
      cut: 0,
      dissolve: 30,
      'fade-through-black': 30,
      wipe: 30,
      slide: 30,
      'zoom-blur': 30,
    };
    for (const type of TRANSITION_TYPES) expect(transitionFrames({ ...valid, type }, 30), type).toBe(expected[type]);
  });

  it('rounds to whole frames', () => {
    expect(transitionFrames({ ...valid, durationSec: 0.5 }, 30)).toBe(15);
    expect(transitionFrames({ ...valid, durationSec: 0.25 }, 30)).toBe(8);
    expect(transitionFrames({ ...valid, durationSec: 3 }, 30)).toBe(90);
    expect(transitionFrames({ ...valid, durationSec: 0 }, 30)).toBe(0);
  });
});

describe('makeTransition', () => {
  it('is null for a cut and for a zero-length transition', () => {
    expect(makeTransition({ ...valid, type: 'cut', durationSec: 2 }, 30)).toBeNull();
    expect(makeTransition({ ...valid, durationSec: 0 }, 30)).toBeNull();
  });

  it('times every other type over its frames with the chosen easing', () => {
    for (const type of TRANSITION_TYPES.filter((t) => t !== 'cut')) {
      const made = makeTransition({ ...valid, type, easing: 'linear' }, 30);
      expect(made, type).not.toBeNull();
      expect(made!.timing.getDurationInFrames({ fps: 30 })).toBe(30);
      expect(made!.timing.getProgress({ frame: 15, fps: 30 })).toBeCloseTo(0.5, 6);
    }
    const progressAt = (easing: Transition['easing'], frame: number) =>
      makeTransition({ ...valid, easing }, 30)!.timing.getProgress({ frame, fps: 30 });
    expect(progressAt('ease-in', 6)).toBeLessThan(0.2);
    expect(progressAt('ease-out', 6)).toBeGreaterThan(0.2);
    expect(progressAt('ease-in-out', 15)).toBeCloseTo(0.5, 3);
    expect(progressAt('ease-in-out', 30)).toBe(1);
  });

  it('passes the direction to wipe and slide', () => {
    expect(makeTransition({ ...valid, type: 'wipe', direction: 'from-bottom' }, 30)!.presentation.props).toEqual({ direction: 'from-bottom' });
    expect(makeTransition({ ...valid, type: 'slide', direction: 'from-right' }, 30)!.presentation.props).toEqual({ direction: 'from-right' });
  });
});
