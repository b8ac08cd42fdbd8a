// writeReport: turns a StyleProfile and its input video into one
// self-contained HTML report (thumbnails extracted with ffmpeg and inlined)
// and, when asked, a PNG summary screenshotted with headless Chromium.
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FfmpegConfig } from '../ffmpeg';
import type { StyleProfile } from '../profile';
import { PALETTE_SINGLE_COLUMN } from './cards';
import { renderHtml } from './html';
import { screenshotReport } from './png';
import { extractThumbnails } from './thumbnails';
import { textRows } from './timeline';

export interface ReportOptions {
  ffmpeg?: FfmpegConfig;
  /** Chromium for the PNG; undefined finds a system Chromium, null means there is none. */
  browserExecutable?: string | null;
  /** Limit for each ffmpeg call and for the screenshot, in ms. */
  timeoutMs?: number;
}

/**
 * The PNG's height: the summary's parts laid out at PNG_WIDTH (heights in px
 * measured from the stylesheet), plus a little slack. The summary stretches its
 * cards to fill the window, so slack shows as taller cards, not a gap.
 */
export function summaryHeight(profile: StyleProfile): number {
  const missing = 46;
  const textRowCount = profile.text.length > 0 ? Math.max(...textRows(profile.text)) + 1 : 0;
  const audio = profile.audio;
  const lanes = [
    profile.shots.length > 0 ? 121 : missing,
    profile.shots.some((s) => s.color) ? 55 : 0,
    profile.luma && profile.luma.values.length > 0 ? 85 : missing,
    audio?.loudness && audio.loudness.length > 0 && audio.curveStepSec ? 85 : missing,
    audio?.beats && audio.beats.length > 0 ? 70 : missing,
    textRowCount > 0 ? 21 + 26 * textRowCount : missing,
    20,
  ];
  const color = profile.color;
  const features = Object.keys(audio?.moodFeatures ?? {}).length;
  // Palette, then the grade card (taller than the look card), then sound with its features.
  const cards = Math.max(
    130,
    color ? 128 + 29 * (color.palette.length > PALETTE_SINGLE_COLUMN ? Math.ceil(color.palette.length / 2) : color.palette.length) : 0,
    color ? 378 : 0,
    audio ? 193 + 26 * Math.max(1, features) : 0,
  );
  const top = 40 + 108 + 26;
  const timeline = 20 + lanes.reduce((a, b) => a + b, 0);
  return top + timeline + 18 + cards + 44 + 24;
}

export async function writeReport(profile: StyleProfile, input: string, out: { html: string; png?: string }, options: ReportOptions = {}): Promise<void> {
  const thumbs = await extractThumbnails(input, profile.shots, { ffmpeg: options.ffmpeg, timeoutMs: options.timeoutMs });
  const fileBytes = await stat(input).then((s) => (s.isFile() ? s.size : null), () => null);
  const filePath = profile.source.file ?? input;
  const html = renderHtml(profile, thumbs, { fileName: path.basename(filePath), filePath, fileBytes });
  await mkdir(path.dirname(path.resolve(out.html)), { recursive: true });
  await writeFile(out.html, html, 'utf8');
  if (out.png) {
    await mkdir(path.dirname(path.resolve(out.png)), { recursive: true });
    await screenshotReport(out.html, out.png, { browserExecutable: options.browserExecutable, timeoutMs: options.timeoutMs, height: summaryHeight(profile) });
  }
}
