// prepareRendition: one input video becomes the file a platform takes (see
// plan.ts and transcode.ts), with its poster frame and, where the platform uses
// one, a cover image, verified against the platform's rules and cached by
// content hash so asking again costs a hash of the input and no ffmpeg run.
// It never writes outside its cache directory and never leaves a half entry.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_FFMPEG, type FfmpegConfig } from '../analyze/ffmpeg';
import { defaultCacheDir } from '../paths';
import type { PlatformId } from '../platforms/rules';
import type { MediaFacts } from '../platforms/validate';
import { sha256File } from '../storage/hashing';
import { COVER_FILE, POSTER_FILE, VIDEO_FILE, commit, entryDir, makeWorkDir, readCached, renditionCacheKey, type RenditionManifest } from './cache';
import { RenditionError } from './errors';
import { probeVideo } from './facts';
import { loudnormFilter, measureForLoudnorm } from './loudness';
import { planRendition } from './plan';
import { choosePosterTime, writeStill } from './poster';
import { defaultRunner, type FfmpegRunner } from './runner';
import { COVERS, DEFAULT_LOUDNESS } from './spec';
import { transcode } from './transcode';
import { verifyRendition } from './verify';

export interface RenditionOptions {
  /** A post format of the platform (rules.ts); default: the first the input fits, the platform's default first. */
  format?: string;
  /** Integrated loudness to normalise to, LUFS; null leaves the loudness as it is. Default −14. */
  loudnessLufs?: number | null;
  /** When the poster (and cover) frame is taken; default the brightest of a few candidates. */
  posterTimeSec?: number;
  /** A frame rate to aim for instead of the input's (snapped to a standard rate the platform allows). */
  fps?: number;
  /** x264 speed/size trade-off; default "medium" (ultrafast is not offered: it cannot make High profile). */
  x264Preset?: 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow' | 'slower';
  /** Noor's cache directory (NOOR_CACHE_DIR); renditions go in its renditions/ folder. Default .noor/cache. */
  cacheDir?: string;
  ffmpeg?: FfmpegConfig;
  /** Runs ffmpeg/ffprobe; tests pass their own. */
  runner?: FfmpegRunner;
  /** Per ffmpeg run; default 30 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface Rendition {
  /** The MP4 to upload. */
  file: string;
  facts: MediaFacts;
  /** JPEG at the rendition's size. */
  poster: string;
  posterTimeSec: number;
  /** JPEG at the platform's cover size (Instagram cover, YouTube thumbnail); absent for platforms without one. */
  cover?: string;
  platform: PlatformId;
  format: string;
  cacheKey: string;
  /** True when the rendition came from the cache without running ffmpeg. */
  cached: boolean;
}

function toRendition(cacheDir: string, manifest: RenditionManifest, platform: PlatformId, cached: boolean): Rendition {
  const dir = entryDir(cacheDir, manifest.cacheKey);
  return {
    file: path.join(dir, VIDEO_FILE),
    facts: manifest.facts,
    poster: path.join(dir, POSTER_FILE),
    posterTimeSec: manifest.posterTimeSec,
    ...(manifest.hasCover ? { cover: path.join(dir, COVER_FILE) } : {}),
    platform,
    format: manifest.format,
    cacheKey: manifest.cacheKey,
    cached,
  };
}

export async function prepareRendition(input: string, platform: PlatformId, options: RenditionOptions = {}): Promise<Rendition> {
  const cacheDir = path.resolve(options.cacheDir ?? defaultCacheDir);
  const ffmpeg = options.ffmpeg ?? DEFAULT_FFMPEG;
  const runner = options.runner ?? defaultRunner;
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const loudnessLufs = options.loudnessLufs === undefined ? DEFAULT_LOUDNESS.integratedLufs : options.loudnessLufs;
  if (loudnessLufs !== null && !(loudnessLufs >= -70 && loudnessLufs <= -5)) {
    throw new RenditionError('loudnessLufs', `${loudnessLufs} LUFS is outside loudnorm's −70 to −5 LUFS range`);
  }

  const x264Preset = options.x264Preset ?? 'medium';
  const inputSha256 = await sha256File(input).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is not a file' : `cannot be read (${code ?? (error as Error).message})`;
    throw new RenditionError('input', `${input} ${reason}`, [], { cause: error });
  });
  const cacheKey = renditionCacheKey({
    inputSha256,
    platform,
    options: { format: options.format, loudnessLufs, posterTimeSec: options.posterTimeSec, fps: options.fps, x264Preset },
  });
  const hit = await readCached(cacheDir, cacheKey);
  if (hit) return toRendition(cacheDir, hit, platform, true);

  const source = await probeVideo(input, 'input', ffmpeg, runner);
  const plan = planRendition(source.facts, platform, { format: options.format, fps: options.fps });
  const workDir = await makeWorkDir(cacheDir, cacheKey);
  try {
    const target = loudnessLufs === null ? null : { ...DEFAULT_LOUDNESS, integratedLufs: loudnessLufs };
    const measured = target && source.audio ? await measureForLoudnorm(input, target, ffmpeg, runner, timeoutMs) : null;
    const audioFilter = target && measured ? loudnormFilter(measured, target) : null;

    const video = path.join(workDir, VIDEO_FILE);
    await transcode(
      { input, output: video, plan, hasAudio: source.audio !== null, durationSec: source.facts.durationSec, audioFilter, x264Preset },
      ffmpeg,
      runner,
      timeoutMs,
      options.signal,
    );

    const stills = { ffmpeg, runner, timeoutMs };
    const posterTimeSec = await choosePosterTime(video, source.facts.durationSec, options.posterTimeSec, stills);
    await writeStill(video, posterTimeSec, path.join(workDir, POSTER_FILE), null, stills);
    const coverBox = COVERS[platform];
    const cover = coverBox ? path.join(workDir, COVER_FILE) : null;
    if (cover && coverBox) await writeStill(video, posterTimeSec, cover, coverBox, stills);

    const facts = await verifyRendition(video, cover, plan, ffmpeg, runner);
    const manifest: RenditionManifest = {
      cacheKey,
      platform,
      format: plan.format,
      facts,
      posterTimeSec,
      hasCover: cover !== null,
      loudness: target ? { inputLufs: measured && Number.isFinite(Number(measured.input_i)) ? Number(measured.input_i) : null, targetLufs: target.integratedLufs } : null,
    };
    await commit(cacheDir, workDir, manifest);
    return toRendition(cacheDir, manifest, platform, false);
  } catch (error) {
    await rm(workDir, { recursive: true, force: true });
    throw error;
  }
}
