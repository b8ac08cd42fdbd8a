// VerseReel rendered for real (bundle + Chromium + ffmpeg): a short video
// checked with ffprobe, and stills checked by their pixels: the text is
// there and right to left, the grade and vignette do what they say, every
// aspect lays out the longest ayah, and frames are identical in any order.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { renderLocal } from '../server/render/local';
import { findBrowserExecutable } from '../server/render/browser';
import { verseReelDefaults, type VerseReelProps } from '../compositions/verse-reel/schema';
import { brightFraction, differingPixels, ffprobe, readPng, regionStats, type Image } from './helpers/media';

const serveUrl = inject('serveUrl');
const browserExecutable = findBrowserExecutable(undefined);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'noor-render-'));
let counter = 0;

async function still(frame: number, props: Partial<VerseReelProps> = {}, compositionId = 'VerseReel-9x16', scale = 0.5): Promise<Image> {
  const output = path.join(tmp, `still-${counter++}.png`);
  await renderLocal({
    serveUrl,
    compositionId,
    inputProps: { ...verseReelDefaults, ...props },
    output,
    still: frame,
    scale,
    browserExecutable,
  });
  return readPng(output);
}

/** The band of a 9:16 frame where the Arabic sits for a one-page verse (inside the text-safe region). */
const ARABIC_BAND = { x: 0.12, y: 0.2, w: 0.76, h: 0.3 };

describe('VerseReel video', () => {
  it('renders H.264 + AAC at the requested size and length', async () => {
    const output = path.join(tmp, 'short.mp4');
    const result = await renderLocal({
      serveUrl,
      compositionId: 'VerseReel-9x16',
      inputProps: verseReelDefaults,
      output,
      frameRange: [0, 44],
      scale: 0.25,
      browserExecutable,
    });
    expect(result.frames).toBe(45);
    const probe = ffprobe(output);
    const video = probe.streams.find((s) => s.codec_type === 'video');
    const audio = probe.streams.find((s) => s.codec_type === 'audio');
    expect(video).toMatchObject({ codec_name: 'h264', width: 270, height: 480, r_frame_rate: '30/1' });
    expect(audio).toMatchObject({ codec_name: 'aac' });
    expect(Number(video?.nb_frames)).toBe(45);
    expect(Math.abs(Number(probe.format.duration) - 1.5)).toBeLessThan(0.1);
  });
});

describe('VerseReel stills', () => {
  let textFrame: Image;
  beforeAll(async () => {
    textFrame = await still(170);
  });

  it('draws the verse: bright text in the Arabic band, none before the text enters', async () => {
    const before = await still(20);
    expect(brightFraction(textFrame, ARABIC_BAND, 170)).toBeGreaterThan(0.02);
    expect(brightFraction(before, ARABIC_BAND, 170)).toBeLessThan(0.002);
  });

  it('reveals Arabic from the right: early in the reveal the right half holds more text', async () => {
    const early = await still(52);
    const right = brightFraction(early, { ...ARABIC_BAND, x: 0.5, w: 0.38 }, 150);
    const left = brightFraction(early, { ...ARABIC_BAND, w: 0.38 }, 150);
    expect(right).toBeGreaterThan(0.004);
    expect(right).toBeGreaterThan(left * 3);
  });

  it('a warm grade shifts the colour towards amber, a cool one towards blue', async () => {
    const warm = regionStats(await still(170, { gradeAdjust: { ...verseReelDefaults.gradeAdjust, temperature: 1 } }));
    const cool = regionStats(await still(170, { gradeAdjust: { ...verseReelDefaults.gradeAdjust, temperature: -1 } }));
    expect(warm.r - warm.b).toBeGreaterThan(cool.r - cool.b + 8);
  });

  it('the vignette darkens the corners and leaves the centre', async () => {
    const none = await still(170, { vignette: 0, grain: 0 });
    const full = await still(170, { vignette: 1, grain: 0 });
    const corner = { x: 0, y: 0, w: 0.12, h: 0.07 };
    const centre = { x: 0.4, y: 0.45, w: 0.2, h: 0.1 };
    expect(regionStats(full, corner).luma).toBeLessThan(regionStats(none, corner).luma * 0.6);
    expect(Math.abs(regionStats(full, centre).luma - regionStats(none, centre).luma)).toBeLessThan(6);
  });

  it('renders any frame identically, alone or in another order (grain and particles included)', async () => {
    const first = await still(140, {}, 'VerseReel-9x16', 0.3);
    await still(60, {}, 'VerseReel-9x16', 0.3);
    const again = await still(140, {}, 'VerseReel-9x16', 0.3);
    expect(differingPixels(first, again)).toBe(0);
    const next = await still(141, {}, 'VerseReel-9x16', 0.3);
    expect(differingPixels(first, next)).toBeGreaterThan(1000);
  });
});

describe('VerseReel layout in every aspect', () => {
  // 2:282 is the longest ayah (128 words): it must split into pages that fit.
  // VersePage stops the render with a TextLayoutError if any block overflows.
  it.each(['VerseReel-9x16', 'VerseReel-1x1', 'VerseReel-4x5', 'VerseReel-16x9'])('%s lays out 2:282 without overflow', async (id) => {
    const image = await still(200, { reference: '2:282', grain: 0 }, id, 0.25);
    const band = id === 'VerseReel-16x9' ? { x: 0.1, y: 0.1, w: 0.8, h: 0.5 } : { x: 0.1, y: 0.15, w: 0.8, h: 0.5 };
    expect(brightFraction(image, band, 170)).toBeGreaterThan(0.01);
  });
});

