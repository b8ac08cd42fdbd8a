// Splits a card's text (and its Arabic, when shown) into pages that fit the
// text area, by measuring lines (never counting characters). Two ways, best
// first:
//  1. by clause: when the text and the Arabic fall into the same number of
//     clauses (a hadith's parallel sentences), whole clauses are grouped onto
//     pages so each page's Arabic says what its text says;
//  2. proportionally, with the library's paginate(): the text leads and the
//     Arabic is cut in the same proportions, preferring clause ends.
// Pure: measurers are passed in (a fake one in Node tests, the loaded fonts in
// the browser). Errors name the card's own props.
import { breakLines, paginate, TextLayoutError, type Measure } from '../layout/paginate';

export interface CardPage {
  /** the text's words on this page */
  words: string[];
  /** this page's share of the Arabic, '' when none */
  arabic: string;
  lines: number;
  arabicLines: number;
  /** the page's blocks stacked (Arabic, divider, text), in px */
  height: number;
}

export interface CardPaginateInput {
  text: string;
  /** '' when no Arabic is shown */
  arabic: string;
  measureText: Measure;
  measureArabic: Measure;
  /** width lines are measured against, in px */
  width: number;
  /** height of the text area, in px */
  height: number;
  textBlock: { linePx: number; maxLines: number };
  arabicBlock: { linePx: number; maxLines: number };
  dividerHeight: number;
}

