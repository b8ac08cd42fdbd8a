// How a card page comes in: the chosen text animation paced to the page (the
// Arabic first, right to left, then the text), in seconds from the page's
// start. A highlight walks the words at reading pace instead. Pure.
import { TEXT_ANIMATION_PRESETS, textAnimationEndSec, type TextAnimation, type TextAnimationId } from '../text';
import { SEC_PER_ARABIC_WORD, SEC_PER_WORD } from './timeline';

export interface PageReveal {
  arabic: TextAnimation;
  text: TextAnimation;
  /** when the text starts animating */
  textDelaySec: number;
  /** when every word has come in (highlight: when the page is readable, its first second) */
  endSec: number;
}

/** Paces an animation so all `words` come in within about `spanSec`, however many there are. */
function paced(base: TextAnimation, words: number, spanSec: number, minStaggerSec: number): TextAnimation {
  if (base.staggerSec === 0) return base;
  const staggerSec = Math.min(base.staggerSec, Math.max(minStaggerSec, spanSec / Math.max(1, words)));
  return { ...base, staggerSec, durationSec: base.type === 'typewriter' ? Math.min(base.durationSec, staggerSec) : base.durationSec };
}

export function pageReveal(type: TextAnimationId, arabicWords: number, textWords: number, pace: number): PageReveal {
  const base = TEXT_ANIMATION_PRESETS[type];
  if (base.type === 'highlight') {
    const arabic = { ...base, staggerSec: SEC_PER_ARABIC_WORD * pace };
    const textDelaySec = arabicWords > 0 ? textAnimationEndSec(arabic, arabicWords) : 0;
    return { arabic, text: { ...base, staggerSec: SEC_PER_WORD * pace }, textDelaySec, endSec: 1 };
  }
  const arabic = paced(base, arabicWords, 1.6, 0.06);
  const text = paced(base, textWords, 2.2, 0.03);
  // A typewriter finishes the Arabic before typing the text; other animations overlap the two a little.
  const textDelaySec = arabicWords > 0 ? textAnimationEndSec(arabic, arabicWords) * (base.type === 'typewriter' ? 1 : 0.55) : 0;
  return { arabic, text, textDelaySec, endSec: textDelaySec + textAnimationEndSec(text, textWords) };
}
