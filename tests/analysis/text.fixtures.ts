// Reference clips for text detection: drawtext overlays on textured, moving
// lavfi backgrounds, each with the truth beside it — when every text appears
// and disappears and how it enters. The truth box is not typed by hand: it is
// measured from the same drawtext filters rendered alone over flat grey at a
// moment the text has settled, so it is exactly what ffmpeg drew.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { TextEntrance } from '../../server/analyze/profile';
import { FONT, H264, makeClip, source, type SourceKind, type SourceSize } from './clips';

const exec = promisify(execFile);

const DEJAVU = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';
const SERIF = '/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf';

export interface TextSpec {
  /** drawtext filters that draw this one text (several for a typewriter). */
  filters: string[];
  start: number;
  end: number;
  entrance: TextEntrance;
  /** A time at which the text is fully on screen, for measuring its box. */
  settled: number;
}

export interface TextFixture {
  name: string;
  kind: SourceKind;
  seed: number;
  size: SourceSize;
  texts: TextSpec[];
}

interface Look {
  text: string;
  size: number;
  color?: string;
  font?: string;
  /** Outline width in pixels (black). */
  border?: number;
  /** Shadow offset in pixels (black). */
  shadow?: number;
  /** A box behind the text: colour@alpha and padding. */
  box?: { color: string; pad: number };
}

/** One drawtext filter; x, y, alpha and fontsize may be expressions in t (quoted, so commas are safe). */
function drawtext(look: Look, at: { x: string; y: string; enable: string; alpha?: string; fontsize?: string }): string {
  const parts = [
    `fontfile=${look.font ?? FONT}`,
    `text='${look.text}'`,
    `fontsize='${at.fontsize ?? look.size}'`,
    `fontcolor=${look.color ?? 'white'}`,
    `x='${at.x}'`,
    `y='${at.y}'`,
    `enable='${at.enable}'`,
  ];
  if (at.alpha) parts.push(`alpha='${at.alpha}'`);
  if (look.border) parts.push(`borderw=${look.border}`, 'bordercolor=black');
  if (look.shadow) parts.push(`shadowx=${look.shadow}`, `shadowy=${look.shadow}`, 'shadowcolor=black@0.8');
  if (look.box) parts.push('box=1', `boxcolor=${look.box.color}`, `boxborderw=${look.box.pad}`);
  return `drawtext=${parts.join(':')}`;
}

const between = (a: number, b: number) => `between(t,${a},${b})`;
/** u: 0..1 progress of the entrance that starts at `a` and lasts `d` seconds. */
const progress = (a: number, d: number) => `min(1,max(0,(t-${a})/${d}))`;
/** Cubic ease-out of the progress. */
const easeOut = (a: number, d: number) => `(1-pow(1-${progress(a, d)},3))`;

/** Appears at full strength at `start`, gone after `end`. */
function none(look: Look, x: string, y: string, start: number, end: number): TextSpec {
  return { filters: [drawtext(look, { x, y, enable: between(start, end) })], start, end, entrance: 'none', settled: (start + end) / 2 };
}

/** Alpha ramps in over `d` seconds (and out over `out` seconds before `end`, when given). */
function fade(look: Look, x: string, y: string, start: number, end: number, d: number, out = 0): TextSpec {
  const alpha = out > 0 ? `min(${progress(start, d)},min(1,max(0,(${end}-t)/${out})))` : progress(start, d);
  return { filters: [drawtext(look, { x, y, alpha, enable: between(start, end) })], start, end, entrance: 'fade', settled: start + d + 0.2 };
}

/** Eases from (x0, y0) to (x, y) over `d` seconds. */
function slide(look: Look, from: { x: string; y: string }, to: { x: string; y: string }, start: number, end: number, d: number): TextSpec {
  const x = `${from.x}+(${to.x}-(${from.x}))*${easeOut(start, d)}`;
  const y = `${from.y}+(${to.y}-(${from.y}))*${easeOut(start, d)}`;
  return { filters: [drawtext(look, { x, y, enable: between(start, end) })], start, end, entrance: 'slide', settled: start + d + 0.2 };
}

