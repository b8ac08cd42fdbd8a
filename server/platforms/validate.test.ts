// validate(): every rule has a passing case (the whole result is empty) and a failing case (the
// expected code on the expected field); several violations come back at once; overrides win.
import { describe, expect, it } from 'vitest';
import type { PlatformId } from './rules';
import {
  mediaFactsSchema,
  postDraftSchema,
  validate,
  violationSchema,
  type MediaFacts,
  type PlatformOverride,
  type PostDraft,
  type ViolationCode,
} from './validate';

const goodPost: PostDraft = {
  caption: 'Ayat al-Kursi, recited slowly',
  hashtags: ['quran', 'رمضان'],
  overrides: {
    youtube: { title: 'Ayat al-Kursi', privacy: 'public', madeForKids: false, tags: ['quran', 'ayat al kursi'] },
    tiktok: { privacy: 'PUBLIC_TO_EVERYONE', thumbnailTimeSec: 1 },
    instagram: { thumbnailTimeSec: 1 },
  },
};

const goodMedia: MediaFacts = {
  width: 1080,
  height: 1920,
  durationSec: 30,
  fps: 30,
  bytes: 20_000_000,
  videoCodec: 'h264',
  audioCodec: 'aac',
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
};

interface Change {
  caption?: string;
  hashtags?: string[];
  override?: PlatformOverride;
  media?: Partial<MediaFacts>;
}

function apply(platform: PlatformId, change: Change): [PostDraft, MediaFacts] {
  const overrides = { ...goodPost.overrides, [platform]: { ...goodPost.overrides?.[platform], ...change.override } };
  const post: PostDraft = {
    caption: change.caption ?? goodPost.caption,
    hashtags: change.hashtags ?? goodPost.hashtags,
    overrides,
  };
  return [post, { ...goodMedia, ...change.media }];
}

interface RuleCase {
  rule: string;
  platform: PlatformId;
  pass: Change;
  fail: Change;
  code: ViolationCode;
  field: string;
}

const tags = (n: number) => Array.from({ length: n }, (_, i) => `tag${i}`);
const mentions = (n: number) => Array.from({ length: n }, (_, i) => `@user${i}`).join(' ');

