// Accuracy of shot-boundary and transition detection against the reference
// clips of shots.fixtures.ts (hard-cut F1, gradual-transition recall, no false
// cuts in flash and fast-motion footage, shots and pacing consistent), plus
// unit tests of the features and detectors on synthetic in-memory frames.
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFrames, type FrameSet } from '../../server/analyze/frames';
import { transitionSchema } from '../../server/analyze/profile';
import { detectCuts, pairSignals } from '../../server/analyze/shot-cuts';
import { blockDistance, frameFeatures, histDistance } from '../../server/analyze/shot-features';
import { detectShots, pacingOf, SHOT_FRAME_WIDTH, type ShotAnalysis } from '../../server/analyze/shots';
import { buildShotFixtures, type ShotFixture } from './shots.fixtures';

const TOLERANCE = 2;

describe('detectShots on the reference clips', () => {
  const results: { fixture: ShotFixture; analysis: ShotAnalysis; frames: number }[] = [];
  let elapsedMs = 0;

  beforeAll(async () => {
    const fixtures = await buildShotFixtures();
    const started = Date.now();
    for (const fixture of fixtures) {
      const set = await decodeFrames(fixture.path, { width: SHOT_FRAME_WIDTH, sourceWidth: fixture.width, sourceHeight: fixture.height, fps: fixture.fps });
      results.push({ fixture, analysis: detectShots(set), frames: set.frames.length });
    }
    elapsedMs = Date.now() - started;
    console.log(`shots: decoded and analysed ${results.length} clips in ${(elapsedMs / 1000).toFixed(1)} s`);
  });

  const cutFrames = (r: (typeof results)[number]) => r.analysis.transitions.filter((t) => t.type === 'cut').map((t) => Math.round(t.start * r.fixture.fps));

  it('finds hard cuts with F1 >= 0.95 at ±2 frames', () => {
    let truePositives = 0;
    let exact = 0;
    let detected = 0;
    let truth = 0;
    for (const r of results) {
      const found = cutFrames(r);
      detected += found.length;
      truth += r.fixture.cuts.length;
      for (const c of r.fixture.cuts) {
        if (found.some((f) => Math.abs(f - c) <= TOLERANCE)) truePositives++;
        if (found.includes(c)) exact++;
      }
    }
    const precision = detected ? truePositives / detected : 1;
    const recall = truth ? truePositives / truth : 1;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    console.log(`shots: hard cuts precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} F1 ${f1.toFixed(3)} (${truePositives}/${truth} found, ${detected} detected, ${exact} exact to the frame)`);
    expect(f1).toBeGreaterThanOrEqual(0.95);
  });

  it('finds gradual transitions (recall >= 0.8, overlapping and of the right type)', () => {
    let matched = 0;
    let truth = 0;
    let detected = 0;
    let detectedTrue = 0;
    const slack = (r: (typeof results)[number]) => 1 / r.fixture.fps;
    for (const r of results) {
      const found = r.analysis.transitions.filter((t) => t.type !== 'cut');
      const overlaps = (a: { start: number; duration: number }, b: { start: number; duration: number }) =>
        a.start <= b.start + b.duration + slack(r) && b.start <= a.start + a.duration + slack(r);
      for (const g of r.fixture.gradual) {
        truth++;
        if (found.some((f) => f.type === g.type && overlaps(f, g))) matched++;
      }
      for (const f of found) {
        detected++;
        if (r.fixture.gradual.some((g) => overlaps(f, g))) detectedTrue++;
      }
    }
    const recall = truth ? matched / truth : 1;
    console.log(`shots: gradual transitions recall ${recall.toFixed(3)} (${matched}/${truth}), precision ${(detected ? detectedTrue / detected : 1).toFixed(3)} (${detectedTrue}/${detected})`);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it('finds no false cut in flash and fast-motion clips', () => {
    for (const r of results.filter((x) => x.fixture.tricky)) {
      const extra = cutFrames(r).filter((f) => !r.fixture.cuts.some((c) => Math.abs(f - c) <= TOLERANCE));
      expect(extra, `${r.fixture.name}: false cuts`).toEqual([]);
    }
  });

  it('covers each video with shots in order and valid transitions', () => {
    for (const r of results) {
      const { shots, transitions } = r.analysis;
      const duration = r.frames / r.fixture.fps;
      expect(shots.length, r.fixture.name).toBeGreaterThan(0);
      expect(shots[0]!.start).toBe(0);
      expect(shots.at(-1)!.end).toBeCloseTo(duration, 6);
      shots.forEach((s, k) => {
        expect(s.end, `${r.fixture.name} shot ${k}`).toBeGreaterThan(s.start);
        if (k > 0) expect(s.start).toBe(shots[k - 1]!.end);
      });
      for (const t of transitions) {
        expect(transitionSchema.safeParse(t).success).toBe(true);
        expect(t.start + t.duration).toBeLessThanOrEqual(duration + 1e-9);
      }
      expect(transitions.map((t) => t.start)).toEqual([...transitions.map((t) => t.start)].sort((a, b) => a - b));
    }
  });

  it('reports pacing consistent with the shots', () => {
    for (const r of results) {
      const { shots, pacing } = r.analysis;
      const lengths = shots.map((s) => s.end - s.start);
      const total = lengths.reduce((a, b) => a + b, 0);
      expect(pacing.shotCount).toBe(shots.length);
      expect(pacing.meanShotSec * pacing.shotCount).toBeCloseTo(total, 6);
      expect(pacing.medianShotSec).toBeGreaterThanOrEqual(Math.min(...lengths));
      expect(pacing.medianShotSec).toBeLessThanOrEqual(Math.max(...lengths));
      expect(pacing.cutsPerMinute).toBeCloseTo(((shots.length - 1) / total) * 60, 6);
    }
  });
});

// ---- synthetic frames ----

const W = 128;
const H = 72;
const FPS = 25;

/** A smooth random colour texture, `scale` times the frame size, from a seed. */
function texture(seed: number, scale = 1): { width: number; height: number; rgb: Uint8Array } {
  let state = seed * 9301 + 49297;
  const rand = () => ((state = (state * 16807) % 2147483647) / 2147483647);
  const width = W * scale;
  const height = H * scale;
  const waves = Array.from({ length: 6 }, () => ({ fx: (rand() * 0.25) / scale, fy: (rand() * 0.25) / scale, phase: rand() * 6.28, channel: Math.floor(rand() * 3) }));
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 3; c++) {
        let v = 110;
        for (const w of waves) v += (w.channel === c ? 45 : 15) * Math.sin(w.fx * x + w.fy * y + w.phase);
        rgb[(y * width + x) * 3 + c] = Math.max(0, Math.min(255, v));
      }
    }
  }
  return { width, height, rgb };
}

