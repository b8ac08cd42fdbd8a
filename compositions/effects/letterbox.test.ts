// Letterbox maths without a browser: exact bar sizes for the frame sizes
// Noor renders, pillarboxing when the frame is wider than the ratio, the
// eased slide-in, and schema errors that name the field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { letterboxBars, letterboxDefaults, letterboxReveal, letterboxSchema } from './letterbox';

describe('letterboxBars', () => {
  it.each([
    [1080, 1920, 2.39, 734],
    [1920, 1080, 2.39, 138],
    [1920, 1080, 1.85, 21],
    [1080, 1080, 2, 270],
    [1080, 1350, 2.39, 449],
    [1080, 1920, 1, 420],
  ])('%i×%i at %f:1 has bars of %i px top and bottom', (width, height, ratio, bar) => {
    expect(letterboxBars(width, height, ratio)).toEqual({ top: bar, bottom: bar, left: 0, right: 0 });
  });

  it('pillarboxes a frame wider than the ratio: 1920×1080 at 1.33:1 has 242 px bars left and right', () => {
    expect(letterboxBars(1920, 1080, 1.33)).toEqual({ top: 0, bottom: 0, left: 242, right: 242 });
  });

  it('draws no bars when the frame already has the ratio', () => {
    expect(letterboxBars(1920, 1080, 16 / 9)).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
    expect(letterboxBars(1080, 1080, 1)).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
  });

  it('leaves a picture of the ratio to within a pixel', () => {
    for (const [width, height] of [[1080, 1920], [1080, 1080], [1080, 1350], [1920, 1080]] as const) {
      for (let ratio = 1; ratio <= 3; ratio += 0.07) {
        const bars = letterboxBars(width, height, ratio);
        const pictureW = width - bars.left - bars.right;
        const pictureH = height - bars.top - bars.bottom;
        expect(Math.abs(pictureW - pictureH * ratio), `${width}×${height} @ ${ratio}`).toBeLessThanOrEqual(ratio * 1.01);
      }
    }
  });

  it('rejects a degenerate frame or ratio', () => {
    expect(() => letterboxBars(0, 1920, 2.39)).toThrow(RangeError);
    expect(() => letterboxBars(1080, 1920, 0)).toThrow(/ratio/);
    expect(() => letterboxBars(1080, 1920, Number.NaN)).toThrow(/ratio/);
  });
});

describe('letterboxReveal', () => {
  it('is 1 at once without an animation', () => {
    expect(letterboxReveal(0, 30, 0)).toBe(1);
  });

  it('slides from 0 to 1 over animateInSec, eased (slow at both ends) and monotonic', () => {
    const values = Array.from({ length: 61 }, (_, f) => letterboxReveal(f, 30, 1.5));
    expect(values[0]).toBe(0);
    expect(values[45]).toBe(1);
    expect(values[60]).toBe(1);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(values[3]!).toBeLessThan(3 / 45);
    expect(values[22]!).toBeCloseTo(0.5, 1);
  });
});

describe('letterboxSchema', () => {
  it('accepts the defaults', () => {
    expect(letterboxSchema.parse(letterboxDefaults)).toEqual(letterboxDefaults);
  });

  it.each([
    ['ratio', 0.9],
    ['ratio', 3.5],
    ['ratio', '2.39'],
    ['color', 'not-a-colour'],
    ['animateInSec', -1],
    ['animateInSec', 6],
  ])('rejects %s = %s with an error naming the field', (field, value) => {
    const result = letterboxSchema.safeParse({ ...letterboxDefaults, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(z.prettifyError(result.error!)).toContain(field);
  });

  it('describes every field for the Studio editor', () => {
    for (const [name, field] of Object.entries(letterboxSchema.shape)) expect(field.description, name).toBeTruthy();
  });
});
