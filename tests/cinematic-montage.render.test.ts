// CinematicMontage rendered through the CLI with real media made by ffmpeg:
// an image shot under a Ken Burns move and a video clip show their pictures
// (graded), the title sits over the opening, and a 2.39 letterbox on 16:9
// draws black bars of the right height.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPng, regionStats } from './helpers/media';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'noor-montage-'));
const bin = path.resolve(__dirname, '../bin/noor.mjs');

function render(props: object, args: string[]) {
  const file = path.join(tmp, `props-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(props));
  return spawnSync(process.execPath, [bin, 'render', 'cinematic-montage', '--props', file, ...args], { encoding: 'utf8', timeout: 240_000, cwd: tmp });
}

const image = path.join(tmp, 'bars.png');
const clip = path.join(tmp, 'clip.mp4');

beforeAll(() => {
  // Colour bars still and a moving test pattern clip: saturated, never black.
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'smptebars=size=1280x720', '-frames:v', '1', image]);
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-t', '3', '-pix_fmt', 'yuv420p', clip]);
});

const media = {
  title: 'Test title',
  subtitle: '',
  endCard: '',
  endCardSec: 0,
  transition: { type: 'cut', durationSec: 0, easing: 'linear', direction: 'from-right' },
  grain: 0,
  vignette: 0,
  shots: [
    { kind: 'image', src: image, motion: 'push-in', fit: 'cover', durationSec: 2 },
    { kind: 'video', src: clip, startSec: 0.5, fit: 'cover', durationSec: 2 },
  ],
};

describe('CinematicMontage with media', () => {
  it('shows the image shot and the video shot', () => {
    const stills = [20, 75].map((frame) => {
      const out = path.join(tmp, `shot-${frame}.png`);
      const r = render(media, ['--still', String(frame), '--scale', '0.3', '--out', out]);
      expect(r.stderr).not.toMatch(/noor: /);
      expect(r.status).toBe(0);
      return readPng(out);
    });
    for (const still of stills) {
      const s = regionStats(still);
      expect(s.luma).toBeGreaterThan(40);
      expect(s.lumaStd).toBeGreaterThan(20);
    }
    // the colour bars and the test pattern are different pictures
    expect(Math.abs(regionStats(stills[0]!).b - regionStats(stills[1]!).b) + Math.abs(regionStats(stills[0]!).r - regionStats(stills[1]!).r)).toBeGreaterThan(5);
  });

  it('draws 2.39:1 letterbox bars on 16:9', () => {
    const out = path.join(tmp, 'letterbox.png');
    const r = render({ ...media, letterbox: 2.39 }, ['--aspect', '16:9', '--still', '20', '--out', out, '--scale', '0.5']);
    expect(r.status).toBe(0);
    const still = readPng(out);
    // 1080 - 1920/2.39 = 276.7 px of bars, 138 px each at full size
    const barFraction = (1080 - 1920 / 2.39) / 2 / 1080;
    expect(regionStats(still, { x: 0, y: 0, w: 1, h: barFraction - 0.01 }).luma).toBeLessThan(1);
    expect(regionStats(still, { x: 0, y: barFraction + 0.02, w: 1, h: 0.05 }).luma).toBeGreaterThan(30);
  });

  it('names an image that cannot be decoded by its path in the shots', () => {
    const broken = path.join(tmp, 'broken.png');
    writeFileSync(broken, 'not an image');
    const r = render({ ...media, shots: [{ ...media.shots[0], src: broken }] }, ['--still', '5', '--scale', '0.2', '--out', path.join(tmp, 'y.png')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`noor: shots.0.src: Error loading image with src: ${broken}`);
  });

  it('names a missing media file by its path in the shots', () => {
    const r = render({ ...media, shots: [{ ...media.shots[0], src: 'nowhere.png' }] }, ['--still', '1', '--out', path.join(tmp, 'x.png')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('shots.0.src: media file not found: nowhere.png');
  });
});

describe('CinematicMontage in every aspect', () => {
  it.each(['9:16', '1:1', '4:5', '16:9'])('%s renders its title over the opening', (aspect) => {
    const out = path.join(tmp, `aspect-${aspect.replace(':', 'x')}.png`);
    const r = spawnSync(process.execPath, [bin, 'render', 'cinematic-montage', '--aspect', aspect, '--still', '60', '--scale', '0.25', '--out', out], {
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(r.status).toBe(0);
    const still = readPng(out);
    // the title's light ink in the middle band of the frame
    expect(regionStats(still, { x: 0.1, y: 0.3, w: 0.8, h: 0.35 }).lumaStd).toBeGreaterThan(8);
  });
});
