// validate(post, platform, media?) checks a post draft (and, when given, the ffprobe facts of its
// video) against the platform's rules in rules.ts and returns every violation, each naming the draft
// field, a stable code and a message that says by how much and what to do. The numbers live in
// rules.ts; this module only compares. It reads no files and calls no platform.
import { z } from 'zod';
import { captionLength, countText, extractHashtags, formatCaption, isValidHashtag, resolveCaption, resolveHashtags } from './caption';
import { platformIdSchema, platformRules, type MediaRules, type PlatformId, type PlatformRules } from './rules';

export const platformOverrideSchema = z
  .object({
    caption: z.string().optional(),
    hashtags: z.array(z.string()).optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    tags: z.array(z.string()).optional(),
    privacy: z.string().optional(),
    madeForKids: z.boolean().optional(),
    thumbnailTimeSec: z.number().nonnegative().optional(),
    /** A key of the platform's formats in rules.ts (YouTube: 'short' | 'video'). */
    format: z.string().optional(),
  })
  .strict();
export type PlatformOverride = z.infer<typeof platformOverrideSchema>;

export const postDraftSchema = z.object({
  caption: z.string().default(''),
  hashtags: z.array(z.string()).default([]),
  overrides: z.partialRecord(platformIdSchema, platformOverrideSchema).optional(),
});
export type PostDraft = z.infer<typeof postDraftSchema>;

/** What ffprobe says about the rendered file. Width and height are as displayed (after rotation). */
export const mediaFactsSchema = z.object({
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  durationSec: z.number().nonnegative(),
  fps: z.number().positive(),
  bytes: z.number().int().nonnegative(),
  /** ffprobe codec_name, e.g. "h264". */
  videoCodec: z.string().min(1),
  /** ffprobe codec_name of the audio stream, or null when the file has none. */
  audioCodec: z.string().min(1).nullable(),
  /** ffprobe format_name, e.g. "mov,mp4,m4a,3gp,3g2,mj2". */
  container: z.string().min(1),
});
export type MediaFacts = z.infer<typeof mediaFactsSchema>;

export const violationCodeSchema = z.enum([
  'format_unknown',
  'field_unsupported',
  'caption_too_long',
  'text_forbidden_character',
  'hashtag_invalid',
  'hashtags_too_many',
  'mentions_too_many',
  'title_missing',
  'title_too_long',
  'tags_too_long',
  'privacy_invalid',
  'thumbnail_past_end',
  'duration_too_short',
  'duration_too_long',
  'aspect_ratio_out_of_range',
  'frame_too_small',
  'frame_too_large',
  'fps_too_low',
  'fps_too_high',
  'file_too_large',
  'container_unsupported',
  'video_codec_unsupported',
  'audio_codec_unsupported',
]);
export type ViolationCode = z.infer<typeof violationCodeSchema>;

export const violationSchema = z.object({ field: z.string(), code: violationCodeSchema, message: z.string() });
export type Violation = z.infer<typeof violationSchema>;

const violation = (field: string, code: ViolationCode, detail: string): Violation => ({
  field,
  code,
  message: `${field}: ${detail}`,
});

