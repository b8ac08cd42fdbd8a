// The pattern geometry without a browser: the motifs' symmetry, stars that
// meet their neighbours point to point, a tiling that covers any rectangle at
// any turn, finite coordinates, and schema errors that name the field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  geometricPatternDefaults,
  geometricPatternSchema,
  patternTile,
  PATTERN_KINDS,
  tilePattern,
  type PatternKind,
  type Point,
} from './geometric';

const rotate = ([x, y]: Point, angle: number): Point => [x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)];
const near = (a: Point, b: Point, tolerance: number) => Math.hypot(a[0] - b[0], a[1] - b[1]) <= tolerance;

/** Largest distance from a point of `from` to the nearest point of `to`. */
function mismatch(from: readonly Point[], to: readonly Point[]): number {
  return Math.max(...from.map((p) => Math.min(...to.map((q) => Math.hypot(p[0] - q[0], p[1] - q[1])))));
}

describe('pattern tiles', () => {
  it('star8 has 8-fold rotational symmetry: a 45° turn maps its points onto themselves', () => {
    const points = patternTile('star8').polygons.flat();
    const turned = points.map((p) => rotate(p, Math.PI / 4));
    expect(points.length).toBeGreaterThan(16);
    expect(mismatch(turned, points)).toBeLessThan(1e-9);
    expect(mismatch(points, turned)).toBeLessThan(1e-9);
  });

  it('star8 is not symmetric under a turn that is not a multiple of 45° (the check has teeth)', () => {
    const points = patternTile('star8').polygons.flat();
    expect(mismatch(points.map((p) => rotate(p, Math.PI / 8)), points)).toBeGreaterThan(1e-3);
  });

  it('star6 has 6-fold rotational symmetry', () => {
    const points = patternTile('star6').polygons.flat();
    expect(mismatch(points.map((p) => rotate(p, Math.PI / 3)), points)).toBeLessThan(1e-9);
  });

  it.each(PATTERN_KINDS)('%s: the star touches each lattice neighbour point to point', (kind) => {
    const { polygons, basis } = patternTile(kind);
    const star = polygons[0]!;
    for (const [bx, by] of basis) {
      const shared: Point = [bx / 2, by / 2];
      expect(star.some((p) => near(p, shared, 1e-12))).toBe(true);
    }
  });

  it.each(PATTERN_KINDS)('%s: every point lies inside the lattice cell radius', (kind) => {
    const { polygons, cellRadius } = patternTile(kind);
    for (const [x, y] of polygons.flat()) expect(Math.hypot(x, y)).toBeLessThanOrEqual(cellRadius);
  });

  it('star8 points are right angles, so neighbouring stars close into crosses', () => {
    const star = patternTile('star8').polygons[0]!;
    const [prev, tip, next] = [star[star.length - 1]!, star[0]!, star[1]!];
    const u = [prev[0] - tip[0], prev[1] - tip[1]];
    const v = [next[0] - tip[0], next[1] - tip[1]];
    expect(Math.abs(u[0]! * v[0]! + u[1]! * v[1]!)).toBeLessThan(1e-12);
    expect(star).toHaveLength(16);
  });
});

describe('tilePattern', () => {
  const cases: [PatternKind, number][] = PATTERN_KINDS.flatMap((kind) => [0, 0.3, Math.PI / 5, 2].map((rotation): [PatternKind, number] => [kind, rotation]));

  it.each(cases)('%s turned %f rad covers the rectangle: every point is within a cell of a placed motif', (kind, rotation) => {
    const width = 270;
    const height = 480;
    const size = 0.22 * width;
    const tiles = tilePattern(kind, width, height, { size, rotation, origin: [width / 2, height / 2] });
    const reach = patternTile(kind).cellRadius * size + 1e-9;
    for (let y = 0; y <= height; y += height / 40) {
      for (let x = 0; x <= width; x += width / 24) {
        expect(tiles.some(({ center }) => Math.hypot(center[0] - x, center[1] - y) <= reach)).toBe(true);
      }
    }
  });

  it('places a motif at the origin and keeps placed motifs near the rectangle', () => {
    const size = 50;
    const tiles = tilePattern('star8', 300, 500, { size, rotation: 0.7, origin: [150, 250] });
    expect(tiles.some(({ center }) => near(center, [150, 250], 1e-9))).toBe(true);
    const margin = patternTile('star8').cellRadius * size;
    for (const { center } of tiles) {
      expect(center[0]).toBeGreaterThanOrEqual(-margin);
      expect(center[0]).toBeLessThanOrEqual(300 + margin);
      expect(center[1]).toBeGreaterThanOrEqual(-margin);
      expect(center[1]).toBeLessThanOrEqual(500 + margin);
    }
  });

  it.each(PATTERN_KINDS)('%s: every line end is a finite number, at the smallest and largest scale', (kind) => {
    for (const size of [0.04 * 270, 0.6 * 270]) {
      const tiles = tilePattern(kind, 270, 480, { size, rotation: 1.1, origin: [135, 240] });
      expect(tiles.length).toBeGreaterThan(0);
      for (const { polygons } of tiles) for (const [x, y] of polygons.flat()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
    }
  });

  it('a turned lattice is the unturned one turned about the origin', () => {
    const origin: Point = [135, 240];
    const turned = tilePattern('star6', 270, 480, { size: 40, rotation: 0.5, origin }).map((t) => t.center);
    const flat = tilePattern('star6', 270, 480, { size: 40, rotation: 0, origin }).map((t) => t.center);
    const rotatedBack = turned.map(([x, y]) => rotate([x - origin[0], y - origin[1]], -0.5)).map(([x, y]): Point => [x + origin[0], y + origin[1]]);
    const inner = rotatedBack.filter(([x, y]) => x > 40 && x < 230 && y > 40 && y < 440);
    expect(inner.length).toBeGreaterThan(10);
    expect(mismatch(inner, flat)).toBeLessThan(1e-9);
  });
});

describe('geometricPatternSchema', () => {
  it('accepts the defaults', () => {
    expect(geometricPatternSchema.parse(geometricPatternDefaults)).toEqual(geometricPatternDefaults);
  });

  it.each([
    ['scale', 0.9],
    ['scale', 0],
    ['opacity', 1.5],
    ['lineWidth', -1],
    ['rotationDegPerSec', 90],
    ['revealSec', -2],
    ['kind', 'star5'],
    ['color', 'not-a-colour'],
  ])('rejects %s = %s with an error naming the field', (field, value) => {
    const result = geometricPatternSchema.safeParse({ ...geometricPatternDefaults, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(z.prettifyError(result.error!)).toContain(field);
  });

  it('describes every field for the Studio editor', () => {
    for (const [name, field] of Object.entries(geometricPatternSchema.shape)) expect(field.description, name).toBeTruthy();
  });
});
