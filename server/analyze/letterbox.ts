// Finds letterbox bars: rows at the top and bottom edge that stay near-black
// in every sampled frame of the video. Dark content (a night scene) has some
// brighter pixels somewhere in each row over time, so it is not a bar. The
// bar edge is found to a fraction of a decoded row from how dark the row
// straddling it is, so a bar can be reported in source pixels.
import { lumaPlane, type FrameSet } from './frames';

/** Bars in decoded rows (fractional); 0 where there is none. */
export interface Bars {
  top: number;
  bottom: number;
}

/** A bar pixel is at most this luma (0..255); H.264 black decodes to 0..~10. */
const DARK = 24;
/** Share of a bar row's pixels (over all frames) allowed above DARK: compression ringing. */
const MAX_BRIGHT_SHARE = 0.003;
/** A bar row's mean luma over all frames is at most this. */
const MAX_BAR_MEAN = 10;
/** Bars covering more than this share of the height mean a black or nearly black video, not a letterbox. */
const MAX_BAR_SHARE = 0.8;
/** At most this many frames, evenly spread, are examined. */
const MAX_FRAMES = 120;

/** Bars of the video (decoded rows), or null when no edge row is near-black in every frame. */
export function detectBars(frames: FrameSet): Bars | null {
  const { width, height } = frames;
  const step = Math.max(1, Math.ceil(frames.frames.length / MAX_FRAMES));
  const sampled = frames.frames.filter((_, i) => i % step === 0);
  if (sampled.length === 0) return null;
  const rowSum = new Float64Array(height);
  const rowBright = new Float64Array(height);
  for (const frame of sampled) {
    const luma = lumaPlane(frame, frames.channels);
    for (let y = 0; y < height; y++) {
      for (let x = 0, p = y * width; x < width; x++, p++) {
        const v = luma[p]!;
        rowSum[y]! += v;
        if (v > DARK) rowBright[y]!++;
      }
    }
  }
  const perRow = width * sampled.length;
  const mean = Array.from(rowSum, (s) => s / perRow);
  const isBar = (y: number) => rowBright[y]! / perRow <= MAX_BRIGHT_SHARE && mean[y]! <= MAX_BAR_MEAN;

  let top = 0;
  while (top < height && isBar(top)) top++;
  let bottom = 0;
  while (bottom < height - top && isBar(height - 1 - bottom)) bottom++;
  if (top + bottom === 0 || top + bottom > height * MAX_BAR_SHARE) return null;

  // The row straddling a bar edge is a blend of black and picture: its share of
  // black is how much darker it is than the next picture row in.
  const black = (rows: number[]) => (rows.length ? rows.reduce((s, y) => s + mean[y]!, 0) / rows.length : 0);
  const partial = (edge: number, inner: number, barRows: number[]) => {
    if (barRows.length === 0 || inner < 0 || inner >= height) return 0;
    const b = black(barRows);
    const picture = mean[inner]! - b;
    if (picture < 8) return 0;
    return Math.min(1, Math.max(0, 1 - (mean[edge]! - b) / picture));
  };
  const topRows = Array.from({ length: top }, (_, i) => i);
  const bottomRows = Array.from({ length: bottom }, (_, i) => height - 1 - i);
  return {
    top: top + partial(top, top + 1, topRows),
    bottom: bottom + partial(height - 1 - bottom, height - 2 - bottom, bottomRows),
  };
}

/** The rows [start, end) of the picture inside the bars. */
export function pictureRows(bars: Bars | null, height: number): { start: number; end: number } {
  if (!bars) return { start: 0, end: height };
  const start = Math.min(height - 1, Math.ceil(bars.top - 0.05));
  const end = Math.max(start + 1, height - Math.ceil(bars.bottom - 0.05));
  return { start, end };
}
