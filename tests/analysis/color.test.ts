// Accuracy of colour and composition analysis on fixture clips whose truth
// is known (tests/analysis/color.fixtures.ts): temperature, letterbox,
// palette, orderings of saturation/brightness/contrast, the derived grade,
// per-shot colour, camera motion and the salient centre.
import { beforeAll, describe, expect, it } from 'vitest';
import { applyMatrix, gradeToMatrix, parseColor } from '../../compositions/effects/grade';
import { analyzeColor, COLOR_FPS, COLOR_FRAME_WIDTH, deriveGrade, measureColor, NEUTRAL_REFERENCE } from '../../server/analyze/color';
import { analyzeComposition, COMPOSITION_FPS, COMPOSITION_FRAME_WIDTH } from '../../server/analyze/composition';
import { probe } from '../../server/analyze/ffmpeg';
import { decodeFrames, type FrameSet } from '../../server/analyze/frames';
import { type ColorProfile, type ColorStats, type ShotComposition } from '../../server/analyze/profile';
import {
  COLOR_FIXTURES,
  makeColorClip,
  makeMotionClip,
  makeSalientClip,
  MOTION_FIXTURES,
  ORDERINGS,
  SALIENT_FIXTURES,
  TWO_COLOR,
  TWO_SHOTS,
  type ColorFixture,
} from './color.fixtures';

async function load(file: string, width: number, fps: number): Promise<{ frames: FrameSet; durationSec: number; source: { width: number; height: number } }> {
  const info = await probe(file);
  const v = info.video!;
  const frames = await decodeFrames(file, { width, sourceWidth: v.width, sourceHeight: v.height, fps });
  return { frames, durationSec: info.durationSec, source: { width: v.width, height: v.height } };
}

async function colorOf(f: ColorFixture): Promise<ColorProfile> {
  const { frames, durationSec, source } = await load(await makeColorClip(f), COLOR_FRAME_WIDTH, COLOR_FPS);
  return analyzeColor(frames, [{ start: 0, end: durationSec }], source).color;
}

/** Runs `task` over `items`, two at a time (the CI machine has two cores). */
async function inPairs<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await task(items[i]!);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

const rgbDistance = (a: string, b: string) => {
  const [ar, ag, ab] = parseColor(a);
  const [br, bg, bb] = parseColor(b);
  return Math.hypot(ar - br, ag - bg, ab - bb) * 255;
};

