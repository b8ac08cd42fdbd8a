// One page of a ReminderCard: its share of the Arabic (right to left), a
// hairline, and its share of the text, centred in the card's text area. It
// checks its own layout after it is drawn and stops the render if a block
// overflowed.
import React, { useRef } from 'react';
import { Easing, interpolate, useCurrentFrame, useVideoConfig } from 'remotion';
import { AnimatedText } from '../text';
import { fontStack } from '../fonts';
import { useOverflowGuard } from '../layout/hooks';
import type { CardMetrics, CardPlacement } from './layout';
import type { CardPage as Page } from './pages';
import type { PageReveal } from './reveal';

const ease = Easing.bezier(0.33, 0, 0.2, 1);

export interface CardInk {
  text: string;
  accent: string;
  /** text-shadow that lifts the ink off the background */
  shadow: string;
}

export interface CardPageProps {
  page: Page;
  pageIndex: number;
  metrics: CardMetrics;
  placement: CardPlacement;
  reveal: PageReveal;
  ink: CardInk;
  /** frames to wait before the words come in (while the previous page transitions out) */
  delayFrames: number;
}

export const CardPage: React.FC<CardPageProps> = ({ page, pageIndex, metrics, placement, reveal, ink, delayFrames }) => {
  const frame = useCurrentFrame() - delayFrames;
  const { fps } = useVideoConfig();
  const arabicRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const areaRef = useRef<HTMLDivElement>(null);
  const where = `page ${pageIndex + 1}`;
  useOverflowGuard([
    { ref: arabicRef, field: 'arabicText', what: `${where} Arabic`, maxHeight: page.arabicLines * metrics.arabic.linePx },
    { ref: textRef, field: 'text', what: `${where} text`, maxHeight: page.lines * metrics.text.linePx },
    { ref: areaRef, field: 'text', what: `${where} text area`, maxHeight: placement.textHeight },
  ]);

  const clamp = { extrapolateLeft: 'clamp', extrapolateRight: 'clamp', easing: ease } as const;
  const textDelay = Math.round(reveal.textDelaySec * fps);
  const dividerIn = interpolate(frame, [textDelay * 0.6, textDelay * 0.6 + 0.9 * fps], [0, 1], clamp);
  const pageIn = reveal.text.type === 'highlight' ? interpolate(frame, [0, 0.6 * fps], [0, 1], clamp) : 1;
  const hairline = (direction: string) => ({
    width: metrics.dividerHeight * 1.5 * dividerIn,
    height: 1.5,
    background: `linear-gradient(${direction}, transparent, ${ink.accent})`,
  });

  return (
    <div
      ref={areaRef}
      style={{
        position: 'absolute',
        left: metrics.region.left + (metrics.region.width - metrics.textWidth) / 2,
        top: placement.textTop,
        width: metrics.textWidth,
        height: placement.textHeight,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        opacity: pageIn,
      }}
    >
      {page.arabic ? (
        <>
          <div
            ref={arabicRef}
            style={{
              width: metrics.textWidth,
              fontFamily: fontStack.arabic,
              fontSize: metrics.arabic.fontSize,
              lineHeight: metrics.arabic.lineHeight,
              textAlign: 'center',
              textWrap: 'balance',
              color: ink.text,
              textShadow: ink.shadow,
            }}
          >
            <AnimatedText text={page.arabic} dir="rtl" lang="ar" animation={reveal.arabic} frame={frame} highlightColor={ink.accent} />
          </div>
          <div
            style={{
              height: metrics.dividerHeight,
              display: 'flex',
              alignItems: 'center',
              gap: metrics.dividerHeight * 0.3,
              opacity: dividerIn * 0.85,
            }}
          >
            <div style={hairline('90deg')} />
            <div style={{ width: 6, height: 6, transform: 'rotate(45deg)', background: ink.accent }} />
            <div style={hairline('270deg')} />
          </div>
        </>
      ) : null}
      <div
        ref={textRef}
        style={{
          width: metrics.textWidth,
          fontFamily: fontStack.serif,
          fontWeight: 500,
          fontSize: metrics.text.fontSize,
          lineHeight: metrics.text.lineHeight,
          textAlign: 'center',
          textWrap: 'balance',
          color: ink.text,
          textShadow: ink.shadow,
        }}
      >
        <AnimatedText
          text={page.words.join(' ')}
          dir="ltr"
          animation={reveal.text}
          frame={frame - textDelay}
          highlightColor={ink.accent}
        />
      </div>
    </div>
  );
};