/** One character more every `step` seconds; `rtl` reveals from the right end, right-aligned at `right`. */
function typewriter(look: Look, pos: { x?: string; right?: string; y: string }, start: number, end: number, step: number, rtl = false): TextSpec {
  const n = look.text.length;
  // Substrings with a space at the growing end are skipped: they look like the one before.
  const steps: Array<{ shown: string; at: number }> = [];
  for (let i = 1; i <= n; i++) {
    const shown = rtl ? look.text.slice(n - i) : look.text.slice(0, i);
    if (shown.trim() === shown) steps.push({ shown, at: start + (i - 1) * step });
  }
  const x = rtl ? `${pos.right}-text_w` : pos.x!;
  const filters = steps.map((s, k) => drawtext({ ...look, text: s.shown }, { x, y: pos.y, enable: `gte(t,${s.at})*lt(t,${steps[k + 1]?.at ?? end})` }));
  return { filters, start, end, entrance: 'typewriter', settled: start + n * step + 0.2 };
}

/** Font size grows from nothing with an overshoot (ease-out-back) over `d` seconds, centred on (cx, cy). */
function pop(look: Look, cx: string, cy: string, start: number, end: number, d: number): TextSpec {
  const u = progress(start, d);
  const fontsize = `max(2,${look.size}*(1+2.70158*pow(${u}-1,3)+1.70158*pow(${u}-1,2)))`;
  return {
    filters: [drawtext(look, { x: `${cx}-text_w/2`, y: `${cy}-text_h/2`, fontsize, enable: between(start, end) })],
    start,
    end,
    entrance: 'pop',
    settled: start + d + 0.2,
  };
}

const wide = (w: number, fps: number, dur: number): SourceSize => ({ w, h: Math.round((w * 9) / 16 / 2) * 2, fps, dur });
const tall = (h: number, fps: number, dur: number): SourceSize => ({ w: Math.round((h * 9) / 16 / 2) * 2, h, fps, dur });
const centreX = '(w-text_w)/2';

