// Render benchmark: renders the same number of frames of VerseReel and of a
// bare baseline (solid background + one line of text) at 1080×1920 in one
// run, alternating them to share the machine's noise, and prints the ratio.
// Goal: ratio ≥ 0.6 (the cinematic look costs at most 40% over bare).
// Usage: npm run bench:render [-- FRAMES ROUNDS [PRESET]], e.g. archival-film
// (the heaviest look: grain 0.9) to price a preset.
import path from 'node:path';
import { openBrowser, renderMedia, selectComposition } from '@remotion/renderer';
import { bundleCompositions } from '../../server/render/bundle';
import { findBrowserExecutable } from '../../server/render/browser';
import { CHROMIUM_OPTIONS, VIDEO_SETTINGS } from '../../server/render/local';
import { readEnv } from '../../server/env';
import { defaultCacheDir, projectRoot } from '../../server/paths';
import { verseReel } from '../../compositions/verse-reel';
import { findPreset } from '../../compositions/presets';

const frames = Number(process.argv[2] ?? 90);
const rounds = Number(process.argv[3] ?? 3);
const preset = process.argv[4];
const env = readEnv();
const browserExecutable = findBrowserExecutable(env.browserExecutable);
const serveUrl = await bundleCompositions({
  entryPoint: path.join(projectRoot, 'scripts/bench/index.ts'),
  outDir: path.join(env.cacheDir ?? defaultCacheDir, 'bench-bundle'),
});
const browser = await openBrowser('chrome', { browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error' });

const inputProps = preset ? { ...verseReel.defaultProps, ...verseReel.presetProps(findPreset(preset)) } : {};

async function fps(id: string): Promise<number> {
  const props = id === 'VerseReel' ? inputProps : {};
  const composition = await selectComposition({ serveUrl, id, inputProps: props, puppeteerInstance: browser, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error' });
  // Frames from the middle of the video, where the text is on screen.
  const start = Math.min(composition.durationInFrames - frames, 60);
  const started = performance.now();
  await renderMedia({
    composition,
    serveUrl,
    ...VIDEO_SETTINGS,
    outputLocation: path.join(projectRoot, 'out', 'bench', `${id}.mp4`),
    inputProps: props,
    puppeteerInstance: browser,
    frameRange: [start, start + frames - 1],
    concurrency: env.concurrency ?? null,
    chromiumOptions: CHROMIUM_OPTIONS,
    logLevel: 'error',
    overwrite: true,
  });
  return frames / ((performance.now() - started) / 1000);
}

const template: number[] = [];
const baseline: number[] = [];
try {
  await fps('Baseline'); // warm-up: first launch of tabs and ffmpeg
  for (let round = 0; round < rounds; round++) {
    baseline.push(await fps('Baseline'));
    template.push(await fps('VerseReel'));
    console.log(`round ${round + 1}: baseline ${baseline.at(-1)!.toFixed(2)} fps, VerseReel ${template.at(-1)!.toFixed(2)} fps`);
  }
} finally {
  await browser.close({ silent: true });
}
// Harmonic mean of the rounds' fps = total frames / total time.
const overall = (xs: number[]) => xs.length / xs.reduce((sum, x) => sum + 1 / x, 0);
const templateFps = overall(template);
const baselineFps = overall(baseline);
console.log(`bench:render${preset ? ` preset=${preset}` : ''} templateFps=${templateFps.toFixed(2)} baselineFps=${baselineFps.toFixed(2)} ratio=${(templateFps / baselineFps).toFixed(2)}`);
