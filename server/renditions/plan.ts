// Decides what a rendition of a given input becomes on a platform, before any
// encoding: the post format (the one asked for, else the first the input fits),
// the frame (a standard size when the aspect matches one, else the input's own
// aspect scaled into the platform's box; padded when the platform does not allow
// the input's aspect), a constant standard frame rate in the allowed range, and
// the peak bitrate (capped so the file fits the platform's size limit). Pure: no
// files, no ffmpeg.
import { platformRules, type MediaRules, type PlatformId } from '../platforms/rules';
import { validate, type MediaFacts, type Violation } from '../platforms/validate';
import { RenditionError } from './errors';
import { AUDIO, FILE_LIMIT_HEADROOM, MAX_FRAME, MAX_VIDEO_BITRATE, MIN_VIDEO_BITRATE, STANDARD_FPS, STANDARD_FRAMES } from './spec';

export interface RenditionPlan {
  platform: PlatformId;
  format: string;
  /** The output frame. */
  width: number;
  height: number;
  /** The picture inside the frame; smaller than the frame on one axis when padded. */
  content: { width: number; height: number };
  fps: { text: string; value: number };
  maxVideoBitrate: number;
}

/** Down to an even number (yuv420p needs even edges), never past a limit the float maths just reached. */
const even = (n: number): number => Math.max(2, 2 * Math.floor(n / 2 + 1e-6));
/** The nearest even number up to `limit`: for the picture inside a padded frame. */
const evenNear = (n: number, limit: number): number => Math.min(limit, Math.max(2, 2 * Math.round(n / 2)));

/** The media checks of validate() for `facts` in `format`; text fields are not this module's business. */
export function mediaViolations(platform: PlatformId, format: string, facts: MediaFacts): Violation[] {
  return validate({ caption: '', hashtags: [], overrides: { [platform]: { format } } }, platform, facts).filter((v) => v.field.startsWith('media.'));
}

function chooseFormat(platform: PlatformId, input: MediaFacts, asked: string | undefined): string {
  const rules = platformRules[platform];
  if (asked !== undefined) {
    if (!(asked in rules.formats)) throw new RenditionError('format', `"${asked}" is not a ${rules.name} post format; use ${Object.keys(rules.formats).join(' or ')}`);
    return asked;
  }
  const shapeCodes = new Set(['aspect_ratio_out_of_range', 'duration_too_long', 'duration_too_short']);
  const order = [rules.defaultFormat, ...Object.keys(rules.formats).filter((f) => f !== rules.defaultFormat)];
  return order.find((format) => !mediaViolations(platform, format, input).some((v) => shapeCodes.has(v.code))) ?? rules.defaultFormat;
}

function frameFor(input: MediaFacts, rules: MediaRules): { width: number; height: number; content: { width: number; height: number } } {
  const ratio = input.width / input.height;
  const min = rules.aspectRatio?.min ?? 0;
  const max = rules.aspectRatio?.max ?? Infinity;
  const target = Math.min(max, Math.max(min, ratio));
  const standard = STANDARD_FRAMES.find((f) => Math.abs(f.width / f.height - target) / target < 0.01);

  let width: number;
  let height: number;
  if (standard) {
    ({ width, height } = standard);
  } else {
    width = target > ratio ? input.height * target : input.width;
    height = target > ratio ? input.height : input.width / target;
    const frame = rules.frame;
    const turn = frame?.anyOrientation === true && height > width;
    const maxW = Math.min((turn ? frame?.maxHeight : frame?.maxWidth) ?? Infinity, width >= height ? MAX_FRAME.longEdge : MAX_FRAME.shortEdge);
    const maxH = Math.min((turn ? frame?.maxWidth : frame?.maxHeight) ?? Infinity, width >= height ? MAX_FRAME.shortEdge : MAX_FRAME.longEdge);
    const minW = (turn ? frame?.minHeight : frame?.minWidth) ?? 0;
    const minH = (turn ? frame?.minWidth : frame?.minHeight) ?? 0;
    const scale = Math.max(minW / width, minH / height, Math.min(1, maxW / width, maxH / height));
    width = even(width * scale);
    height = even(height * scale);
  }
  const frameRatio = width / height;
  const content =
    Math.abs(frameRatio - ratio) / ratio < 0.01
      ? { width, height }
      : ratio > frameRatio
        ? { width, height: evenNear(width / ratio, height) }
        : { width: evenNear(height * ratio, width), height };
  return { width, height, content };
}

function fpsFor(inputFps: number, rules: MediaRules): { text: string; value: number } {
  const min = rules.fps?.min ?? 0;
  const max = rules.fps?.max ?? 60;
  const allowed = STANDARD_FPS.filter((f) => f.value >= min && f.value <= max);
  const nearest = (list: typeof allowed) => list.reduce((best, f) => (Math.abs(f.value - inputFps) < Math.abs(best.value - inputFps) ? f : best));
  if (allowed.length === 0) throw new RenditionError('fps', `no standard frame rate lies in ${min}–${max} fps`);
  return nearest(allowed);
}

function bitrateFor(width: number, height: number, fps: number, durationSec: number, rules: MediaRules, label: string): number {
  const shortEdge = Math.min(width, height);
  const row = MAX_VIDEO_BITRATE.find((r) => shortEdge <= r.shortEdgeUpTo) ?? MAX_VIDEO_BITRATE[MAX_VIDEO_BITRATE.length - 1]!;
  const wanted = fps > 31 ? row.high : row.standard;
  if (!rules.maxBytes || durationSec <= 0) return wanted;
  const budget = (rules.maxBytes.max * FILE_LIMIT_HEADROOM * 8) / durationSec - AUDIO.bitrate;
  if (budget < MIN_VIDEO_BITRATE) {
    const longest = Math.floor((rules.maxBytes.max * FILE_LIMIT_HEADROOM * 8) / (MIN_VIDEO_BITRATE + AUDIO.bitrate));
    throw new RenditionError('media.durationSec', `${Math.round(durationSec)} s cannot fit the ${rules.maxBytes.max / 1e6} MB file limit of ${label} at a watchable bitrate; trim it to under ${longest} s`);
  }
  return Math.min(wanted, Math.floor(budget));
}

/** The plan for `input` on `platform`; a RenditionError listing the violations when no encoding can fix the input (too long, too short). */
export function planRendition(input: MediaFacts, platform: PlatformId, options: { format?: string | undefined; fps?: number | undefined } = {}): RenditionPlan {
  const format = chooseFormat(platform, input, options.format);
  const rules = platformRules[platform].formats[format]!;
  const { width, height, content } = frameFor(input, rules);
  const fps = fpsFor(options.fps ?? input.fps, rules);
  const predicted: MediaFacts = { ...input, width, height, fps: fps.value, bytes: 0, videoCodec: 'h264', audioCodec: 'aac', container: 'mov,mp4,m4a,3gp,3g2,mj2' };
  const unfixable = mediaViolations(platform, format, predicted);
  if (unfixable.length > 0) {
    throw new RenditionError('input', `cannot become a ${rules.label} video: ${unfixable.map((v) => v.message).join('; ')}`, unfixable);
  }
  return { platform, format, width, height, content, fps, maxVideoBitrate: bitrateFor(width, height, fps.value, input.durationSec, rules, rules.label) };
}