export const TEXT_FIXTURES: TextFixture[] = [
  {
    name: 'fade-life',
    kind: 'life',
    seed: 1,
    size: wide(480, 25, 4),
    texts: [fade({ text: 'GOLDEN HOUR', size: 40 }, centreX, '(h-text_h)/2', 1.0, 3.2, 0.8)],
  },
  {
    name: 'slide-left-cellauto-tall',
    kind: 'cellauto',
    seed: 2,
    size: tall(480, 30, 4),
    texts: [slide({ text: 'SWIPE UP', size: 34, color: '#ffd400', border: 2 }, { x: '-text_w', y: 'h*0.72' }, { x: centreX, y: 'h*0.72' }, 0.8, 3.3, 0.6)],
  },
  {
    name: 'typewriter-gradients',
    kind: 'gradients',
    seed: 3,
    size: wide(480, 24, 4),
    texts: [typewriter({ text: 'TYPEWRITER', size: 32, shadow: 2 }, { x: '40', y: 'h*0.12' }, 0.6, 3.6, 0.12)],
  },
  {
    name: 'pop-mandelbrot',
    kind: 'mandelbrot',
    seed: 4,
    size: wide(384, 25, 4),
    texts: [pop({ text: 'WOW', size: 44, border: 2 }, 'w*0.3', 'h*0.75', 1.2, 3.4, 0.35)],
  },
  {
    name: 'none-box-testsrc2-tall',
    kind: 'testsrc2',
    seed: 5,
    size: tall(432, 24, 3.5),
    texts: [none({ text: 'BREAKING', size: 30, box: { color: 'black@0.6', pad: 8 } }, centreX, 'h*0.55', 0.7, 2.9)],
  },
  {
    name: 'two-texts-noise',
    kind: 'noise',
    seed: 6,
    size: wide(480, 30, 4),
    texts: [
      fade({ text: 'Chapter One', size: 36, font: SERIF, shadow: 2 }, centreX, 'h*0.1', 0.5, 3.0, 0.5),
      none({ text: 'the long road home', size: 24, font: DEJAVU, box: { color: 'black@0.5', pad: 6 } }, centreX, 'h*0.8', 1.5, 3.8),
    ],
  },
  {
    name: 'sequential-life',
    kind: 'life',
    seed: 7,
    size: wide(384, 24, 4),
    texts: [
      none({ text: 'FIRST LINE', size: 30, border: 2 }, '30', 'h*0.45', 0.4, 1.8),
      slide({ text: 'SECOND ONE', size: 30, border: 2 }, { x: '30', y: 'h*0.45+50' }, { x: '30', y: 'h*0.45' }, 2.2, 3.8, 0.5),
    ],
  },
  {
    name: 'typewriter-rtl-cellauto',
    kind: 'cellauto',
    seed: 8,
    size: wide(480, 25, 4.5),
    texts: [typewriter({ text: 'RIGHT TO LEFT', size: 28, color: '#7fe7ff', border: 2 }, { right: 'w-30', y: 'h*0.78' }, 0.5, 3.9, 0.1, true)],
  },
  {
    name: 'fade-out-box-testsrc2',
    kind: 'testsrc2',
    seed: 9,
    size: wide(432, 30, 4),
    texts: [fade({ text: 'Subscribe now', size: 28, font: DEJAVU, box: { color: 'black@0.55', pad: 10 } }, centreX, 'h*0.66', 0.6, 3.2, 0.4, 0.6)],
  },
  {
    name: 'pop-noise-tall',
    kind: 'noise',
    seed: 10,
    size: tall(400, 25, 3.5),
    texts: [pop({ text: 'SALE', size: 48, color: '#40e0ff', border: 3 }, 'w/2', 'h*0.4', 0.9, 3.1, 0.3)],
  },
  {
    name: 'slide-up-gradients-tall',
    kind: 'gradients',
    seed: 11,
    size: tall(480, 24, 4),
    texts: [slide({ text: 'NEW DROP', size: 40, shadow: 3 }, { x: centreX, y: 'h' }, { x: centreX, y: 'h*0.2' }, 0.7, 3.4, 0.7)],
  },
  {
    name: 'none-small-mandelbrot',
    kind: 'mandelbrot',
    seed: 2,
    size: wide(480, 30, 3.5),
    texts: [none({ text: 'Day 12 of 30', size: 22, font: DEJAVU, color: '#ffe0a0', shadow: 1 }, 'w-text_w-24', '20', 0.9, 2.8)],
  },
  {
    name: 'fast-fade-cellauto',
    kind: 'cellauto',
    seed: 21,
    size: wide(400, 30, 4),
    texts: [fade({ text: 'Quick fade', size: 30, font: DEJAVU, shadow: 2 }, '30', 'h*0.3', 1.1, 3.0, 0.3)],
  },
  {
    name: 'slide-right-life',
    kind: 'life',
    seed: 22,
    size: wide(480, 25, 4),
    texts: [slide({ text: 'FROM THE RIGHT', size: 28, color: '#ffd400', border: 2 }, { x: 'w', y: 'h*0.15' }, { x: 'w-text_w-20', y: 'h*0.15' }, 0.9, 3.5, 0.6)],
  },
  {
    name: 'typewriter-and-pop-gradients',
    kind: 'gradients',
    seed: 23,
    size: wide(448, 24, 4.5),
    texts: [
      typewriter({ text: 'hello world', size: 26, font: DEJAVU, border: 2 }, { x: '24', y: 'h*0.2' }, 0.4, 4.0, 0.15),
      pop({ text: 'BIG', size: 52, color: '#ff8040', border: 3 }, 'w*0.7', 'h*0.7', 1.6, 3.8, 0.3),
    ],
  },
  { name: 'no-text-noise', kind: 'noise', seed: 12, size: wide(480, 30, 3), texts: [] },
  { name: 'no-text-life', kind: 'life', seed: 26, size: wide(480, 24, 3.5), texts: [] },
  { name: 'no-text-cellauto', kind: 'cellauto', seed: 13, size: wide(432, 24, 3), texts: [] },
  { name: 'no-text-mandelbrot', kind: 'mandelbrot', seed: 0, size: tall(400, 25, 3), texts: [] },
];

/** Encodes the fixture (cached) and returns its path. */
export function makeTextClip(f: TextFixture): Promise<string> {
  const chain = f.texts.flatMap((t) => t.filters);
  return makeClip(`text-${f.name}`, ['-f', 'lavfi', '-i', source(f.kind, f.size, f.seed), ...(chain.length ? ['-vf', chain.join(',')] : []), ...H264]);
}

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The box (0..1 of the frame) of what `text` draws at its settled time, rendered alone over flat grey. */
export async function truthBox(f: TextFixture, text: TextSpec): Promise<Box> {
  const { w, h, fps, dur } = f.size;
  const { stdout } = await exec(
    'ffmpeg',
    ['-hide_banner', '-v', 'error', '-f', 'lavfi', '-i', `color=c=#808080:s=${w}x${h}:r=${fps}:d=${dur}`, '-vf', text.filters.join(','), '-ss', String(text.settled), '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'],
    { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
  );
  let x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (Math.abs(stdout[y * w + x]! - 128) < 24) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) throw new Error(`${f.name}: the text drew nothing at ${text.settled} s`);
  return { x: x0 / w, y: y0 / h, w: (x1 + 1 - x0) / w, h: (y1 + 1 - y0) / h };
}
