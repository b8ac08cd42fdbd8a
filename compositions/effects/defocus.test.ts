// Defocus settings without a browser: amount maps to a blur relative to the
// frame's short side, and schema errors name the field. (The blur itself is
// checked by its pixels in tests/effects.render.test.ts.)
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defocusDefaults, defocusPx, defocusSchema } from './defocus';

describe('defocusPx', () => {
  it('is 0 at amount 0 and 2.5% of the short side at amount 1, whatever the orientation', () => {
    expect(defocusPx(0, 1080, 1920)).toBe(0);
    expect(defocusPx(1, 1080, 1920)).toBeCloseTo(27, 10);
    expect(defocusPx(1, 1920, 1080)).toBeCloseTo(27, 10);
    expect(defocusPx(0.5, 540, 960)).toBeCloseTo(6.75, 10);
  });
});

describe('defocusSchema', () => {
  it('accepts the defaults', () => {
    expect(defocusSchema.parse(defocusDefaults)).toEqual(defocusDefaults);
  });

  it.each([-0.1, 1.1, 'lots'])('rejects amount = %s with an error naming the field', (value) => {
    const result = defocusSchema.safeParse({ amount: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['amount']);
    expect(z.prettifyError(result.error!)).toContain('amount');
  });

  it('describes its field for the Studio editor', () => {
    expect(defocusSchema.shape.amount.description).toBeTruthy();
  });
});
