// Post text the way each platform sees it: counting (X's weighted length via twitter-text, UTF-16
// units, UTF-8 bytes, as rules.ts says), hashtag extraction that keeps Unicode hashtags (#رمضان,
// harakat and all) whole, and the final caption with hashtags appended. Per-platform overrides win
// over the shared caption and hashtags. Pure functions over text: no I/O, no judging of limits.
import twitter from 'twitter-text';
import { platformRules, type PlatformId, type TextCounting } from './rules';

/** The text-bearing part of a post draft (a PostDraft fits it). */
export interface CaptionSource {
  caption: string;
  hashtags: string[];
  overrides?: Partial<Record<PlatformId, { caption?: string; description?: string; hashtags?: string[] }>>;
}

/** A resolved value and the draft field it came from, for pointing a violation at the right input. */
export interface Resolved<T> {
  value: T;
  field: string;
}

const utf8 = new TextEncoder();

export function countText(text: string, counting: TextCounting): number {
  switch (counting) {
    case 'x-weighted':
      return twitter.parseTweet(text).weightedLength;
    case 'utf16':
      return text.length;
    case 'utf8-bytes':
      return utf8.encode(text).length;
  }
}

/** The caption's length as the platform counts it. */
export function captionLength(text: string, platform: PlatformId): number {
  return countText(text, platformRules[platform].caption.counting);
}

/** Hashtags in text, without '#', in order, repeats kept (Unicode letters, marks, digits and _). */
export function extractHashtags(text: string): string[] {
  return twitter.extractHashtags(text);
}

/** A hashtag as typed ("#رمضان", "＃eid ", "ramadan") without its sign and surrounding space. */
export function normalizeHashtag(tag: string): string {
  return tag.trim().replace(/^[#＃]+/u, '').trim();
}

/** True when the tag, written after '#', links as exactly that tag on the platforms. */
export function isValidHashtag(tag: string): boolean {
  const found = extractHashtags(`#${tag}`);
  return found.length === 1 && found[0] === tag;
}

/** The post text for a platform: its override (description on YouTube, then caption) wins. */
export function resolveCaption(post: CaptionSource, platform: PlatformId): Resolved<string> {
  const override = post.overrides?.[platform];
  const ownField = platformRules[platform].caption.field;
  const own = ownField === 'description' ? override?.description : undefined;
  if (own !== undefined) return { value: own, field: `overrides.${platform}.${ownField}` };
  if (override?.caption !== undefined) return { value: override.caption, field: `overrides.${platform}.caption` };
  return { value: post.caption, field: 'caption' };
}

/** The hashtags for a platform, normalized and without blanks: its override wins. */
export function resolveHashtags(post: CaptionSource, platform: PlatformId): Resolved<string[]> {
  const override = post.overrides?.[platform]?.hashtags;
  const raw = override ?? post.hashtags;
  return {
    value: raw.map(normalizeHashtag).filter((tag) => tag.length > 0),
    field: override === undefined ? 'hashtags' : `overrides.${platform}.hashtags`,
  };
}

/** The final text to send: caption, then the hashtags not already in it, joined the platform's way. */
export function formatCaption(post: CaptionSource, platform: PlatformId): string {
  const caption = resolveCaption(post, platform).value.trimEnd();
  const seen = new Set(extractHashtags(caption).map((tag) => tag.toLowerCase()));
  const appended: string[] = [];
  for (const tag of resolveHashtags(post, platform).value) {
    const key = tag.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    appended.push(`#${tag}`);
  }
  if (appended.length === 0) return caption;
  const line = appended.join(' ');
  return caption.length === 0 ? line : `${caption}${platformRules[platform].caption.hashtagSeparator}${line}`;
}
