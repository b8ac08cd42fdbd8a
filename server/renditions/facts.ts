// Probes a video file with ffprobe into the MediaFacts that validate() checks
// (display size after rotation, duration, frame rate, size, codecs, container)
// plus the encoding details a rendition must have (H.264 profile, pixel format,
// audio profile, rate and channels). A missing, empty or undecodable file is a
// RenditionError naming the file; this module never changes a file.
import { stat } from 'node:fs/promises';
import { z } from 'zod';
import type { FfmpegConfig } from '../analyze/ffmpeg';
import type { MediaFacts } from '../platforms/validate';
import { RenditionError, runFailure } from './errors';
import { defaultRunner, type FfmpegRunner } from './runner';

export interface VideoProbe {
  facts: MediaFacts;
  video: { profile: string | null; pixFmt: string | null };
  audio: { profile: string | null; sampleRate: number; channels: number } | null;
}

const streamSchema = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  profile: z.string().optional(),
  pix_fmt: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  sample_rate: z.string().optional(),
  channels: z.number().optional(),
  duration: z.string().optional(),
  tags: z.record(z.string(), z.string()).optional(),
  side_data_list: z.array(z.object({ rotation: z.number().optional() }).loose()).optional(),
  disposition: z.object({ attached_pic: z.number().optional() }).loose().optional(),
});
const probeSchema = z.object({
  streams: z.array(streamSchema.loose()).default([]),
  format: z.object({ format_name: z.string().optional(), duration: z.string().optional(), size: z.string().optional() }).loose().optional(),
});

const rate = (text: string | undefined): number => {
  const [n, d] = (text ?? '').split('/').map(Number);
  const value = d ? (n ?? 0) / d : (n ?? 0);
  return Number.isFinite(value) ? value : 0;
};

export async function probeVideo(file: string, role: 'input' | 'output', ffmpeg: FfmpegConfig, runner: FfmpegRunner = defaultRunner): Promise<VideoProbe> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new RenditionError(role, `${file} does not exist`);
  if (!info.isFile()) throw new RenditionError(role, `${file} is not a file`);
  if (info.size === 0) throw new RenditionError(role, `${file} is empty (0 bytes)`);

  let parsed: z.infer<typeof probeSchema>;
  try {
    const { stdout } = await runner(ffmpeg.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { timeoutMs: 60_000, label: 'ffprobe' });
    parsed = probeSchema.parse(JSON.parse(stdout.toString('utf8')));
  } catch (error) {
    throw runFailure(error, role, `${file} is not a video ffmpeg can read`);
  }

  const video = parsed.streams.find((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  if (!video) throw new RenditionError(role, `${file} has no video stream`);
  const audio = parsed.streams.find((s) => s.codec_type === 'audio');
  const rotation = video.side_data_list?.find((d) => d.rotation !== undefined)?.rotation ?? Number(video.tags?.rotate ?? 0);
  const turned = Math.abs(rotation) % 180 === 90;
  const width = video.width ?? 0;
  const height = video.height ?? 0;
  const fps = rate(video.avg_frame_rate) || rate(video.r_frame_rate);
  if (width <= 0 || height <= 0 || fps <= 0) throw new RenditionError(role, `${file} has a video stream ffmpeg cannot size or time (${width}×${height} at ${fps} fps)`);

  return {
    facts: {
      width: turned ? height : width,
      height: turned ? width : height,
      durationSec: Number(parsed.format?.duration ?? video.duration ?? 0) || 0,
      fps,
      bytes: Number(parsed.format?.size ?? info.size),
      videoCodec: video.codec_name ?? 'unknown',
      audioCodec: audio?.codec_name ?? null,
      container: parsed.format?.format_name ?? 'unknown',
    },
    video: { profile: video.profile ?? null, pixFmt: video.pix_fmt ?? null },
    audio: audio ? { profile: audio.profile ?? null, sampleRate: Number(audio.sample_rate ?? 0), channels: audio.channels ?? 0 } : null,
  };
}
