// The light leak without a browser: schema errors that name the field, the
// seeded choice of edge, and (on a context that records what is drawn)
// nothing at intensity 0, the same drawing for the same time and seed, and
// slow change over time.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { drawLightLeak, LIGHT_LEAK_EDGES, lightLeakDefaults, lightLeakEdge, lightLeakSchema, type LightLeakParams } from './light-leak';
import { gradeToMatrix, NEUTRAL_GRADE } from './grade';

const neutral = gradeToMatrix(NEUTRAL_GRADE);

/** A 2D context stand-in that logs every call and gradient stop, enough for drawLightLeak. */
function recordingContext() {
  const log: string[] = [];
  const record = (name: string) => (...args: unknown[]) => {
    log.push(`${name}(${args.map((a) => (typeof a === 'number' ? a.toFixed(3) : String(a))).join(',')})`);
  };
  const ctx = {
    save: record('save'),
    restore: record('restore'),
    translate: record('translate'),
    scale: record('scale'),
    transform: record('transform'),
    fillRect: record('fillRect'),
    createRadialGradient: (...args: number[]) => {
      record('gradient')(...args);
      return { addColorStop: record('stop') };
    },
    set fillStyle(_: unknown) {},
    set globalCompositeOperation(op: string) {
      log.push(`composite=${op}`);
    },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, log };
}

const drawn = (params: LightLeakParams, seed: number, t: number) => {
  const { ctx, log } = recordingContext();
  drawLightLeak(ctx, 540, 960, params, neutral, seed, t);
  return log;
};

describe('drawLightLeak', () => {
  it('draws nothing at intensity 0', () => {
    expect(drawn({ ...lightLeakDefaults, intensity: 0 }, 7, 1)).toEqual([]);
  });

  it('draws a few large soft gradients, restoring the context after', () => {
    const log = drawn(lightLeakDefaults, 7, 1);
    expect(log.filter((l) => l.startsWith('gradient'))).toHaveLength(3);
    const saves = log.filter((l) => l === 'save()').length;
    expect(saves).toBeGreaterThan(0);
    expect(log.filter((l) => l === 'restore()')).toHaveLength(saves);
    expect(log.at(-1)).toBe('restore()');
  });

  it('is a pure function of time and seed', () => {
    expect(drawn(lightLeakDefaults, 7, 2.5)).toEqual(drawn(lightLeakDefaults, 7, 2.5));
    expect(drawn(lightLeakDefaults, 7, 2.5)).not.toEqual(drawn(lightLeakDefaults, 8, 2.5));
  });

  it('changes over time, and holds still at speed 0', () => {
    expect(drawn(lightLeakDefaults, 7, 0)).not.toEqual(drawn(lightLeakDefaults, 7, 2));
    const still = { ...lightLeakDefaults, speed: 0 };
    expect(drawn(still, 7, 0)).toEqual(drawn(still, 7, 2));
  });

  it('mirrors for the right edge and turns for top and bottom', () => {
    const transformOf = (edge: LightLeakParams['edge']) => drawn({ ...lightLeakDefaults, edge }, 7, 0).find((l) => l.startsWith('transform'));
    expect(transformOf('left')).toBe('transform(1.000,0.000,0.000,1.000,0.000,0.000)');
    expect(transformOf('right')).toBe('transform(-1.000,0.000,0.000,1.000,540.000,0.000)');
    expect(transformOf('top')).toBe('transform(0.000,1.000,1.000,0.000,0.000,0.000)');
    expect(transformOf('bottom')).toBe('transform(0.000,-1.000,1.000,0.000,0.000,960.000)');
  });
});

describe('lightLeakEdge', () => {
  it('keeps a fixed edge and picks one of the four for "random", the same for the same seed', () => {
    expect(lightLeakEdge('top', 3)).toBe('top');
    const picks = Array.from({ length: 40 }, (_, seed) => lightLeakEdge('random', seed));
    for (const pick of picks) expect(['left', 'right', 'top', 'bottom']).toContain(pick);
    expect(new Set(picks).size).toBe(4);
    expect(lightLeakEdge('random', 11)).toBe(lightLeakEdge('random', 11));
  });
});

describe('lightLeakSchema', () => {
  it('accepts the defaults and every edge', () => {
    expect(lightLeakSchema.parse(lightLeakDefaults)).toEqual(lightLeakDefaults);
    for (const edge of LIGHT_LEAK_EDGES) expect(lightLeakSchema.safeParse({ ...lightLeakDefaults, edge }).success).toBe(true);
  });

  it.each([
    ['intensity', 1.5],
    ['intensity', -0.2],
    ['edge', 'centre'],
    ['speed', -1],
    ['speed', 10],
    ['color', 'amberish'],
  ])('rejects %s = %s with an error naming the field', (field, value) => {
    const result = lightLeakSchema.safeParse({ ...lightLeakDefaults, [field]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    expect(z.prettifyError(result.error!)).toContain(field);
  });

  it('describes every field for the Studio editor', () => {
    for (const [name, field] of Object.entries(lightLeakSchema.shape)) expect(field.description, name).toBeTruthy();
  });
});
