// Text animations as pure maths: for a time in seconds, each word's progress
// (0..1) and its CSS (opacity, transform, filter, colour), the typewriter's
// visible grapheme clusters and the word a recitation is on. Words stay in
// logical order, so "first word first" is right to left for Arabic once the
// browser's bidi places them; only horizontal motion needs the direction.
// Node-safe and deterministic: no DOM, no clocks, no randomness.
import { z } from 'zod';
import { Easing } from 'remotion';

export const TEXT_ANIMATION_IDS = ['fade', 'rise', 'blur-in', 'typewriter', 'word-by-word', 'slide', 'pop', 'highlight'] as const;
export type TextAnimationId = (typeof TEXT_ANIMATION_IDS)[number];

export const TEXT_EASINGS = ['ease-out', 'ease-in-out', 'linear'] as const;
export type TextEasing = (typeof TEXT_EASINGS)[number];

export type TextDirection = 'rtl' | 'ltr';

export const textAnimationSchema = z.object({
  type: z
    .enum(TEXT_ANIMATION_IDS)
    .describe('How the words appear: fade, rise, blur-in, typewriter, word-by-word, slide, pop, or highlight the current word'),
  durationSec: z
    .number()
    .min(0.05)
    .max(5)
    .describe('Seconds one word takes to animate in (typewriter: to type one word; highlight: the colour cross-fade)'),
  staggerSec: z
    .number()
    .min(0)
    .max(3)
    .describe('Seconds between one word starting and the next (0 = all words together; highlight: how long each word stays current); ignored when word timings are given'),
  easing: z.enum(TEXT_EASINGS).describe('Speed curve of each word\'s animation'),
  distanceEm: z
    .number()
    .min(0)
    .max(4)
    .describe('How far rise, slide and word-by-word travel, in em (slide comes from the right for RTL, the left for LTR)'),
});

export type TextAnimation = z.infer<typeof textAnimationSchema>;

/** A good starting point for each animation. */
export const TEXT_ANIMATION_PRESETS: Record<TextAnimationId, TextAnimation> = {
  fade: { type: 'fade', durationSec: 1, staggerSec: 0, easing: 'ease-in-out', distanceEm: 0 },
  rise: { type: 'rise', durationSec: 1, staggerSec: 0, easing: 'ease-out', distanceEm: 0.5 },
  'blur-in': { type: 'blur-in', durationSec: 1.2, staggerSec: 0.08, easing: 'ease-out', distanceEm: 0 },
  typewriter: { type: 'typewriter', durationSec: 0.35, staggerSec: 0.4, easing: 'linear', distanceEm: 0 },
  'word-by-word': { type: 'word-by-word', durationSec: 0.7, staggerSec: 0.3, easing: 'ease-out', distanceEm: 0.28 },
  slide: { type: 'slide', durationSec: 0.9, staggerSec: 0.12, easing: 'ease-out', distanceEm: 1.5 },
  pop: { type: 'pop', durationSec: 0.5, staggerSec: 0.15, easing: 'ease-out', distanceEm: 0 },
  highlight: { type: 'highlight', durationSec: 0.15, staggerSec: 0.6, easing: 'ease-in-out', distanceEm: 0 },
};

export interface WordTiming {
  /** seconds from the start of the text's animation */
  start: number;
  end: number;
}

export const wordTimingsSchema = z
  .array(
    z.object({
      start: z.number().min(0).describe('Seconds when the word begins (e.g. in the recitation)'),
      end: z.number().min(0).describe('Seconds when the word ends'),
    }),
  )
  .describe('One {start, end} per word, in order, in seconds from the start of the text')
  .superRefine((timings, ctx) => {
    timings.forEach((timing, i) => {
      if (!(timing.end > timing.start)) {
        ctx.addIssue({ code: 'custom', path: [i, 'end'], message: `end (${timing.end}) must be after start (${timing.start})` });
      }
      const previous = timings[i - 1];
      if (previous && timing.start < previous.start) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'start'],
          message: `start (${timing.start}) is before the previous word's start (${previous.start}); timings must be in word order`,
        });
      }
    });
  });

export class TextAnimationError extends Error {
  override readonly name = 'TextAnimationError';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

const fieldPath = (root: string, path: readonly PropertyKey[]) =>
  path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), root);

