// Platform posting rules as data: media limits per post format, caption and metadata limits,
// privacy options and documented posting caps for X, Instagram, TikTok and YouTube, each with the
// document it came from and when it was checked. Platforms change these; edit the numbers here,
// never in validate.ts or in an adapter. This module holds data and its schema only: no checks.
import { z } from 'zod';

export const platformIds = ['x', 'instagram', 'tiktok', 'youtube'] as const;
export const platformIdSchema = z.enum(platformIds);
export type PlatformId = z.infer<typeof platformIdSchema>;

/** Where a number came from: document name, then "(checked YYYY-MM)". */
const sourceSchema = z
  .string()
  .regex(/\(checked \d{4}-\d{2}\)$/, 'a source ends with "(checked YYYY-MM)"');

/** How a platform counts text: X's weighted length (twitter-text), UTF-16 code units, or UTF-8 bytes. */
export const textCountingSchema = z.enum(['x-weighted', 'utf16', 'utf8-bytes']);
export type TextCounting = z.infer<typeof textCountingSchema>;

const rangeSchema = z
  .object({
    min: z.number().nonnegative().optional(),
    max: z.number().positive().optional(),
    /** What the user can do about a value out of range; ends the violation message. */
    hint: z.string().optional(),
    source: sourceSchema,
  })
  .strict()
  .refine((r) => r.min !== undefined || r.max !== undefined, 'a range needs a min or a max')
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, 'min must not exceed max');

const frameSchema = z
  .object({
    minWidth: z.number().int().positive().optional(),
    minHeight: z.number().int().positive().optional(),
    maxWidth: z.number().int().positive().optional(),
    maxHeight: z.number().int().positive().optional(),
    /** The box may be turned 90°: a portrait video fits a landscape box of the same edges. */
    anyOrientation: z.boolean(),
    source: sourceSchema,
  })
  .strict();

/** Accepted names as ffprobe reports them (codec_name; one of the names in format_name). */
const namesSchema = z.object({ accepted: z.array(z.string().min(1)).min(1), source: sourceSchema }).strict();

export const mediaRulesSchema = z
  .object({
    label: z.string().min(1),
    durationSec: rangeSchema,
    /** width ÷ height */
    aspectRatio: rangeSchema.optional(),
    frame: frameSchema.optional(),
    fps: rangeSchema.optional(),
    maxBytes: z.object({ max: z.number().int().positive(), source: sourceSchema }).strict().optional(),
    containers: namesSchema.optional(),
    videoCodecs: namesSchema.optional(),
    audioCodecs: namesSchema.optional(),
  })
  .strict();
export type MediaRules = z.infer<typeof mediaRulesSchema>;

const textLimitSchema = z
  .object({
    max: z.number().int().positive(),
    counting: textCountingSchema,
    /** How the platform counts, shown in the message when it differs from a plain character count. */
    note: z.string().optional(),
    source: sourceSchema,
  })
  .strict();

