// ReminderCard timing: how long each page stays on screen, from the words on
// it at a calm reading pace. Page placement (intro, pages end to end, outro)
// is the same as VerseReel's and comes from its timeline. Pure.
import { INTRO_SEC, OUTRO_SEC } from '../layout/page-timing';
import type { CardPage } from './pages';


export const MIN_PAGE_SEC = 4.5;
export const SEC_PER_WORD = 0.34;
export const SEC_PER_ARABIC_WORD = 0.22;
/** time for the words to come in and the eye to settle */
const SETTLE_SEC = 1.8;

const countWords = (s: string) => s.split(/\s+/).filter(Boolean).length;

export function readingSeconds(page: CardPage, pace: number): number {
  const reading = page.words.length * SEC_PER_WORD + countWords(page.arabic) * SEC_PER_ARABIC_WORD;
  return Math.max(MIN_PAGE_SEC, (SETTLE_SEC + reading) * pace);
}

export const pageWeights = (pages: readonly CardPage[], pace: number): number[] => pages.map((p) => readingSeconds(p, pace));

export function cardDurationInFrames(pages: readonly CardPage[], pace: number, fps: number): number {
  const seconds = INTRO_SEC + pages.reduce((sum, p) => sum + readingSeconds(p, pace), 0) + OUTRO_SEC;
  return Math.round(seconds * fps);
}