/** Checks word timings against the words they time; throws TextAnimationError ("wordTimings: …") naming the field. */
export function validateWordTimings(timings: unknown, wordCount: number): WordTiming[] {
  const parsed = wordTimingsSchema.safeParse(timings);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TextAnimationError(fieldPath('wordTimings', issue?.path ?? []), issue?.message ?? 'invalid');
  }
  if (parsed.data.length !== wordCount) {
    throw new TextAnimationError(
      'wordTimings',
      `${parsed.data.length} timing${parsed.data.length === 1 ? '' : 's'} for ${wordCount} word${wordCount === 1 ? '' : 's'}`,
    );
  }
  return parsed.data;
}

/** Words split only at spaces and line breaks, so Arabic joining inside a word is never broken (no-break spaces stay inside). */
export const splitWords = (text: string): string[] => text.split(/[ \t\r\n]+/).filter((word) => word.length > 0);

/** User-perceived characters: an Arabic letter keeps its harakat and Qur'anic marks, an emoji its modifiers. */
export function splitGraphemes(text: string, locale?: string): string[] {
  return Array.from(new Intl.Segmenter(locale, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
}

const EASINGS: Record<TextEasing, (t: number) => number> = {
  'ease-out': Easing.bezier(0.22, 1, 0.36, 1),
  'ease-in-out': Easing.bezier(0.65, 0, 0.35, 1),
  linear: Easing.linear,
};

/** Tolerance for times computed as frame / fps meeting times computed as i × stagger. */
const TIME_EPSILON = 1e-9;

/** Eased progress 0..1 of something that runs from startSec to endSec, at timeSec. */
export function unitProgress(timeSec: number, startSec: number, endSec: number, easing: TextEasing): number {
  if (timeSec <= startSec + TIME_EPSILON) return 0;
  if (timeSec >= endSec - TIME_EPSILON) return 1;
  return EASINGS[easing]((timeSec - startSec) / (endSec - startSec));
}

/**
 * When each word animates, in seconds. With word timings (already validated)
 * a word starts at its timing; typewriter and highlight use the whole timed
 * span, the others run for durationSec from the start. Without timings word i
 * starts at i × staggerSec and runs for durationSec, or, for highlight, is
 * the current word until the next one starts.
 */
export function wordWindows(animation: TextAnimation, wordCount: number, wordTimings?: readonly WordTiming[]): WordTiming[] {
  return Array.from({ length: wordCount }, (_, i) => {
    const timing = wordTimings?.[i];
    if (!timing) {
      const start = i * animation.staggerSec;
      return { start, end: animation.type === 'highlight' ? start + animation.staggerSec : start + animation.durationSec };
    }
    const spansTiming = animation.type === 'typewriter' || animation.type === 'highlight';
    return { start: timing.start, end: spansTiming ? timing.end : timing.start + animation.durationSec };
  });
}

/** The word being spoken at timeSec: the last one whose window contains it, or null (before, between and after words). */
export function currentWordIndex(windows: readonly WordTiming[], timeSec: number): number | null {
  for (let i = windows.length - 1; i >= 0; i--) {
    const w = windows[i]!;
    if (timeSec >= w.start - TIME_EPSILON && timeSec < w.end - TIME_EPSILON) return i;
  }
  return null;
}

/** How strongly a word is highlighted: fades in from its start, holds, fades out after its end, over durationSec each. */
export function highlightIntensity(window: WordTiming, timeSec: number, animation: TextAnimation): number {
  const fadeIn = unitProgress(timeSec, window.start, window.start + animation.durationSec, animation.easing);
  const fadeOut = unitProgress(timeSec, window.end, window.end + animation.durationSec, animation.easing);
  return Math.min(fadeIn, 1 - fadeOut);
}

/** Graphemes of a word that are typed once its typewriter progress reaches `progress`. */
export const typewriterVisible = (graphemeCount: number, progress: number): number =>
  Math.min(graphemeCount, Math.floor(progress * graphemeCount + 1e-9));

/** Horizontal offset in em of a sliding word: from the right for RTL, from the left for LTR, 0 when done. */
export const slideOffsetEm = (progress: number, dir: TextDirection, distanceEm: number): number =>
  (dir === 'rtl' ? 1 : -1) * distanceEm * (1 - progress);

export interface UnitStyle {
  opacity: number;
  transform?: string;
  filter?: string;
  color?: string;
}

const BLUR_IN_EM = 0.15;
const WORD_BY_WORD_BLUR_EM = 0.07;
const POP_FROM_SCALE = 0.6;
const HIGHLIGHT_SCALE = 0.05;

const em = (value: number) => `${value.toFixed(4)}em`;

/**
 * The CSS of one word at a progress. A finished word has no transform or
 * filter, so it draws exactly like static text. `highlightColor` is mixed
 * into the inherited colour by the highlight intensity.
 */
export function unitStyle(type: TextAnimationId, progress: number, dir: TextDirection, distanceEm: number, highlightColor: string): UnitStyle {
  const p = progress;
  const rest = 1 - p;
  const moving = p < 1;
  switch (type) {
    case 'fade':
      return { opacity: p };
    case 'rise':
      return moving ? { opacity: p, transform: `translateY(${em(distanceEm * rest)})` } : { opacity: 1 };
    case 'blur-in':
      return moving ? { opacity: p, filter: `blur(${em(BLUR_IN_EM * rest)})` } : { opacity: 1 };
    case 'word-by-word':
      return moving
        ? { opacity: p, transform: `translateY(${em(distanceEm * rest)})`, filter: `blur(${em(WORD_BY_WORD_BLUR_EM * rest)})` }
        : { opacity: 1 };
    case 'slide':
      return moving ? { opacity: p, transform: `translateX(${em(slideOffsetEm(p, dir, distanceEm))})` } : { opacity: 1 };
    case 'pop':
      return moving ? { opacity: p, transform: `scale(${(POP_FROM_SCALE + (1 - POP_FROM_SCALE) * p).toFixed(4)})` } : { opacity: 1 };
    case 'typewriter':
      return { opacity: 1 };
    case 'highlight':
      return p > 0
        ? {
            opacity: 1,
            color: `color-mix(in srgb, ${highlightColor} ${(p * 100).toFixed(2)}%, currentcolor)`,
            transform: `scale(${(1 + HIGHLIGHT_SCALE * p).toFixed(4)})`,
          }
        : { opacity: 1 };
  }
}

export interface WordFrame {
  /** 0..1: eased progress of the word's animation; for highlight, how strongly it is highlighted */
  progress: number;
  style: UnitStyle;
  /** grapheme clusters of the word */
  graphemes: number;
  /** grapheme clusters shown (fewer than `graphemes` only while a typewriter types the word) */
  visibleGraphemes: number;
}

export interface TextFrame {
  words: WordFrame[];
  /** the word whose window contains the time (the recited word when timings are given), or null */
  current: number | null;
  /** grapheme clusters shown across all words (spaces not counted) */
  visibleGraphemes: number;
}

export interface TextFrameInput {
  words: readonly string[];
  animation: TextAnimation;
  dir: TextDirection;
  /** seconds since the text's animation began */
  timeSec: number;
  /** per-word timings, e.g. of a recitation; checked against the words */
  wordTimings?: readonly WordTiming[] | undefined;
  highlightColor: string;
  /** BCP 47 language for grapheme segmentation */
  lang?: string | undefined;
}

/** Everything AnimatedText draws at one moment. Throws TextAnimationError for timings that do not fit the words. */
export function textAnimationFrame(input: TextFrameInput): TextFrame {
  const { words, animation, dir, timeSec } = input;
  const timings = input.wordTimings === undefined ? undefined : validateWordTimings(input.wordTimings, words.length);
  const windows = wordWindows(animation, words.length, timings);
  const frames = words.map((word, i): WordFrame => {
    const window = windows[i]!;
    const progress =
      animation.type === 'highlight' ? highlightIntensity(window, timeSec, animation) : unitProgress(timeSec, window.start, window.end, animation.easing);
    const graphemes = splitGraphemes(word, input.lang).length;
    return {
      progress,
      style: unitStyle(animation.type, progress, dir, animation.distanceEm, input.highlightColor),
      graphemes,
      visibleGraphemes: animation.type === 'typewriter' ? typewriterVisible(graphemes, progress) : graphemes,
    };
  });
  return {
    words: frames,
    current: currentWordIndex(windows, timeSec),
    visibleGraphemes: frames.reduce((sum, w) => sum + w.visibleGraphemes, 0),
  };
}

/** Seconds until the last word has finished animating (highlight: until the last colour has faded). */
export function textAnimationEndSec(animation: TextAnimation, wordCount: number, wordTimings?: readonly WordTiming[]): number {
  const windows = wordWindows(animation, wordCount, wordTimings && validateWordTimings(wordTimings, wordCount));
  const end = Math.max(0, ...windows.map((w) => w.end));
  return animation.type === 'highlight' ? end + animation.durationSec : end;
}