const cases: RuleCase[] = [
  // X
  { rule: 'caption ≤ 280 weighted', platform: 'x', pass: { caption: 'a'.repeat(280), hashtags: [] }, fail: { caption: 'a'.repeat(281), hashtags: [] }, code: 'caption_too_long', field: 'caption' },
  { rule: 'caption counts URLs as 23', platform: 'x', pass: { caption: `${'a'.repeat(256)} https://example.com/${'p'.repeat(80)}`, hashtags: [] }, fail: { caption: `${'a'.repeat(257)} https://example.com/`, hashtags: [] }, code: 'caption_too_long', field: 'caption' },
  { rule: 'caption counts emoji as 2', platform: 'x', pass: { caption: '😀'.repeat(140), hashtags: [] }, fail: { caption: '😀'.repeat(141), hashtags: [] }, code: 'caption_too_long', field: 'caption' },
  { rule: 'duration ≥ 0.5 s', platform: 'x', pass: { media: { durationSec: 0.5 } }, fail: { media: { durationSec: 0.4 } }, code: 'duration_too_short', field: 'media.durationSec' },
  { rule: 'duration ≤ 20 min', platform: 'x', pass: { media: { durationSec: 1200 } }, fail: { media: { durationSec: 1201 } }, code: 'duration_too_long', field: 'media.durationSec' },
  { rule: 'aspect ≤ 3:1', platform: 'x', pass: { media: { width: 1800, height: 600 } }, fail: { media: { width: 1800, height: 590 } }, code: 'aspect_ratio_out_of_range', field: 'media.aspectRatio' },
  { rule: 'aspect ≥ 1:3', platform: 'x', pass: { media: { width: 400, height: 1200 } }, fail: { media: { width: 390, height: 1200 } }, code: 'aspect_ratio_out_of_range', field: 'media.aspectRatio' },
  { rule: 'frame ≥ 32 px', platform: 'x', pass: { media: { width: 32, height: 32 } }, fail: { media: { width: 32, height: 31 } }, code: 'frame_too_small', field: 'media.height' },
  { rule: 'frame ≤ 1920×1200, either orientation', platform: 'x', pass: { media: { width: 1200, height: 1920 } }, fail: { media: { width: 1200, height: 1921 } }, code: 'frame_too_large', field: 'media.height' },
  { rule: 'fps ≤ 60', platform: 'x', pass: { media: { fps: 60 } }, fail: { media: { fps: 61 } }, code: 'fps_too_high', field: 'media.fps' },
  { rule: 'file ≤ 8 GB', platform: 'x', pass: { media: { bytes: 8e9 } }, fail: { media: { bytes: 8e9 + 1 } }, code: 'file_too_large', field: 'media.bytes' },
  { rule: 'container MP4/MOV', platform: 'x', pass: { media: { container: 'mov,mp4,m4a,3gp,3g2,mj2' } }, fail: { media: { container: 'matroska,webm' } }, code: 'container_unsupported', field: 'media.container' },
  { rule: 'video codec H.264', platform: 'x', pass: { media: { videoCodec: 'h264' } }, fail: { media: { videoCodec: 'hevc' } }, code: 'video_codec_unsupported', field: 'media.videoCodec' },
  { rule: 'audio codec AAC (or no audio)', platform: 'x', pass: { media: { audioCodec: null } }, fail: { media: { audioCodec: 'mp3' } }, code: 'audio_codec_unsupported', field: 'media.audioCodec' },
  { rule: 'no per-post privacy', platform: 'x', pass: { override: {} }, fail: { override: { privacy: 'public' } }, code: 'field_unsupported', field: 'overrides.x.privacy' },
  { rule: 'no title', platform: 'x', pass: { override: {} }, fail: { override: { title: 'Ayat al-Kursi' } }, code: 'field_unsupported', field: 'overrides.x.title' },
  { rule: 'no cover frame', platform: 'x', pass: { override: {} }, fail: { override: { thumbnailTimeSec: 2 } }, code: 'field_unsupported', field: 'overrides.x.thumbnailTimeSec' },

  // Instagram
  { rule: 'caption ≤ 2200 UTF-16', platform: 'instagram', pass: { caption: '😀'.repeat(1100), hashtags: [] }, fail: { caption: '😀'.repeat(1100) + 'a', hashtags: [] }, code: 'caption_too_long', field: 'caption' },
  { rule: '≤ 30 hashtags', platform: 'instagram', pass: { hashtags: tags(30) }, fail: { hashtags: tags(31) }, code: 'hashtags_too_many', field: 'hashtags' },
  { rule: 'hashtags in the caption count too', platform: 'instagram', pass: { caption: '#رمضان', hashtags: tags(29) }, fail: { caption: '#رمضان #عيد', hashtags: tags(29) }, code: 'hashtags_too_many', field: 'hashtags' },
  { rule: '≤ 20 @mentions', platform: 'instagram', pass: { caption: mentions(20) }, fail: { caption: mentions(21) }, code: 'mentions_too_many', field: 'caption' },
  { rule: 'duration ≥ 3 s', platform: 'instagram', pass: { media: { durationSec: 3 } }, fail: { media: { durationSec: 2.9 } }, code: 'duration_too_short', field: 'media.durationSec' },
  { rule: 'duration ≤ 15 min', platform: 'instagram', pass: { media: { durationSec: 900 } }, fail: { media: { durationSec: 900.5 } }, code: 'duration_too_long', field: 'media.durationSec' },
  { rule: 'aspect ≤ 10:1', platform: 'instagram', pass: { media: { width: 1900, height: 190 } }, fail: { media: { width: 1900, height: 189 } }, code: 'aspect_ratio_out_of_range', field: 'media.aspectRatio' },
  { rule: 'width ≤ 1920', platform: 'instagram', pass: { media: { width: 1920, height: 1080 } }, fail: { media: { width: 2160, height: 3840 } }, code: 'frame_too_large', field: 'media.width' },
  { rule: 'fps ≥ 23', platform: 'instagram', pass: { media: { fps: 23.976 } }, fail: { media: { fps: 15 } }, code: 'fps_too_low', field: 'media.fps' },
  { rule: 'fps ≤ 60', platform: 'instagram', pass: { media: { fps: 60 } }, fail: { media: { fps: 120 } }, code: 'fps_too_high', field: 'media.fps' },
  { rule: 'file ≤ 300 MB', platform: 'instagram', pass: { media: { bytes: 300e6 } }, fail: { media: { bytes: 300e6 + 1 } }, code: 'file_too_large', field: 'media.bytes' },
  { rule: 'container MP4/MOV', platform: 'instagram', pass: { media: { container: 'mov,mp4,m4a,3gp,3g2,mj2' } }, fail: { media: { container: 'matroska,webm' } }, code: 'container_unsupported', field: 'media.container' },
  { rule: 'video codec H.264/HEVC', platform: 'instagram', pass: { media: { videoCodec: 'hevc' } }, fail: { media: { videoCodec: 'vp9' } }, code: 'video_codec_unsupported', field: 'media.videoCodec' },
  { rule: 'audio codec AAC', platform: 'instagram', pass: { media: { audioCodec: 'aac' } }, fail: { media: { audioCodec: 'opus' } }, code: 'audio_codec_unsupported', field: 'media.audioCodec' },
  { rule: 'cover frame within the video', platform: 'instagram', pass: { override: { thumbnailTimeSec: 30 } }, fail: { override: { thumbnailTimeSec: 31 } }, code: 'thumbnail_past_end', field: 'overrides.instagram.thumbnailTimeSec' },
  { rule: 'no per-post privacy', platform: 'instagram', pass: { override: {} }, fail: { override: { privacy: 'private' } }, code: 'field_unsupported', field: 'overrides.instagram.privacy' },
  { rule: 'single post format', platform: 'instagram', pass: { override: { format: 'reel' } }, fail: { override: { format: 'story' } }, code: 'format_unknown', field: 'overrides.instagram.format' },

  // TikTok
  { rule: 'caption ≤ 2200 UTF-16', platform: 'tiktok', pass: { caption: 'ب'.repeat(2200), hashtags: [] }, fail: { caption: 'ب'.repeat(2201), hashtags: [] }, code: 'caption_too_long', field: 'caption' },
  { rule: 'privacy is a TikTok level', platform: 'tiktok', pass: { override: { privacy: 'SELF_ONLY' } }, fail: { override: { privacy: 'public' } }, code: 'privacy_invalid', field: 'overrides.tiktok.privacy' },
  { rule: 'duration ≤ 10 min', platform: 'tiktok', pass: { media: { durationSec: 600 } }, fail: { media: { durationSec: 601 } }, code: 'duration_too_long', field: 'media.durationSec' },
  { rule: 'frame ≥ 360 px', platform: 'tiktok', pass: { media: { width: 360, height: 640 } }, fail: { media: { width: 359, height: 640 } }, code: 'frame_too_small', field: 'media.width' },
  { rule: 'frame ≤ 4096 px', platform: 'tiktok', pass: { media: { width: 2304, height: 4096 } }, fail: { media: { width: 2304, height: 4097 } }, code: 'frame_too_large', field: 'media.height' },
  { rule: 'fps ≥ 23', platform: 'tiktok', pass: { media: { fps: 23 } }, fail: { media: { fps: 22 } }, code: 'fps_too_low', field: 'media.fps' },
  { rule: 'fps ≤ 60', platform: 'tiktok', pass: { media: { fps: 59.94 } }, fail: { media: { fps: 90 } }, code: 'fps_too_high', field: 'media.fps' },
  { rule: 'file ≤ 4 GB', platform: 'tiktok', pass: { media: { bytes: 4e9 } }, fail: { media: { bytes: 4e9 + 1 } }, code: 'file_too_large', field: 'media.bytes' },
  { rule: 'container MP4/MOV/WebM', platform: 'tiktok', pass: { media: { container: 'matroska,webm', videoCodec: 'vp9', audioCodec: 'opus' } }, fail: { media: { container: 'avi' } }, code: 'container_unsupported', field: 'media.container' },
  { rule: 'video codec H.264/H.265/VP8/VP9', platform: 'tiktok', pass: { media: { videoCodec: 'vp8' } }, fail: { media: { videoCodec: 'av1' } }, code: 'video_codec_unsupported', field: 'media.videoCodec' },
  { rule: 'no made-for-kids flag', platform: 'tiktok', pass: { override: {} }, fail: { override: { madeForKids: true } }, code: 'field_unsupported', field: 'overrides.tiktok.madeForKids' },
  { rule: 'no tags', platform: 'tiktok', pass: { override: {} }, fail: { override: { tags: ['quran'] } }, code: 'field_unsupported', field: 'overrides.tiktok.tags' },

  // YouTube
  { rule: 'description ≤ 5000 UTF-8 bytes', platform: 'youtube', pass: { caption: 'ب'.repeat(2500), hashtags: [] }, fail: { caption: 'ب'.repeat(2501), hashtags: [] }, code: 'caption_too_long', field: 'caption' },
  { rule: 'title required', platform: 'youtube', pass: { override: { title: 'T' } }, fail: { override: { title: '   ' } }, code: 'title_missing', field: 'overrides.youtube.title' },
  { rule: 'title ≤ 100 characters', platform: 'youtube', pass: { override: { title: 'a'.repeat(100) } }, fail: { override: { title: 'a'.repeat(101) } }, code: 'title_too_long', field: 'overrides.youtube.title' },
  { rule: 'no < or > in the title', platform: 'youtube', pass: { override: { title: 'Verse 2:255' } }, fail: { override: { title: 'Verse <2:255>' } }, code: 'text_forbidden_character', field: 'overrides.youtube.title' },
  { rule: 'no < or > in the description', platform: 'youtube', pass: { caption: 'a → b' }, fail: { caption: 'a -> b' }, code: 'text_forbidden_character', field: 'caption' },
  { rule: '≤ 60 hashtags', platform: 'youtube', pass: { hashtags: tags(60) }, fail: { hashtags: tags(61) }, code: 'hashtags_too_many', field: 'hashtags' },
  // 'a'×248 + 'b'×248 + comma = 497, + 'c' = 499 (pass); a spaced 'c d' adds 2 quotes + 3 = 502 (fail)
  { rule: 'tags ≤ 500 in total', platform: 'youtube', pass: { override: { tags: ['a'.repeat(248), 'b'.repeat(248), 'c'] } }, fail: { override: { tags: ['a'.repeat(248), 'b'.repeat(248), 'c d'] } }, code: 'tags_too_long', field: 'overrides.youtube.tags' },
  { rule: 'privacy is a YouTube status', platform: 'youtube', pass: { override: { privacy: 'unlisted' } }, fail: { override: { privacy: 'PUBLIC_TO_EVERYONE' } }, code: 'privacy_invalid', field: 'overrides.youtube.privacy' },
  { rule: 'format is short or video', platform: 'youtube', pass: { override: { format: 'video' } }, fail: { override: { format: 'live' } }, code: 'format_unknown', field: 'overrides.youtube.format' },
  { rule: 'Shorts ≤ 3 min', platform: 'youtube', pass: { media: { durationSec: 180 } }, fail: { media: { durationSec: 185 } }, code: 'duration_too_long', field: 'media.durationSec' },
  { rule: 'Shorts square or vertical', platform: 'youtube', pass: { media: { width: 1080, height: 1080 } }, fail: { media: { width: 1920, height: 1080 } }, code: 'aspect_ratio_out_of_range', field: 'media.aspectRatio' },
  { rule: 'regular videos take 16:9 and > 3 min', platform: 'youtube', pass: { override: { format: 'video' }, media: { width: 1920, height: 1080, durationSec: 185 } }, fail: { media: { width: 1920, height: 1080, durationSec: 185 } }, code: 'duration_too_long', field: 'media.durationSec' },
  { rule: 'regular videos ≤ 12 h', platform: 'youtube', pass: { override: { format: 'video' }, media: { durationSec: 43_200 } }, fail: { override: { format: 'video' }, media: { durationSec: 43_201 } }, code: 'duration_too_long', field: 'media.durationSec' },
  { rule: 'file ≤ 256 GB', platform: 'youtube', pass: { media: { bytes: 256e9 } }, fail: { media: { bytes: 256e9 + 1 } }, code: 'file_too_large', field: 'media.bytes' },
  { rule: 'container among YouTube formats', platform: 'youtube', pass: { media: { container: 'matroska,webm' } }, fail: { media: { container: 'ogg' } }, code: 'container_unsupported', field: 'media.container' },
  { rule: 'cover frame within the video', platform: 'youtube', pass: { override: { thumbnailTimeSec: 0 } }, fail: { override: { thumbnailTimeSec: 45 } }, code: 'thumbnail_past_end', field: 'overrides.youtube.thumbnailTimeSec' },
];

