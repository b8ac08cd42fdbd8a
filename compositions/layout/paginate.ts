// Splits verse text into timed pages that fit their text boxes, by measuring
// lines with a real measurer (the loaded font in the browser), never by
// counting characters. Pure: the measurer is passed in, so Node tests can use
// a fake one and the browser uses @remotion/layout-utils.

export type Measure = (text: string) => number;

export interface TextBox {
  /** usable width in px */
  width: number;
  maxLines: number;
}

export interface PaginateInput {
  verses: ReadonlyArray<{ ayah: number; arabic: string; translation: string }>;
  measureArabic: Measure;
  measureTranslation: Measure;
  arabicBox: TextBox;
  /** null when the translation is not shown */
  translationBox: TextBox | null;
}

export interface Page {
  ayah: number;
  /** 1-based part of this ayah and how many parts it was split into */
  part: number;
  parts: number;
  arabicWords: string[];
  translation: string;
}

export class TextLayoutError extends Error {
  override readonly name = 'TextLayoutError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** Waqf (pause) marks: a page break right after one reads naturally. */
const PAUSE_MARK = /[\u06d6-\u06db]$/;
const CLAUSE_END = /[,.;:!?…—)\]"'’”]$/;

const words = (text: string): string[] => text.split(/\s+/).filter(Boolean);

/** Greedy line breaking by measuring each candidate line as a whole. */
export function breakLines(items: readonly string[], measure: Measure, width: number): string[][] {
  const lines: string[][] = [];
  let line: string[] = [];
  for (const word of items) {
    const candidate = [...line, word];
    if (line.length > 0 && measure(candidate.join(' ')) > width) {
      lines.push(line);
      line = [word];
    } else {
      line = candidate;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}

const fits = (items: readonly string[], measure: Measure, box: TextBox): boolean =>
  items.every((w) => measure(w) <= box.width) && breakLines(items, measure, box.width).length <= box.maxLines;

/**
 * Cuts `items` into `n` contiguous groups whose weights are as even as
 * possible, preferring cut points that `preferCut` accepts when one is close.
 */
function splitEvenly(
  items: readonly string[],
  n: number,
  weight: (item: string) => number,
  preferCut: (item: string) => boolean,
): string[][] {
  const cumulative: number[] = [0];
  for (const item of items) cumulative.push(cumulative[cumulative.length - 1]! + weight(item) + 1);
  const total = cumulative[cumulative.length - 1]!;
  const cuts: number[] = [0];
  for (let k = 1; k < n; k++) {
    const target = (total * k) / n;
    const minCut = cuts[cuts.length - 1]! + 1;
    const maxCut = items.length - (n - k);
    let best = minCut;
    let bestScore = Infinity;
    for (let c = minCut; c <= maxCut; c++) {
      const distance = Math.abs(cumulative[c]! - target) / (total / n);
      const score = distance - (preferCut(items[c - 1]!) && distance < 0.3 ? 0.25 : 0);
      if (score < bestScore) {
        best = c;
        bestScore = score;
      }
    }
    cuts.push(best);
  }
  cuts.push(items.length);
  return cuts.slice(1).map((end, i) => items.slice(cuts[i], end));
}

/** Splits a translation into chunks in the same proportions as the Arabic groups. */
function splitTranslationLike(translation: string, groups: readonly string[][], measureArabic: Measure): string[] {
  const tWords = words(translation);
  if (groups.length === 1) return [translation.trim()];
  if (tWords.length < groups.length) return groups.map((_, i) => (i === 0 ? translation.trim() : ''));
  const weights = groups.map((g) => measureArabic(g.join(' ')));
  const total = weights.reduce((a, b) => a + b, 0);
  const chunks: string[] = [];
  let start = 0;
  let acc = 0;
  const tCumulative: number[] = [0];
  for (const w of tWords) tCumulative.push(tCumulative[tCumulative.length - 1]! + w.length + 1);
  const tTotal = tCumulative[tCumulative.length - 1]!;
  for (let k = 0; k < groups.length - 1; k++) {
    acc += weights[k]!;
    const target = (tTotal * acc) / total;
    const maxCut = tWords.length - (groups.length - 1 - k);
    let best = start + 1;
    let bestScore = Infinity;
    for (let c = start + 1; c <= maxCut; c++) {
      const distance = Math.abs(tCumulative[c]! - target) / (tTotal / groups.length);
      const score = distance - (CLAUSE_END.test(tWords[c - 1]!) && distance < 0.35 ? 0.3 : 0);
      if (score < bestScore) {
        best = c;
        bestScore = score;
      }
    }
    chunks.push(tWords.slice(start, best).join(' '));
    start = best;
  }
  chunks.push(tWords.slice(start).join(' '));
  return chunks;
}

/** Pages for a passage: each ayah starts a page; a long ayah is split into as few even parts as fit. */
export function paginate(input: PaginateInput): Page[] {
  const { measureArabic, measureTranslation, arabicBox, translationBox } = input;
  const pages: Page[] = [];
  for (const verse of input.verses) {
    const arabicWords = words(verse.arabic);
    const tooWide = arabicWords.find((w) => measureArabic(w) > arabicBox.width);
    if (tooWide) {
      throw new TextLayoutError('arabicScale', `the word "${tooWide}" of ayah ${verse.ayah} is wider than the text box; use a smaller arabicScale`);
    }
    if (translationBox) {
      const wide = words(verse.translation).find((w) => measureTranslation(w) > translationBox.width);
      if (wide) {
        throw new TextLayoutError('translationScale', `the word "${wide}" is wider than the text box; use a smaller translationScale`);
      }
    }
    const minParts = Math.ceil(breakLines(arabicWords, measureArabic, arabicBox.width).length / arabicBox.maxLines);
    let placed: Page[] | null = null;
    for (let n = Math.max(1, minParts); n <= arabicWords.length && !placed; n++) {
      const groups = splitEvenly(arabicWords, n, (w) => measureArabic(w), (w) => PAUSE_MARK.test(w));
      if (!groups.every((g) => fits(g, measureArabic, arabicBox))) continue;
      const translations = translationBox ? splitTranslationLike(verse.translation, groups, measureArabic) : groups.map(() => '');
      if (translationBox && !translations.every((t) => fits(words(t), measureTranslation, translationBox))) continue;
      placed = groups.map((g, i) => ({
        ayah: verse.ayah,
        part: i + 1,
        parts: n,
        arabicWords: g,
        translation: translations[i] ?? '',
      }));
    }
    if (!placed) {
      throw new TextLayoutError('translationScale', `ayah ${verse.ayah} cannot be laid out in the text box; use smaller text`);
    }
    pages.push(...placed);
  }
  return pages;
}
