// Islamic geometric patterns as geometry, drawn as thin lines on a canvas:
// the 8-point star-and-cross on a square lattice and a 6-point star-and-hexagon
// rosette on a triangular one. The geometry functions are pure and
// Node-safe (tested without a browser); the draw pass only strokes what they
// return, turning the lattice slowly, revealing it from the centre and letting
// a faint shimmer ripple outwards. No randomness: a pure function of (params, time).
import { z } from 'zod';
import { zColor } from '@remotion/zod-types';
import { gradeColor, type ColorMatrix } from '../effects/grade';

export type Point = readonly [number, number];
export type Polygon = readonly Point[];

export const PATTERN_KINDS = ['star8', 'star6'] as const;
export type PatternKind = (typeof PATTERN_KINDS)[number];

export const geometricPatternSchema = z.object({
  kind: z.enum(PATTERN_KINDS).describe('star8: 8-point star-and-cross (khatam); star6: 6-point star-and-hexagon'),
  scale: z.number().min(0.04).max(0.6).describe("Tile size as a fraction of the frame's short side"),
  lineWidth: z.number().min(0.25).max(8).describe('Line width in pixels of a 1080 px short side (scales with the frame)'),
  opacity: z.number().min(0).max(1).describe('Line opacity, 0 draws nothing'),
  color: zColor().describe('Line colour (graded with the scene)'),
  rotationDegPerSec: z.number().min(-10).max(10).describe('Slow turn of the whole lattice about the frame centre, degrees per second'),
  revealSec: z.number().min(0).max(30).describe('Seconds for the pattern to reveal from the centre outwards; 0 shows it at once'),
});

export type GeometricPatternParams = z.infer<typeof geometricPatternSchema>;

export const geometricPatternDefaults: GeometricPatternParams = {
  kind: 'star8',
  scale: 0.22,
  lineWidth: 2,
  opacity: 0.6,
  color: '#e3c68e',
  rotationDegPerSec: 0.4,
  revealSec: 3,
};

/** One motif of a pattern in unit coordinates: centred on (0, 0), lattice spacing 1. */
export interface PatternTile {
  /** closed outlines; together with the neighbours' they make every line of the pattern */
  polygons: Polygon[];
  /** lattice vectors from one motif centre to its neighbours */
  basis: readonly [Point, Point];
  /** the largest distance from a lattice point to the points its Voronoi cell holds */
  cellRadius: number;
}

const TAU = Math.PI * 2;

/**
 * A star polygon with `points` points at radius `outer`, the first at angle
 * `phase`, each point opening at `pointAngle` radians. Its inner corners lie
 * where neighbouring edges cross, so two touching stars' edges run straight on
 * through the point they share (Hankin's "polygons in contact" construction).
 */
function starPolygon(points: number, outer: number, pointAngle: number, phase = 0): Polygon {
  // Walk from the point (outer, 0) along an edge until it meets the ray at half a step.
  const half = Math.PI / points;
  const contact = (Math.PI - pointAngle) / 2;
  const s = (outer * Math.tan(half)) / (Math.cos(contact) + Math.sin(contact) * Math.tan(half));
  const inner = Math.hypot(outer - s * Math.sin(contact), s * Math.cos(contact));
  const out: Point[] = [];
  for (let k = 0; k < points; k++) {
    const a = phase + k * 2 * half;
    out.push([outer * Math.cos(a), outer * Math.sin(a)], [inner * Math.cos(a + half), inner * Math.sin(a + half)]);
  }
  return out;
}

function regularPolygon(sides: number, radius: number, phase = 0): Polygon {
  return Array.from({ length: sides }, (_, k): Point => {
    const a = phase + (k * TAU) / sides;
    return [radius * Math.cos(a), radius * Math.sin(a)];
  });
}

/** The polygon through a star's inner corners: the ring that makes its points read as separate rays. */
const innerRing = (star: Polygon): Polygon => star.filter((_, k) => k % 2 === 1);

/**
 * The motif of each pattern: a star with right-angled points that touch the
 * lattice neighbours' (outer radius ½), so the gaps between stars close into
 * the pattern's second shape: crosses between 8-point stars, bow-tied
 * hexagons between 6-point stars. Inside, a small khatam (two squares) for
 * the 8-point star, the ring through its inner corners for the 6-point one.
 */
export function patternTile(kind: PatternKind): PatternTile {
  if (kind === 'star8') {
    const star = starPolygon(8, 0.5, Math.PI / 2);
    return {
      polygons: [star, regularPolygon(4, 0.24), regularPolygon(4, 0.24, Math.PI / 4)],
      basis: [
        [1, 0],
        [0, 1],
      ],
      cellRadius: Math.SQRT1_2,
    };
  }
  const star = starPolygon(6, 0.5, Math.PI / 2);
  return {
    polygons: [star, innerRing(star)],
    basis: [
      [1, 0],
      [0.5, Math.sqrt(3) / 2],
    ],
    cellRadius: 1 / Math.sqrt(3),
  };
}