describe('VerseReel with a recitation', () => {
  it('takes its length from the recitation audio (through the CLI, which stages the file)', async () => {
    const { execFileSync, spawnSync } = await import('node:child_process');
    const recitation = path.join(tmp, 'recitation.wav');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=220:duration=3', '-ar', '48000', recitation]);
    const output = path.join(tmp, 'recited.mp4');
    const result = spawnSync(
      process.execPath,
      [path.resolve(__dirname, '../bin/noor.mjs'), 'render', 'verse-reel', '--set', `recitation=${recitation}`, '--set', 'reference=112:1', '--scale', '0.2', '--out', output],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(result.stderr).not.toMatch(/noor: /);
    expect(result.status).toBe(0);
    // 1.2 s intro + 3 s recitation + 2 s outro
    const probe = ffprobe(output);
    expect(Number(probe.streams.find((s) => s.codec_type === 'video')?.nb_frames)).toBe(186);
  }, 240_000);

  it('fails clearly when the recitation is not audio', async () => {
    const { spawnSync } = await import('node:child_process');
    const notAudio = path.join(tmp, 'notes.mp3');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(notAudio, 'this is not audio');
    const result = spawnSync(
      process.execPath,
      [path.resolve(__dirname, '../bin/noor.mjs'), 'render', 'verse-reel', '--set', `recitation=${notAudio}`, '--still', '10', '--out', path.join(tmp, 'x.png')],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/recitation: cannot read/);
  }, 240_000);
});

describe('VerseReel with a style preset', () => {
  it('renders with every preset', async () => {
    const { PRESETS } = await import('../compositions/presets');
    const { verseReel } = await import('../compositions/verse-reel');
    for (const preset of PRESETS) {
      const image = await still(170, verseReel.presetProps(preset), 'VerseReel-9x16', 0.2);
      expect(regionStats(image).lumaStd, preset.id).toBeGreaterThan(5);
    }
  });

  it('minimal-white draws a light frame with dark ink; night-prayer a dark one', async () => {
    const { findPreset } = await import('../compositions/presets');
    const { verseReel } = await import('../compositions/verse-reel');
    const minimal = await still(170, verseReel.presetProps(findPreset('minimal-white')), 'VerseReel-9x16', 0.3);
    const night = await still(170, verseReel.presetProps(findPreset('night-prayer')), 'VerseReel-9x16', 0.3);
    expect(regionStats(minimal).luma).toBeGreaterThan(170);
    expect(regionStats(night).luma).toBeLessThan(90);
    // dark ink: the text band of the light frame holds dark pixels
    expect(1 - brightFraction(minimal, ARABIC_BAND, 110)).toBeGreaterThan(0.01);
  });
});

describe('VerseReel sound', () => {
  it('ducks the ambience about 13 dB while a recitation plays', async () => {
    const { execFileSync, spawnSync } = await import('node:child_process');
    const silence = path.join(tmp, 'silent-recitation.wav');
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo', '-t', '8', silence]);
    const render = (out: string, extra: string[]) =>
      spawnSync(process.execPath, [path.resolve(__dirname, '../bin/noor.mjs'), 'render', 'verse-reel', '--frames', '0-164', '--scale', '0.1', '--out', out, ...extra], {
        encoding: 'utf8',
        timeout: 240_000,
      });
    const ducked = path.join(tmp, 'ducked.mp4');
    const open = path.join(tmp, 'open.mp4');
    expect(render(ducked, ['--set', `recitation=${silence}`]).status).toBe(0);
    expect(render(open, []).status).toBe(0);
    const level = (file: string) => {
      const r = spawnSync('ffmpeg', ['-v', 'info', '-ss', '3', '-t', '2', '-i', file, '-af', 'astats=metadata=0', '-f', 'null', '-'], { encoding: 'utf8' });
      const match = /Overall[\s\S]*?RMS level dB:\s*(-?[\d.]+)/.exec(r.stderr);
      if (!match) throw new Error(`no RMS level in ffmpeg output for ${file}`);
      return Number(match[1]);
    };
    const drop = level(open) - level(ducked);
    expect(drop).toBeGreaterThan(10);
    expect(drop).toBeLessThan(16);
  }, 300_000);
});

describe('VerseReel atmosphere and pattern', () => {
  it('draws a geometric pattern and clouds into the sky when asked', async () => {
    const sky = { x: 0, y: 0.02, w: 1, h: 0.1 };
    const plain = await still(170, { grain: 0 }, 'VerseReel-9x16', 0.3);
    const pattern = await still(170, { grain: 0, pattern: 'star8', patternOpacity: 1 }, 'VerseReel-9x16', 0.3);
    const clouds = await still(170, { grain: 0, atmosphere: 'clouds' }, 'VerseReel-9x16', 0.3);
    const share = (a: typeof plain, b: typeof plain) => differingPixels(a, b) / (a.width * a.height);
    expect(share(plain, pattern)).toBeGreaterThan(0.05);
    expect(regionStats(clouds, sky).luma).toBeGreaterThan(regionStats(plain, sky).luma + 2);
  });
});
