// What a rendition is encoded as, as data: the settings version (bump it when an
// encoding choice below or in transcode.ts changes, so cached renditions are
// remade), the standard frame sizes and frame rates a rendition snaps to, the
// bitrate ceilings, the audio and loudness targets, and the cover images each
// platform takes. The platform limits themselves live in server/platforms/rules.ts.
import type { PlatformId } from '../platforms/rules';

export const RENDITION_SETTINGS_VERSION = 1;

/** Sizes platforms recommend; an input within 1% of one of these aspects is scaled (or padded) to it. */
export const STANDARD_FRAMES: ReadonlyArray<{ width: number; height: number }> = [
  { width: 1080, height: 1920 },
  { width: 1920, height: 1080 },
  { width: 1080, height: 1080 },
  { width: 1080, height: 1350 },
];

/** Any other frame is scaled down to fit 1080p in its orientation. */
export const MAX_FRAME = { longEdge: 1920, shortEdge: 1080 };

/** Constant frame rates a rendition may have, as ffmpeg rationals. */
export const STANDARD_FPS: ReadonlyArray<{ text: string; value: number }> = [
  { text: '24000/1001', value: 24000 / 1001 },
  { text: '24', value: 24 },
  { text: '25', value: 25 },
  { text: '30000/1001', value: 30000 / 1001 },
  { text: '30', value: 30 },
  { text: '50', value: 50 },
  { text: '60000/1001', value: 60000 / 1001 },
  { text: '60', value: 60 },
];

/**
 * Peak video bitrate by frame height class (short edge) and frame rate, bits/s: YouTube's
 * recommended SDR upload rates (YouTube Help "Recommended upload encoding settings", checked 2026-11).
 */
export const MAX_VIDEO_BITRATE: ReadonlyArray<{ shortEdgeUpTo: number; standard: number; high: number }> = [
  { shortEdgeUpTo: 480, standard: 2_500_000, high: 4_000_000 },
  { shortEdgeUpTo: 720, standard: 5_000_000, high: 7_500_000 },
  { shortEdgeUpTo: Infinity, standard: 8_000_000, high: 12_000_000 },
];

/** Below this a video is not worth posting; a file limit that forces less is an error, not a blur. */
export const MIN_VIDEO_BITRATE = 500_000;

/** Leave this share of a platform's file limit unused: x264's rate control may overshoot its peak a little. */
export const FILE_LIMIT_HEADROOM = 0.9;

export const VIDEO = { codec: 'libx264', profile: 'high', pixFmt: 'yuv420p', crf: 20, keyframeSec: 2 } as const;
export const AUDIO = { codec: 'aac', bitrate: 192_000, sampleRate: 48_000, channels: 2 } as const;

/** Platforms normalise loudness to about this anyway; −14 LUFS integrated, true peak −1.5 dBTP. */
export const DEFAULT_LOUDNESS = { integratedLufs: -14, truePeakDb: -1.5, rangeLu: 20 } as const;

/** Cover images uploaded beside the video, where the platform takes one. */
export const COVERS: Partial<Record<PlatformId, { width: number; height: number; maxBytes: number; source: string }>> = {
  instagram: { width: 1080, height: 1920, maxBytes: 8_000_000, source: 'Meta IG Graph API "IG User Media": cover_url, 9:16 recommended (checked 2026-11)' },
  youtube: { width: 1280, height: 720, maxBytes: 2_000_000, source: 'YouTube Data API v3 "Thumbnails: set": 1280×720, up to 2 MB (checked 2026-11)' },
};
