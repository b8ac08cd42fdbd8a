// Ken Burns maths without a browser: the endpoints, monotonic eased motion,
// and (by working the CSS out by hand) that pan ±1 puts the image's edge on
// the frame's edge and that cover never shows a border; schema errors name
// the field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { KEN_BURNS_EASINGS, kenBurnsDefaults, kenBurnsSchema, kenBurnsTransform, type KenBurnsParams } from './ken-burns';

const params = (overrides: Partial<KenBurnsParams>): KenBurnsParams => ({ ...kenBurnsDefaults, ...overrides });

/** The image's edges in frame px, as Chromium lays out the <Img> of KenBurns.tsx (object-fit, object-position, transform about the centre). */
function imageBox(progress: number, p: KenBurnsParams, frame: { w: number; h: number }, image: { w: number; h: number }) {
  const { scale, translateX, translateY, objectX, objectY } = kenBurnsTransform(progress, p);
  const fit = p.fit === 'cover' ? Math.max(frame.w / image.w, frame.h / image.h) : Math.min(frame.w / image.w, frame.h / image.h);
  const axis = (f: number, size: number, position: number, translate: number) => {
    const start = (f - size * fit) * (position / 100);
    const place = (x: number) => f / 2 + scale * (x - f / 2) + (translate / 100) * f;
    return [place(start), place(start + size * fit)] as const;
  };
  const [left, right] = axis(frame.w, image.w, objectX, translateX);
  const [top, bottom] = axis(frame.h, image.h, objectY, translateY);
  return { left, right, top, bottom };
}

const FRAMES = [{ w: 1080, h: 1920 }, { w: 1920, h: 1080 }, { w: 1080, h: 1080 }];
const IMAGES = [{ w: 1600, h: 1200 }, { w: 900, h: 1600 }, { w: 1000, h: 1000 }];