describe('colour analysis', () => {
  const results = new Map<string, ColorProfile>();
  beforeAll(async () => {
    const all = [...COLOR_FIXTURES, TWO_COLOR.fixture, ...ORDERINGS.flatMap((o) => [o.low, o.high])];
    const profiles = await inPairs(all, colorOf);
    all.forEach((f, i) => results.set(f.name, profiles[i]!));
  });

  it('tells warm, neutral and cool grades apart on at least 90% of clips', () => {
    const scored = COLOR_FIXTURES.filter((f) => f.temperature);
    const misses = scored.filter((f) => results.get(f.name)!.temperature !== f.temperature);
    const score = 1 - misses.length / scored.length;
    console.log(`colour temperature: ${scored.length - misses.length}/${scored.length} right (${(score * 100).toFixed(0)}%)`, misses.map((f) => `${f.name}: ${results.get(f.name)!.temperature} (warmth ${results.get(f.name)!.warmth})`));
    expect(score).toBeGreaterThanOrEqual(0.9);
  });

  it('finds letterbox bars to within 2 source pixels, and none where there are none', () => {
    for (const f of [...COLOR_FIXTURES, TWO_COLOR.fixture]) {
      const found = results.get(f.name)!.letterbox;
      if (!f.letterbox) {
        expect(found, f.name).toBeNull();
        continue;
      }
      expect(found, f.name).not.toBeNull();
      expect(Math.abs(found!.top - f.letterbox.top), `${f.name} top`).toBeLessThanOrEqual(2);
      expect(Math.abs(found!.bottom - f.letterbox.bottom), `${f.name} bottom`).toBeLessThanOrEqual(2);
    }
  });

  it('keeps the bars out of the colour statistics', () => {
    // The bars are a third of the 9:16 frame: counted, they would pull the mean luma and the shadows to black.
    const vertical = results.get('bars-vertical')!;
    expect(vertical.meanLuma).toBeGreaterThan(0.3);
    expect(vertical.palette.every((p) => rgbDistance(p.hex, '#000000') > 20)).toBe(true);
  });

  it('gives palettes whose weights sum to 1, heaviest first', () => {
    for (const [name, profile] of results) {
      const sum = profile.palette.reduce((s, p) => s + p.weight, 0);
      expect(Math.abs(sum - 1), name).toBeLessThan(0.01);
      expect(profile.palette.map((p) => p.weight), name).toEqual([...profile.palette.map((p) => p.weight)].sort((a, b) => b - a));
    }
  });

  it('finds the dominant colour of a two-colour clip, and the other one second', () => {
    const { palette } = results.get(TWO_COLOR.fixture.name)!;
    expect(rgbDistance(palette[0]!.hex, TWO_COLOR.dominant)).toBeLessThan(20);
    expect(palette[0]!.weight).toBeGreaterThan(0.6);
    expect(rgbDistance(palette[1]!.hex, TWO_COLOR.minor)).toBeLessThan(20);
  });

  it('is deterministic', async () => {
    expect(await colorOf(TWO_COLOR.fixture)).toEqual(results.get(TWO_COLOR.fixture.name));
  });

  it('orders saturation, brightness and contrast', () => {
    for (const { what, low, high } of ORDERINGS) {
      expect(results.get(low.name)![what], `${low.name} < ${high.name}`).toBeLessThan(results.get(high.name)![what] - 0.05);
    }
  });

  it('derives a grade whose signs follow the look', () => {
    for (const f of COLOR_FIXTURES) {
      const { grade, temperature } = results.get(f.name)!;
      if (temperature === 'warm') expect(grade.temperature, f.name).toBeGreaterThan(0);
      if (temperature === 'cool') expect(grade.temperature, f.name).toBeLessThan(0);
    }
    const g = (name: string) => results.get(name)!.grade;
    expect(g('luma-low').exposure).toBeLessThan(g('luma-high').exposure);
    expect(g('sat-grey').saturation).toBeLessThan(g('sat-vivid').saturation);
    expect(g('contrast-low').contrast).toBeLessThan(g('contrast-high').contrast);
    expect(g('neutral-testsrc2').saturation).toBe(-1);
  });

  it('derives grades that move a neutral image toward the measured look', () => {
    const { frame, width, height } = NEUTRAL_REFERENCE;
    const before = measureColor([frame], width, 0, height);
    // Neutral and mid: mean luma 0.45, contrast 0.6, saturation 0.3, no cast.
    expect(before.meanLuma).toBeCloseTo(0.45, 1);
    expect(before.contrast).toBeCloseTo(0.6, 1);
    expect(before.saturation).toBeCloseTo(0.3, 1);
    expect(before.temperature).toBe('neutral');
    const keys = ['meanLuma', 'contrast', 'saturation', 'warmth'] as const;
    const distance = (a: ColorStats, b: ColorStats) => Math.hypot(...keys.map((k) => a[k] - b[k]));
    let checks = 0;
    const wrong: string[] = [];
    for (const [name, target] of results) {
      const matrix = gradeToMatrix(deriveGrade(target));
      const graded = new Uint8Array(frame.length);
      for (let p = 0; p < frame.length; p += 3) {
        const out = applyMatrix(matrix, [frame[p]! / 255, frame[p + 1]! / 255, frame[p + 2]! / 255]);
        out.forEach((v, i) => (graded[p + i] = Math.round(v * 255)));
      }
      const after = measureColor([graded], width, 0, height);
      // As a whole the graded image is closer to the look, and nearly always each statistic is too.
      expect(distance(after, target), name).toBeLessThan(distance(before, target));
      for (const key of keys) {
        const gap = Math.abs(target[key] - before[key]);
        if (gap < 0.03) continue;
        checks++;
        if (Math.abs(target[key] - after[key]) >= gap) wrong.push(`${name} ${key}: ${before[key]} → ${after[key]}, target ${target[key]}`);
      }
    }
    console.log(`derived grade: ${checks - wrong.length}/${checks} statistics moved toward the look`, wrong);
    expect(wrong.length / checks).toBeLessThan(0.1);
  });

  it('measures each shot on its own', async () => {
    const { frames, source } = await load(await makeColorClip(TWO_SHOTS.fixture), COLOR_FRAME_WIDTH, COLOR_FPS);
    const { perShot } = analyzeColor(frames, [{ start: 0, end: TWO_SHOTS.cut }, { start: TWO_SHOTS.cut, end: TWO_SHOTS.fixture.size.dur }], source);
    expect(perShot.map((s) => s.temperature)).toEqual(['warm', 'cool']);
  });
});

describe('composition analysis', () => {
  let motions: ShotComposition[] = [];
  let salients: ShotComposition[] = [];
  beforeAll(async () => {
    const analyze = async (file: string) => {
      const { frames, durationSec } = await load(file, COMPOSITION_FRAME_WIDTH, COMPOSITION_FPS);
      return analyzeComposition(frames, [{ start: 0, end: durationSec }])[0]!;
    };
    motions = await inPairs(MOTION_FIXTURES, async (f) => analyze(await makeMotionClip(f)));
    salients = await inPairs(SALIENT_FIXTURES, async (f) => analyze(await makeSalientClip(f)));
  });

  it('classifies camera motion on at least 90% of clips (moving subjects on a still camera count as static)', () => {
    const truth = [...MOTION_FIXTURES.map((f) => ({ name: f.name, motion: f.motion })), ...SALIENT_FIXTURES.map((f) => ({ name: f.name, motion: 'static' as const }))];
    const found = [...motions, ...salients];
    const misses = truth.flatMap((t, i) => (found[i]!.motion === t.motion ? [] : [`${t.name}: ${found[i]!.motion}`]));
    const score = 1 - misses.length / truth.length;
    console.log(`camera motion: ${truth.length - misses.length}/${truth.length} right (${(score * 100).toFixed(0)}%)`, misses);
    expect(score).toBeGreaterThanOrEqual(0.9);
  });

  it('gets the direction and (within 25%) the speed of each move', () => {
    MOTION_FIXTURES.forEach((f, i) => {
      const found = motions[i]!;
      if (found.motion !== f.motion) return;
      expect(found.direction, f.name).toBe(f.direction);
      if (f.motion === 'static') expect(found.speed, f.name).toBe(0);
      else expect(Math.abs(found.speed / f.speed - 1), `${f.name}: ${found.speed} vs ${f.speed.toFixed(3)}`).toBeLessThan(0.25);
    });
  });

  it('finds the salient object and its thirds point', () => {
    SALIENT_FIXTURES.forEach((f, i) => {
      const found = salients[i]!;
      expect(Math.hypot(found.salient.x - f.x, found.salient.y - f.y), f.name).toBeLessThan(0.06);
      expect(found.thirds, f.name).toBe(f.thirds);
    });
  });
});
