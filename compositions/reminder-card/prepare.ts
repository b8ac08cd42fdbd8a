// Everything ReminderCard needs before it can draw a frame: the fonts, the
// check that no typed text is a whole ayah, and the pages measured with the
// real fonts in this browser, at the largest type size that suits the text.
// Runs in calculateMetadata and in the component with the same inputs, so
// both see the same pages; cached per input.
import { measureText } from '@remotion/layout-utils';
import { loadFonts, fontStack } from '../fonts';
import { breakLines, TextLayoutError, type Measure } from '../layout/paginate';
import { buildAyahIndex, typedAyahProblem, type AyahIndex } from '../quran/typed-text';
import { cardMetrics, FIT_SCALES, placeCard, textAreaBudget, type AttributionLines, type CardMetrics, type CardPlacement } from './layout';
import { paginateCard, type CardPage } from './pages';
import { attributionLines, displayText, type CardContent } from './content';
import type { ReminderCardProps } from './schema';
import { promiseCache } from '../layout/promise-cache';

export interface PreparedCard {
  content: CardContent;
  metrics: CardMetrics;
  placement: CardPlacement;
  attribution: AttributionLines;
  pages: CardPage[];
}

/** Lines are measured against a slightly narrower box than they get, so subpixel differences never wrap a line. */
const MEASURE_SLACK = 0.97;
/** Attribution lines may wrap to this many lines each. */
const ATTRIBUTION_MAX_LINES = 2;

const SERIF_STYLE = { fontFamily: fontStack.serif, fontWeight: '500' } as const;
const ARABIC_STYLE = { fontFamily: fontStack.arabic, fontWeight: '400' } as const;
const TITLING_STYLE = { fontFamily: fontStack.titling, fontWeight: '500' } as const;
/** The source line's tracking: drawn with it (ReminderCard) and measured with it (here). */
export const SOURCE_LETTER_SPACING = '0.12em';

const measurer =
  (font: { fontFamily: string; fontWeight: string }, fontSize: number, extra: { letterSpacing?: string; fontStyle?: string } = {}): Measure =>
  (text) =>
    measureText({
      text,
      ...font,
      fontSize,
      letterSpacing: extra.letterSpacing,
      additionalStyles: extra.fontStyle ? { fontStyle: extra.fontStyle } : undefined,
      validateFontIsLoaded: false,
    }).width;

// The bundled Uthmani text and its English translation (Saheeh International), loaded once.
let ayahIndex: Promise<AyahIndex> | null = null;
const loadAyahIndex = (): Promise<AyahIndex> => {
  ayahIndex ??= import('quran-json/dist/quran_en.json').then((m) => buildAyahIndex(m.default));
  return ayahIndex;
};

/** Fails when a typed field is a whole ayah (or its bundled translation): Qur'an comes by reference only. */
async function refuseTypedAyahs(props: ReminderCardProps): Promise<void> {
  const index = await loadAyahIndex();
  for (const field of ['text', 'arabicText'] as const) {
    const problem = typedAyahProblem(props[field], index);
    if (problem) throw new Error(`${field}: ${problem}`);
  }
}

function layOut(content: CardContent, width: number, height: number, fit: number) {
  const metrics = cardMetrics(width, height, fit);
  const measureWidth = metrics.textWidth * MEASURE_SLACK;
  const lineCount = (measure: Measure) => (line: string) => breakLines(line.split(' '), measure, measureWidth).length;
  const attribution = attributionLines(content, {
    narrator: lineCount(measurer(SERIF_STYLE, metrics.narrator.fontSize, { fontStyle: 'italic' })),
    source: lineCount(measurer(TITLING_STYLE, metrics.source.fontSize, { letterSpacing: SOURCE_LETTER_SPACING })),
  });
  if (attribution.narrator > ATTRIBUTION_MAX_LINES) throw new TextLayoutError('narrator', 'is too long to fit on two lines of the card; shorten it');
  if (attribution.source > ATTRIBUTION_MAX_LINES) throw new TextLayoutError('source', 'is too long to fit on two lines of the card; shorten it');
  const pages = paginateCard({
    text: content.text,
    arabic: content.arabic,
    measureText: measurer(SERIF_STYLE, metrics.text.fontSize),
    measureArabic: measurer(ARABIC_STYLE, metrics.arabic.fontSize),
    width: measureWidth,
    height: textAreaBudget(metrics, attribution),
    textBlock: metrics.text,
    arabicBlock: metrics.arabic,
    dividerHeight: metrics.dividerHeight,
  });
  const textHeight = Math.max(...pages.map((p) => p.height));
  return { content, metrics, attribution, pages, placement: placeCard(metrics, textHeight, attribution) };
}

async function prepare(props: ReminderCardProps, width: number, height: number): Promise<PreparedCard> {
  await Promise.all([loadFonts(), refuseTypedAyahs(props)]);
  const content = displayText(props);
  // The largest size at which the whole text fits on one page; long texts use the base size and more pages.
  for (const fit of FIT_SCALES) {
    const last = fit === FIT_SCALES[FIT_SCALES.length - 1];
    try {
      const laidOut = layOut(content, width, height, fit);
      if (laidOut.pages.length === 1 || last) return laidOut;
    } catch (error) {
      if (last || !(error instanceof TextLayoutError)) throw error;
    }
  }
  throw new Error('unreachable: the base size always returns or throws');
}

const cached = promiseCache<PreparedCard>();

export function prepareReminderCard(props: ReminderCardProps, width: number, height: number): Promise<PreparedCard> {
  const key = JSON.stringify([props.kind, props.text, props.arabicText, props.showArabic, props.source, props.narrator, width, height]);
  return cached(key, () => prepare(props, width, height));
}
