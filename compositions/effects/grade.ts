// Colour-grade maths: turns grade parameters (exposure, contrast, saturation,
// temperature, tint) into the 4×5 matrix of an SVG feColorMatrix. Pure, so the
// same numbers drive the effect, its tests and (later) style analysis.
import { z } from 'zod';
import { NoReactInternals } from 'remotion/no-react';

export const gradeSchema = z.object({
  exposure: z.number().min(-1).max(1).describe('Brightness in stops-like units, -1..1'),
  contrast: z.number().min(-1).max(1).describe('-1 flat .. 1 punchy'),
  saturation: z.number().min(-1).max(1).describe('-1 monochrome .. 1 vivid'),
  temperature: z.number().min(-1).max(1).describe('-1 cool/blue .. 1 warm/amber'),
  tint: z.number().min(-1).max(1).describe('-1 green .. 1 magenta'),
});

export type Grade = z.infer<typeof gradeSchema>;

export const NEUTRAL_GRADE: Grade = { exposure: 0, contrast: 0, saturation: 0, temperature: 0, tint: 0 };

/** Row-major 4×5 matrix (RGBA rows, last column is the offset in 0..1). */
export type ColorMatrix = number[];

const LUMA = [0.2126, 0.7152, 0.0722] as const;

const multiply = (a: ColorMatrix, b: ColorMatrix): ColorMatrix => {
  // Treat each 4×5 as a 5×5 affine matrix with an implicit [0 0 0 0 1] row.
  const at = (m: ColorMatrix, r: number, c: number) => (r === 4 ? (c === 4 ? 1 : 0) : m[r * 5 + c]!);
  const out: number[] = [];
  for (let r = 0; r < 4; r++) {
    for (let c = 0; c < 5; c++) {
      let sum = 0;
      for (let k = 0; k < 5; k++) sum += at(a, r, k) * at(b, k, c);
      out.push(sum);
    }
  }
  return out;
};

const diag = (r: number, g: number, b: number, offset = 0): ColorMatrix => [
  r, 0, 0, 0, offset,
  0, g, 0, 0, offset,
  0, 0, b, 0, offset,
  0, 0, 0, 1, 0,
];

const saturationMatrix = (s: number): ColorMatrix => {
  const [lr, lg, lb] = LUMA;
  const i = 1 - s;
  return [
    lr * i + s, lg * i, lb * i, 0, 0,
    lr * i, lg * i + s, lb * i, 0, 0,
    lr * i, lg * i, lb * i + s, 0, 0,
    0, 0, 0, 1, 0,
  ];
};

/** The matrix that applies `grade`: exposure, then saturation, then contrast around mid-grey, then white balance (so a warm or cool cast survives desaturation, as in a sepia look). */
export function gradeToMatrix(grade: Grade): ColorMatrix {
  const exposure = 2 ** (grade.exposure * 1.5);
  const warm = grade.temperature * 0.14;
  const tint = grade.tint * 0.08;
  const whiteBalance = diag(1 + warm, 1 - tint, 1 - warm * 1.2);
  const c = 1 + grade.contrast * 0.6;
  const contrast = diag(c, c, c, 0.5 * (1 - c));
  const saturation = saturationMatrix(1 + grade.saturation);
  return [whiteBalance, contrast, saturation, diag(exposure, exposure, exposure)].reduce(multiply);
}

/** Applies a matrix to one RGB colour in 0..1, clamped, as the SVG filter does. */
export function applyMatrix(m: ColorMatrix, [r, g, b]: readonly [number, number, number]): [number, number, number] {
  const row = (i: number) => Math.min(1, Math.max(0, m[i * 5]! * r + m[i * 5 + 1]! * g + m[i * 5 + 2]! * b + m[i * 5 + 4]!));
  return [row(0), row(1), row(2)];
}

/** Adds an adjustment to a base grade, each parameter kept in range. */
export function combineGrades(base: Grade, adjust: Grade): Grade {
  const add = (k: keyof Grade) => Math.max(-1, Math.min(1, base[k] + adjust[k]));
  return { exposure: add('exposure'), contrast: add('contrast'), saturation: add('saturation'), temperature: add('temperature'), tint: add('tint') };
}

/** Parses "#rgb", "#rrggbb", "#rrggbbaa", "rgb(…)", "rgba(…)" or any other CSS colour zColor() accepts into 0..1 RGBA. */
export function parseColor(color: string): [number, number, number, number] {
  const hex = /^#([0-9a-f]{3,8})$/i.exec(color.trim());
  if (hex) {
    let h = hex[1]!;
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
    if (h.length !== 6 && h.length !== 8) throw new RangeError(`"${color}" is not a colour`);
    const v = (i: number) => parseInt(h.slice(i, i + 2), 16) / 255;
    return [v(0), v(2), v(4), h.length === 8 ? v(6) : 1];
  }
  const fn = /^rgba?\(([^)]+)\)$/i.exec(color.trim());
  if (fn) {
    const parts = fn[1]!.split(/[\s,/]+/).filter(Boolean).map(Number);
    if (parts.length >= 3 && !parts.some((p) => Number.isNaN(p))) return [parts[0]! / 255, parts[1]! / 255, parts[2]! / 255, parts[3] ?? 1];
  }
  // Any other CSS colour (names, hsl(), …), parsed as zColor() validated the prop.
  try {
    const argb = NoReactInternals.processColor(color.trim());
    return [((argb >>> 16) & 255) / 255, ((argb >>> 8) & 255) / 255, (argb & 255) / 255, (argb >>> 24) / 255];
  } catch {
    throw new RangeError(`"${color}" is not a colour`);
  }
}

/**
 * A CSS colour with the grade applied (and an optional alpha multiplier).
 * Grading the colours a procedural scene is drawn from equals grading its
 * pixels: the matrix is affine, so it commutes with gradients and alpha blending.
 */
export function gradeColor(color: string, matrix: ColorMatrix, alpha = 1): string {
  const [r, g, b, a] = parseColor(color);
  const [gr, gg, gb] = applyMatrix(matrix, [r, g, b]);
  const to255 = (v: number) => Math.round(v * 255);
  return `rgba(${to255(gr)}, ${to255(gg)}, ${to255(gb)}, ${+(a * alpha).toFixed(4)})`;
}
