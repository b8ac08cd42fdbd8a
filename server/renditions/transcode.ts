// The ffmpeg command that turns an input into a planned rendition: constant
// frame rate, scale (and pad) to the planned frame, H.264 High yuv420p under a
// peak bitrate, AAC-LC 48 kHz stereo (silence when the input has no audio),
// loudness filter when given, faststart MP4 with the input's metadata dropped.
import type { FfmpegConfig } from '../analyze/ffmpeg';
import { runFailure } from './errors';
import type { RenditionPlan } from './plan';
import type { FfmpegRunner } from './runner';
import { AUDIO, VIDEO } from './spec';

export interface TranscodeJob {
  input: string;
  output: string;
  plan: RenditionPlan;
  hasAudio: boolean;
  durationSec: number;
  /** An audio filter applied before resampling (loudnorm), or null. */
  audioFilter: string | null;
  x264Preset: string;
}

function transcodeArgs(job: TranscodeJob): string[] {
  const { plan } = job;
  const { width, height, content } = plan;
  const video = [
    `fps=${plan.fps.text}`,
    `scale=${content.width}:${content.height}:flags=lanczos`,
    ...(content.width !== width || content.height !== height ? [`pad=${width}:${height}:(ow-iw)/2:(oh-ih)/2:color=black`] : []),
    'setsar=1',
    `format=${VIDEO.pixFmt}`,
  ].join(',');
  const audio = [...(job.audioFilter ? [job.audioFilter] : []), `aresample=${AUDIO.sampleRate}`].join(',');
  const silence = job.hasAudio ? [] : ['-f', 'lavfi', '-t', job.durationSec.toFixed(3), '-i', `anullsrc=r=${AUDIO.sampleRate}:cl=stereo`];
  const gop = Math.round(plan.fps.value * VIDEO.keyframeSec);
  return [
    '-hide_banner', '-nostdin', '-nostats', '-v', 'error', '-y',
    '-i', job.input,
    ...silence,
    '-map', '0:v:0', '-map', job.hasAudio ? '0:a:0' : '1:a:0',
    '-vf', video,
    '-af', audio,
    '-c:v', VIDEO.codec, '-preset', job.x264Preset, '-profile:v', VIDEO.profile, '-pix_fmt', VIDEO.pixFmt,
    '-crf', String(VIDEO.crf), '-maxrate', String(plan.maxVideoBitrate), '-bufsize', String(plan.maxVideoBitrate * 2),
    '-g', String(gop), '-keyint_min', String(gop),
    '-c:a', AUDIO.codec, '-profile:a', 'aac_low', '-b:a', String(AUDIO.bitrate), '-ar', String(AUDIO.sampleRate), '-ac', String(AUDIO.channels),
    '-map_metadata', '-1', '-map_chapters', '-1',
    '-movflags', '+faststart',
    '-f', 'mp4', job.output,
  ];
}

export async function transcode(job: TranscodeJob, ffmpeg: FfmpegConfig, runner: FfmpegRunner, timeoutMs: number, signal: AbortSignal | undefined): Promise<void> {
  await runner(ffmpeg.ffmpeg, transcodeArgs(job), { timeoutMs, signal, label: `transcoding for ${job.plan.platform}` }).catch((error: unknown) => {
    throw runFailure(error, 'input', `ffmpeg could not transcode ${job.input} for ${job.plan.platform}`);
  });
}
