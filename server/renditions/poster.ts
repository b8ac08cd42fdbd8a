// Stills from a finished rendition: the poster frame (a JPEG at the rendition's
// own size) and, where the platform takes one, a cover image fitted and padded
// to the platform's cover size. Without a chosen time the poster is the
// brightest of a few candidates (about 1 s in, and a quarter, half and three
// quarters through), so a fade from black never becomes the thumbnail.
import { stat } from 'node:fs/promises';
import type { FfmpegConfig } from '../analyze/ffmpeg';
import { RenditionError, runFailure } from './errors';
import type { FfmpegRunner } from './runner';

interface StillContext {
  ffmpeg: FfmpegConfig;
  runner: FfmpegRunner;
  timeoutMs: number;
}

const seek = (sec: number) => sec.toFixed(3);

/** Times worth trying for a poster, each at least a frame before the end. */
function posterCandidates(durationSec: number): number[] {
  const last = Math.max(0, durationSec - 0.1);
  const times = [1, durationSec * 0.25, durationSec * 0.5, durationSec * 0.75].map((t) => Math.min(last, Math.max(0, t)));
  return [...new Set(times.map((t) => Number(t.toFixed(3))))];
}

async function meanLuma(file: string, sec: number, ctx: StillContext): Promise<number> {
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-ss', seek(sec), '-i', file, '-frames:v', '1', '-vf', 'scale=32:32,format=gray', '-f', 'rawvideo', '-'];
  const { stdout } = await ctx.runner(ctx.ffmpeg.ffmpeg, args, { timeoutMs: ctx.timeoutMs, label: 'reading a poster candidate' }).catch((error: unknown) => {
    throw runFailure(error, 'output', `the frame at ${seek(sec)} s of ${file} could not be read`);
  });
  return stdout.length === 0 ? 0 : stdout.reduce((sum, v) => sum + v, 0) / stdout.length;
}

/** The chosen time, checked against the duration, or the brightest candidate. */
export async function choosePosterTime(file: string, durationSec: number, asked: number | undefined, ctx: StillContext): Promise<number> {
  if (asked !== undefined) {
    if (!(asked >= 0 && asked < durationSec)) throw new RenditionError('posterTimeSec', `${asked} s is outside the ${durationSec.toFixed(2)} s video`);
    return asked;
  }
  const candidates = posterCandidates(durationSec);
  let best = { time: candidates[0] ?? 0, luma: -1 };
  for (const time of candidates) {
    const luma = await meanLuma(file, time, ctx);
    if (luma > best.luma) best = { time, luma };
  }
  return best.time;
}

/** Writes a JPEG of the frame at `sec`, at the video's size or fitted and padded into `box`. */
export async function writeStill(file: string, sec: number, out: string, box: { width: number; height: number } | null, ctx: StillContext): Promise<void> {
  const fit = box
    ? ['-vf', `scale=${box.width}:${box.height}:force_original_aspect_ratio=decrease:flags=lanczos,pad=${box.width}:${box.height}:(ow-iw)/2:(oh-ih)/2:color=black,setsar=1`]
    : [];
  const args = ['-hide_banner', '-nostdin', '-v', 'error', '-y', '-ss', seek(sec), '-i', file, '-frames:v', '1', ...fit, '-c:v', 'mjpeg', '-q:v', '2', '-f', 'image2', out];
  await ctx.runner(ctx.ffmpeg.ffmpeg, args, { timeoutMs: ctx.timeoutMs, label: 'writing a still' }).catch((error: unknown) => {
    throw runFailure(error, 'output', `a still at ${seek(sec)} s of ${file} could not be written`);
  });
  const info = await stat(out).catch(() => null);
  if (!info || info.size === 0) throw new RenditionError('output', `ffmpeg wrote no still at ${seek(sec)} s of ${file}`);
}
