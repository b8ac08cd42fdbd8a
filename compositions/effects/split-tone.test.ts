// Split-tone maths: off at strength 0, shadows move toward the shadow colour
// far more than highlights do (and the reverse for the highlight colour),
// balance shifts the weight, and the schema names bad fields.
import { describe, expect, it } from 'vitest';
import { splitToneAlphas, splitToneDefaults, splitTonePixel, splitToneSchema } from './split-tone';

const teal = { ...splitToneDefaults, shadows: '#00c0c0', highlights: '#ff9020', strength: 1, balance: 0 };

describe('split tone', () => {
  it('changes nothing at strength 0', () => {
    expect(splitTonePixel({ ...teal, strength: 0 }, [0.2, 0.5, 0.8])).toEqual([0.2, 0.5, 0.8]);
  });

  it('tints the shadows toward the shadow colour and the highlights toward the highlight colour', () => {
    const [dr, dg, db] = splitTonePixel(teal, [0.1, 0.1, 0.1]);
    expect(dg - dr).toBeGreaterThan(0.03); // dark grey turns teal: green and blue above red
    expect(db - dr).toBeGreaterThan(0.03);
    const [lr, lg, lb] = splitTonePixel(teal, [0.9, 0.9, 0.9]);
    expect(lr - lb).toBeGreaterThan(0.1); // light grey turns amber: red above blue
    expect(lr).toBeGreaterThan(lg);
  });

  it('weighs the shadow tint by darkness and the highlight tint by brightness', () => {
    const lift = (v: number) => splitTonePixel({ ...teal, balance: -1 }, [v, v, v])[1] - v;
    expect(lift(0.05)).toBeGreaterThan(lift(0.5));
    expect(lift(0.5)).toBeGreaterThan(lift(0.95));
    const cut = (v: number) => v - splitTonePixel({ ...teal, balance: 1 }, [v, v, v])[2];
    expect(cut(0.95)).toBeGreaterThan(cut(0.5));
    expect(cut(0.5)).toBeGreaterThan(cut(0.05));
  });

  it('balance moves the weight between shadows and highlights', () => {
    expect(splitToneAlphas({ strength: 1, balance: -1 }).highlight).toBe(0);
    expect(splitToneAlphas({ strength: 1, balance: 1 }).shadow).toBe(0);
    const even = splitToneAlphas({ strength: 0.5, balance: 0 });
    expect(even.shadow).toBeCloseTo(even.highlight, 10);
  });

  it('names the field of a bad parameter', () => {
    const result = splitToneSchema.safeParse({ ...teal, strength: 2 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['strength']);
    expect(result.error?.issues[0]?.message).toBe('strength must be at most 1');
  });
});