const num = (n: number): string => Number(n.toFixed(2)).toLocaleString('en-US');
const withHint = (text: string, hint: string | undefined): string => (hint ? `${text}; ${hint}` : text);
const withNote = (text: string, note: string | undefined): string => (note ? `${text} (${note})` : text);
const possessive = (label: string): string => (label.endsWith('s') ? `${label}'` : `${label}'s`);
const listText = (names: readonly string[], last: 'or' | 'and'): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${last} ${names.at(-1) ?? ''}`;
const oneOf = (names: readonly string[]): string => listText(names, 'or');

function bytesText(bytes: number): string {
  const units: ReadonlyArray<[number, string]> = [[1e9, 'GB'], [1e6, 'MB'], [1e3, 'kB']];
  const unit = units.find(([size]) => bytes >= size);
  return unit ? `${num(bytes / unit[0])} ${unit[1]}` : `${bytes} bytes`;
}

function ratioText(ratio: number): string {
  if (Math.abs(ratio - Math.round(ratio)) < 1e-9) return `${Math.round(ratio)}:1`;
  if (Math.abs(1 / ratio - Math.round(1 / ratio)) < 1e-9) return `1:${Math.round(1 / ratio)}`;
  return `${num(ratio)}:1`;
}

function frameRatioText(width: number, height: number): string {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const d = gcd(width, height);
  return width / d <= 64 && height / d <= 64 ? `${width / d}:${height / d}` : ratioText(width / height);
}

const overrideFieldSupport: Record<keyof PlatformOverride, { name: string; supported: (r: PlatformRules) => boolean }> = {
  caption: { name: 'caption', supported: () => true },
  hashtags: { name: 'hashtags', supported: () => true },
  format: { name: 'format', supported: () => true },
  description: { name: 'description (it posts the caption)', supported: (r) => r.caption.field === 'description' },
  title: { name: 'title', supported: (r) => r.title !== undefined },
  tags: { name: 'tags', supported: (r) => r.tags !== undefined },
  madeForKids: { name: '"made for kids" setting', supported: (r) => r.madeForKids !== undefined },
  thumbnailTimeSec: { name: 'choice of cover frame', supported: (r) => r.coverFrame !== undefined },
  privacy: { name: 'per-post privacy setting', supported: (r) => r.privacy.options.length > 0 },
};

function checkOverrideFields(override: PlatformOverride, platform: PlatformId, rules: PlatformRules): Violation[] {
  return (Object.keys(override) as Array<keyof PlatformOverride>)
    .filter((key) => override[key] !== undefined && !overrideFieldSupport[key].supported(rules))
    .map((key) => {
      const note = key === 'privacy' ? rules.privacy.note : undefined;
      const text = withNote(`${rules.name} has no ${overrideFieldSupport[key].name}`, note);
      return violation(`overrides.${platform}.${key}`, 'field_unsupported', `${text}; remove it, it would be dropped`);
    });
}

const mentionPattern = /(?<![\p{L}\p{N}_.@])@[A-Za-z0-9._]{1,30}/gu;

function checkText(post: PostDraft, platform: PlatformId, rules: PlatformRules): Violation[] {
  const found: Violation[] = [];
  const override = post.overrides?.[platform] ?? {};
  const caption = resolveCaption(post, platform);
  const hashtags = resolveHashtags(post, platform);
  const finalText = formatCaption(post, platform);

  const length = captionLength(finalText, platform);
  if (length > rules.caption.max) {
    const unit = rules.caption.counting === 'utf8-bytes' ? 'bytes' : 'characters';
    const scope = finalText === caption.value.trimEnd() ? '' : ', hashtags included';
    found.push(violation(caption.field, 'caption_too_long', withNote(`${num(length)} of ${num(rules.caption.max)} ${unit}${scope}`, rules.caption.note)));
  }

  for (const tag of hashtags.value.filter((t) => !isValidHashtag(t))) {
    const links = extractHashtags(`#${tag}`);
    const outcome = links.length > 0 ? `it would link as ${links.map((t) => `#${t}`).join(' ')}` : 'it would not link';
    found.push(violation(hashtags.field, 'hashtag_invalid', `"${tag}" is not one hashtag (${outcome}); use letters, marks, digits and _ only, with at least one letter`));
  }

  const hashtagCount = extractHashtags(finalText).length;
  if (rules.hashtags && hashtagCount > rules.hashtags.max) {
    found.push(violation(hashtags.field, 'hashtags_too_many', withNote(`${hashtagCount} hashtags; ${rules.name} allows ${rules.hashtags.max}`, rules.hashtags.note)));
  }

  const mentionCount = finalText.match(mentionPattern)?.length ?? 0;
  if (rules.mentions && mentionCount > rules.mentions.max) {
    found.push(violation(caption.field, 'mentions_too_many', `${mentionCount} @mentions; ${rules.name} allows ${rules.mentions.max}`));
  }

  const titleField = `overrides.${platform}.title`;
  const title = override.title?.trim() ?? '';
  if (rules.title?.required && title.length === 0) {
    found.push(violation(titleField, 'title_missing', `${rules.name} needs a title (up to ${rules.title.max} characters)`));
  }
  if (rules.title && override.title !== undefined) {
    const titleLength = countText(override.title, rules.title.counting);
    if (titleLength > rules.title.max) {
      found.push(violation(titleField, 'title_too_long', withNote(`${titleLength} of ${rules.title.max} characters`, rules.title.note)));
    }
  }

  const forbidden = rules.forbiddenCharacters;
  if (forbidden) {
    const texts: ReadonlyArray<[string, string | undefined]> = [[caption.field, finalText], [titleField, override.title]];
    for (const [field, text] of texts) {
      const present = forbidden.chars.filter((c) => text?.includes(c));
      if (present.length > 0) {
        found.push(violation(field, 'text_forbidden_character', `${rules.name} refuses ${oneOf(forbidden.chars.map((c) => `"${c}"`))}; found ${listText(present.map((c) => `"${c}"`), 'and')}`));
      }
    }
  }

  if (rules.tags && override.tags) {
    const total = override.tags.reduce((sum, tag) => sum + tag.length + (/\s/u.test(tag) ? 2 : 0), 0) + Math.max(0, override.tags.length - 1);
    if (total > rules.tags.maxTotal) {
      found.push(violation(`overrides.${platform}.tags`, 'tags_too_long', withNote(`${total} of ${rules.tags.maxTotal} characters in total`, rules.tags.note)));
    }
  }

  const options = rules.privacy.options;
  if (override.privacy !== undefined && options.length > 0 && !options.includes(override.privacy)) {
    found.push(violation(`overrides.${platform}.privacy`, 'privacy_invalid', withNote(`"${override.privacy}" is not a ${rules.name} privacy level; use ${oneOf(options)}`, rules.privacy.note)));
  }
  return found;
}