describe('the good draft', () => {
  it.each(['x', 'instagram', 'tiktok', 'youtube'] as const)('passes on %s, with and without media', (platform) => {
    expect(validate(goodPost, platform, goodMedia)).toEqual([]);
    expect(validate(goodPost, platform)).toEqual([]);
  });
});

describe.each(cases)('$platform: $rule', ({ platform, pass, fail, code, field }) => {
  it('passes', () => {
    const [post, media] = apply(platform, pass);
    expect(validate(post, platform, media)).toEqual([]);
  });

  it(`fails with ${code} on ${field}`, () => {
    const [post, media] = apply(platform, fail);
    const found = validate(post, platform, media);
    expect(found.map((v) => [v.code, v.field])).toContainEqual([code, field]);
    for (const v of found) {
      expect(violationSchema.parse(v)).toEqual(v);
      expect(v.message.startsWith(`${v.field}: `)).toBe(true);
    }
  });
});

describe('messages', () => {
  it('say by how much and what to do', () => {
    const [post, media] = apply('youtube', { media: { durationSec: 185 } });
    expect(validate(post, 'youtube', media)).toEqual([
      {
        field: 'media.durationSec',
        code: 'duration_too_long',
        message: "media.durationSec: 185 s is longer than YouTube Shorts' 180 s; post as a regular video or trim",
      },
    ]);
    const [igPost] = apply('instagram', { hashtags: tags(34) });
    expect(validate(igPost, 'instagram').map((v) => v.message)).toEqual(['hashtags: 34 hashtags; Instagram allows 30']);
  });

  it('explain how X counts', () => {
    const [post] = apply('x', { caption: `${'a'.repeat(280)} https://example.com 😀`, hashtags: [] });
    expect(validate(post, 'x').map((v) => v.message)).toEqual([
      'caption: 307 of 280 characters (X counts URLs as 23 and emoji and CJK characters as 2)',
    ]);
  });

  it('say when appended hashtags pushed the caption over', () => {
    const [post] = apply('x', { caption: 'a'.repeat(275), hashtags: ['رمضان'] });
    expect(validate(post, 'x').map((v) => v.message)).toEqual([
      'caption: 282 of 280 characters, hashtags included (X counts URLs as 23 and emoji and CJK characters as 2)',
    ]);
  });

  it('name Arabic hashtags that would not link whole', () => {
    const [post] = apply('instagram', { hashtags: ['عيد الفطر', '#عيد_الفطر'] });
    expect(validate(post, 'instagram')).toEqual([
      {
        field: 'hashtags',
        code: 'hashtag_invalid',
        message: 'hashtags: "عيد الفطر" is not one hashtag (it would link as #عيد); use letters, marks, digits and _ only, with at least one letter',
      },
    ]);
  });
});