export const platformRulesSchema = z
  .object({
    name: z.string().min(1),
    caption: textLimitSchema
      .extend({
        /** What the platform calls the post text; a per-platform override of that name wins. */
        field: z.enum(['caption', 'description']),
        /** Put between the caption and the appended hashtags. */
        hashtagSeparator: z.enum([' ', '\n', '\n\n']),
      })
      .strict(),
    title: textLimitSchema.extend({ required: z.boolean() }).strict().optional(),
    /** Characters the platform refuses in the title and the post text. */
    forbiddenCharacters: z
      .object({ chars: z.array(z.string().length(1)).min(1), source: sourceSchema })
      .strict()
      .optional(),
    hashtags: z.object({ max: z.number().int().positive(), note: z.string().optional(), source: sourceSchema }).strict().optional(),
    mentions: z.object({ max: z.number().int().positive(), source: sourceSchema }).strict().optional(),
    /** Total length of all tags, counted the way the platform documents it. */
    tags: z.object({ maxTotal: z.number().int().positive(), note: z.string(), source: sourceSchema }).strict().optional(),
    madeForKids: z.object({ source: sourceSchema }).strict().optional(),
    /** A cover can be taken from a chosen time in the video (how the platform takes it, in `via`). */
    coverFrame: z.object({ via: z.string().min(1), source: sourceSchema }).strict().optional(),
    /** Empty options: the platform has no per-post privacy setting. */
    privacy: z.object({ options: z.array(z.string().min(1)), note: z.string().optional(), source: sourceSchema }).strict(),
    formats: z.record(z.string().min(1), mediaRulesSchema),
    defaultFormat: z.string().min(1),
    postingLimits: z.array(
      z
        .object({
          posts: z.number().int().positive(),
          windowHours: z.number().positive(),
          per: z.enum(['account', 'project']),
          note: z.string().optional(),
          source: sourceSchema,
        })
        .strict(),
    ),
  })
  .strict()
  .refine((r) => r.defaultFormat in r.formats, 'defaultFormat must name one of formats');
export type PlatformRules = z.infer<typeof platformRulesSchema>;

export const platformRulesTableSchema = z
  .object({ x: platformRulesSchema, instagram: platformRulesSchema, tiktok: platformRulesSchema, youtube: platformRulesSchema })
  .strict();
export type PlatformRulesTable = z.infer<typeof platformRulesTableSchema>;

const GB = 1_000_000_000;
const MB = 1_000_000;

const X_MEDIA = 'docs.x.com "Media best practices" (checked 2026-11)';
const IG_REELS = 'Meta IG Graph API reference "IG User Media", Reels specifications (checked 2026-11)';
const TIKTOK_MEDIA = 'TikTok for Developers "Content Posting API: Media Transfer Guide", video restrictions (checked 2026-11)';
const YT_FORMATS = 'YouTube Help "Supported YouTube file formats" (checked 2026-11)';
const YT_SHORTS = 'YouTube Help "Upload YouTube Shorts": up to 3 minutes, square or vertical (checked 2026-11)';

