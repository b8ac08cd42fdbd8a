// planRendition: standard sizes for standard aspects (scaled up or down), odd sizes kept but made
// even, padding where the platform refuses the aspect, the post format chosen by what the input
// fits, frame rates snapped into the allowed range, the bitrate capped by the file limit, and
// inputs no encoding can fix refused with the violations before any work.
import { describe, expect, it } from 'vitest';
import type { MediaFacts } from '../platforms/validate';
import { planRendition } from './plan';

const facts = (width: number, height: number, fps = 30, durationSec = 3): MediaFacts => ({
  width,
  height,
  fps,
  durationSec,
  bytes: 1_000_000,
  videoCodec: 'prores',
  audioCodec: 'pcm_s16le',
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
});

describe('planRendition', () => {
  it('keeps a 1080×1920 30 fps video as it is on every platform, each in its default format', () => {
    for (const [platform, format] of [['x', 'post'], ['instagram', 'reel'], ['tiktok', 'video'], ['youtube', 'short']] as const) {
      const plan = planRendition(facts(1080, 1920), platform);
      expect(plan).toMatchObject({ platform, format, width: 1080, height: 1920, content: { width: 1080, height: 1920 }, fps: { text: '30' } });
    }
  });

  it('scales standard aspects to the standard size, up or down', () => {
    expect(planRendition(facts(720, 1280), 'instagram')).toMatchObject({ width: 1080, height: 1920 });
    expect(planRendition(facts(3840, 2160), 'x')).toMatchObject({ width: 1920, height: 1080, content: { width: 1920, height: 1080 } });
    expect(planRendition(facts(864, 1080), 'tiktok')).toMatchObject({ width: 1080, height: 1350 });
  });

  it('keeps an odd size, made even, and a 60 fps rate the platform allows', () => {
    expect(planRendition(facts(1001, 777, 60), 'x')).toMatchObject({ width: 1000, height: 776, content: { width: 1000, height: 776 }, fps: { text: '60' } });
  });

  it('scales a small frame up to the platform minimum', () => {
    expect(planRendition(facts(200, 300), 'tiktok')).toMatchObject({ width: 360, height: 540 });
  });

  it('posts 16:9 to YouTube as a regular video, and pads it square when asked for a Short', () => {
    expect(planRendition(facts(1920, 1080), 'youtube')).toMatchObject({ format: 'video', width: 1920, height: 1080 });
    expect(planRendition(facts(1920, 1080), 'youtube', { format: 'short' })).toMatchObject({
      format: 'short',
      width: 1080,
      height: 1080,
      content: { width: 1080, height: 608 },
    });
  });

  it('pads a panorama wider than X allows to 3:1', () => {
    const plan = planRendition(facts(4000, 1000), 'x');
    expect(plan).toMatchObject({ width: 1920, height: 640, content: { width: 1920, height: 480 } });
  });

  it('snaps frame rates to a standard rate in the allowed range', () => {
    expect(planRendition(facts(1080, 1920, 120), 'tiktok').fps.text).toBe('60');
    expect(planRendition(facts(1080, 1920, 29.97), 'tiktok').fps.text).toBe('30000/1001');
    expect(planRendition(facts(1080, 1920, 15), 'instagram').fps.text).toBe('24000/1001');
    expect(planRendition(facts(1080, 1920, 60), 'instagram', { fps: 30 }).fps.text).toBe('30');
  });

  it('caps the peak bitrate so the file fits the platform limit', () => {
    expect(planRendition(facts(1080, 1920, 30, 60), 'instagram').maxVideoBitrate).toBe(8_000_000);
    expect(planRendition(facts(1080, 1920, 60, 60), 'x').maxVideoBitrate).toBe(12_000_000);
    expect(planRendition(facts(1080, 1920, 30, 900), 'instagram').maxVideoBitrate).toBe(Math.floor((300e6 * 0.9 * 8) / 900 - 192_000));
  });

  it('refuses what no encoding can fix, with the violations', () => {
    expect(() => planRendition(facts(1080, 1920, 30, 2), 'instagram')).toThrow(/^input: cannot become a Instagram Reels video: media.durationSec: 2 s is shorter than Instagram Reels' 3 s minimum/);
    try {
      planRendition(facts(1080, 1920, 30, 700), 'tiktok');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: 'RenditionError', field: 'input', violations: [expect.objectContaining({ code: 'duration_too_long' })] });
    }
  });

  it('names an unknown format', () => {
    expect(() => planRendition(facts(1080, 1920), 'youtube', { format: 'reel' })).toThrow(/^format: "reel" is not a YouTube post format; use short or video$/);
  });
});
