// A saliency map of one frame for composition analysis: how far each
// (slightly blurred) pixel's CIELAB colour is from the frame's mean colour
// (frequency-tuned saliency, Achanta et al. 2009), plus a bonus for being
// brighter than the mean, since bright areas draw the eye. The blur keeps
// fine texture from counting as salient.
import { rgbToLab } from './palette';

/** Box-blur radius in pixels (applied twice: close to a Gaussian). */
const BLUR = 2;
/** Weight of brightness above the mean (in L units) added to the colour distance. */
const BRIGHTNESS_BONUS = 0.5;

function boxBlur(plane: Float32Array, width: number, height: number): Float32Array {
  const tmp = new Float32Array(plane.length);
  const out = new Float32Array(plane.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      let n = 0;
      for (let i = Math.max(0, x - BLUR); i <= Math.min(width - 1, x + BLUR); i++, n++) s += plane[y * width + i]!;
      tmp[y * width + x] = s / n;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      let n = 0;
      for (let j = Math.max(0, y - BLUR); j <= Math.min(height - 1, y + BLUR); j++, n++) s += tmp[j * width + x]!;
      out[y * width + x] = s / n;
    }
  }
  return out;
}

/** Saliency of rows [rowStart, rowEnd) of a frame (RGB or grey, `width` wide); one value per pixel of those rows. */
export function saliencyMap(frame: Uint8Array, channels: 1 | 3, width: number, rowStart: number, rowEnd: number): Float32Array {
  const height = rowEnd - rowStart;
  const n = width * height;
  const planes = [new Float32Array(n), new Float32Array(n), new Float32Array(n)] as const;
  const lab = new Float64Array(3);
  for (let p = 0; p < n; p++) {
    const at = (rowStart * width + p) * channels;
    if (channels === 3) rgbToLab(frame[at]!, frame[at + 1]!, frame[at + 2]!, lab, 0);
    else rgbToLab(frame[at]!, frame[at]!, frame[at]!, lab, 0);
    planes[0][p] = lab[0]!;
    planes[1][p] = lab[1]!;
    planes[2][p] = lab[2]!;
  }
  const means = planes.map((plane) => plane.reduce((s, v) => s + v, 0) / n);
  const blurred = planes.map((plane) => boxBlur(boxBlur(plane, width, height), width, height));
  const out = new Float32Array(n);
  for (let p = 0; p < n; p++) {
    const dl = blurred[0]![p]! - means[0]!;
    const da = blurred[1]![p]! - means[1]!;
    const db = blurred[2]![p]! - means[2]!;
    out[p] = Math.sqrt(dl * dl + da * da + db * db) + BRIGHTNESS_BONUS * Math.max(0, dl);
  }
  return out;
}
