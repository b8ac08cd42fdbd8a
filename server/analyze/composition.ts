// Shot composition of a reference video: where the salient mass sits (and
// the nearest rule-of-thirds point) and how the camera moves (static, pan,
// tilt or zoom, its direction and speed), per shot. Letterbox bars are left
// out, so positions are fractions of the picture inside them.
import { COLOR_FPS, COLOR_FRAME_WIDTH, shotFrames, type ShotSpan } from './color';
import { lumaPlane, type FrameSet } from './frames';
import { detectBars, pictureRows } from './letterbox';
import { estimateMotion, type FrameMotion } from './motion';
import { type ShotComposition } from './profile';
import { saliencyMap } from './saliency';
import { median } from './stats';

/** Composition shares the colour frames: RGB (grey also works) at this width and rate. */
export const COMPOSITION_FRAME_WIDTH = COLOR_FRAME_WIDTH;
export const COMPOSITION_FPS = COLOR_FPS;

/** Below these rates a shot is static: frame widths per second for pan/tilt, relative scale per second for zoom. */
const STATIC_PAN = 0.02;
const STATIC_ZOOM = 0.03;
/** Saliency is averaged over at most this many frames of a shot. */
const SALIENCY_FRAMES = 8;
/** Pixels below this quantile of a shot's saliency do not pull the salient centre. */
const SALIENT_QUANTILE = 0.9;

const THIRDS = [
  { name: 'top-left', x: 1 / 3, y: 1 / 3 },
  { name: 'top-right', x: 2 / 3, y: 1 / 3 },
  { name: 'bottom-left', x: 1 / 3, y: 2 / 3 },
  { name: 'bottom-right', x: 2 / 3, y: 2 / 3 },
  { name: 'center', x: 0.5, y: 0.5 },
] as const;

const round = (v: number) => Math.round(v * 1000) / 1000;

/** The salient centre (0..1 of the picture) of a shot's frames: the weighted centroid of its most salient pixels. */
function salientCentre(frames: FrameSet, indices: number[], rowStart: number, rowEnd: number): { x: number; y: number } {
  const { width } = frames;
  const height = rowEnd - rowStart;
  const step = Math.max(1, Math.ceil(indices.length / SALIENCY_FRAMES));
  const picked = indices.filter((_, j) => j % step === 0);
  const sum = new Float32Array(width * height);
  for (const i of picked) {
    const map = saliencyMap(frames.frames[i]!, frames.channels, width, rowStart, rowEnd);
    for (let p = 0; p < map.length; p++) sum[p]! += map[p]!;
  }
  const cut = Float32Array.from(sum).sort()[Math.floor(sum.length * SALIENT_QUANTILE)]!;
  let wx = 0;
  let wy = 0;
  let w = 0;
  for (let p = 0; p < sum.length; p++) {
    const v = sum[p]! - cut;
    if (v <= 0) continue;
    const weight = v * v;
    wx += weight * ((p % width) + 0.5);
    wy += weight * (Math.floor(p / width) + 0.5);
    w += weight;
  }
  return w > 0 ? { x: wx / w / width, y: wy / w / height } : { x: 0.5, y: 0.5 };
}

/** Camera motion of a shot from the median of its frame-to-frame motions. */
function cameraMotion(motions: FrameMotion[], width: number, fps: number): Pick<ShotComposition, 'motion' | 'direction' | 'speed'> {
  if (motions.length === 0) return { motion: 'static', direction: null, speed: 0 };
  const tx = median(motions.map((m) => m.tx));
  const ty = median(motions.map((m) => m.ty));
  const k = median(motions.map((m) => m.k));
  const pan = (Math.abs(tx) / width) * fps;
  const tilt = (Math.abs(ty) / width) * fps;
  const zoom = Math.abs(Math.log1p(k)) * fps;
  if (pan < STATIC_PAN && tilt < STATIC_PAN && zoom < STATIC_ZOOM) return { motion: 'static', direction: null, speed: 0 };
  // Compare as how fast the frame edge moves, in frame widths per second: a zoom moves it by half the relative scale.
  if (zoom / 2 > pan && zoom / 2 > tilt) return { motion: 'zoom', direction: k > 0 ? 'in' : 'out', speed: round(zoom) };
  // Content moving left means the camera pans right; content moving down means it tilts up.
  if (pan >= tilt) return { motion: 'pan', direction: tx < 0 ? 'right' : 'left', speed: round(pan) };
  return { motion: 'tilt', direction: ty > 0 ? 'up' : 'down', speed: round(tilt) };
}

/**
 * Composition of each shot. `frames` are decoded at COMPOSITION_FRAME_WIDTH and
 * COMPOSITION_FPS (the colour frames can be reused). Speeds are in frame widths
 * per second for pan and tilt alike, and relative scale change per second
 * (d ln scale / dt) for zoom.
 */
export function analyzeComposition(frames: FrameSet, shots: ShotSpan[]): ShotComposition[] {
  if (frames.frames.length === 0) throw new RangeError('composition analysis needs at least one frame');
  const { width } = frames;
  const { start, end } = pictureRows(detectBars(frames), frames.height);
  const height = end - start;
  const luma = (i: number) => lumaPlane(frames.frames[i]!, frames.channels).subarray(start * width, end * width);
  return shots.map((shot) => {
    const indices = shotFrames(shot, frames.fps, frames.frames.length);
    const motions: FrameMotion[] = [];
    let previous = luma(indices[0]!);
    for (let j = 1; j < indices.length; j++) {
      const current = luma(indices[j]!);
      const m = estimateMotion(previous, current, width, height);
      if (m) motions.push(m);
      previous = current;
    }
    const salient = salientCentre(frames, indices, start, end);
    const thirds = THIRDS.reduce((best, t) => (Math.hypot(t.x - salient.x, t.y - salient.y) < Math.hypot(best.x - salient.x, best.y - salient.y) ? t : best)).name;
    return { salient: { x: round(salient.x), y: round(salient.y) }, thirds, ...cameraMotion(motions, width, frames.fps) };
  });
}
