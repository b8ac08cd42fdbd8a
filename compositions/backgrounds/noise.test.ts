// The seeded noise behind clouds and mist: deterministic per seed, different
// between seeds, bounded, smooth; and the cloud density made from it.
import { describe, expect, it } from 'vitest';
import { createNoise3D, fractalNoise } from './noise';
import { cloudDensity, cloudsDefaults, fieldSize } from './clouds';

/** A fixed spread of sample points, away from the integer lattice (where gradient noise is 0). */
const samples = Array.from({ length: 2000 }, (_, i): [number, number, number] => [
  (i * 0.7548776662466927) % 1 * 40 - 20,
  (i * 0.5698402909980532) % 1 * 40 - 20,
  (i * 0.3141592653589793) % 1 * 10,
]);

describe('createNoise3D', () => {
  it('is deterministic for a seed', () => {
    const a = createNoise3D(42);
    const b = createNoise3D(42);
    for (const [x, y, z] of samples) expect(a(x, y, z)).toBe(b(x, y, z));
  });

  it('differs between seeds', () => {
    const a = createNoise3D(1);
    const b = createNoise3D(2);
    const differing = samples.filter(([x, y, z]) => Math.abs(a(x, y, z) - b(x, y, z)) > 1e-3).length;
    expect(differing).toBeGreaterThan(samples.length * 0.9);
  });

  it('stays within -1..1 and uses the range', () => {
    const noise = createNoise3D('range');
    const values: number[] = [];
    for (let i = 0; i < 200_000; i++) values.push(noise(i * 0.0137, i * 0.0071 - 50, i * 0.0029));
    expect(values.reduce((a, b) => Math.min(a, b))).toBeGreaterThanOrEqual(-1);
    expect(values.reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(1);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const spread = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(spread).toBeGreaterThan(0.15);
  });

  it('is smooth: samples a hundredth of a cell apart differ by little', () => {
    const noise = createNoise3D(7);
    const step = 0.01;
    let largest = 0;
    for (const [x, y, z] of samples) {
      const here = noise(x, y, z);
      for (const [dx, dy, dz] of [
        [step, 0, 0],
        [0, step, 0],
        [0, 0, step],
      ] as const) {
        largest = Math.max(largest, Math.abs(noise(x + dx, y + dy, z + dz) - here));
      }
    }
    expect(largest).toBeLessThan(0.05);
    expect(largest).toBeGreaterThan(0);
  });

  it('has no seams at lattice cell borders', () => {
    const noise = createNoise3D(3);
    for (let i = -5; i <= 5; i++) {
      expect(Math.abs(noise(i - 1e-9, 0.37, 0.61) - noise(i + 1e-9, 0.37, 0.61))).toBeLessThan(1e-6);
    }
  });
});

describe('fractalNoise', () => {
  it('stays within -1..1 and is deterministic', () => {
    const noise = createNoise3D(11);
    for (const [x, y, z] of samples) {
      const v = fractalNoise(noise, x, y, z, 4);
      expect(Math.abs(v)).toBeLessThanOrEqual(1);
      expect(fractalNoise(noise, x, y, z, 4)).toBe(v);
    }
  });

  it('adds finer detail with more octaves', () => {
    const noise = createNoise3D(5);
    // Mean size of the second difference over a tenth of a cell: large where there is fine detail.
    const roughness = (octaves: number) => {
      const f = (x: number) => fractalNoise(noise, x, 0.3, 0.7, octaves);
      let sum = 0;
      for (let i = 0; i < 2000; i++) sum += Math.abs(f(i * 0.1 - 0.1) - 2 * f(i * 0.1) + f(i * 0.1 + 0.1));
      return sum;
    };
    expect(roughness(4)).toBeGreaterThan(roughness(1) * 1.2);
  });
});

describe('cloudDensity', () => {
  const field = fieldSize(1080, 1920);
  const density = (t: number, coverage = cloudsDefaults.coverage, seed = 7) => {
    const out = new Float32Array(field.width * field.height);
    cloudDensity(createNoise3D(`clouds-${seed}`), field, { ...cloudsDefaults, coverage }, t, out);
    return out;
  };
  const mean = (a: Float32Array) => a.reduce((s, v) => s + v, 0) / a.length;

  it('samples a small field in the frame aspect', () => {
    expect(field).toEqual({ width: 96, height: 170 });
  });

  it('is 0..1, the same for the same time, and drifts over time', () => {
    const a = density(2);
    expect(Math.min(...a)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...a)).toBeLessThanOrEqual(1);
    expect(density(2)).toEqual(a);
    const later = density(4);
    const changed = a.filter((v, i) => Math.abs(v - later[i]!) > 0.01).length;
    expect(changed).toBeGreaterThan(a.length * 0.1);
  });

  it('more coverage means more cloud; some sky stays clear at the default', () => {
    expect(mean(density(1, 0.9))).toBeGreaterThan(mean(density(1, 0.5)));
    expect(mean(density(1, 0.5))).toBeGreaterThan(mean(density(1, 0.1)));
    const clear = density(1).filter((v) => v === 0).length;
    expect(clear).toBeGreaterThan(0);
  });
});
