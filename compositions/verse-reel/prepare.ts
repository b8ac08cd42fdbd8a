// Everything VerseReel needs before it can draw a frame: the canonical
// passage for the reference, the fonts, and the pages measured with those
// fonts in this browser. Runs in calculateMetadata and in the component with
// the same inputs, so both see the same pages; cached per input.
import { measureText } from '@remotion/layout-utils';
import { loadFonts, fontStack, TRANSLATION_TYPOGRAPHY, type Typography } from '../fonts';
import { TRANSLATIONS } from '../quran';
import { loadPassage, type Passage } from '../quran';
import { paginate, type Page } from '../layout/paginate';
import { verseReelLayout, type VerseReelLayout } from './layout';
import type { VerseReelProps } from './schema';
import { promiseCache } from '../layout/promise-cache';

export interface PreparedVerseReel {
  passage: Passage;
  translationTypography: Typography;
  layout: VerseReelLayout;
  pages: Page[];
}

/** Lines are measured against a slightly narrower box than they get, so subpixel differences never wrap a line. */
const MEASURE_SLACK = 0.97;

const cached = promiseCache<PreparedVerseReel>();

async function prepare(props: VerseReelProps, width: number, height: number): Promise<PreparedVerseReel> {
  const [passage] = await Promise.all([loadPassage(props.reference, props.translation), loadFonts()]);
  const typography = TRANSLATION_TYPOGRAPHY[TRANSLATIONS[props.translation].script];
  const layout = verseReelLayout(width, height, { ...props, translationLineHeight: typography.lineHeight });
  const measure = (fontFamily: string, fontSize: number, fontStyle?: string) => (text: string) =>
    measureText({
      text,
      fontFamily,
      fontSize,
      validateFontIsLoaded: false,
      additionalStyles: fontStyle ? { fontStyle } : undefined,
    }).width;
  const pages = paginate({
    verses: passage.verses,
    measureArabic: measure(fontStack.quran, layout.arabic.fontSize),
    measureTranslation: measure(typography.fontFamily, layout.translation?.fontSize ?? 1, typography.fontStyle),
    arabicBox: { width: layout.arabic.width * MEASURE_SLACK, maxLines: layout.arabic.maxLines },
    translationBox: layout.translation
      ? { width: layout.translation.width * MEASURE_SLACK, maxLines: layout.translation.maxLines }
      : null,
  });
  return { passage, translationTypography: typography, layout, pages };
}

export function prepareVerseReel(props: VerseReelProps, width: number, height: number): Promise<PreparedVerseReel> {
  const key = JSON.stringify([
    props.reference,
    props.translation,
    props.showTranslation,
    props.arabicScale,
    props.translationScale,
    width,
    height,
  ]);
  return cached(key, () => prepare(props, width, height));
}
