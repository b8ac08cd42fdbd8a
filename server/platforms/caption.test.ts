// Caption counting per platform (X weighted via twitter-text, UTF-16, UTF-8 bytes), Unicode and
// Arabic hashtags, and the final caption text with per-platform overrides taking precedence.
import { describe, expect, it } from 'vitest';
import { captionLength, extractHashtags, formatCaption, isValidHashtag, normalizeHashtag, resolveCaption, resolveHashtags } from './caption';

describe('captionLength on X (weighted)', () => {
  it('counts any URL as 23', () => {
    expect(captionLength('https://example.com/a/very/long/path/that/goes/on/and/on', 'x')).toBe(23);
    expect(captionLength('see example.com', 'x')).toBe(4 + 23);
  });

  it('counts an emoji as 2, a ZWJ family sequence included', () => {
    expect(captionLength('😀', 'x')).toBe(2);
    expect(captionLength('👨‍👩‍👧', 'x')).toBe(2);
  });

  it('counts CJK characters as 2 each', () => {
    expect(captionLength('日本語', 'x')).toBe(6);
  });

  it('counts Arabic letters and harakat as 1 each', () => {
    expect(captionLength('سلام', 'x')).toBe(4);
    // 21 code points: letters, harakat (fatha, shadda, damma, sukun, kasra) and one space
    expect(captionLength('السَّلَامُ عَلَيْكُمْ', 'x')).toBe(21);
    expect(captionLength('بِسْمِ ٱللَّهِ', 'x')).toBe([...'بِسْمِ ٱللَّهِ'].length);
  });

  it('normalizes to NFC first, so a decomposed accent counts once', () => {
    expect(captionLength('e\u0301', 'x')).toBe(1);
  });
});

describe('captionLength elsewhere', () => {
  it('counts UTF-16 units on Instagram and TikTok (emoji 2, Arabic letter 1)', () => {
    expect(captionLength('😀 سلام', 'instagram')).toBe(7);
    expect(captionLength('😀 سلام', 'tiktok')).toBe(7);
  });

  it('counts UTF-8 bytes for the YouTube description (Arabic letter 2, emoji 4)', () => {
    expect(captionLength('سلام', 'youtube')).toBe(8);
    expect(captionLength('😀', 'youtube')).toBe(4);
    expect(captionLength('abc', 'youtube')).toBe(3);
  });
});

describe('hashtags', () => {
  it('extracts Arabic hashtags whole, harakat, tatweel and underscores included', () => {
    expect(extractHashtags('رمضان كريم #رمضان #عيد_الفطر #مُبارَك #فـرح')).toEqual(['رمضان', 'عيد_الفطر', 'مُبارَك', 'فـرح']);
  });

  it('ends an Arabic hashtag at Arabic punctuation', () => {
    expect(extractHashtags('#رمضان، #جمعة_مباركة؟')).toEqual(['رمضان', 'جمعة_مباركة']);
  });

  it('takes the full-width sign, skips digits-only tags and #s inside words', () => {
    expect(extractHashtags('＃eid #١٢٣ #2026 word#tag')).toEqual(['eid']);
  });

  it('normalizes a typed hashtag', () => {
    expect(normalizeHashtag('  #رمضان ')).toBe('رمضان');
    expect(normalizeHashtag('＃eid')).toBe('eid');
    expect(normalizeHashtag('quran')).toBe('quran');
  });

  it('accepts Unicode hashtags and refuses ones that would not link whole', () => {
    expect(isValidHashtag('رمضان')).toBe(true);
    expect(isValidHashtag('مُبارَك')).toBe(true);
    expect(isValidHashtag('ramadan_2026')).toBe(true);
    expect(isValidHashtag('عيد الفطر')).toBe(false);
    expect(isValidHashtag('a-b')).toBe(false);
    expect(isValidHashtag('١٢٣')).toBe(false);
  });
});

describe('formatCaption', () => {
  const post = { caption: 'Ayat al-Kursi', hashtags: ['#quran', 'رمضان'] };

  it('appends hashtags the platform way', () => {
    expect(formatCaption(post, 'x')).toBe('Ayat al-Kursi #quran #رمضان');
    expect(formatCaption(post, 'tiktok')).toBe('Ayat al-Kursi #quran #رمضان');
    expect(formatCaption(post, 'instagram')).toBe('Ayat al-Kursi\n\n#quran #رمضان');
    expect(formatCaption(post, 'youtube')).toBe('Ayat al-Kursi\n\n#quran #رمضان');
  });

  it('does not repeat a hashtag already in the caption or listed twice', () => {
    const text = formatCaption({ caption: 'Blessed #Ramadan', hashtags: ['ramadan', 'Eid', 'eid', '  '] }, 'x');
    expect(text).toBe('Blessed #Ramadan #Eid');
  });

  it('returns only the hashtags when there is no caption, and the caption alone when there are none', () => {
    expect(formatCaption({ caption: '', hashtags: ['رمضان'] }, 'instagram')).toBe('#رمضان');
    expect(formatCaption({ caption: 'Dua  \n', hashtags: [] }, 'x')).toBe('Dua');
  });

  it('lets per-platform overrides win, for caption and hashtags alike', () => {
    const withOverrides = { ...post, overrides: { x: { caption: 'Short for X', hashtags: ['eid'] } } };
    expect(formatCaption(withOverrides, 'x')).toBe('Short for X #eid');
    expect(formatCaption(withOverrides, 'tiktok')).toBe('Ayat al-Kursi #quran #رمضان');
  });

  it('uses the YouTube description over a YouTube caption override over the shared caption', () => {
    const both = { ...post, overrides: { youtube: { caption: 'yt caption', description: 'yt description' } } };
    expect(resolveCaption(both, 'youtube')).toEqual({ value: 'yt description', field: 'overrides.youtube.description' });
    const captionOnly = { ...post, overrides: { youtube: { caption: 'yt caption' } } };
    expect(resolveCaption(captionOnly, 'youtube')).toEqual({ value: 'yt caption', field: 'overrides.youtube.caption' });
    expect(resolveCaption(post, 'youtube')).toEqual({ value: 'Ayat al-Kursi', field: 'caption' });
  });

  it('ignores a description override where the platform has no description', () => {
    const stray = { ...post, overrides: { x: { description: 'ignored' } } };
    expect(resolveCaption(stray, 'x')).toEqual({ value: 'Ayat al-Kursi', field: 'caption' });
  });

  it('reports where the hashtags came from', () => {
    expect(resolveHashtags(post, 'x')).toEqual({ value: ['quran', 'رمضان'], field: 'hashtags' });
    const overridden = { ...post, overrides: { instagram: { hashtags: [] } } };
    expect(resolveHashtags(overridden, 'instagram')).toEqual({ value: [], field: 'overrides.instagram.hashtags' });
  });
});
