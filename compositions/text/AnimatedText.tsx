// Draws a line or paragraph of text with one of the text animations
// (animations.ts does the maths). Words are inline blocks split only at
// spaces, in logical order with real spaces between them, so the browser's
// bidi lays out Arabic right to left and joining inside a word is untouched.
// Layout never changes while animating: hidden words and untyped graphemes
// keep their place (visibility: hidden) and motion is transform-only.
import React, { useMemo } from 'react';
import { useVideoConfig } from 'remotion';
import { splitGraphemes, splitWords, textAnimationFrame, type TextAnimation, type TextDirection, type WordTiming } from './animations';

export interface AnimatedTextProps {
  text: string;
  dir: TextDirection;
  /** BCP 47 language, e.g. "ar"; sets lang and the grapheme rules */
  lang?: string;
  animation: TextAnimation;
  /** frame relative to the start of the animation */
  frame: number;
  /** per-word {start, end} seconds (e.g. of a recitation), one per word */
  wordTimings?: readonly WordTiming[];
  style?: React.CSSProperties;
  /** colour of the current word for the highlight animation */
  highlightColor?: string;
  /** extra nodes after the last word (e.g. an ayah-end marker) */
  trailing?: React.ReactNode;
}

const hidden: React.CSSProperties = { visibility: 'hidden' };

export const AnimatedText: React.FC<AnimatedTextProps> = ({
  text,
  dir,
  lang,
  animation,
  frame,
  wordTimings,
  style,
  highlightColor = '#f5c542',
  trailing,
}) => {
  const { fps } = useVideoConfig();
  const words = useMemo(() => splitWords(text), [text]);
  const graphemes = useMemo(() => (animation.type === 'typewriter' ? words.map((w) => splitGraphemes(w, lang)) : null), [animation.type, words, lang]);
  const state = textAnimationFrame({ words, animation, dir, timeSec: frame / fps, wordTimings, highlightColor, lang });

  return (
    <div dir={dir} lang={lang} style={style}>
      {words.map((word, i) => {
        const w = state.words[i]!;
        const typed = graphemes?.[i];
        let content: React.ReactNode = word;
        if (typed && w.visibleGraphemes < w.graphemes) {
          content =
            w.visibleGraphemes === 0 ? (
              <span style={hidden}>{word}</span>
            ) : (
              <>
                {typed.slice(0, w.visibleGraphemes).join('')}
                <span style={hidden}>{typed.slice(w.visibleGraphemes).join('')}</span>
              </>
            );
        }
        return (
          <React.Fragment key={i}>
            {i > 0 ? ' ' : null}
            <span data-word={i} style={{ display: 'inline-block', ...w.style }}>
              {content}
            </span>
          </React.Fragment>
        );
      })}
      {trailing}
    </div>
  );
};
