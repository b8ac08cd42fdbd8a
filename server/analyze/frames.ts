// Decodes a video into small raw frames (RGB or grey) with ffmpeg, at a
// constant frame rate so frame i is at time i / fps. The analysers (shots,
// colour, composition, text) each ask for the size and rate they need; this
// module knows nothing of what they measure.
import { AnalysisError, DEFAULT_FFMPEG, run, type FfmpegConfig } from './ffmpeg';

export interface FrameSet {
  width: number;
  height: number;
  fps: number;
  /** 3 for RGB (rgb24), 1 for grey. */
  channels: 1 | 3;
  frames: Uint8Array[];
  /** Set when ffmpeg stopped early (a truncated or damaged file): the frames decoded before the damage. */
  decodeError: string | null;
}

export interface DecodeOptions {
  /** Output width in pixels; the height keeps the aspect (even). */
  width: number;
  /** Source width and height, so the output height is known before decoding. */
  sourceWidth: number;
  sourceHeight: number;
  fps: number;
  gray?: boolean;
  /** Decode at most this many seconds from the start. */
  maxSec?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  ffmpeg?: FfmpegConfig;
}

/** The output height for a width, keeping the source aspect, rounded to an even number. */
export const scaledHeight = (width: number, sourceWidth: number, sourceHeight: number): number =>
  Math.max(2, Math.round((width * sourceHeight) / sourceWidth / 2) * 2);

export async function decodeFrames(file: string, options: DecodeOptions): Promise<FrameSet> {
  const width = Math.max(2, Math.round(options.width / 2) * 2);
  const height = scaledHeight(width, options.sourceWidth, options.sourceHeight);
  const channels = options.gray ? 1 : 3;
  const frameBytes = width * height * channels;
  const frames: Uint8Array[] = [];
  let pending: Buffer = Buffer.alloc(0);
  const args = [
    '-hide_banner', '-nostdin', '-v', 'error',
    ...(options.maxSec ? ['-t', String(options.maxSec)] : []),
    '-i', file,
    '-map', '0:v:0', '-an', '-sn',
    '-vf', `fps=${options.fps},scale=${width}:${height}:flags=area,format=${options.gray ? 'gray' : 'rgb24'}`,
    '-f', 'rawvideo', '-pix_fmt', options.gray ? 'gray' : 'rgb24', 'pipe:1',
  ];
  let decodeError: string | null = null;
  try {
    await run((options.ffmpeg ?? DEFAULT_FFMPEG).ffmpeg, args, {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      label: 'decoding the video',
      onStdout: (chunk) => {
        pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
        let offset = 0;
        while (pending.length - offset >= frameBytes) {
          frames.push(new Uint8Array(pending.subarray(offset, offset + frameBytes)));
          offset += frameBytes;
        }
        pending = pending.subarray(offset);
      },
    });
  } catch (error) {
    if (error instanceof AnalysisError || frames.length === 0) {
      if (error instanceof AnalysisError) throw error;
      throw new AnalysisError('input', `the video cannot be decoded (${(error as Error).message})`);
    }
    decodeError = (error as Error).message;
  }
  return { width, height, fps: options.fps, channels, frames, decodeError };
}

/** Mean of channel values per pixel as luma 0..255 (Rec.709 weights for RGB). */
export function lumaPlane(frame: Uint8Array, channels: 1 | 3): Float32Array {
  if (channels === 1) return Float32Array.from(frame);
  const out = new Float32Array(frame.length / 3);
  for (let i = 0, p = 0; p < out.length; i += 3, p++) out[p] = 0.2126 * frame[i]! + 0.7152 * frame[i + 1]! + 0.0722 * frame[i + 2]!;
  return out;
}
