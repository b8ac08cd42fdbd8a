// Text detection on reference clips with known overlays (text.fixtures.ts):
// every text must be found near its true start and end, in its true box,
// with the right entrance often enough, and clips without text must give none.
// Scores are printed so a regression shows by how much, not only that it failed.
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeFrames } from '../../server/analyze/frames';
import { textSchema, type TextAppearance, type TextEntrance, TEXT_ENTRANCES } from '../../server/analyze/profile';
import { detectText, TEXT_FPS, TEXT_FRAME_WIDTH } from '../../server/analyze/text';
import { typedFrom } from '../../server/analyze/text-entrance';
import { makeTextClip, TEXT_FIXTURES, truthBox, type Box, type TextFixture, type TextSpec } from './text.fixtures';

interface Outcome {
  fixture: TextFixture;
  truth: Array<TextSpec & { box: Box }>;
  found: TextAppearance[];
}

interface Pair {
  fixture: string;
  truth: TextSpec & { box: Box };
  found: TextAppearance | null;
}

const iou = (p: Box, q: Box): number => {
  const w = Math.min(p.x + p.w, q.x + q.w) - Math.max(p.x, q.x);
  const h = Math.min(p.y + p.h, q.y + q.h) - Math.max(p.y, q.y);
  const i = w > 0 && h > 0 ? w * h : 0;
  return i / (p.w * p.h + q.w * q.h - i);
};

async function analyse(fixture: TextFixture): Promise<Outcome> {
  const file = await makeTextClip(fixture);
  const truth = await Promise.all(fixture.texts.map(async (t) => ({ ...t, box: await truthBox(fixture, t) })));
  const frames = await decodeFrames(file, { width: TEXT_FRAME_WIDTH, sourceWidth: fixture.size.w, sourceHeight: fixture.size.h, fps: TEXT_FPS, gray: true });
  return { fixture, truth, found: detectText(frames) };
}

/** Each true text paired with the unused detection that overlaps it most in box and time. */
function pairUp(outcomes: Outcome[]): { pairs: Pair[]; extra: Array<{ fixture: string; found: TextAppearance }> } {
  const pairs: Pair[] = [];
  const extra: Array<{ fixture: string; found: TextAppearance }> = [];
  for (const o of outcomes) {
    const unused = new Set(o.found);
    for (const truth of o.truth) {
      let best: TextAppearance | null = null;
      let bestIou = 0.1;
      for (const d of unused) {
        const v = iou(truth.box, d.box);
        if (d.start < truth.end && truth.start < d.end && v > bestIou) {
          best = d;
          bestIou = v;
        }
      }
      if (best) unused.delete(best);
      pairs.push({ fixture: o.fixture.name, truth, found: best });
    }
    for (const d of unused) extra.push({ fixture: o.fixture.name, found: d });
  }
  return { pairs, extra };
}

const share = (pairs: Pair[], ok: (p: Pair & { found: TextAppearance }) => boolean): number =>
  pairs.filter((p) => p.found !== null && ok(p as Pair & { found: TextAppearance })).length / pairs.length;