describe('kenBurnsTransform', () => {
  it('starts at zoomFrom/panFrom and ends at zoomTo/panTo', () => {
    const p = params({ zoomFrom: 1.1, zoomTo: 1.6, panFrom: { x: -0.5, y: 0.25 }, panTo: { x: 1, y: -1 } });
    const start = kenBurnsTransform(0, p);
    const end = kenBurnsTransform(1, p);
    expect(start.scale).toBeCloseTo(1.1, 12);
    expect(start.objectX).toBeCloseTo(25, 12);
    expect(start.objectY).toBeCloseTo(62.5, 12);
    expect(start.translateX).toBeCloseTo(0.5 * 0.1 * 50, 12);
    expect(end.scale).toBeCloseTo(1.6, 12);
    expect(end.objectX).toBeCloseTo(100, 12);
    expect(end.objectY).toBeCloseTo(0, 12);
    expect(end.translateX).toBeCloseTo(-0.6 * 50, 12);
    expect(end.translateY).toBeCloseTo(0.6 * 50, 12);
  });

  it('holds the endpoints outside 0..1', () => {
    expect(kenBurnsTransform(-1, kenBurnsDefaults)).toEqual(kenBurnsTransform(0, kenBurnsDefaults));
    expect(kenBurnsTransform(2, kenBurnsDefaults)).toEqual(kenBurnsTransform(1, kenBurnsDefaults));
  });

  it.each(KEN_BURNS_EASINGS)('%s: zoom and pan move monotonically, either way', (easing) => {
    for (const [from, to] of [[1, 1.8], [1.5, 1]] as const) {
      const p = params({ easing, zoomFrom: from, zoomTo: to, panFrom: { x: -1, y: 0.5 }, panTo: { x: 0.6, y: -0.5 } });
      const steps = Array.from({ length: 101 }, (_, i) => kenBurnsTransform(i / 100, p));
      const sign = Math.sign(to - from);
      for (let i = 1; i < steps.length; i++) {
        expect(sign * (steps[i]!.scale - steps[i - 1]!.scale)).toBeGreaterThanOrEqual(0);
        expect(steps[i]!.objectX).toBeGreaterThanOrEqual(steps[i - 1]!.objectX);
        expect(steps[i]!.objectY).toBeLessThanOrEqual(steps[i - 1]!.objectY);
      }
    }
  });

  it('eases: ease-in-out moves less than linear in the first tenth and the same by the middle', () => {
    const p = (easing: KenBurnsParams['easing']) => params({ easing, zoomFrom: 1, zoomTo: 2 });
    expect(kenBurnsTransform(0.1, p('ease-in-out')).scale - 1).toBeLessThan(0.5 * (kenBurnsTransform(0.1, p('linear')).scale - 1));
    expect(kenBurnsTransform(0.5, p('ease-in-out')).scale).toBeCloseTo(kenBurnsTransform(0.5, p('linear')).scale, 6);
  });

  it('zooms geometrically: the same ratio per step', () => {
    const p = params({ easing: 'linear', zoomFrom: 1, zoomTo: 2 });
    expect(kenBurnsTransform(0.5, p).scale).toBeCloseTo(Math.SQRT2, 12);
  });

  it('pan -1 / +1 puts the image\'s left/top or right/bottom edge on the frame\'s, for cover and contain alike', () => {
    for (const fit of ['cover', 'contain'] as const) {
      for (const frame of FRAMES) {
        for (const image of IMAGES) {
          for (const zoom of [1, 1.3, 2]) {
            const p = params({ fit, zoomFrom: zoom, zoomTo: zoom, panFrom: { x: -1, y: -1 }, panTo: { x: 1, y: 1 } });
            const first = imageBox(0, p, frame, image);
            const last = imageBox(1, p, frame, image);
            expect(first.left).toBeCloseTo(0, 6);
            expect(first.top).toBeCloseTo(0, 6);
            expect(last.right).toBeCloseTo(frame.w, 6);
            expect(last.bottom).toBeCloseTo(frame.h, 6);
          }
        }
      }
    }
  });

  it('cover never leaves a border, for any zoom and pan in range', () => {
    for (const frame of FRAMES) {
      for (const image of IMAGES) {
        for (let i = 0; i < 200; i++) {
          const u = (k: number) => ((i * 0.6180339887 * (k + 1)) % 1) * 2 - 1;
          const p = params({ fit: 'cover', zoomFrom: 1 + (u(0) + 1) / 2, zoomTo: 1 + (u(1) + 1) / 2, panFrom: { x: u(2), y: u(3) }, panTo: { x: u(4), y: u(5) } });
          const box = imageBox((i % 11) / 10, p, frame, image);
          expect(box.left).toBeLessThanOrEqual(1e-6);
          expect(box.top).toBeLessThanOrEqual(1e-6);
          expect(box.right).toBeGreaterThanOrEqual(frame.w - 1e-6);
          expect(box.bottom).toBeGreaterThanOrEqual(frame.h - 1e-6);
        }
      }
    }
  });

  it('contain at zoom 1 shows the whole image, centred', () => {
    const box = imageBox(0, params({ fit: 'contain', zoomFrom: 1, zoomTo: 1, panFrom: { x: 0, y: 0 } }), { w: 1080, h: 1920 }, { w: 1600, h: 1200 });
    expect(box.left).toBeCloseTo(0, 6);
    expect(box.right).toBeCloseTo(1080, 6);
    expect(box.top).toBeCloseTo((1920 - 810) / 2, 6);
    expect(box.bottom).toBeCloseTo((1920 + 810) / 2, 6);
  });
});

describe('kenBurnsSchema', () => {
  it('accepts the defaults', () => {
    expect(kenBurnsSchema.parse(kenBurnsDefaults)).toEqual(kenBurnsDefaults);
  });

  it.each([
    [['zoomFrom'], 0.8],
    [['zoomTo'], 2.5],
    [['panFrom', 'x'], 1.5],
    [['panTo', 'y'], -2],
    [['fit'], 'fill'],
    [['easing'], 'bounce'],
  ] as const)('rejects %j = %s with an error naming the field', (path, value) => {
    const props: Record<string, unknown> = structuredClone(kenBurnsDefaults);
    if (path.length === 1) props[path[0]] = value;
    else (props[path[0]] as Record<string, unknown>)[path[1]] = value;
    const result = kenBurnsSchema.safeParse(props);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
    expect(z.prettifyError(result.error!)).toContain(path.join('.'));
  });

  it('describes every field for the Studio editor', () => {
    for (const [name, field] of Object.entries(kenBurnsSchema.shape)) expect(field.description, name).toBeTruthy();
    for (const [name, field] of Object.entries(kenBurnsSchema.shape.panFrom.shape)) expect(field.description, name).toBeTruthy();
  });
});