const splitWords = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** Sentence and clause ends of the text; the weaker set adds commas and dashes. */
const TEXT_STRONG_END = /[.;:!?…]["”’)\]]*$/u;
const TEXT_ANY_END = /[.;:!?…,—]["”’)\]]*$/u;
/** The Arabic's: full stop, Arabic comma, semicolon and question mark, colon, exclamation. */
const ARABIC_STRONG_END = /[.؛؟:!]["”»)\]]*$/u;
const ARABIC_ANY_END = /[.،؛؟:!,]["”»)\]]*$/u;

function checkWordWidths(field: string, words: readonly string[], measure: Measure, width: number): void {
  const wide = words.find((w) => measure(w) > width);
  if (wide) throw new TextLayoutError(field, `the word "${wide}" is wider than the card's text box; break it up or shorten it`);
}

/** Measures one page and says whether it fits the area; null when it does not. */
function measurePage(input: CardPaginateInput, words: readonly string[], arabic: readonly string[]): CardPage | null {
  const lines = breakLines(words, input.measureText, input.width).length;
  const arabicLines = arabic.length > 0 ? breakLines(arabic, input.measureArabic, input.width).length : 0;
  const height =
    (arabicLines > 0 ? arabicLines * input.arabicBlock.linePx + input.dividerHeight : 0) + lines * input.textBlock.linePx;
  if (lines > input.textBlock.maxLines || arabicLines > input.arabicBlock.maxLines || height > input.height) return null;
  return { words: [...words], arabic: arabic.join(' '), lines, arabicLines, height };
}

/** Cuts words into clauses after each word that ends one. */
function clauses(words: readonly string[], end: RegExp): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const word of words) {
    current.push(word);
    if (end.test(word)) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

interface Unit {
  text: string[];
  arabic: string[];
}

/** Pairs the text's clauses with the Arabic's when both have the same number, trying strong ends before weak ones. */
function clauseUnits(textWords: readonly string[], arabicWords: readonly string[]): Unit[] | null {
  if (arabicWords.length === 0) return clauses(textWords, TEXT_STRONG_END).map((text) => ({ text, arabic: [] }));
  for (const textEnd of [TEXT_STRONG_END, TEXT_ANY_END]) {
    for (const arabicEnd of [ARABIC_STRONG_END, ARABIC_ANY_END]) {
      const text = clauses(textWords, textEnd);
      const arabic = clauses(arabicWords, arabicEnd);
      if (text.length > 1 && text.length === arabic.length) return text.map((t, i) => ({ text: t, arabic: arabic[i]! }));
    }
  }
  return null;
}

/** Groups consecutive units onto the fewest pages that fit, then the most even (smallest tallest page). */
function groupUnits(input: CardPaginateInput, units: readonly Unit[]): CardPage[] | null {
  const n = units.length;
  const pageOf = (from: number, to: number) =>
    measurePage(
      input,
      units.slice(from, to).flatMap((u) => u.text),
      units.slice(from, to).flatMap((u) => u.arabic),
    );
  // best[i]: the best grouping of the first i units, as [pages, tallest].
  const best: Array<{ pages: CardPage[]; tallest: number } | null> = [{ pages: [], tallest: 0 }];
  for (let i = 1; i <= n; i++) {
    let choice: { pages: CardPage[]; tallest: number } | null = null;
    for (let j = i - 1; j >= 0; j--) {
      const before = best[j];
      const page = pageOf(j, i);
      if (!page) break; // a longer group will not fit either
      if (!before) continue;
      const candidate = { pages: [...before.pages, page], tallest: Math.max(before.tallest, page.height) };
      const better =
        !choice ||
        candidate.pages.length < choice.pages.length ||
        (candidate.pages.length === choice.pages.length && candidate.tallest < choice.tallest);
      if (better) choice = candidate;
    }
    best.push(choice);
  }
  return best[n]?.pages ?? null;
}

/*
 * paginate() prefers to cut its leading block after a waqf mark and its
 * following block after Latin punctuation. To make it prefer clause ends here,
 * the text's clause-ending words get a waqf mark (U+06D6, which the schema never
 * lets into typed text) and the Arabic's ، ؛ ؟ get a ’, both invisible to the
 * measurers; the pages are then rebuilt from the original words by count.
 */
const LEAD_MARK = '\u06D6';
const FOLLOW_MARK = '’';
const ARABIC_UNLATIN_END = /[،؛؟]$/u;
const unmarkText = (s: string) => s.replaceAll(LEAD_MARK, '');
const unmarkArabic = (s: string) => s.replace(/([،؛؟])’/gu, '$1');

/** One proportional split with the area shared as given; null when the text cannot be laid out that way. */
function proportional(
  input: CardPaginateInput,
  textWords: readonly string[],
  arabicWords: readonly string[],
  textLines: number,
  arabicLines: number,
): CardPage[] | null {
  if (textLines < 1) return null;
  let pages;
  try {
    // paginate() speaks of verses: its "arabic" is the block that leads the split (our text) and its
    // "translation" is cut to follow (our Arabic).
    pages = paginate({
      verses: [
        {
          ayah: 1,
          arabic: textWords.map((w) => (TEXT_ANY_END.test(w) ? w + LEAD_MARK : w)).join(' '),
          translation: arabicWords.map((w) => (ARABIC_UNLATIN_END.test(w) ? w + FOLLOW_MARK : w)).join(' '),
        },
      ],
      measureArabic: (s) => input.measureText(unmarkText(s)),
      measureTranslation: (s) => input.measureArabic(unmarkArabic(s)),
      arabicBox: { width: input.width, maxLines: textLines },
      translationBox: arabicLines > 0 ? { width: input.width, maxLines: arabicLines } : null,
    });
  } catch (error) {
    if (error instanceof TextLayoutError) return null;
    throw error;
  }
  let t = 0;
  let a = 0;
  const out: CardPage[] = [];
  for (const page of pages) {
    const measured = measurePage(
      input,
      textWords.slice(t, (t += page.arabicWords.length)),
      arabicWords.slice(a, (a += splitWords(page.translation).length)),
    );
    if (!measured) return null;
    out.push(measured);
  }
  return out;
}

/** The proportional split needing the fewest pages, over every way of sharing the area's height between the blocks. */
function bestProportional(input: CardPaginateInput, textWords: readonly string[], arabicWords: readonly string[]): CardPage[] | null {
  const { textBlock, arabicBlock, height, dividerHeight } = input;
  const textLinesFor = (room: number) => Math.min(textBlock.maxLines, Math.floor(room / textBlock.linePx));
  if (arabicWords.length === 0) return proportional(input, textWords, arabicWords, textLinesFor(height), 0);
  let best: CardPage[] | null = null;
  const mostArabicLines = Math.min(arabicBlock.maxLines, Math.floor((height - dividerHeight - textBlock.linePx) / arabicBlock.linePx));
  for (let arabicLines = 1; arabicLines <= mostArabicLines; arabicLines++) {
    const room = height - dividerHeight - arabicLines * arabicBlock.linePx;
    const pages = proportional(input, textWords, arabicWords, textLinesFor(room), arabicLines);
    if (pages && (!best || pages.length < best.length)) best = pages;
  }
  return best;
}

export function paginateCard(input: CardPaginateInput): CardPage[] {
  const textWords = splitWords(input.text);
  const arabicWords = splitWords(input.arabic);
  checkWordWidths('text', textWords, input.measureText, input.width);
  checkWordWidths('arabicText', arabicWords, input.measureArabic, input.width);

  const units = clauseUnits(textWords, arabicWords);
  const byClause = units ? groupUnits(input, units) : null;
  const byProportion = bestProportional(input, textWords, arabicWords);
  // Whole clauses are worth one extra page over the tightest split.
  if (byClause && (!byProportion || byClause.length <= byProportion.length + 1)) return byClause;
  if (byProportion) return byProportion;
  throw arabicWords.length > 0
    ? new TextLayoutError(
        'arabicText',
        'the Arabic and the text together cannot be laid out on this card; shorten one of them or set showArabic to false',
      )
    : new TextLayoutError('text', 'there is no room for the text in this frame');
}
