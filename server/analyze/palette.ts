// Dominant colours of a set of RGB pixels: seeded k-means in CIELAB (so
// distances are perceptual), then clusters closer than a just-visible
// difference are merged, so a textured area of one colour is one entry.
// Deterministic: the same pixels always give the same palette.

export interface PaletteEntry {
  hex: string;
  weight: number;
}

const K = 6;
const ITERATIONS = 12;
/** Clusters whose Lab centres are closer than this are one colour. */
const MERGE_DELTA_E = 14;
/** Entries lighter than this share of the pixels are dropped (the rest renormalised). */
const MIN_WEIGHT = 0.02;

/** A small seeded PRNG (mulberry32), so palettes are reproducible. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINEAR = Float64Array.from({ length: 256 }, (_, i) => {
  const c = i / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
});
const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);

/** sRGB bytes to CIELAB (D65), written into `out` at `at`. */
export function rgbToLab(r: number, g: number, b: number, out: Float64Array | Float32Array, at: number): void {
  const lr = LINEAR[r]!;
  const lg = LINEAR[g]!;
  const lb = LINEAR[b]!;
  const x = f((0.4124 * lr + 0.3576 * lg + 0.1805 * lb) / 0.95047);
  const y = f(0.2126 * lr + 0.7152 * lg + 0.0722 * lb);
  const z = f((0.0193 * lr + 0.1192 * lg + 0.9505 * lb) / 1.08883);
  out[at] = 116 * y - 16;
  out[at + 1] = 500 * (x - y);
  out[at + 2] = 200 * (y - z);
}

const toHex = (v: number) => Math.max(0, Math.min(255, Math.round(v))).toString(16).padStart(2, '0');
export const rgbHex = (r: number, g: number, b: number): string => `#${toHex(r)}${toHex(g)}${toHex(b)}`;

interface Cluster {
  lab: [number, number, number];
  rgb: [number, number, number];
  count: number;
}

/** Palette of `rgb` (packed RGB triples, at most a few tens of thousands), heaviest first, weights summing to 1. */
export function palette(rgb: Uint8Array, seed = 1): PaletteEntry[] {
  const n = rgb.length / 3;
  if (n === 0) return [];
  const lab = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) rgbToLab(rgb[i * 3]!, rgb[i * 3 + 1]!, rgb[i * 3 + 2]!, lab, i * 3);
  const dist = (i: number, c: Float64Array, j: number) => {
    const d0 = lab[i * 3]! - c[j * 3]!;
    const d1 = lab[i * 3 + 1]! - c[j * 3 + 1]!;
    const d2 = lab[i * 3 + 2]! - c[j * 3 + 2]!;
    return d0 * d0 + d1 * d1 + d2 * d2;
  };

  // k-means++ seeding.
  const random = seededRandom(seed);
  const k = Math.min(K, n);
  const centres = new Float64Array(k * 3);
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random() * n);
  for (let c = 0; c < k; c++) {
    centres.set(lab.subarray(pick * 3, pick * 3 + 3), c * 3);
    let total = 0;
    for (let i = 0; i < n; i++) {
      nearest[i] = Math.min(nearest[i]!, dist(i, centres, c));
      total += nearest[i]!;
    }
    let target = random() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i]!;
      if (target <= 0) {
        pick = i;
        break;
      }
    }
  }

  const label = new Uint8Array(n);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    const sums = new Float64Array(k * 4);
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const d = dist(i, centres, c);
        if (d < bestD) {
          bestD = d;
          best = c;
        }
      }
      label[i] = best;
      sums[best * 4]! += lab[i * 3]!;
      sums[best * 4 + 1]! += lab[i * 3 + 1]!;
      sums[best * 4 + 2]! += lab[i * 3 + 2]!;
      sums[best * 4 + 3]!++;
    }
    for (let c = 0; c < k; c++) {
      const count = sums[c * 4 + 3]!;
      if (count > 0) for (let j = 0; j < 3; j++) centres[c * 3 + j] = sums[c * 4 + j]! / count;
    }
  }

  let clusters: Cluster[] = Array.from({ length: k }, (_, c) => ({
    lab: [centres[c * 3]!, centres[c * 3 + 1]!, centres[c * 3 + 2]!],
    rgb: [0, 0, 0],
    count: 0,
  }));
  for (let i = 0; i < n; i++) {
    const c = clusters[label[i]!]!;
    c.rgb[0] += rgb[i * 3]!;
    c.rgb[1] += rgb[i * 3 + 1]!;
    c.rgb[2] += rgb[i * 3 + 2]!;
    c.count++;
  }
  clusters = mergeClose(clusters.filter((c) => c.count > 0));
  const kept = clusters.filter((c) => c.count / n >= MIN_WEIGHT).sort((a, b) => b.count - a.count);
  const total = kept.reduce((s, c) => s + c.count, 0);
  return kept.map((c) => ({ hex: rgbHex(c.rgb[0] / c.count, c.rgb[1] / c.count, c.rgb[2] / c.count), weight: c.count / total }));
}

/** Repeatedly merges the closest pair of clusters while it is closer than MERGE_DELTA_E. */
function mergeClose(clusters: Cluster[]): Cluster[] {
  const out = [...clusters];
  for (;;) {
    let best: [number, number] | null = null;
    let bestD = MERGE_DELTA_E * MERGE_DELTA_E;
    for (let a = 0; a < out.length; a++) {
      for (let b = a + 1; b < out.length; b++) {
        const d = out[a]!.lab.reduce((s, v, j) => s + (v - out[b]!.lab[j]!) ** 2, 0);
        if (d < bestD) {
          bestD = d;
          best = [a, b];
        }
      }
    }
    if (!best) return out;
    const [a, b] = [out[best[0]]!, out[best[1]]!];
    const count = a.count + b.count;
    const lab = a.lab.map((v, j) => (v * a.count + b.lab[j]! * b.count) / count) as [number, number, number];
    const rgb = a.rgb.map((v, j) => v + b.rgb[j]!) as [number, number, number];
    out.splice(best[1], 1);
    out[best[0]] = { lab, rgb, count };
  }
}