describe('detectText on reference clips', () => {
  let outcomes: Outcome[] = [];
  let pairs: Pair[] = [];
  let extra: Array<{ fixture: string; found: TextAppearance }> = [];

  beforeAll(async () => {
    const started = Date.now();
    // Two at a time: the machine's cores are shared.
    const queue = [...TEXT_FIXTURES];
    const work = async () => {
      for (let f = queue.shift(); f; f = queue.shift()) outcomes.push(await analyse(f));
    };
    await Promise.all([work(), work()]);
    outcomes = TEXT_FIXTURES.map((f) => outcomes.find((o) => o.fixture === f)!);
    ({ pairs, extra } = pairUp(outcomes.filter((o) => o.truth.length > 0)));
    for (const p of pairs) {
      const d = p.found;
      console.log(
        `${p.fixture.padEnd(26)} truth ${p.truth.start.toFixed(2)}-${p.truth.end.toFixed(2)} ${p.truth.entrance.padEnd(10)}` +
          (d ? ` found ${d.start.toFixed(2)}-${d.end.toFixed(2)} ${d.entrance.padEnd(10)} IoU ${iou(p.truth.box, d.box).toFixed(2)}` : ' MISSED'),
      );
    }
    for (const e of extra) console.log(`${e.fixture.padEnd(26)} EXTRA ${JSON.stringify(e.found)}`);
    console.log(`text: ${TEXT_FIXTURES.length} clips analysed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 600_000);

  it('covers every entrance, several backgrounds, both aspects and 24/25/30 fps', () => {
    const texts = TEXT_FIXTURES.flatMap((f) => f.texts);
    expect(new Set(texts.map((t) => t.entrance))).toEqual(new Set(TEXT_ENTRANCES));
    expect(new Set(TEXT_FIXTURES.map((f) => f.kind)).size).toBeGreaterThanOrEqual(5);
    expect(TEXT_FIXTURES.some((f) => f.size.h > f.size.w) && TEXT_FIXTURES.some((f) => f.size.w > f.size.h)).toBe(true);
    expect(new Set(TEXT_FIXTURES.map((f) => f.size.fps))).toEqual(new Set([24, 25, 30]));
  });

  it('returns schema-valid appearances', () => {
    for (const o of outcomes) for (const d of o.found) expect(textSchema.safeParse(d).success).toBe(true);
  });

  it('finds no text on clips without any', () => {
    for (const o of outcomes.filter((x) => x.truth.length === 0)) expect(o.found, o.fixture.name).toEqual([]);
  });

  it('invents at most one text on the clips with text', () => {
    expect(extra.length).toBeLessThanOrEqual(1);
  });

  it('finds the start within ±0.3 s for at least 80% of texts', () => {
    const score = share(pairs, (p) => Math.abs(p.found.start - p.truth.start) <= 0.3);
    console.log(`text start within ±0.3 s: ${(score * 100).toFixed(0)}% of ${pairs.length}`);
    expect(score).toBeGreaterThanOrEqual(0.8);
  });

  it('finds the end within ±0.3 s for most texts', () => {
    const score = share(pairs, (p) => Math.abs(p.found.end - p.truth.end) <= 0.3);
    console.log(`text end within ±0.3 s: ${(score * 100).toFixed(0)}% of ${pairs.length}`);
    expect(score).toBeGreaterThanOrEqual(0.7);
  });

  it('finds the box (IoU ≥ 0.5) for most texts', () => {
    const score = share(pairs, (p) => iou(p.truth.box, p.found.box) >= 0.5);
    console.log(`text box IoU ≥ 0.5: ${(score * 100).toFixed(0)}% of ${pairs.length}`);
    expect(score).toBeGreaterThanOrEqual(0.7);
  });

  it('classifies the entrance right for a clear majority', () => {
    const confusion = new Map<string, number>();
    for (const p of pairs) {
      const key = `${p.truth.entrance} -> ${p.found?.entrance ?? 'missed'}`;
      confusion.set(key, (confusion.get(key) ?? 0) + 1);
    }
    console.log(`text entrance confusion (truth -> found): ${[...confusion].map(([k, v]) => `${k}: ${v}`).join(', ')}`);
    const score = share(pairs, (p) => p.found.entrance === p.truth.entrance);
    console.log(`text entrance right: ${(score * 100).toFixed(0)}% of ${pairs.length}`);
    expect(score).toBeGreaterThanOrEqual(0.65);
    // Not one kind guessed everywhere: every entrance is recognised at least once.
    const recognised = new Set(pairs.filter((p) => p.found?.entrance === p.truth.entrance).map((p) => p.truth.entrance));
    expect(recognised.size).toBeGreaterThanOrEqual(4);
  });
});

describe('text detection pieces', () => {
  it('reads a partly typed text from its column bands, either way', () => {
    const on = 1, off = 0;
    expect(typedFrom([on, on, on, off, off, off, off, off])).toBe('ltr');
    expect(typedFrom([off, off, off, off, off, on, on, on])).toBe('rtl');
    expect(typedFrom([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]), 'an even half-strength text is a fade').toBeNull();
    expect(typedFrom([on, off, on, off, on, off, on, off]), 'scattered bands are not typing').toBeNull();
  });

  it('finds nothing in a clip too short to judge', () => {
    const still = new Uint8Array(64 * 36).fill(128);
    const entrances: TextEntrance[] = detectText({ width: 64, height: 36, fps: TEXT_FPS, channels: 1, frames: [still, still, still], decodeError: null }).map((t) => t.entrance);
    expect(entrances).toEqual([]);
  });
});
