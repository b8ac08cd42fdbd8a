// Colour-grade maths: gradeToMatrix per parameter, applyMatrix, combineGrades clamping, parseColor formats and errors, gradeColor and gradeSchema.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { verseReelSchema } from '../verse-reel/schema';
import { applyMatrix, combineGrades, gradeColor, gradeSchema, gradeToMatrix, NEUTRAL_GRADE, parseColor, type Grade } from './grade';

const IDENTITY = [1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0];
const grade = (g: Partial<Grade>): Grade => ({ ...NEUTRAL_GRADE, ...g });
const apply = (g: Partial<Grade>, rgb: [number, number, number]) => applyMatrix(gradeToMatrix(grade(g)), rgb);
const SAMPLES: Array<[number, number, number]> = [
  [0, 0, 0],
  [1, 1, 1],
  [0.5, 0.5, 0.5],
  [0.9, 0.2, 0.1],
  [0.1, 0.7, 0.3],
  [0.2, 0.3, 0.95],
  [0.33, 0.66, 0.99],
];

describe('gradeToMatrix / applyMatrix', () => {
  it('gives the identity matrix for the neutral grade', () => {
    const m = gradeToMatrix(NEUTRAL_GRADE);
    expect(m).toHaveLength(20);
    m.forEach((v, i) => expect(v, `entry ${i}`).toBeCloseTo(IDENTITY[i]!, 12));
  });

  it('returns the input colour under the neutral grade', () => {
    for (const rgb of SAMPLES) {
      const out = applyMatrix(gradeToMatrix(NEUTRAL_GRADE), rgb);
      out.forEach((v, i) => expect(v).toBeCloseTo(rgb[i]!, 12));
    }
  });

  it('applies a hand-written matrix, offsets and clamping as feColorMatrix does', () => {
    // r' = 0.5r + 0.1, g' = b, b' = 2g (clamped), alpha row ignored
    const m = [0.5, 0, 0, 0, 0.1, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 1, 0];
    const out = applyMatrix(m, [0.4, 0.8, 0.25]);
    expect(out[0]).toBeCloseTo(0.3, 12);
    expect(out[1]).toBeCloseTo(0.25, 12);
    expect(out[2]).toBe(1);
    expect(applyMatrix([-1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0], [0.5, 0.5, 0.5])[0]).toBe(0);
  });

  it('warms mid grey with positive temperature: more red, less blue', () => {
    const [r, , b] = apply({ temperature: 0.8 }, [0.5, 0.5, 0.5]);
    expect(r).toBeGreaterThan(0.5);
    expect(b).toBeLessThan(0.5);
  });

  it('cools mid grey with negative temperature: less red, more blue', () => {
    const [r, , b] = apply({ temperature: -0.8 }, [0.5, 0.5, 0.5]);
    expect(r).toBeLessThan(0.5);
    expect(b).toBeGreaterThan(0.5);
  });

  it('leaves the three channels equal under tint 0 and temperature 0 for grey', () => {
    const [r, g, b] = apply({ exposure: 0.3, contrast: 0.4, saturation: 0.5 }, [0.4, 0.4, 0.4]);
    expect(g).toBeCloseTo(r, 12);
    expect(b).toBeCloseTo(r, 12);
  });

  it('moves green against magenta with tint', () => {
    expect(apply({ tint: 1 }, [0.5, 0.5, 0.5])[1]).toBeLessThan(0.5);
    expect(apply({ tint: -1 }, [0.5, 0.5, 0.5])[1]).toBeGreaterThan(0.5);
  });

  it('makes every colour grey (r = g = b) at saturation -1, at its Rec. 709 luma', () => {
    for (const rgb of SAMPLES) {
      const [r, g, b] = apply({ saturation: -1 }, rgb);
      expect(g).toBeCloseTo(r, 12);
      expect(b).toBeCloseTo(r, 12);
      expect(r).toBeCloseTo(0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2], 12);
    }
  });

  it('spreads the channels further apart with positive saturation', () => {
    const [r, g, b] = apply({ saturation: 0.8 }, [0.6, 0.4, 0.3]);
    expect(r - b).toBeGreaterThan(0.3);
    expect(g).toBeLessThan(0.4 + 1e-12);
  });

  it('pushes 0.25 darker and 0.75 lighter with contrast > 0, keeping 0.5', () => {
    for (const contrast of [0.2, 0.5, 1]) {
      expect(apply({ contrast }, [0.25, 0.25, 0.25])[0]).toBeLessThan(0.25);
      expect(apply({ contrast }, [0.75, 0.75, 0.75])[0]).toBeGreaterThan(0.75);
      expect(apply({ contrast }, [0.5, 0.5, 0.5])[0]).toBeCloseTo(0.5, 12);
    }
  });

  it('pulls 0.25 and 0.75 towards 0.5 with contrast < 0', () => {
    expect(apply({ contrast: -0.5 }, [0.25, 0.25, 0.25])[0]).toBeGreaterThan(0.25);
    expect(apply({ contrast: -0.5 }, [0.75, 0.75, 0.75])[0]).toBeLessThan(0.75);
  });

  it('brightens with exposure > 0 and darkens with exposure < 0, keeping black', () => {
    for (const v of [0.1, 0.3, 0.5]) {
      expect(apply({ exposure: 0.4 }, [v, v, v])[0]).toBeGreaterThan(v);
      expect(apply({ exposure: -0.4 }, [v, v, v])[0]).toBeLessThan(v);
    }
    expect(apply({ exposure: 1 }, [0, 0, 0])).toEqual([0, 0, 0]);
    // exposure scales linearly (a multiplier), so doubling the input doubles the output below clipping
    const a = apply({ exposure: 0.3 }, [0.1, 0.1, 0.1])[0];
    const b = apply({ exposure: 0.3 }, [0.2, 0.2, 0.2])[0];
    expect(b).toBeCloseTo(2 * a, 12);
  });

  it('keeps every output in 0..1 for extreme grades', () => {
    const extremes: Partial<Grade>[] = [
      { exposure: 1, contrast: 1, saturation: 1, temperature: 1, tint: 1 },
      { exposure: -1, contrast: -1, saturation: -1, temperature: -1, tint: -1 },
      { exposure: 1, contrast: 1, saturation: 1, temperature: -1, tint: -1 },
    ];
    for (const g of extremes) {
      for (const rgb of SAMPLES) {
        for (const v of apply(g, rgb)) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});

describe('combineGrades', () => {
  it('adds each parameter', () => {
    const out = combineGrades(grade({ exposure: 0.1, contrast: 0.2, saturation: -0.3, temperature: 0.4, tint: -0.5 }), grade({ exposure: 0.2, contrast: -0.2, saturation: 0.1, temperature: 0.1, tint: 0.25 }));
    expect(out.exposure).toBeCloseTo(0.3, 12);
    expect(out.contrast).toBeCloseTo(0, 12);
    expect(out.saturation).toBeCloseTo(-0.2, 12);
    expect(out.temperature).toBeCloseTo(0.5, 12);
    expect(out.tint).toBeCloseTo(-0.25, 12);
  });

  it('clamps every parameter to [-1, 1]', () => {
    expect(combineGrades(grade({ exposure: 0.8, contrast: -0.9, saturation: 1, temperature: -1, tint: 0.6 }), grade({ exposure: 0.5, contrast: -0.5, saturation: 1, temperature: -1, tint: 0.6 }))).toEqual({
      exposure: 1,
      contrast: -1,
      saturation: 1,
      temperature: -1,
      tint: 1,
    });
  });

  it('leaves a grade unchanged when the adjustment is neutral', () => {
    const base = grade({ exposure: -0.2, contrast: 0.35, saturation: -0.1, temperature: 0.15, tint: 0.05 });
    expect(combineGrades(base, NEUTRAL_GRADE)).toEqual(base);
  });
});

describe('parseColor', () => {
  it('parses #rgb', () => {
    expect(parseColor('#fff')).toEqual([1, 1, 1, 1]);
    expect(parseColor('#f80')).toEqual([1, 0x88 / 255, 0, 1]);
  });

  it('parses #rrggbb in either case, ignoring surrounding space', () => {
    expect(parseColor('#336699')).toEqual([0x33 / 255, 0x66 / 255, 0x99 / 255, 1]);
    expect(parseColor('  #FbF6eA ')).toEqual([0xfb / 255, 0xf6 / 255, 0xea / 255, 1]);
  });

  it('parses #rrggbbaa', () => {
    expect(parseColor('#33669980')).toEqual([0x33 / 255, 0x66 / 255, 0x99 / 255, 0x80 / 255]);
    expect(parseColor('#00000000')).toEqual([0, 0, 0, 0]);
  });

  it('parses rgb() and rgba()', () => {
    expect(parseColor('rgb(255, 128, 0)')).toEqual([1, 128 / 255, 0, 1]);
    expect(parseColor('rgba(10, 20, 30, 0.5)')).toEqual([10 / 255, 20 / 255, 30 / 255, 0.5]);
    expect(parseColor('rgba(10 20 30 / 0.25)')).toEqual([10 / 255, 20 / 255, 30 / 255, 0.25]);
    expect(parseColor('RGB(0,0,255)')).toEqual([0, 0, 1, 1]);
  });

  it('throws a RangeError quoting the input for junk', () => {
    for (const junk of ['banana', '', '#ggg', '#12345', '#1234567', 'rgb(1, 2)', 'rgb(a, b, c)', '336699', 'rgb(1,2,3']) {
      expect(() => parseColor(junk), junk).toThrow(RangeError);
      expect(() => parseColor(junk), junk).toThrow(`"${junk}" is not a colour`);
    }
  });

  it('parses every colour the VerseReel schema accepts for textColor (zColor), since VerseReel grades it', () => {
    const accepted = ['white', '#fffa', 'hsl(120, 100%, 50%)', 'transparent', 'rgb(255, 128, 0)', '#e7cf9a'];
    for (const color of accepted) {
      expect(verseReelSchema.shape.textColor.safeParse(color).success, color).toBe(true);
      expect(() => parseColor(color), color).not.toThrow();
    }
    expect(parseColor('white')).toEqual([1, 1, 1, 1]);
    expect(parseColor('#fffa')).toEqual([1, 1, 1, 0xaa / 255]);
    expect(parseColor('hsl(120, 100%, 50%)')).toEqual([0, 1, 0, 1]);
    expect(parseColor('transparent')).toEqual([0, 0, 0, 0]);
  });
});

describe('gradeColor', () => {
  const identity = gradeToMatrix(NEUTRAL_GRADE);

  it('returns the same colour as rgba() under the identity', () => {
    expect(gradeColor('#336699', identity)).toBe('rgba(51, 102, 153, 1)');
    expect(gradeColor('#fbf6ea', identity)).toBe('rgba(251, 246, 234, 1)');
    expect(gradeColor('rgb(1, 2, 3)', identity)).toBe('rgba(1, 2, 3, 1)');
    expect(gradeColor('#fff', IDENTITY)).toBe('rgba(255, 255, 255, 1)');
  });

  it('multiplies the colour\'s alpha by the alpha argument', () => {
    expect(gradeColor('#336699', identity, 0.5)).toBe('rgba(51, 102, 153, 0.5)');
    expect(gradeColor('rgba(51, 102, 153, 0.5)', identity, 0.5)).toBe('rgba(51, 102, 153, 0.25)');
    expect(gradeColor('#33669980', identity, 0.5)).toBe('rgba(51, 102, 153, 0.251)');
  });

  it('applies the grade', () => {
    expect(gradeColor('#808080', gradeToMatrix(grade({ saturation: -1 })))).toBe('rgba(128, 128, 128, 1)');
    expect(gradeColor('#ff0000', gradeToMatrix(grade({ saturation: -1 })))).toBe(`rgba(${Math.round(0.2126 * 255)}, ${Math.round(0.2126 * 255)}, ${Math.round(0.2126 * 255)}, 1)`);
  });
});

describe('gradeSchema', () => {
  it('accepts the neutral grade and the limits', () => {
    expect(gradeSchema.parse(NEUTRAL_GRADE)).toEqual(NEUTRAL_GRADE);
    expect(gradeSchema.safeParse(grade({ exposure: -1, tint: 1 })).success).toBe(true);
  });

  it('rejects 1.5 with an issue at that parameter\'s path', () => {
    const result = gradeSchema.safeParse(grade({ temperature: 1.5 }));
    expect(result.success).toBe(false);
    const issues = result.error!.issues;
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(['temperature']);
    expect(issues[0]!.message).toMatch(/1/);
    expect(z.prettifyError(result.error!)).toContain('at temperature');
  });

  it('reports the nested path when used inside the VerseReel props', () => {
    const result = verseReelSchema.shape.gradeAdjust.safeParse(grade({ exposure: -1.5 }));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toEqual([['exposure']]);
  });

  it('rejects a missing parameter', () => {
    const { tint: _tint, ...rest } = NEUTRAL_GRADE;
    const result = gradeSchema.safeParse(rest);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['tint']);
  });
});