type Range = MediaRules['durationSec'];

/** "185 s is longer than YouTube Shorts' 180 s; <hint>" — words are [below min, above max]. */
function checkRange(
  value: number,
  range: Range | undefined,
  at: { field: string; codes: readonly [ViolationCode, ViolationCode]; unit: string; words: readonly [string, string] },
  label: string,
): Violation[] {
  if (!range) return [];
  const { field, codes, unit, words } = at;
  if (range.min !== undefined && value < range.min) {
    return [violation(field, codes[0], withHint(`${num(value)} ${unit} is ${words[0]} ${possessive(label)} ${num(range.min)} ${unit} minimum`, range.hint))];
  }
  if (range.max !== undefined && value > range.max) {
    return [violation(field, codes[1], withHint(`${num(value)} ${unit} is ${words[1]} ${possessive(label)} ${num(range.max)} ${unit}`, range.hint))];
  }
  return [];
}

const durationCheck = { field: 'media.durationSec', codes: ['duration_too_short', 'duration_too_long'], unit: 's', words: ['shorter than', 'longer than'] } as const;
const fpsCheck = { field: 'media.fps', codes: ['fps_too_low', 'fps_too_high'], unit: 'fps', words: ['slower than', 'faster than'] } as const;

function checkAspect(media: MediaFacts, rules: MediaRules): Violation[] {
  const range = rules.aspectRatio;
  if (!range) return [];
  const ratio = media.width / media.height;
  const tooTall = range.min !== undefined && ratio < range.min;
  const tooWide = range.max !== undefined && ratio > range.max;
  if (!tooTall && !tooWide) return [];
  const bounds =
    range.min !== undefined && range.max !== undefined
      ? `${ratioText(range.min)} to ${ratioText(range.max)}`
      : range.max !== undefined
        ? `at most ${ratioText(range.max)}`
        : `at least ${ratioText(range.min ?? 0)}`;
  const shape = `${frameRatioText(media.width, media.height)} (${media.width}×${media.height})`;
  const detail = `${shape} is ${tooWide ? 'wider' : 'taller'} than ${rules.label} allow (${bounds})`;
  return [violation('media.aspectRatio', 'aspect_ratio_out_of_range', withHint(detail, range.hint))];
}

