// Reveals a line of words one after another in reading order: for Arabic
// (dir="rtl") that is right to left, for Latin left to right, because the
// words stay in logical order and the browser's bidi places them. Each word
// fades in, rises and sharpens with easing. Words are separate inline blocks
// split only at spaces, so Arabic joining inside a word is untouched.
import React from 'react';
import { Easing, interpolate } from 'remotion';

export interface WordRevealProps {
  words: readonly string[];
  /** frame relative to the start of the reveal */
  frame: number;
  /** frames between one word's start and the next */
  stagger: number;
  /** frames one word takes to appear */
  wordDuration: number;
  dir: 'rtl' | 'ltr';
  style?: React.CSSProperties;
  /** extra nodes after the last word (e.g. an ayah-end marker) */
  trailing?: React.ReactNode;
}

const ease = Easing.bezier(0.22, 1, 0.36, 1);

export function wordProgress(index: number, frame: number, stagger: number, wordDuration: number): number {
  return interpolate(frame - index * stagger, [0, wordDuration], [0, 1], {
    extrapolateLeft: 'clamp',
    extrapolateRight: 'clamp',
    easing: ease,
  });
}

export const WordReveal: React.FC<WordRevealProps> = ({ words, frame, stagger, wordDuration, dir, style, trailing }) => (
  <div dir={dir} style={style}>
    {words.map((word, i) => {
      const p = wordProgress(i, frame, stagger, wordDuration);
      return (
        <React.Fragment key={i}>
          {i > 0 ? ' ' : null}
          <span
            data-word={i}
            style={{
              display: 'inline-block',
              opacity: p,
              transform: `translateY(${((1 - p) * 0.28).toFixed(4)}em)`,
              filter: p < 1 ? `blur(${((1 - p) * 8).toFixed(2)}px)` : undefined,
            }}
          >
            {word}
          </span>
        </React.Fragment>
      );
    })}
    {trailing}
  </div>
);
