// Extracts one small JPEG per shot (the frame at the shot's middle, ~200 px
// wide) from the input with ffmpeg, as data URIs for the self-contained
// report. A shot whose frame cannot be had (no video stream, a failed or empty
// extraction) gets a placeholder with the reason instead of failing the report.
import type { Shot } from '../profile';
import { DEFAULT_FFMPEG, probe, run, type FfmpegConfig } from '../ffmpeg';
import type { Thumbnail } from './timeline';

export const THUMB_WIDTH = 200;
/** ffmpeg runs at most this many extractions at once (the machine is shared). */
const CONCURRENCY = 2;

export interface ThumbnailOptions {
  ffmpeg?: FfmpegConfig;
  /** Per ffmpeg call. */
  timeoutMs?: number;
}

/** True when `data` starts with the JPEG start-of-image marker. */
export const isJpeg = (data: Uint8Array): boolean => data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;

/** The time to take a shot's thumbnail at: its middle, kept a little inside the video. */
export function thumbnailTime(shot: Shot, durationSec: number): number {
  const middle = (shot.start + shot.end) / 2;
  return Math.max(0, Math.min(middle, durationSec - 0.05));
}

const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 240);

async function frameAt(input: string, time: number, config: FfmpegConfig, timeoutMs: number): Promise<Thumbnail> {
  try {
    const { stdout } = await run(
      config.ffmpeg,
      ['-hide_banner', '-v', 'error', '-ss', time.toFixed(3), '-i', input, '-map', '0:v:0', '-frames:v', '1', '-vf', `scale=${THUMB_WIDTH}:-2:flags=bicubic`, '-an', '-f', 'image2pipe', '-c:v', 'mjpeg', '-q:v', '4', 'pipe:1'],
      { timeoutMs, label: 'thumbnail extraction' },
    );
    if (!isJpeg(stdout)) return { dataUri: null, reason: `no frame at ${time.toFixed(2)} s` };
    return { dataUri: `data:image/jpeg;base64,${stdout.toString('base64')}`, reason: null };
  } catch (error) {
    return { dataUri: null, reason: `frame extraction failed: ${reasonOf(error)}` };
  }
}

/** One thumbnail per shot, in order. Never rejects: failures become placeholders. */
export async function extractThumbnails(input: string, shots: readonly Shot[], options: ThumbnailOptions = {}): Promise<Thumbnail[]> {
  if (shots.length === 0) return [];
  const config = options.ffmpeg ?? DEFAULT_FFMPEG;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let durationSec: number;
  try {
    const info = await probe(input, config, timeoutMs);
    if (!info.video) return shots.map(() => ({ dataUri: null, reason: 'the input has no video stream' }));
    durationSec = info.durationSec > 0 ? info.durationSec : Math.max(...shots.map((s) => s.end));
  } catch (error) {
    const reason = reasonOf(error);
    return shots.map(() => ({ dataUri: null, reason }));
  }
  const thumbs = new Array<Thumbnail>(shots.length);
  let next = 0;
  const worker = async () => {
    while (next < shots.length) {
      const i = next++;
      thumbs[i] = await frameAt(input, thumbnailTime(shots[i]!, durationSec), config, timeoutMs);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, shots.length) }, worker));
  return thumbs;
}
