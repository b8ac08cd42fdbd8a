// Runs Debian's (or a configured) ffmpeg and ffprobe for style analysis:
// checks once that the binaries and the filters analysis needs exist, probes
// an input into plain numbers, and runs a command with a timeout and an abort
// signal so no analysis can hang. Remotion's bundled ffmpeg is not used: it
// lacks the analysis filters.
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';

export interface FfmpegConfig {
  ffmpeg: string;
  ffprobe: string;
}

export const DEFAULT_FFMPEG: FfmpegConfig = { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' };

/** Filters style analysis uses; checked before any analysis starts. */
export const REQUIRED_FILTERS = ['fps', 'scale', 'format', 'ebur128', 'ametadata', 'aresample'] as const;

/** An input that cannot be analysed, or a tool that is missing; `field` says which. */
export class AnalysisError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'AnalysisError';
  }
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
}

export interface RunOptions {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with each chunk of stdout instead of collecting it. */
  onStdout?: (chunk: Buffer) => void;
  /** What the command is doing, for the timeout message. */
  label?: string;
}

/** Runs a binary to completion; rejects with the tail of stderr on a non-zero exit, and kills it on timeout or abort. */
export function run(binary: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      reject(error);
      return;
    }
    const chunks: Buffer[] = [];
    let stderr = '';
    let settled = false;
    const finish = (error: Error | null, result?: RunResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve(result!);
    };
    const kill = (reason: Error) => {
      child.kill('SIGKILL');
      finish(reason);
    };
    const timer = options.timeoutMs
      ? setTimeout(
          () => kill(new AnalysisError('timeout', `${options.label ?? binary} took longer than ${Math.round(options.timeoutMs! / 1000)} s and was stopped`)),
          options.timeoutMs,
        )
      : undefined;
    const onAbort = () => kill(new AnalysisError('timeout', `${options.label ?? binary} was cancelled`));
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort);

    child.stdout.on('data', (chunk: Buffer) => (options.onStdout ? options.onStdout(chunk) : chunks.push(chunk)));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
    });
    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') finish(error);
      else if (/ff(mpeg|probe)/.test(binary)) finish(new AnalysisError('ffmpeg', `"${binary}" was not found; install Debian's ffmpeg (apt-get install ffmpeg) or set NOOR_FFMPEG / NOOR_FFPROBE`));
      else finish(new AnalysisError(binary, 'was not found'));
    });
    child.on('close', (code) => {
      if (code === 0) finish(null, { stdout: Buffer.concat(chunks), stderr });
      else finish(Object.assign(new Error(`${binary} exited with code ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`), { stderr }));
    });
  });
}

const checked = new Map<string, Promise<void>>();

/** Checks (once per binary) that ffmpeg/ffprobe run and have every filter in REQUIRED_FILTERS; names what is missing. */
export function checkTools(config: FfmpegConfig = DEFAULT_FFMPEG): Promise<void> {
  const key = `${config.ffmpeg}\u0000${config.ffprobe}`;
  let pending = checked.get(key);
  if (!pending) {
    pending = (async () => {
      await run(config.ffprobe, ['-version'], { timeoutMs: 10_000 });
      const { stdout } = await run(config.ffmpeg, ['-hide_banner', '-filters'], { timeoutMs: 10_000 });
      const have = new Set(
        stdout
          .toString('utf8')
          .split('\n')
          .map((line) => line.trim().split(/\s+/)[1])
          .filter(Boolean),
      );
      const missing = REQUIRED_FILTERS.filter((f) => !have.has(f));
      if (missing.length > 0) {
        throw new AnalysisError('ffmpeg', `${config.ffmpeg} lacks the filter(s) ${missing.join(', ')}; use Debian's ffmpeg package (apt-get install ffmpeg) or point NOOR_FFMPEG at a full build`);
      }
    })();
    pending.catch(() => checked.delete(key));
    checked.set(key, pending);
  }
  return pending;
}

export interface ProbeInfo {
  durationSec: number;
  video: { width: number; height: number; fps: number; frames: number | null; codec: string } | null;
  audio: { sampleRate: number; channels: number; codec: string } | null;
}

const parseRate = (rate: string | undefined): number => {
  if (!rate) return 0;
  const [n, d] = rate.split('/').map(Number);
  return d ? n! / d : n!;
};

/** Reads duration and the first video and audio streams; a clear AnalysisError for a missing, empty or undecodable file. */
export async function probe(file: string, config: FfmpegConfig = DEFAULT_FFMPEG, timeoutMs = 30_000): Promise<ProbeInfo> {
  const info = await stat(file).catch(() => null);
  if (!info) throw new AnalysisError('input', `${file} does not exist`);
  if (!info.isFile()) throw new AnalysisError('input', `${file} is not a file`);
  if (info.size === 0) throw new AnalysisError('input', `${file} is empty (0 bytes)`);
  let json: {
    format?: { duration?: string };
    streams?: Array<{ codec_type?: string; codec_name?: string; width?: number; height?: number; avg_frame_rate?: string; r_frame_rate?: string; nb_frames?: string; duration?: string; sample_rate?: string; channels?: number }>;
  };
  try {
    const { stdout } = await run(config.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], { timeoutMs, label: 'ffprobe' });
    json = JSON.parse(stdout.toString('utf8'));
  } catch (error) {
    if (error instanceof AnalysisError) throw error;
    const detail = (error as { stderr?: string }).stderr?.trim().split('\n').pop() ?? String(error);
    throw new AnalysisError('input', `${file} is not a video or audio file ffmpeg can read (${detail})`);
  }
  const streams = json.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video' && s.codec_name !== 'mjpeg' && s.codec_name !== 'png');
  const a = streams.find((s) => s.codec_type === 'audio');
  const durationSec = Number(json.format?.duration ?? v?.duration ?? 0) || 0;
  if (!v && !a) throw new AnalysisError('input', `${file} has neither a video nor an audio stream${durationSec === 0 ? ' (a 0-second clip)' : ''}`);
  const fps = v ? parseRate(v.avg_frame_rate) || parseRate(v.r_frame_rate) : 0;
  return {
    durationSec,
    video: v
      ? { width: v.width ?? 0, height: v.height ?? 0, fps: fps || 25, frames: v.nb_frames ? Number(v.nb_frames) : null, codec: v.codec_name ?? 'unknown' }
      : null,
    audio: a ? { sampleRate: Number(a.sample_rate ?? 0), channels: a.channels ?? 0, codec: a.codec_name ?? 'unknown' } : null,
  };
}
