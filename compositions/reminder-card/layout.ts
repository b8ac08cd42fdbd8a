// Where a ReminderCard's pieces go in each aspect: the platform-safe region,
// type sizes, and the stack label → text area → attribution centred in it.
// Pure numbers; measuring happens in prepare.ts, page splitting in pages.ts.
import { aspectOfSize, type AspectId } from '../layout/aspects';
import { textSafeInsets } from '../layout/safe-zones';

interface AspectBase {
  textPx: number;
  arabicPx: number;
  /** most lines of each block on one page, for calm reading */
  maxTextLines: number;
  maxArabicLines: number;
  /** widest a text line may be, for comfortable reading on wide frames */
  maxTextWidth: number;
  /** breathing room kept clear above and below the stack, as a fraction of the region's height */
  breathe: number;
}

const BASE: Record<AspectId, AspectBase> = {
  '9:16': { textPx: 52, arabicPx: 60, maxTextLines: 9, maxArabicLines: 5, maxTextWidth: 800, breathe: 0 },
  '4:5': { textPx: 48, arabicPx: 56, maxTextLines: 8, maxArabicLines: 4, maxTextWidth: 820, breathe: 0.04 },
  '1:1': { textPx: 44, arabicPx: 52, maxTextLines: 7, maxArabicLines: 3, maxTextWidth: 820, breathe: 0.05 },
  '16:9': { textPx: 46, arabicPx: 54, maxTextLines: 6, maxArabicLines: 3, maxTextWidth: 1240, breathe: 0.07 },
};

export const TEXT_LINE_HEIGHT = 1.42;
/** Arabic needs room above and below for its harakat. */
export const ARABIC_LINE_HEIGHT = 1.95;
export const NARRATOR_LINE_HEIGHT = 1.35;
export const SOURCE_LINE_HEIGHT = 1.5;
/** Short texts are set larger: the first of these that fits on one page is used. */
export const FIT_SCALES = [1.5, 1.3, 1.15, 1] as const;

export interface Block {
  fontSize: number;
  lineHeight: number;
  /** px per line */
  linePx: number;
  maxLines: number;
}

export interface CardMetrics {
  aspect: AspectId;
  /** the platform-safe area less its breathing room: the stack stays inside it */
  region: { left: number; top: number; width: number; height: number };
  textWidth: number;
  text: Block;
  arabic: Block;
  /** space between the Arabic and the text, holding a hairline */
  dividerHeight: number;
  label: { fontSize: number; height: number; gap: number };
  narrator: { fontSize: number; linePx: number };
  source: { fontSize: number; linePx: number };
  /** space between the text area and the attribution */
  attributionGap: number;
}

const block = (fontSize: number, lineHeight: number, maxLines: number): Block => ({
  fontSize,
  lineHeight,
  linePx: fontSize * lineHeight,
  maxLines,
});

export function cardMetrics(width: number, height: number, fit: number): CardMetrics {
  const aspect = aspectOfSize(width, height);
  const base = BASE[aspect];
  const insets = textSafeInsets(aspect);
  const scale = Math.min(width, height) / 1080;
  const safeHeight = height * (1 - insets.top - insets.bottom);
  const region = {
    left: insets.left * width,
    top: insets.top * height + safeHeight * base.breathe,
    width: width * (1 - insets.left - insets.right),
    height: safeHeight * (1 - 2 * base.breathe),
  };
  const textPx = base.textPx * scale;
  const labelPx = Math.max(16, 25 * scale);
  return {
    aspect,
    region,
    textWidth: Math.min(region.width, base.maxTextWidth * scale),
    text: block(textPx * fit, TEXT_LINE_HEIGHT, base.maxTextLines),
    arabic: block(base.arabicPx * scale * fit, ARABIC_LINE_HEIGHT, base.maxArabicLines),
    dividerHeight: textPx * 1.1,
    label: { fontSize: labelPx, height: labelPx * 1.5, gap: textPx * 1.15 },
    narrator: { fontSize: textPx * 0.7, linePx: textPx * 0.7 * NARRATOR_LINE_HEIGHT },
    source: { fontSize: labelPx * 0.95, linePx: labelPx * 0.95 * SOURCE_LINE_HEIGHT },
    attributionGap: textPx * 1.15,
  };
}

export interface AttributionLines {
  narrator: number;
  source: number;
}

export function attributionHeight(metrics: CardMetrics, lines: AttributionLines): number {
  const narrator = lines.narrator * metrics.narrator.linePx;
  const source = lines.source * metrics.source.linePx;
  const between = lines.narrator > 0 && lines.source > 0 ? metrics.source.fontSize * 0.5 : 0;
  return narrator + between + source;
}

/** Height left for the text pages once the label and attribution have their room. */
export function textAreaBudget(metrics: CardMetrics, lines: AttributionLines): number {
  const attribution = attributionHeight(metrics, lines);
  return (
    metrics.region.height - metrics.label.height - metrics.label.gap - (attribution > 0 ? metrics.attributionGap + attribution : 0)
  );
}

export interface CardPlacement {
  labelTop: number;
  textTop: number;
  textHeight: number;
  attributionTop: number;
  attributionHeight: number;
}

/** Centres label, text area (as tall as the tallest page) and attribution as one stack in the region. */
export function placeCard(metrics: CardMetrics, textHeight: number, lines: AttributionLines): CardPlacement {
  const attribution = attributionHeight(metrics, lines);
  const total =
    metrics.label.height + metrics.label.gap + textHeight + (attribution > 0 ? metrics.attributionGap + attribution : 0);
  const labelTop = metrics.region.top + Math.max(0, (metrics.region.height - total) / 2);
  const textTop = labelTop + metrics.label.height + metrics.label.gap;
  return {
    labelTop,
    textTop,
    textHeight,
    attributionTop: textTop + textHeight + metrics.attributionGap,
    attributionHeight: attribution,
  };
}
