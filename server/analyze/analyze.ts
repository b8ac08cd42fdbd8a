// Style analysis from start to end: checks the tools, probes the input,
// decodes it at the sizes each analyser wants, runs the analysers and
// assembles a StyleProfile. Owns the limits (longest input, overall timeout)
// and the rule that a part which cannot be measured becomes null with a
// warning that says why, while a file that cannot be read at all is an
// AnalysisError naming the input.
import path from 'node:path';
import { AnalysisError, checkTools, DEFAULT_FFMPEG, probe, type FfmpegConfig, type ProbeInfo } from './ffmpeg';
import { decodeFrames, lumaPlane, type FrameSet } from './frames';
import { detectShots, SHOT_FRAME_WIDTH } from './shots';
import { analyzeColor, COLOR_FPS, COLOR_FRAME_WIDTH } from './color';
import { analyzeComposition } from './composition';
import { detectText, TEXT_FPS, TEXT_FRAME_WIDTH } from './text';
import { analyzeAudio } from './audio';
import { STYLE_PROFILE_VERSION, styleProfileSchema, type StyleProfile } from './profile';

export interface AnalyzeOptions {
  ffmpeg?: FfmpegConfig;
  /** Whole analysis, in ms (default 10 minutes). */
  timeoutMs?: number;
  /** Inputs longer than this are analysed up to it, with a warning (default 600 s). */
  maxDurationSec?: number;
  signal?: AbortSignal;
  /** Called as each stage starts. */
  onStage?: (stage: AnalysisStage) => void;
}

export type AnalysisStage = 'probe' | 'shots' | 'color' | 'text' | 'audio';

export const DEFAULT_ANALYSIS_TIMEOUT_MS = 10 * 60_000;
export const DEFAULT_MAX_DURATION_SEC = 600;
/** Shot detection decodes every frame, up to this rate. */
const MAX_SHOT_FPS = 60;

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
const reason = (error: unknown) => (error instanceof AnalysisError ? error.message : error instanceof Error ? error.message : String(error));

export async function analyzeVideo(input: string, options: AnalyzeOptions = {}): Promise<StyleProfile> {
  const started = Date.now();
  const ffmpeg = options.ffmpeg ?? DEFAULT_FFMPEG;
  const timeoutMs = options.timeoutMs ?? DEFAULT_ANALYSIS_TIMEOUT_MS;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  const onOuterAbort = () => abort.abort();
  options.signal?.addEventListener('abort', onOuterAbort);
  try {
    await checkTools(ffmpeg);
    options.onStage?.('probe');
    const info = await probe(input, ffmpeg, Math.min(timeoutMs, 60_000));
    if (info.durationSec <= 0 && !info.video?.frames) throw new AnalysisError('input', `${input} is 0 seconds long; there is nothing to analyse`);
    const run = analyzeProbed(input, info, { ...options, ffmpeg, signal: abort.signal });
    const timeout = new Promise<never>((_, reject) =>
      abort.signal.addEventListener('abort', () =>
        reject(new AnalysisError('timeout', options.signal?.aborted ? 'analysis was cancelled' : `analysis took longer than ${seconds(timeoutMs)} s and was stopped`)),
      ),
    );
    const profile = await Promise.race([run, timeout]);
    return { ...profile, analysisSec: +((Date.now() - started) / 1000).toFixed(2) };
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onOuterAbort);
  }
}

async function analyzeProbed(input: string, info: ProbeInfo, options: AnalyzeOptions & { ffmpeg: FfmpegConfig; signal: AbortSignal }): Promise<StyleProfile> {
  const warnings: string[] = [];
  const maxSec = options.maxDurationSec ?? DEFAULT_MAX_DURATION_SEC;
  const analyzedSec = Math.min(info.durationSec || maxSec, maxSec);
  if (info.durationSec > maxSec) warnings.push(`input: ${info.durationSec.toFixed(1)} s is longer than the ${maxSec} s limit; only the first ${maxSec} s were analysed`);
  const video = info.video;
  const profile: StyleProfile = {
    version: STYLE_PROFILE_VERSION,
    source: {
      file: path.basename(input),
      durationSec: +info.durationSec.toFixed(3),
      width: video?.width ?? 0,
      height: video?.height ?? 0,
      fps: video ? +video.fps.toFixed(3) : 0,
      hasAudio: info.audio !== null,
      analyzedSec: +analyzedSec.toFixed(3),
    },
    shots: [],
    pacing: null,
    transitions: [],
    color: null,
    text: [],
    audio: null,
    warnings,
    analyzedAt: new Date().toISOString(),
  };

  if (!video) {
    warnings.push('video: the file has no video stream; shots, colour and text were not measured');
  } else {
    const decode = (width: number, fps: number, gray = false): Promise<FrameSet> =>
      decodeFrames(input, { width, fps, gray, sourceWidth: video.width, sourceHeight: video.height, maxSec, signal: options.signal, ffmpeg: options.ffmpeg });

    options.onStage?.('shots');
    const shotFrames = await decode(SHOT_FRAME_WIDTH, Math.min(video.fps, MAX_SHOT_FPS));
    if (shotFrames.decodeError) warnings.push(`video: decoding stopped early, the file may be truncated or damaged (${shotFrames.decodeError}); ${(shotFrames.frames.length / shotFrames.fps).toFixed(2)} s were analysed`);
    if (shotFrames.frames.length === 0) {
      warnings.push('video: no frame could be decoded; shots, colour and text were not measured');
    } else {
      const shots = detectShots(shotFrames);
      profile.shots = shots.shots;
      profile.transitions = shots.transitions;
      profile.pacing = shots.pacing;
      // Frames are big; let this set go before the next decode.
      shotFrames.frames.length = 0;

      options.onStage?.('color');
      const colorFrames = await decode(COLOR_FRAME_WIDTH, COLOR_FPS);
      if (colorFrames.frames.length > 0) {
        const { color, perShot } = analyzeColor(colorFrames, profile.shots, { width: video.width, height: video.height });
        const composition = analyzeComposition(colorFrames, profile.shots);
        profile.color = color;
        profile.shots = profile.shots.map((shot, i) => ({ ...shot, color: perShot[i] ?? null, composition: composition[i] ?? null }));
        profile.luma = {
          stepSec: +(1 / colorFrames.fps).toFixed(4),
          values: colorFrames.frames.map((frame) => {
            const plane = lumaPlane(frame, colorFrames.channels);
            let sum = 0;
            for (const v of plane) sum += v;
            return +(sum / plane.length / 255).toFixed(4);
          }),
        };
      } else {
        warnings.push('color: no frame could be decoded at the colour sampling rate');
      }

      options.onStage?.('text');
      const textFrames = await decode(TEXT_FRAME_WIDTH, TEXT_FPS, true);
      profile.text = detectText(textFrames);
    }
  }

  if (!info.audio) {
    warnings.push('audio: the file has no audio stream; music, tempo and loudness were not measured');
  } else {
    options.onStage?.('audio');
    try {
      profile.audio = await analyzeAudio(input, { signal: options.signal, ffmpeg: options.ffmpeg, maxSec });
    } catch (error) {
      if (options.signal.aborted) throw error;
      warnings.push(`audio: could not be measured (${reason(error)})`);
    }
  }
  return styleProfileSchema.parse(profile);
}

/** Reads and validates a StyleProfile JSON (for --style); errors name the file and the field. */
export function parseStyleProfile(json: unknown, file: string): StyleProfile {
  const result = styleProfileSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new AnalysisError('--style', `${file} is not a style profile of version ${STYLE_PROFILE_VERSION} (${issues})`);
  }
  return result.data;
}