/** The W x H window of a texture at (ox, oy). */
function view(tex: ReturnType<typeof texture>, ox: number, oy: number): Uint8Array {
  const out = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) {
    const src = ((oy + y) * tex.width + ox) * 3;
    out.set(tex.rgb.subarray(src, src + W * 3), y * W * 3);
  }
  return out;
}

const frameSet = (frames: Uint8Array[]): FrameSet => ({ width: W, height: H, fps: FPS, channels: 3, frames, decodeError: null });
const map = (frame: Uint8Array, f: (v: number, i: number) => number) => frame.map((v, i) => Math.max(0, Math.min(255, f(v, i))));

/** A slow pan over texture `seed`, frames [from, to). */
const panFrames = (seed: number, from: number, to: number, speed = 1) => {
  const tex = texture(seed, 3);
  return Array.from({ length: to - from }, (_, k) => view(tex, (from + k) * speed, 20));
};

describe('shot features and detectors on synthetic frames', () => {
  it('block distance ignores motion and brightness but not a new picture', () => {
    const tex = texture(1, 2);
    const a = frameFeatures(frameSet([view(tex, 10, 10)]), 0);
    const moved = frameFeatures(frameSet([view(tex, 16, 12)]), 0);
    const brighter = frameFeatures(frameSet([map(view(tex, 10, 10), (v) => v * 0.6 + 90)]), 0);
    const other = frameFeatures(frameSet([view(texture(2, 2), 10, 10)]), 0);
    expect(blockDistance(a, moved).distance).toBeLessThan(0.1);
    expect(blockDistance(a, brighter).distance).toBeLessThan(0.1);
    expect(blockDistance(a, other).distance).toBeGreaterThan(0.4);
    expect(histDistance(a, brighter)).toBeGreaterThan(0.3);
    expect(histDistance(a, moved)).toBeLessThan(0.15);
  });

  it('finds a cut between two look-alike pans exactly at its frame', () => {
    const frames = [...panFrames(3, 0, 30), ...panFrames(4, 30, 60)];
    const result = detectShots(frameSet(frames));
    expect(result.transitions).toEqual([{ type: 'cut', start: 30 / FPS, duration: 0 }]);
    expect(result.shots).toEqual([
      { start: 0, end: 30 / FPS },
      { start: 30 / FPS, end: 60 / FPS },
    ]);
  });

  it('takes a two-frame flash and a strobe for flashes, not cuts', () => {
    const frames = panFrames(5, 0, 60).map((f, i) => ([20, 21, 40, 43, 46].includes(i) ? map(f, (v) => v * 0.3 + 180) : f));
    const features = frameSet(frames).frames.map((_, i) => frameFeatures(frameSet(frames), i));
    const found = detectCuts(features, pairSignals(features), FPS);
    expect(found.cuts).toEqual([]);
    expect(found.flashes).toEqual(expect.arrayContaining([20, 22]));
    expect(detectShots(frameSet(frames)).shots).toHaveLength(1);
  });

  it('finds no cut in a fast pan', () => {
    const result = detectShots(frameSet(panFrames(6, 0, 50, 5)));
    expect(result.transitions.filter((t) => t.type === 'cut')).toEqual([]);
  });

  it('finds a dissolve and a wipe with their boundaries in the middle', () => {
    const a = panFrames(7, 0, 40);
    const b = panFrames(8, 0, 50);
    const c = panFrames(9, 0, 40);
    const dissolve = Array.from({ length: 12 }, (_, k) => map(a[28 + k]!, (v, i) => v * (1 - (k + 1) / 13) + b[k]![i]! * ((k + 1) / 13)));
    const wipe = Array.from({ length: 10 }, (_, k) => {
      const edge = Math.round((W * (k + 1)) / 11);
      return map(b[40 + k]!, (v, i) => (Math.floor(i / 3) % W < edge ? c[k]![i]! : v));
    });
    const frames = [...a.slice(0, 28), ...dissolve, ...b.slice(12, 40), ...wipe, ...c.slice(10, 40)];
    const wipeStart = 28 + 12 + 28;
    const result = detectShots(frameSet(frames));
    const gradual = result.transitions.filter((t) => t.type !== 'cut');
    expect(result.transitions.filter((t) => t.type === 'cut')).toEqual([]);
    expect(gradual.map((t) => t.type)).toEqual(['dissolve', 'wipe']);
    expect(Math.abs(Math.round(gradual[0]!.start * FPS) - 28)).toBeLessThanOrEqual(2);
    expect(Math.abs(Math.round(gradual[1]!.start * FPS) - wipeStart)).toBeLessThanOrEqual(2);
    expect(result.shots).toHaveLength(3);
    expect(Math.abs(Math.round(result.shots[0]!.end * FPS) - 34)).toBeLessThanOrEqual(2);
  });

  it('makes a fade out and a fade in two transitions with one boundary at the black', () => {
    const a = panFrames(10, 0, 40);
    const b = panFrames(11, 0, 40);
    const frames = [
      ...a.slice(0, 25),
      ...a.slice(25, 35).map((f, k) => map(f, (v) => v * (1 - (k + 1) / 10))),
      ...Array.from({ length: 4 }, () => new Uint8Array(W * H * 3)),
      ...b.slice(0, 10).map((f, k) => map(f, (v) => v * ((k + 1) / 10))),
      ...b.slice(10, 40),
    ];
    const result = detectShots(frameSet(frames));
    expect(result.transitions.map((t) => t.type)).toEqual(['fade_to_black', 'fade_from_black']);
    expect(result.shots).toHaveLength(2);
    expect(result.shots[0]!.end).toBeGreaterThanOrEqual(35 / FPS);
    expect(result.shots[0]!.end).toBeLessThanOrEqual(39 / FPS);
  });

  it('computes pacing from shot lengths', () => {
    const pacing = pacingOf([
      { start: 0, end: 1 },
      { start: 1, end: 4 },
      { start: 4, end: 6 },
    ]);
    expect(pacing.shotCount).toBe(3);
    expect(pacing.meanShotSec).toBeCloseTo(2, 9);
    expect(pacing.medianShotSec).toBe(2);
    expect(pacing.stdShotSec).toBeCloseTo(Math.sqrt(2 / 3), 9);
    expect(pacing.cutsPerMinute).toBeCloseTo(20, 9);
  });
});