export interface TilingOptions {
  /** lattice spacing in output units */
  size: number;
  /** turn of the lattice about `origin`, radians */
  rotation: number;
  /** a motif centre; the lattice turns about it */
  origin: Point;
}

export interface PlacedTile {
  center: Point;
  polygons: Polygon[];
}

/**
 * Every motif whose lines can reach into the rectangle [0, width] × [0, height],
 * in output coordinates: the lattice, turned and scaled, enumerated over the
 * rectangle grown by a cell radius so that every point of it lies in some
 * placed motif's cell.
 */
export function tilePattern(kind: PatternKind, width: number, height: number, { size, rotation, origin }: TilingOptions): PlacedTile[] {
  const tile = patternTile(kind);
  const [[ax, ay], [bx, by]] = tile.basis;
  const cos = Math.cos(rotation);
  const sin = Math.sin(rotation);
  const margin = tile.cellRadius * size;
  const toLattice = (x: number, y: number): Point => {
    // Undo the turn and scale, then solve i·a + j·b = (u, v).
    const dx = x - origin[0];
    const dy = y - origin[1];
    const u = (cos * dx + sin * dy) / size;
    const v = (-sin * dx + cos * dy) / size;
    const det = ax * by - ay * bx;
    return [(u * by - v * bx) / det, (v * ax - u * ay) / det];
  };
  const corners = [
    toLattice(-margin, -margin),
    toLattice(width + margin, -margin),
    toLattice(-margin, height + margin),
    toLattice(width + margin, height + margin),
  ];
  const iMin = Math.floor(Math.min(...corners.map((c) => c[0])));
  const iMax = Math.ceil(Math.max(...corners.map((c) => c[0])));
  const jMin = Math.floor(Math.min(...corners.map((c) => c[1])));
  const jMax = Math.ceil(Math.max(...corners.map((c) => c[1])));
  const place = ([x, y]: Point, cx: number, cy: number): Point => [cx + (cos * x - sin * y) * size, cy + (sin * x + cos * y) * size];
  const tiles: PlacedTile[] = [];
  for (let j = jMin; j <= jMax; j++) {
    for (let i = iMin; i <= iMax; i++) {
      const [cx, cy] = place([i * ax + j * bx, i * ay + j * by], origin[0], origin[1]);
      if (cx < -margin || cx > width + margin || cy < -margin || cy > height + margin) continue;
      tiles.push({ center: [cx, cy], polygons: tile.polygons.map((polygon) => polygon.map((p) => place(p, cx, cy))) });
    }
  }
  return tiles;
}

const smoothstep = (x: number) => {
  const c = Math.max(0, Math.min(1, x));
  return c * c * (3 - 2 * c);
};

/** How much of the motif at `distance` from the centre has appeared at time t: a soft front moving out over revealSec. */
function revealed(distance: number, reach: number, band: number, revealSec: number, t: number): number {
  if (revealSec <= 0 || t >= revealSec) return 1;
  const front = smoothstep(t / revealSec) * (reach + band);
  return smoothstep((front - distance) / band);
}

/** The shimmer: a faint ripple of line alpha travelling outwards, a tile every 2.5 s, one crest every 4 tiles. */
const SHIMMER_SEC_PER_TILE = 2.5;
const SHIMMER_DEPTH = 0.22;
const SHIMMER_TILES_PER_WAVE = 4;

export function drawGeometricPattern(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  params: GeometricPatternParams,
  grade: ColorMatrix,
  t: number,
): void {
  if (params.opacity <= 0) return;
  const short = Math.min(width, height);
  const size = params.scale * short;
  const cx = width / 2;
  const cy = height / 2;
  const tiles = tilePattern(params.kind, width, height, {
    size,
    rotation: (params.rotationDegPerSec * t * Math.PI) / 180,
    origin: [cx, cy],
  });
  const reach = Math.hypot(cx, cy) + size;
  ctx.save();
  ctx.lineWidth = params.lineWidth * (short / 1080);
  ctx.lineJoin = 'round';
  for (const tile of tiles) {
    const distance = Math.hypot(tile.center[0] - cx, tile.center[1] - cy);
    const wave = Math.cos(TAU * (distance / (size * SHIMMER_TILES_PER_WAVE) - t / (SHIMMER_SEC_PER_TILE * SHIMMER_TILES_PER_WAVE)));
    const shimmer = 1 - SHIMMER_DEPTH * (0.5 + 0.5 * wave);
    const alpha = params.opacity * shimmer * revealed(distance, reach, size * 2, params.revealSec, t);
    if (alpha < 1 / 512) continue;
    ctx.strokeStyle = gradeColor(params.color, grade, alpha);
    ctx.beginPath();
    for (const polygon of tile.polygons) {
      polygon.forEach(([x, y], k) => (k === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.closePath();
    }
    ctx.stroke();
  }
  ctx.restore();
}
