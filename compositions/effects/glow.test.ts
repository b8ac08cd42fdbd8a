// The text-glow builder: two stacked centred shadows sized by the radius,
// their alpha by the strength, graded when a grade is given, 'none' when it
// would draw nothing; schema errors that name the field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { glowDefaults, glowSchema, MAX_GLOW_RADIUS, textGlow } from './glow';
import { gradeToMatrix, NEUTRAL_GRADE } from './grade';

/** [blur px, r, g, b, alpha] of each shadow. */
const shadows = (css: string) =>
  [...css.matchAll(/0 0 ([\d.]+)px rgba\((\d+), (\d+), (\d+), ([\d.]+)\)/g)].map((m) => m.slice(1).map(Number));

describe('textGlow', () => {
  it('is two centred shadows: a tight one at 0.3 × radius and a bloom at the radius', () => {
    const css = textGlow({ color: '#ffd9a0', radius: 20, strength: 0.5 });
    const [tight, bloom] = shadows(css);
    expect(shadows(css)).toHaveLength(2);
    expect(css.split(', 0 0 ')).toHaveLength(2);
    expect(tight).toEqual([6, 255, 217, 160, 0.45]);
    expect(bloom).toEqual([20, 255, 217, 160, 0.35]);
  });

  it('grows brighter with strength, capped at full opacity', () => {
    const alphas = [0.2, 0.6, 1].map((strength) => shadows(textGlow({ ...glowDefaults, strength })).map((s) => s[4]!));
    expect(alphas[0]![0]!).toBeLessThan(alphas[1]![0]!);
    expect(alphas[1]![1]!).toBeLessThan(alphas[2]![1]!);
    for (const a of alphas.flat()) expect(a).toBeLessThanOrEqual(1);
  });

  it('draws nothing at strength 0 or radius 0', () => {
    expect(textGlow({ ...glowDefaults, strength: 0 })).toBe('none');
    expect(textGlow({ ...glowDefaults, radius: 0 })).toBe('none');
  });

  it('passes the colour through the grade: a cool grade takes red out of a white glow', () => {
    const neutral = shadows(textGlow({ color: '#ffffff', radius: 10, strength: 1 }, gradeToMatrix(NEUTRAL_GRADE)))[0]!;
    const cool = shadows(textGlow({ color: '#ffffff', radius: 10, strength: 1 }, gradeToMatrix({ ...NEUTRAL_GRADE, temperature: -1 })))[0]!;
    expect(neutral.slice(1, 4)).toEqual([255, 255, 255]);
    expect(cool[1]!).toBeLessThan(255);
  });
});

describe('glowSchema', () => {
  it('accepts the defaults', () => {
    expect(glowSchema.parse(glowDefaults)).toEqual(glowDefaults);
  });

  it.each([
    ['radius', -1],
    ['radius', MAX_GLOW_RADIUS + 1],
    ['strength', 1.2],
    ['strength', -0.1],
    ['color', 'glowing'],
  ])('rejects %s = %s with an error naming the field', (field, value) => {
    const result = glowSchema.safeParse({ ...glowDefaults, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(z.prettifyError(result.error!)).toContain(field);
  });

  it('describes every field for the Studio editor', () => {
    for (const [name, field] of Object.entries(glowSchema.shape)) expect(field.description, name).toBeTruthy();
  });
});
