// Makes the reference clips the style-analysis tests measure, with ffmpeg:
// textured, moving sources (never flat colours) that each fixture combines
// with cuts, transitions, grades, bars, text and sound whose truth it knows.
// Clips are cached by their ffmpeg arguments in the OS temp dir, so a second
// test run does not re-encode them.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export const CLIP_DIR = path.join(os.tmpdir(), 'noor-analysis-clips');
export const FONT = '/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf';

export interface SourceSize {
  w: number;
  h: number;
  fps: number;
  /** Seconds. */
  dur: number;
}

/** Textured, moving lavfi sources; `seed` varies each so two shots never look the same by accident. */
export const SOURCE_KINDS = ['mandelbrot', 'life', 'testsrc2', 'gradients', 'cellauto', 'noise'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

const palettes = ['#d98c3a', '#2f6db5', '#3f9a5b', '#b83c5e', '#8a63c9', '#c9b13a', '#2aa3a3', '#7a4a2a'];

/** A lavfi source expression for `kind` (no label), `size.dur` seconds long. */
export function source(kind: SourceKind, size: SourceSize, seed = 0): string {
  const { w, h, fps, dur } = size;
  const s = `s=${w}x${h}`;
  const c0 = palettes[seed % palettes.length]!;
  const c1 = palettes[(seed + 3) % palettes.length]!;
  switch (kind) {
    case 'mandelbrot':
      return `mandelbrot=${s}:r=${fps}:start_scale=${(2 + (seed % 5)).toFixed(1)}:end_scale=0.3:start_x=${(-0.743643887 + seed * 0.001).toFixed(9)}:start_y=0.131825904,trim=duration=${dur}`;
    case 'life':
      return `life=${s}:r=${fps}:seed=${seed + 1}:ratio=0.3:mold=20:life_color=${c0}:death_color=${c1}:mold_color=#101010,trim=duration=${dur}`;
    case 'testsrc2':
      return `testsrc2=${s}:r=${fps}:d=${dur},hue=h=${(seed * 47) % 360}`;
    case 'gradients':
      return `gradients=${s}:r=${fps}:d=${dur}:c0=${c0}:c1=${c1}:x0=0:y0=0:x1=${w}:y1=${h}:speed=0.05:seed=${seed + 1},noise=alls=18:allf=t`;
    case 'cellauto':
      return `cellauto=${s}:r=${fps}:seed=${seed + 1}:rule=${[18, 30, 90, 110, 150][seed % 5]}:scroll=1,trim=duration=${dur},colorchannelmixer=rr=${(0.4 + (seed % 3) * 0.3).toFixed(2)}:bb=${(1 - (seed % 3) * 0.3).toFixed(2)}`;
    case 'noise':
      return `color=c=${c0}:${s}:r=${fps}:d=${dur},noise=alls=70:allf=t+u`;
  }
}

/** Runs ffmpeg to make `name` from `args` (everything between the inputs and the output), unless a clip with the same arguments exists. Returns its path. */
export async function makeClip(name: string, args: string[], ext = 'mp4'): Promise<string> {
  mkdirSync(CLIP_DIR, { recursive: true });
  const hash = createHash('sha1').update(args.join('\u0000')).digest('hex').slice(0, 10);
  const out = path.join(CLIP_DIR, `${name}-${hash}.${ext}`);
  if (existsSync(out)) return out;
  const tmp = `${out}.part.${process.pid}.${ext}`;
  await exec('ffmpeg', ['-hide_banner', '-v', 'error', '-y', ...args, tmp], { maxBuffer: 16 * 1024 * 1024 });
  renameSync(tmp, out);
  return out;
}

/** Standard H.264 output settings for fixture clips (small and quick to encode, every frame decodable). */
export const H264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-crf', '20', '-pix_fmt', 'yuv420p', '-g', '30'];
