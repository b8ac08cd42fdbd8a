// prepareRendition on real clips made by ffmpeg (9:16 30 fps and 16:9 25 fps with sound, an odd
// 1001×777 60 fps one without): per platform the file passes validate(), is H.264 High yuv420p at
// the planned size and constant frame rate with AAC-LC 48 kHz stereo, has its moov before mdat, is
// within ±1.5 LU of −14 LUFS, and comes with a real JPEG poster (and cover where the platform takes
// one) of the right size; a Short from 16:9 is padded, not stretched. Then the cache: a second call
// runs no ffmpeg, a changed input or option misses. Then the errors: undecodable, missing,
// audio-only and too-short inputs, and an output that fails verification leaving no cache entry.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../server/analyze/ffmpeg';
import { measureLoudness } from '../../server/analyze/audio-loudness';
import type { PlatformId } from '../../server/platforms/rules';
import { validate } from '../../server/platforms/validate';
import { isFaststart, prepareRendition, topLevelBoxes, type FfmpegRunner, type RenditionOptions } from '../../server/renditions';
import { makeClip } from '../analysis/clips';
import { clipWithSound, silentClip } from './clips';

const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'noor-renditions-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
const fast: RenditionOptions = { cacheDir, x264Preset: 'superfast' };

interface Stream {
  codec_type: string;
  codec_name: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
}
const streams = (file: string): Stream[] =>
  (JSON.parse(execFileSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', file], { encoding: 'utf8' })) as { streams: Stream[] }).streams;

/** Mean luma (0–255) of a horizontal band of an image, top and height in fractions. */
function bandLuma(image: string, top: number, height: number): number {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', image, '-vf', `crop=iw:ih*${height}:0:ih*${top},scale=64:16,format=gray`, '-f', 'rawvideo', '-']);
  return raw.reduce((sum, v) => sum + v, 0) / raw.length;
}

function countingRunner(): { runner: FfmpegRunner; calls: string[] } {
  const calls: string[] = [];
  return { calls, runner: (binary, args, options) => (calls.push(path.basename(binary)), run(binary, args, options)) };
}

const clips: Record<string, string> = {};
beforeAll(async () => {
  clips.portrait = await clipWithSound('rendition-portrait', 1080, 1920, 30);
  clips.landscape = await clipWithSound('rendition-landscape', 1920, 1080, 25, 1);
  clips.odd = await silentClip('rendition-odd', 1001, 777, 60);
});

interface Case {
  clip: 'portrait' | 'landscape' | 'odd';
  platform: PlatformId;
  format: string;
  options?: RenditionOptions;
  size: [number, number];
  fps: string;
  cover?: [number, number];
  loud: boolean;
}

const cases: Case[] = [
  { clip: 'portrait', platform: 'x', format: 'post', size: [1080, 1920], fps: '30/1', loud: true },
  { clip: 'portrait', platform: 'instagram', format: 'reel', size: [1080, 1920], fps: '30/1', cover: [1080, 1920], loud: true },
  { clip: 'portrait', platform: 'tiktok', format: 'video', size: [1080, 1920], fps: '30/1', loud: true },
  { clip: 'portrait', platform: 'youtube', format: 'short', size: [1080, 1920], fps: '30/1', cover: [1280, 720], loud: true },
  { clip: 'landscape', platform: 'youtube', format: 'video', size: [1920, 1080], fps: '25/1', cover: [1280, 720], loud: true },
  { clip: 'landscape', platform: 'instagram', format: 'reel', size: [1920, 1080], fps: '25/1', cover: [1080, 1920], loud: true },
  { clip: 'landscape', platform: 'youtube', format: 'short', options: { format: 'short' }, size: [1080, 1080], fps: '25/1', cover: [1280, 720], loud: true },
  { clip: 'odd', platform: 'x', format: 'post', size: [1000, 776], fps: '60/1', loud: false },
  { clip: 'odd', platform: 'tiktok', format: 'video', size: [1000, 776], fps: '60/1', loud: false },
];

describe.each(cases)('$clip → $platform $format', (c) => {
  it('is a valid, faststart H.264 High / AAC-LC file at the planned size, rate and loudness, with its stills', async () => {
    const r = await prepareRendition(clips[c.clip]!, c.platform, { ...fast, ...c.options });
    expect(r).toMatchObject({ platform: c.platform, format: c.format, cached: false });

    const draft = { caption: '', hashtags: [], overrides: { [c.platform]: { format: c.format } } };
    expect(validate(draft, c.platform, r.facts).filter((v) => v.field.startsWith('media.'))).toEqual([]);
    expect(r.facts).toMatchObject({ width: c.size[0], height: c.size[1], videoCodec: 'h264', audioCodec: 'aac', bytes: statSync(r.file).size });

    const [video, audio, ...rest] = streams(r.file);
    expect(rest).toEqual([]);
    expect(video).toMatchObject({ codec_type: 'video', codec_name: 'h264', profile: 'High', pix_fmt: 'yuv420p', width: c.size[0], height: c.size[1], avg_frame_rate: c.fps, r_frame_rate: c.fps });
    expect(audio).toMatchObject({ codec_type: 'audio', codec_name: 'aac', profile: 'LC', sample_rate: '48000', channels: 2 });

    const boxes = await topLevelBoxes(r.file);
    expect(boxes.indexOf('moov')).toBeGreaterThan(-1);
    expect(boxes.indexOf('moov')).toBeLessThan(boxes.indexOf('mdat'));

    const { integrated } = await measureLoudness(r.file);
    if (c.loud) expect(Math.abs(integrated - -14)).toBeLessThanOrEqual(1.5);
    else expect(integrated).toBe(-70);

    expect(readFileSync(r.poster).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(streams(r.poster)[0]).toMatchObject({ codec_name: 'mjpeg', width: c.size[0], height: c.size[1] });
    expect(r.posterTimeSec).toBeGreaterThanOrEqual(0);
    expect(r.posterTimeSec).toBeLessThan(r.facts.durationSec);
    if (c.cover) {
      expect(r.cover).toBeDefined();
      expect(readFileSync(r.cover!).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
      expect(streams(r.cover!)[0]).toMatchObject({ codec_name: 'mjpeg', width: c.cover[0], height: c.cover[1] });
    } else {
      expect(r.cover).toBeUndefined();
    }
    if (c.size[0] === c.size[1]) {
      // 16:9 in a square frame: black bands above and below the picture, not a stretched picture.
      expect(bandLuma(r.poster, 0, 0.15)).toBeLessThan(20);
      expect(bandLuma(r.poster, 0.85, 0.15)).toBeLessThan(20);
      expect(bandLuma(r.poster, 0.4, 0.2)).toBeGreaterThan(40);
    }
  });
});

describe('the rendition cache', () => {
  it('reuses a rendition without running ffmpeg, and misses for a changed input or option', async () => {
    const first = countingRunner();
    const clip = await clipWithSound('rendition-cache-a', 400, 600, 30, 2);
    const made = await prepareRendition(clip, 'tiktok', { ...fast, runner: first.runner });
    expect(made.cached).toBe(false);
    expect(first.calls).toContain('ffmpeg');
    const mtime = statSync(made.file).mtimeMs;

    const second = countingRunner();
    const again = await prepareRendition(clip, 'tiktok', { ...fast, runner: second.runner });
    expect(second.calls).toEqual([]);
    expect(again).toEqual({ ...made, cached: true });
    expect(statSync(again.file).mtimeMs).toBe(mtime);

    const changed = countingRunner();
    const other = await prepareRendition(await clipWithSound('rendition-cache-b', 400, 600, 30, 3), 'tiktok', { ...fast, runner: changed.runner });
    expect(other.cached).toBe(false);
    expect(other.cacheKey).not.toBe(made.cacheKey);
    expect(changed.calls).toContain('ffmpeg');

    const quieter = await prepareRendition(clip, 'tiktok', { ...fast, loudnessLufs: -16 });
    expect(quieter.cached).toBe(false);
    expect(quieter.cacheKey).not.toBe(made.cacheKey);
    expect(Math.abs((await measureLoudness(quieter.file)).integrated - -16)).toBeLessThanOrEqual(1.5);
  });
});

describe('errors', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'noor-renditions-bad-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('names an undecodable input', async () => {
    const bogus = path.join(scratch, 'not-a-video.mp4');
    writeFileSync(bogus, 'this is text, not a video');
    await expect(prepareRendition(bogus, 'x', fast)).rejects.toThrow(/^input: .*not-a-video\.mp4 is not a video ffmpeg can read \(.+\)$/);
  });

  it('names a missing input', async () => {
    await expect(prepareRendition(path.join(scratch, 'missing.mp4'), 'x', fast)).rejects.toThrow(/^input: .*missing\.mp4 does not exist$/);
  });

  it('names an input without a picture', async () => {
    const audioOnly = await makeClip('rendition-audio-only', ['-f', 'lavfi', '-i', 'sine=f=440:d=3', '-c:a', 'aac'], 'm4a');
    await expect(prepareRendition(audioOnly, 'x', fast)).rejects.toThrow(/^input: .* has no video stream$/);
  });

  it('refuses a clip too short for Instagram with the violation, before encoding anything', async () => {
    const { runner, calls } = countingRunner();
    const short = await clipWithSound('rendition-short', 360, 640, 30, 4, 2);
    const failure = prepareRendition(short, 'instagram', { ...fast, runner });
    await expect(failure).rejects.toThrow(/^input: cannot become a Instagram Reels video: media\.durationSec: 2 s is shorter than Instagram Reels' 3 s minimum/);
    await expect(failure).rejects.toMatchObject({ violations: [expect.objectContaining({ code: 'duration_too_short' })] });
    expect(calls).toEqual(['ffprobe']);
  });

  it('fails an output that breaks the spec and caches nothing', async () => {
    const noFaststart: FfmpegRunner = (binary, args, options) => run(binary, args.filter((a, i) => a !== '-movflags' && args[i - 1] !== '-movflags'), options);
    const ownCache = mkdtempSync(path.join(scratch, 'cache-'));
    const clip = await clipWithSound('rendition-cache-a', 400, 600, 30, 2);
    await expect(prepareRendition(clip, 'tiktok', { ...fast, cacheDir: ownCache, runner: noFaststart })).rejects.toThrow(
      /^output: the tiktok rendition .* still fails: the moov index is not before the media data \(no faststart\)$/,
    );
    expect(readdirSync(path.join(ownCache, 'renditions'))).toEqual([]);
  });

  it('tells a faststart file from one with the index at the end', async () => {
    expect(await isFaststart(await clipWithSound('rendition-cache-a', 400, 600, 30, 2))).toBe(false);
  });
});
