// How renditions run ffmpeg and ffprobe: server/analyze/ffmpeg.ts's `run` by
// default; tests pass their own to count or fake calls.
import { run, type RunOptions, type RunResult } from '../analyze/ffmpeg';

export type FfmpegRunner = (binary: string, args: string[], options?: RunOptions) => Promise<RunResult>;

export const defaultRunner: FfmpegRunner = run;