function checkFrame(media: MediaFacts, rules: MediaRules): Violation[] {
  const frame = rules.frame;
  if (!frame) return [];
  const found: Violation[] = [];
  const turn = frame.anyOrientation && media.height > media.width;
  const edges: ReadonlyArray<['width' | 'height', number, number | undefined, number | undefined]> = [
    ['width', media.width, turn ? frame.minHeight : frame.minWidth, turn ? frame.maxHeight : frame.maxWidth],
    ['height', media.height, turn ? frame.minWidth : frame.minHeight, turn ? frame.maxWidth : frame.maxHeight],
  ];
  const box = `${frame.maxWidth ?? 'any'}×${frame.maxHeight ?? 'any'}${frame.anyOrientation ? ' in either orientation' : ''}`;
  for (const [edge, value, min, max] of edges) {
    if (min !== undefined && value < min) {
      found.push(violation(`media.${edge}`, 'frame_too_small', `${value} px is below the ${min} px minimum ${edge} for ${rules.label}`));
    }
    if (max !== undefined && value > max) {
      found.push(violation(`media.${edge}`, 'frame_too_large', `${value} px is above the ${max} px maximum ${edge} for ${rules.label} (up to ${box})`));
    }
  }
  return found;
}

function checkNames(value: string | null, names: MediaRules['containers'], field: string, code: ViolationCode, label: string): Violation[] {
  if (!names || value === null) return [];
  const tokens = value.toLowerCase().split(',');
  if (tokens.some((token) => names.accepted.includes(token))) return [];
  return [violation(field, code, `"${value}" is not accepted for ${label} (${oneOf(names.accepted.map((n) => n.toUpperCase()))})`)];
}

function checkMedia(media: MediaFacts, rules: MediaRules): Violation[] {
  const found = [
    ...checkRange(media.durationSec, rules.durationSec, durationCheck, rules.label),
    ...checkAspect(media, rules),
    ...checkFrame(media, rules),
    ...checkRange(media.fps, rules.fps, fpsCheck, rules.label),
  ];
  if (rules.maxBytes && media.bytes > rules.maxBytes.max) {
    found.push(violation('media.bytes', 'file_too_large', `${bytesText(media.bytes)} is larger than ${possessive(rules.label)} ${bytesText(rules.maxBytes.max)} limit`));
  }
  found.push(...checkNames(media.container, rules.containers, 'media.container', 'container_unsupported', rules.label));
  found.push(...checkNames(media.videoCodec, rules.videoCodecs, 'media.videoCodec', 'video_codec_unsupported', rules.label));
  found.push(...checkNames(media.audioCodec, rules.audioCodecs, 'media.audioCodec', 'audio_codec_unsupported', rules.label));
  return found;
}

/** Every way the draft (and its media, when given) breaks the platform's rules; empty when it can post. */
export function validate(post: PostDraft, platform: PlatformId, media?: MediaFacts): Violation[] {
  const rules = platformRules[platform];
  const override = post.overrides?.[platform] ?? {};
  const found = [...checkOverrideFields(override, platform, rules), ...checkText(post, platform, rules)];

  const formatKey = override.format ?? rules.defaultFormat;
  const known = rules.formats[formatKey];
  if (!known) {
    const keys = Object.keys(rules.formats);
    found.push(violation(`overrides.${platform}.format`, 'format_unknown', `"${formatKey}" is not a ${rules.name} post format; use ${oneOf(keys)}`));
  }
  if (!media) return found;

  const format = known ?? rules.formats[rules.defaultFormat];
  if (format) found.push(...checkMedia(media, format));
  if (override.thumbnailTimeSec !== undefined && override.thumbnailTimeSec > media.durationSec) {
    found.push(violation(`overrides.${platform}.thumbnailTimeSec`, 'thumbnail_past_end', `${num(override.thumbnailTimeSec)} s is past the end of the ${num(media.durationSec)} s video`));
  }
  return found;
}
