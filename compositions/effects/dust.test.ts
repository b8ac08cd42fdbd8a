// Dust drift without a browser: density sets the count, motes move the way
// they are told and stay in the frame, the same time and seed give the same
// motes, and the schema names bad fields.
import { describe, expect, it } from 'vitest';
import { MAX_MOTES, dustDefaults, dustMotes, dustSchema } from './dust';

const on = { ...dustDefaults, density: 0.5 };

describe('dust drift', () => {
  it('draws no motes at density 0 and MAX_MOTES at 1', () => {
    expect(dustMotes(dustDefaults, 1, 0, 16 / 9)).toHaveLength(0);
    expect(dustMotes({ ...on, density: 1 }, 1, 0, 16 / 9)).toHaveLength(MAX_MOTES);
  });

  it('is deterministic per seed and differs between seeds', () => {
    expect(dustMotes(on, 7, 3.5, 16 / 9)).toEqual(dustMotes(on, 7, 3.5, 16 / 9));
    expect(dustMotes(on, 8, 3.5, 16 / 9)[0]).not.toEqual(dustMotes(on, 7, 3.5, 16 / 9)[0]);
  });

  it('drifts in the chosen direction, slowly, and wraps inside the frame', () => {
    const at = (direction: (typeof on)['direction'], t: number) => dustMotes({ ...on, direction }, 3, t, 16 / 9);
    const meanShift = (direction: (typeof on)['direction'], axis: 'x' | 'y') => {
      const a = at(direction, 1);
      const b = at(direction, 1.5);
      // Shortest signed distance on the wrapped axis.
      const d = a.map((m, i) => ((b[i]![axis] - m[axis] + 1.5) % 1) - 0.5);
      return d.reduce((s, v) => s + v, 0) / d.length;
    };
    expect(meanShift('up', 'y')).toBeLessThan(0);
    expect(meanShift('down', 'y')).toBeGreaterThan(0);
    expect(meanShift('left', 'x')).toBeLessThan(0);
    expect(meanShift('right', 'x')).toBeGreaterThan(0);
    expect(Math.abs(meanShift('right', 'x'))).toBeLessThan(0.05); // half a second moves a mote a few percent of the frame
    for (const m of at('up', 500)) {
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x).toBeLessThan(1);
      expect(m.y).toBeGreaterThanOrEqual(0);
      expect(m.y).toBeLessThan(1);
    }
  });

  it('holds still at speed 0 but for a gentle sway', () => {
    const a = dustMotes({ ...on, speed: 0 }, 2, 0, 1);
    const b = dustMotes({ ...on, speed: 0 }, 2, 10, 1);
    for (const [i, m] of a.entries()) expect(Math.abs(b[i]!.y - m.y)).toBeLessThan(0.001);
  });

  it('names the field of a bad parameter', () => {
    const result = dustSchema.safeParse({ ...on, direction: 'sideways' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['direction']);
    expect(result.error?.issues[0]?.message).toContain("direction must be one of 'up'");
  });
});
