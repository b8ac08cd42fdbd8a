// Test helpers for rendered output: ffprobe for videos, pngjs for stills,
// and small pixel statistics over regions of a still.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';

export interface ProbeStream {
  codec_type: string;
  codec_name: string;
  width?: number;
  height?: number;
  r_frame_rate?: string;
  nb_frames?: string;
  sample_rate?: string;
  channels?: number;
}

export function ffprobe(file: string): { streams: ProbeStream[]; format: { duration: string; format_name: string } } {
  const json = execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-show_format', '-of', 'json', file], { encoding: 'utf8' });
  return JSON.parse(json);
}

export interface Image {
  width: number;
  height: number;
  data: Buffer;
}

export const readPng = (file: string): Image => PNG.sync.read(readFileSync(file));

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Mean R, G, B and luma (0..255) over a region given in fractions of the image. */
export function regionStats(image: Image, region: Region = { x: 0, y: 0, w: 1, h: 1 }) {
  const x0 = Math.floor(region.x * image.width);
  const y0 = Math.floor(region.y * image.height);
  const x1 = Math.max(x0 + 1, Math.floor((region.x + region.w) * image.width));
  const y1 = Math.max(y0 + 1, Math.floor((region.y + region.h) * image.height));
  let r = 0;
  let g = 0;
  let b = 0;
  let lumaSq = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      const pr = image.data[i]!;
      const pg = image.data[i + 1]!;
      const pb = image.data[i + 2]!;
      r += pr;
      g += pg;
      b += pb;
      const l = 0.2126 * pr + 0.7152 * pg + 0.0722 * pb;
      lumaSq += l * l;
      n++;
    }
  }
  const luma = (0.2126 * r + 0.7152 * g + 0.0722 * b) / n;
  return { r: r / n, g: g / n, b: b / n, luma, lumaStd: Math.sqrt(Math.max(0, lumaSq / n - luma * luma)) };
}

/** Fraction of pixels in a region brighter than `threshold` luma. */
export function brightFraction(image: Image, region: Region, threshold: number): number {
  const x0 = Math.floor(region.x * image.width);
  const y0 = Math.floor(region.y * image.height);
  const x1 = Math.floor((region.x + region.w) * image.width);
  const y1 = Math.floor((region.y + region.h) * image.height);
  let bright = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 4;
      const l = 0.2126 * image.data[i]! + 0.7152 * image.data[i + 1]! + 0.0722 * image.data[i + 2]!;
      if (l > threshold) bright++;
      n++;
    }
  }
  return bright / n;
}

/** Number of pixels whose RGB differs between two same-sized images. */
export function differingPixels(a: Image, b: Image): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  let count = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (a.data[i] !== b.data[i] || a.data[i + 1] !== b.data[i + 1] || a.data[i + 2] !== b.data[i + 2]) count++;
  }
  return count;
}
