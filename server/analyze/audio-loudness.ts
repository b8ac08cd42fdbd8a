// Measures loudness with ffmpeg's EBU R128 scanner (ebur128) on the original
// channels of the first audio stream: integrated loudness (LUFS) and loudness
// range (LU) from its summary, and the short-term (3 s) and momentary (0.4 s)
// loudness every 100 ms from the per-frame metadata it writes to stdout.
import { AnalysisError, DEFAULT_FFMPEG, run, type FfmpegConfig } from './ffmpeg';

/** ebur128 reports "no signal" as about -120.7 LUFS (and -70 for integrated); analysis floors every value here. */
export const LOUDNESS_FLOOR_LUFS = -70;

/** ebur128's metadata frames are 100 ms long. */
export const LOUDNESS_FRAME_SEC = 0.1;

export interface LoudnessMeasure {
  /** Integrated loudness, LUFS, floored at LOUDNESS_FLOOR_LUFS. */
  integrated: number;
  /** Loudness range, LU. */
  range: number;
  /** Short-term loudness (raw LUFS) of the 3 s window ending at the end of frame i (i * 0.1 + 0.1 s); about -120.7 until 3 s have passed. */
  shortTerm: number[];
  /** Momentary loudness (0.4 s window) ending at the end of frame i. */
  momentary: number[];
}

export interface LoudnessOptions {
  maxSec?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  ffmpeg?: FfmpegConfig;
}

const floor = (lufs: number): number => (Number.isFinite(lufs) ? Math.max(LOUDNESS_FLOOR_LUFS, lufs) : LOUDNESS_FLOOR_LUFS);

/** Parses ebur128's summary (stderr) into integrated loudness and loudness range; null when absent. */
export function parseEbur128Summary(stderr: string): { integrated: number; range: number } | null {
  const at = stderr.lastIndexOf('Summary:');
  if (at < 0) return null;
  const summary = stderr.slice(at);
  const i = /Integrated loudness:\s*I:\s*(-?inf|-?[\d.]+)\s*LUFS/.exec(summary);
  const lra = /Loudness range:\s*LRA:\s*(-?inf|-?[\d.]+)\s*LU/.exec(summary);
  if (!i || !lra) return null;
  const value = (text: string): number => (text.endsWith('inf') ? -Infinity : Number(text));
  return { integrated: floor(value(i[1]!)), range: Math.max(0, value(lra[1]!) || 0) };
}

/** Parses ametadata's print output (frame headers and key=value lines) into per-frame S and M values (raw LUFS). */
export function parseEbur128Frames(text: string): { shortTerm: number[]; momentary: number[] } {
  const shortTerm: number[] = [];
  const momentary: number[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('frame:')) {
      shortTerm.push(-Infinity);
      momentary.push(-Infinity);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || shortTerm.length === 0) continue;
    const key = line.slice(0, eq);
    const value = Number(line.slice(eq + 1));
    if (key === 'lavfi.r128.S') shortTerm[shortTerm.length - 1] = value;
    else if (key === 'lavfi.r128.M') momentary[momentary.length - 1] = value;
  }
  return { shortTerm, momentary };
}

export async function measureLoudness(file: string, options: LoudnessOptions = {}): Promise<LoudnessMeasure> {
  const args = [
    '-hide_banner', '-nostdin', '-nostats', '-v', 'info',
    ...(options.maxSec ? ['-t', String(options.maxSec)] : []),
    '-i', file,
    '-map', '0:a:0', '-vn', '-sn', '-dn',
    '-af', 'ebur128=metadata=1,ametadata=mode=print:file=pipe\\\\:1',
    '-f', 'null', '-',
  ];
  const { stdout, stderr } = await run((options.ffmpeg ?? DEFAULT_FFMPEG).ffmpeg, args, {
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    label: 'measuring loudness (ebur128)',
  }).catch((error: unknown) => {
    throw error instanceof AnalysisError ? error : new AnalysisError('audio', `loudness could not be measured (${String(error)})`);
  });
  const summary = parseEbur128Summary(stderr);
  if (!summary) throw new AnalysisError('audio', 'ffmpeg ebur128 printed no loudness summary');
  return { ...summary, ...parseEbur128Frames(stdout.toString('utf8')) };
}

/** Index of the first metadata frame whose short-term (3 s) window is complete. */
const FIRST_SHORT_TERM_FRAME = Math.round(3 / LOUDNESS_FRAME_SEC) - 1;

/**
 * Short-term loudness (LUFS, floored) for steps of `stepSec` covering
 * `durationSec`: the 3 s window centred on each step, moved inside the file
 * at its ends; momentary loudness (0.4 s) for files shorter than 3 s.
 */
export function loudnessCurve(measure: LoudnessMeasure, stepSec: number, durationSec: number): number[] {
  const count = Math.max(1, Math.ceil(durationSec / stepSec - 1e-9));
  const frames = measure.shortTerm.length;
  const useShortTerm = frames > FIRST_SHORT_TERM_FRAME;
  const curve: number[] = [];
  for (let i = 0; i < count; i++) {
    const centre = (i + 0.5) * stepSec;
    // Frame k's window ends at (k + 1) * 0.1 s, so a window centred on `centre` ends in frame (centre + half) / 0.1 - 1.
    const half = useShortTerm ? 1.5 : 0.2;
    const wanted = Math.round((centre + half) / LOUDNESS_FRAME_SEC) - 1;
    const index = Math.min(frames - 1, Math.max(useShortTerm ? FIRST_SHORT_TERM_FRAME : 0, wanted));
    const value = (useShortTerm ? measure.shortTerm : measure.momentary)[index];
    curve.push(floor(value ?? LOUDNESS_FLOOR_LUFS));
  }
  return curve;
}