describe('several violations at once', () => {
  it('returns every one, not just the first', () => {
    const post: PostDraft = {
      caption: `${'a'.repeat(300)} <script>`,
      hashtags: [...tags(70), 'a-b'],
      overrides: { youtube: { privacy: 'friends', tags: ['x'.repeat(501)] } },
    };
    const media: MediaFacts = { ...goodMedia, width: 1920, height: 1080, durationSec: 185, bytes: 300e9, container: 'ogg' };
    const codes = validate(post, 'youtube', media).map((v) => v.code);
    expect(codes).toEqual([
      'hashtag_invalid',
      'hashtags_too_many',
      'title_missing',
      'text_forbidden_character',
      'tags_too_long',
      'privacy_invalid',
      'duration_too_long',
      'aspect_ratio_out_of_range',
      'file_too_large',
      'container_unsupported',
    ]);
  });

  it('reports both edges of a frame that is too large', () => {
    const [post, media] = apply('x', { media: { width: 2160, height: 3840 } });
    expect(validate(post, 'x', media).map((v) => v.field)).toEqual(['media.width', 'media.height']);
  });
});

describe('per-platform override precedence', () => {
  it('checks the override caption, not the shared one, and points at the override', () => {
    const post: PostDraft = { caption: 'short', hashtags: [], overrides: { x: { caption: 'a'.repeat(281) } } };
    expect(validate(post, 'x').map((v) => v.field)).toEqual(['overrides.x.caption']);
    expect(validate(post, 'tiktok')).toEqual([]);
  });

  it('lets a short override rescue a shared caption that is too long for X', () => {
    const post: PostDraft = { caption: 'a'.repeat(400), hashtags: [], overrides: { x: { caption: 'short' } } };
    expect(validate(post, 'x')).toEqual([]);
    expect(validate(post, 'instagram')).toEqual([]);
  });

  it('uses override hashtags instead of the shared ones', () => {
    const post: PostDraft = { caption: '', hashtags: tags(40), overrides: { instagram: { hashtags: ['رمضان'] } } };
    expect(validate(post, 'instagram')).toEqual([]);
    const [, media] = apply('x', {});
    expect(validate({ ...post, overrides: {} }, 'instagram', media).map((v) => v.field)).toEqual(['hashtags']);
  });

  it('checks the YouTube description override over the caption', () => {
    const post: PostDraft = {
      caption: 'fine',
      hashtags: [],
      overrides: { youtube: { title: 'T', caption: 'also fine', description: 'ب'.repeat(2501) } },
    };
    expect(validate(post, 'youtube').map((v) => v.field)).toEqual(['overrides.youtube.description']);
  });

  it('refuses a description override where the platform posts a caption', () => {
    const post: PostDraft = { caption: 'fine', hashtags: [], overrides: { instagram: { description: 'x' } } };
    expect(validate(post, 'instagram').map((v) => [v.code, v.field])).toEqual([['field_unsupported', 'overrides.instagram.description']]);
  });
});

describe('shared schemas', () => {
  it('fill a draft with defaults and refuse unknown override keys', () => {
    expect(postDraftSchema.parse({})).toEqual({ caption: '', hashtags: [] });
    expect(postDraftSchema.safeParse({ overrides: { x: { titel: 'typo' } } }).success).toBe(false);
    expect(postDraftSchema.safeParse({ overrides: { facebook: {} } }).success).toBe(false);
  });

  it('accept ffprobe facts, audio-less files included', () => {
    expect(mediaFactsSchema.parse({ ...goodMedia, audioCodec: null }).audioCodec).toBeNull();
    expect(mediaFactsSchema.safeParse({ ...goodMedia, width: 0 }).success).toBe(false);
  });
});
