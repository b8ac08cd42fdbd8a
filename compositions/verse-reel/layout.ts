// Where VerseReel's text goes in each aspect: the platform-safe region, type
// sizes, and how many lines each block may take so the whole block fits the
// region's height. Pure numbers; the measuring happens in prepare.ts.
import { aspectOfSize, type AspectId } from '../layout/aspects';
import { textSafeInsets } from '../layout/safe-zones';
import { TextLayoutError, type TextBox } from '../layout/paginate';

interface AspectBase {
  arabicPx: number;
  arabicLines: number;
  translationPx: number;
  translationLines: number;
  /** widest a text line may be, for comfortable reading on wide frames */
  maxTextWidth: number;
}

const BASE: Record<AspectId, AspectBase> = {
  '9:16': { arabicPx: 84, arabicLines: 4, translationPx: 42, translationLines: 3, maxTextWidth: 900 },
  '4:5': { arabicPx: 80, arabicLines: 4, translationPx: 40, translationLines: 3, maxTextWidth: 900 },
  '1:1': { arabicPx: 74, arabicLines: 3, translationPx: 38, translationLines: 3, maxTextWidth: 880 },
  '16:9': { arabicPx: 80, arabicLines: 2, translationPx: 40, translationLines: 2, maxTextWidth: 1480 },
};

export const ARABIC_LINE_HEIGHT = 1.95;

export interface VerseReelLayout {
  aspect: AspectId;
  region: { left: number; top: number; width: number; height: number };
  textWidth: number;
  arabic: TextBox & { fontSize: number; lineHeight: number };
  translation: (TextBox & { fontSize: number; lineHeight: number }) | null;
  label: { fontSize: number; height: number };
  dividerHeight: number;
}

export function verseReelLayout(
  width: number,
  height: number,
  opts: { arabicScale: number; translationScale: number; showTranslation: boolean; translationLineHeight: number },
): VerseReelLayout {
  const aspect = aspectOfSize(width, height);
  const base = BASE[aspect];
  const insets = textSafeInsets(aspect);
  const scale = Math.min(width, height) / 1080;
  const region = {
    left: insets.left * width,
    top: insets.top * height,
    width: width * (1 - insets.left - insets.right),
    height: height * (1 - insets.top - insets.bottom),
  };
  const textWidth = Math.min(region.width, base.maxTextWidth * scale);
  const arabicPx = base.arabicPx * scale * opts.arabicScale;
  const translationPx = base.translationPx * scale * opts.translationScale;
  const labelPx = Math.max(20, base.translationPx * scale * 0.62);
  const label = { fontSize: labelPx, height: labelPx * 1.6 + arabicPx * 0.35 };
  const dividerHeight = opts.showTranslation ? arabicPx * 0.6 : 0;
  const translation = opts.showTranslation
    ? {
        width: textWidth,
        maxLines: base.translationLines,
        fontSize: translationPx,
        lineHeight: opts.translationLineHeight,
      }
    : null;
  const translationHeight = translation ? translation.maxLines * translationPx * opts.translationLineHeight : 0;
  const arabicLinePx = arabicPx * ARABIC_LINE_HEIGHT;
  const arabicLines = Math.min(
    base.arabicLines,
    Math.floor((region.height - translationHeight - dividerHeight - label.height) / arabicLinePx),
  );
  if (arabicLines < 1) {
    throw new TextLayoutError('arabicScale', 'the text is too large for this frame; lower arabicScale or translationScale');
  }
  return {
    aspect,
    region,
    textWidth,
    arabic: { width: textWidth, maxLines: arabicLines, fontSize: arabicPx, lineHeight: ARABIC_LINE_HEIGHT },
    translation,
    label,
    dividerHeight,
  };
}
