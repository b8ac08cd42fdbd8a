// End to end: writes the style report for a real three-shot clip (its input
// renamed to something hostile) and checks the HTML's thumbnails, curves,
// swatches, transitions, beats and text, and the PNG summary's size and
// content; then an audio-only input (placeholders) and a missing browser.
import { copyFile, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalysisError } from '../../server/analyze/ffmpeg';
import { summaryHeight, writeReport } from '../../server/analyze/report/index';
import { PNG_WIDTH } from '../../server/analyze/report/png';
import { makeClip } from './clips';
import { CLIP_SEC, fullProfile, reportClip, sparseProfile } from './report-fixture';

const HOSTILE_NAME = `clip <img src=x onerror=alert(1)> & "co" 'q'.mp4`;

let dir: string;
let input: string;
let html: string;
let png: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'noor-report-test-'));
  input = path.join(dir, HOSTILE_NAME);
  await copyFile(await reportClip(), input);
  html = path.join(dir, 'report.html');
  png = path.join(dir, 'summary.png');
  await writeReport(fullProfile(input), input, { html, png }, { timeoutMs: 90_000 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const pointCount = (page: string, series: string): number =>
  new RegExp(`<polyline class="curve" data-series="${series}" points="([^"]*)"`).exec(page)![1]!.split(' ').length;

describe('writeReport (three shots, cut and dissolve, 120 BPM clicks)', () => {
  it('inlines one real JPEG thumbnail per shot on the timeline', async () => {
    const page = await readFile(html, 'utf8');
    const strip = /<div class="strip">(.*?)<\/div><\/div><div class="lane-axis">/s.exec(page)![1]!;
    const uris = [...strip.matchAll(/<img class="thumb" src="data:image\/jpeg;base64,([^"]+)"/g)].map((m) => m[1]!);
    expect(uris).toHaveLength(3);
    expect(new Set(uris).size).toBe(3);
    for (const uri of uris) {
      const jpeg = Buffer.from(uri, 'base64');
      expect([...jpeg.subarray(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
      expect([...jpeg.subarray(-2)]).toEqual([0xff, 0xd9]);
      expect(jpeg.length).toBeGreaterThan(1000);
    }
  });

  it('is self-contained: no scripts, no external URLs', async () => {
    const page = await readFile(html, 'utf8');
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<link\b/i);
    expect([...page.matchAll(/\ssrc="([^"]{0,30})/g)].every((m) => m[1]!.startsWith('data:image/jpeg;base64,'))).toBe(true);
  });

  it('shows swatches, curves with one point per sample, transitions, beats and text', async () => {
    const page = await readFile(html, 'utf8');
    const profile = fullProfile(input);
    for (const { hex } of profile.color!.palette) expect(page).toContain(`<li class="swatch" data-hex="${hex}">`);
    expect(pointCount(page, 'luma')).toBe(profile.luma!.values.length);
    expect(pointCount(page, 'loudness')).toBe(profile.audio!.loudness!.length);
    expect(page.match(/data-type="cut"/g)).toHaveLength(1);
    expect(page).toMatch(/data-type="dissolve"[^>]*><span>dissolve<\/span>/);
    expect(page.match(/<line class="beat/g)).toHaveLength(profile.audio!.beats!.length);
    expect(page).toContain('<span class="bpm">120</span> BPM');
    expect(page.match(/class="text-bar"/g)).toHaveLength(3);
    expect(page).toContain('0:05.5');
    expect(CLIP_SEC).toBe(profile.source.durationSec);
  });

  it('escapes the hostile file name and says what was not measured', async () => {
    const page = await readFile(html, 'utf8');
    expect(page).not.toContain('<img src=x');
    expect(page).toContain('clip &lt;img src=x onerror=alert(1)&gt; &amp; &quot;co&quot; &#39;q&#39;.mp4');
    expect(page).toContain('shot 3 is too short for motion estimation');
  });

  it('writes a PNG summary of the expected size that is not blank', async () => {
    const image = PNG.sync.read(await readFile(png));
    expect(image.width).toBe(PNG_WIDTH);
    expect(image.height).toBe(summaryHeight(fullProfile(input)));
    let sum = 0;
    let sumSq = 0;
    const n = image.width * image.height;
    for (let i = 0; i < image.data.length; i += 4) {
      const luma = 0.2126 * image.data[i]! + 0.7152 * image.data[i + 1]! + 0.0722 * image.data[i + 2]!;
      sum += luma;
      sumSq += luma * luma;
    }
    const mean = sum / n;
    expect(Math.sqrt(sumSq / n - mean * mean)).toBeGreaterThan(10);
    expect(mean).toBeLessThan(80); // a dark page
  });
});

describe('writeReport without pictures or a browser', () => {
  const audioOnlyClip = () => makeClip('report-audio-only', ['-f', 'lavfi', '-i', "aevalsrc='0.5*sin(2*PI*220*t)':s=22050:d=2", '-c:a', 'aac'], 'm4a');

  it('uses placeholders when the input has no video stream', async () => {
    const audioOnly = await audioOnlyClip();
    const out = path.join(dir, 'audio-only.html');
    await writeReport(sparseProfile(audioOnly), audioOnly, { html: out });
    const page = await readFile(out, 'utf8');
    expect(page).not.toContain('<img');
    expect(page.match(/class="thumb placeholder" title="the input has no video stream"/g)).toHaveLength(2 * 3);
    expect(page).toContain('not measured');
  });

  it('names the missing browser, after writing the HTML', async () => {
    const audioOnly = await audioOnlyClip();
    const out = path.join(dir, 'no-browser.html');
    const attempt = writeReport(sparseProfile(audioOnly), audioOnly, { html: out, png: path.join(dir, 'no-browser.png') }, { browserExecutable: null });
    await expect(attempt).rejects.toThrow(AnalysisError);
    await expect(attempt).rejects.toThrow(/needs Chromium.*apt-get install chromium/);
    expect((await stat(out)).size).toBeGreaterThan(0);
    const explicit = writeReport(sparseProfile(audioOnly), audioOnly, { html: out, png: path.join(dir, 'x.png') }, { browserExecutable: '/opt/nowhere/chrome' });
    await expect(explicit).rejects.toThrow(/\/opt\/nowhere\/chrome does not exist/);
  });
});