export const platformRules: PlatformRulesTable = platformRulesTableSchema.parse({
  x: {
    name: 'X',
    caption: {
      max: 280,
      counting: 'x-weighted',
      note: 'X counts URLs as 23 and emoji and CJK characters as 2',
      field: 'caption',
      hashtagSeparator: ' ',
      source: 'docs.x.com "Counting characters" + twitter-text parseTweet (checked 2026-11)',
    },
    privacy: { options: [], note: 'posts are public; X has reply settings, not privacy', source: 'docs.x.com "POST /2/tweets" (checked 2026-11)' },
    formats: {
      post: {
        label: 'X video posts',
        durationSec: {
          min: 0.5,
          max: 1200,
          hint: 'trim it (X Premium accounts get 125 minutes, but Noor checks the default)',
          source: 'docs.x.com "Media best practices": 0.5 s – 20 min for default accounts; 140 s is the DM limit (checked 2026-11)',
        },
        aspectRatio: { min: 1 / 3, max: 3, source: X_MEDIA },
        frame: {
          minWidth: 32,
          minHeight: 32,
          maxWidth: 1920,
          maxHeight: 1200,
          anyOrientation: true,
          source:
            'docs.x.com "Media best practices" says 32×32 – 1280×1024 yet recommends 720×1280 portrait and 1080p uploads; read as orientation-free, capped at 1920×1200 as older X docs gave (checked 2026-11)',
        },
        fps: { max: 60, source: X_MEDIA },
        maxBytes: { max: 8 * GB, source: X_MEDIA },
        containers: { accepted: ['mp4', 'mov'], source: 'X Help "Media Studio upload specifications": MP4, MOV (checked 2026-11)' },
        videoCodecs: { accepted: ['h264'], source: X_MEDIA },
        audioCodecs: { accepted: ['aac'], source: 'docs.x.com "Media best practices": AAC-LC only, not HE-AAC (checked 2026-11)' },
      },
    },
    defaultFormat: 'post',
    postingLimits: [{ posts: 2400, windowHours: 24, per: 'account', source: 'X Help "X limits": 2,400 posts a day (checked 2026-11)' }],
  },

  instagram: {
    name: 'Instagram',
    caption: {
      max: 2200,
      counting: 'utf16',
      note: 'Noor counts UTF-16 units, so an emoji counts as 2',
      field: 'caption',
      hashtagSeparator: '\n\n',
      source: 'Meta IG Graph API reference "IG User Media": caption ≤ 2200 characters (checked 2026-11)',
    },
    hashtags: {
      max: 30,
      source: 'Meta IG Graph API reference "IG User Media": "maximum 2200 characters, 30 hashtags, and 20 @ tags"; recent reports say 5 (checked 2026-11)',
    },
    mentions: { max: 20, source: 'Meta IG Graph API reference "IG User Media": 20 @ tags per caption (checked 2026-11)' },
    privacy: { options: [], note: 'visibility follows the account', source: IG_REELS },
    coverFrame: { via: 'thumb_offset (ms)', source: IG_REELS },
    formats: {
      reel: {
        label: 'Instagram Reels',
        durationSec: { min: 3, max: 900, hint: 'Reels run 3 s to 15 min', source: IG_REELS },
        aspectRatio: { min: 0.01, max: 10, hint: 'Meta recommends 9:16', source: IG_REELS },
        frame: { maxWidth: 1920, anyOrientation: false, source: IG_REELS },
        fps: { min: 23, max: 60, source: IG_REELS },
        maxBytes: { max: 300 * MB, source: IG_REELS },
        containers: { accepted: ['mp4', 'mov'], source: IG_REELS },
        videoCodecs: { accepted: ['h264', 'hevc'], source: IG_REELS },
        audioCodecs: { accepted: ['aac'], source: IG_REELS },
      },
    },
    defaultFormat: 'reel',
    postingLimits: [
      {
        posts: 50,
        windowHours: 24,
        per: 'account',
        note: 'rolling window; ask content_publishing_limit before posting',
        source: 'Meta IG Graph API "Content Publishing": 50 API-published posts per 24 h (checked 2026-11)',
      },
    ],
  },

  tiktok: {
    name: 'TikTok',
    caption: {
      max: 2200,
      counting: 'utf16',
      note: 'TikTok counts UTF-16 units, so an emoji counts as 2',
      field: 'caption',
      hashtagSeparator: ' ',
      source: 'TikTok for Developers "Content Posting API: Direct Post", post_info.title: 2200 UTF-16 runes (checked 2026-11)',
    },
    privacy: {
      options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'],
      note: 'the creator_info query says which of these this account may use; unaudited apps may use only SELF_ONLY',
      source: 'TikTok for Developers "Content Posting API: Direct Post", privacy_level (checked 2026-11)',
    },
    coverFrame: {
      via: 'post_info.video_cover_timestamp_ms',
      source: 'TikTok for Developers "Content Posting API: Direct Post", video_cover_timestamp_ms (checked 2026-11)',
    },
    formats: {
      video: {
        label: 'TikTok videos',
        durationSec: {
          max: 600,
          hint: "trim it; the creator_info query may allow this account less (max_video_post_duration_sec)",
          source: 'TikTok for Developers "Media Transfer Guide": up to 10 minutes via the API (checked 2026-11)',
        },
        frame: { minWidth: 360, minHeight: 360, maxWidth: 4096, maxHeight: 4096, anyOrientation: false, source: TIKTOK_MEDIA },
        fps: { min: 23, max: 60, source: TIKTOK_MEDIA },
        maxBytes: { max: 4 * GB, source: TIKTOK_MEDIA },
        containers: { accepted: ['mp4', 'mov', 'webm'], source: TIKTOK_MEDIA },
        videoCodecs: { accepted: ['h264', 'hevc', 'vp8', 'vp9'], source: TIKTOK_MEDIA },
      },
    },
    defaultFormat: 'video',
    postingLimits: [
      {
        posts: 15,
        windowHours: 24,
        per: 'account',
        note: 'approximate and varies by creator; shared by every app posting to the account (spam_risk_too_many_posts)',
        source: 'TikTok for Developers "Content Sharing Guidelines" (checked 2026-11)',
      },
    ],
  },

  youtube: {
    name: 'YouTube',
    caption: {
      max: 5000,
      counting: 'utf8-bytes',
      note: 'YouTube counts UTF-8 bytes: an Arabic letter takes 2, an emoji 4',
      field: 'description',
      hashtagSeparator: '\n\n',
      source: 'YouTube Data API v3 "Videos" resource: snippet.description ≤ 5000 bytes (checked 2026-11)',
    },
    title: {
      max: 100,
      counting: 'utf16',
      required: true,
      source: 'YouTube Data API v3 "Videos" resource: snippet.title required, ≤ 100 characters (checked 2026-11)',
    },
    forbiddenCharacters: { chars: ['<', '>'], source: 'YouTube Data API v3 "Videos" resource: title and description may not contain < or > (checked 2026-11)' },
    hashtags: {
      max: 60,
      note: 'above that YouTube ignores every hashtag on the video',
      source: 'YouTube Help "Hashtag policies": over 60 hashtags are all ignored (checked 2026-11)',
    },
    tags: {
      maxTotal: 500,
      note: 'a tag with a space counts 2 more for its quotes; Noor also counts the commas between tags',
      source: 'YouTube Data API v3 "Videos" resource: snippet.tags ≤ 500 characters in total (checked 2026-11)',
    },
    madeForKids: { source: 'YouTube Data API v3 "Videos" resource: status.selfDeclaredMadeForKids (checked 2026-11)' },
    coverFrame: {
      via: 'a still from that time uploaded with thumbnails.set (needs a verified channel)',
      source: 'YouTube Data API v3 "Thumbnails: set" (checked 2026-11)',
    },
    privacy: {
      options: ['public', 'unlisted', 'private'],
      note: 'uploads from an unaudited API project stay private whatever is asked',
      source: 'YouTube Data API v3 "Videos" resource: status.privacyStatus (checked 2026-11)',
    },
    formats: {
      short: {
        label: 'YouTube Shorts',
        durationSec: { max: 180, hint: 'post as a regular video or trim', source: YT_SHORTS },
        aspectRatio: { max: 1, hint: 'Shorts are square or vertical; post as a regular video or render 9:16', source: YT_SHORTS },
        maxBytes: { max: 256 * GB, source: 'YouTube Data API v3 "Videos: insert": 256 GB (checked 2026-11)' },
        containers: { accepted: ['mov', 'mp4', '3gp', 'mpeg', 'avi', 'asf', 'flv', 'webm'], source: YT_FORMATS },
      },
      video: {
        label: 'YouTube videos',
        durationSec: {
          max: 43_200,
          hint: 'YouTube takes 12 hours from verified channels and 15 minutes from unverified ones',
          source: 'YouTube Help "Upload videos longer than 15 minutes" (checked 2026-11)',
        },
        maxBytes: { max: 256 * GB, source: 'YouTube Data API v3 "Videos: insert": 256 GB (checked 2026-11)' },
        containers: { accepted: ['mov', 'mp4', '3gp', 'mpeg', 'avi', 'asf', 'flv', 'webm'], source: YT_FORMATS },
      },
    },
    defaultFormat: 'short',
    postingLimits: [
      {
        posts: 6,
        windowHours: 24,
        per: 'project',
        note: 'videos.insert costs 1,600 of the default 10,000 daily quota units; newer docs describe a separate upload bucket',
        source: 'YouTube Data API v3 "Quota calculator" and "Videos: insert" (checked 2026-11)',
      },
    ],
  },
});
