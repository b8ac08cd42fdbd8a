// Loudness normalisation with ffmpeg's loudnorm in two passes: the first
// measures the input (integrated loudness, true peak, range, threshold), the
// second applies one linear gain to reach the target, so the dynamics of a
// recitation are kept (loudnorm falls back to its dynamic mode only when the
// gain would push the true peak past the limit). Silence is left alone.
import { z } from 'zod';
import type { FfmpegConfig } from '../analyze/ffmpeg';
import { RenditionError, runFailure } from './errors';
import type { FfmpegRunner } from './runner';

export interface LoudnessTarget {
  integratedLufs: number;
  truePeakDb: number;
  rangeLu: number;
}

const measuredSchema = z.object({
  input_i: z.string(),
  input_tp: z.string(),
  input_lra: z.string(),
  input_thresh: z.string(),
  target_offset: z.string(),
});
export type LoudnessMeasurement = z.infer<typeof measuredSchema>;

const targetArgs = (t: LoudnessTarget) => `I=${t.integratedLufs}:TP=${t.truePeakDb}:LRA=${t.rangeLu}`;

/** Parses the JSON block loudnorm prints (print_format=json) at the end of stderr. */
function parseLoudnormJson(stderr: string): LoudnessMeasurement | null {
  const start = stderr.lastIndexOf('{');
  const end = stderr.lastIndexOf('}');
  if (start < 0 || end < start) return null;
  try {
    const parsed = measuredSchema.safeParse(JSON.parse(stderr.slice(start, end + 1)));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** First pass: measures the first audio stream of `file`. */
export async function measureForLoudnorm(file: string, target: LoudnessTarget, ffmpeg: FfmpegConfig, runner: FfmpegRunner, timeoutMs: number): Promise<LoudnessMeasurement> {
  const args = ['-hide_banner', '-nostdin', '-nostats', '-v', 'info', '-i', file, '-map', '0:a:0', '-af', `loudnorm=${targetArgs(target)}:print_format=json`, '-f', 'null', '-'];
  const { stderr } = await runner(ffmpeg.ffmpeg, args, { timeoutMs, label: 'measuring loudness (loudnorm)' }).catch((error: unknown) => {
    throw runFailure(error, 'input', `the audio of ${file} could not be decoded`);
  });
  const measured = parseLoudnormJson(stderr);
  if (!measured) throw new RenditionError('input', `ffmpeg loudnorm printed no measurement for ${file}`);
  return measured;
}

/** Second pass: the audio filter that applies the measured gain, or null for silence (nothing to normalise). */
export function loudnormFilter(measured: LoudnessMeasurement, target: LoudnessTarget): string | null {
  if (!Number.isFinite(Number(measured.input_i)) || Number(measured.input_i) <= -70) return null;
  const m = measured;
  return `loudnorm=${targetArgs(target)}:measured_I=${m.input_i}:measured_TP=${m.input_tp}:measured_LRA=${m.input_lra}:measured_thresh=${m.input_thresh}:offset=${m.target_offset}:linear=true`;
}
