// Decodes the first audio stream of a file into mono float PCM at a fixed,
// low sample rate (22 050 Hz) with ffmpeg, for the audio analysers. Channels
// are averaged; the loudness measurement reads the original channels itself
// (audio-loudness.ts), so nothing here affects LUFS.
import { AnalysisError, DEFAULT_FFMPEG, run, type FfmpegConfig } from './ffmpeg';

export const PCM_SAMPLE_RATE = 22_050;

export interface Pcm {
  samples: Float32Array;
  sampleRate: number;
}

export interface PcmOptions {
  maxSec?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  ffmpeg?: FfmpegConfig;
}

export async function decodePcm(file: string, options: PcmOptions = {}): Promise<Pcm> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  const args = [
    '-hide_banner', '-nostdin', '-v', 'error',
    ...(options.maxSec ? ['-t', String(options.maxSec)] : []),
    '-i', file,
    '-map', '0:a:0', '-vn', '-sn', '-dn',
    '-ac', '1', '-ar', String(PCM_SAMPLE_RATE), '-f', 'f32le', '-c:a', 'pcm_f32le', 'pipe:1',
  ];
  try {
    await run((options.ffmpeg ?? DEFAULT_FFMPEG).ffmpeg, args, {
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      label: 'decoding the audio',
      onStdout: (chunk) => {
        chunks.push(chunk);
        bytes += chunk.length;
      },
    });
  } catch (error) {
    if (error instanceof AnalysisError) throw error;
    // A damaged tail: keep what decoded, as long as there is something.
    if (bytes < 4 * PCM_SAMPLE_RATE * 0.5) throw new AnalysisError('audio', `the audio stream could not be decoded (${String(error)})`);
  }
  const whole = Buffer.concat(chunks, bytes);
  const count = Math.floor(whole.length / 4);
  const samples = new Float32Array(count);
  for (let i = 0; i < count; i++) samples[i] = whole.readFloatLE(i * 4);
  return { samples, sampleRate: PCM_SAMPLE_RATE };
}
