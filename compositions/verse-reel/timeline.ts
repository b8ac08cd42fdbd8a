// VerseReel timing: how long each page is on screen. Reading time comes from
// the words on the page (slow, contemplative pace); with a recitation the
// page lengths follow the share of the recited Arabic instead. Pure.
import type { Page } from '../layout/paginate';
import { INTRO_SEC, OUTRO_SEC } from '../layout/page-timing';

export const MIN_PAGE_SEC = 4;
const SEC_PER_ARABIC_WORD = 0.62;
const SEC_PER_TRANSLATION_WORD = 0.3;
const REVEAL_SEC = 1.6;

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function readingSeconds(page: Page, pace: number): number {
  const reading = page.arabicWords.length * SEC_PER_ARABIC_WORD + countWords(page.translation) * SEC_PER_TRANSLATION_WORD;
  return Math.max(MIN_PAGE_SEC, (REVEAL_SEC + reading) * pace);
}

/** Relative page weights: reading time, or the recited length (Arabic letters) when a recitation drives timing. */
export function pageWeights(pages: readonly Page[], pace: number, recited: boolean): number[] {
  return pages.map((p) => (recited ? p.arabicWords.join('').length : readingSeconds(p, pace)));
}

export function readingDurationInFrames(pages: readonly Page[], pace: number, fps: number): number {
  const seconds = INTRO_SEC + pages.reduce((sum, p) => sum + readingSeconds(p, pace), 0) + OUTRO_SEC;
  return Math.round(seconds * fps);
}

export function recitationDurationInFrames(recitationSec: number, fps: number): number {
  return Math.round((INTRO_SEC + recitationSec + OUTRO_SEC) * fps);
}
