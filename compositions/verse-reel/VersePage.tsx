// One page of a VerseReel: the Arabic (revealed right to left), an ornament,
// the translation and the reference, centred in the platform-safe region.
// It checks its own layout after it is drawn and stops the render with a
// clear error if any block overflowed, so clipped text can never ship.
import React, { useRef } from 'react';
import { Easing, interpolate, useCurrentFrame, useVideoConfig } from 'remotion';
import { AnimatedText, TEXT_ANIMATION_PRESETS, textAnimationEndSec } from '../text';
import { fontStack, type Typography } from '../fonts';
import type { Page } from '../layout/paginate';
import { useOverflowGuard } from '../layout/hooks';
import type { Passage } from '../quran';
import type { VerseReelLayout } from './layout';
import type { VerseReelProps } from './schema';

const ease = Easing.bezier(0.33, 0, 0.2, 1);
const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const toArabicDigits = (n: number) => String(n).replace(/\d/g, (d) => ARABIC_DIGITS[Number(d)]!);

export interface VersePageProps {
  page: Page;
  pageIndex: number;
  passage: Passage;
  translationTypography: Typography;
  layout: VerseReelLayout;
  /** colours already resolved and graded */
  props: { textColor: string; accentColor: string; textAnimation: VerseReelProps['textAnimation'] };
}

export const VersePage: React.FC<VersePageProps> = ({ page, pageIndex, passage, translationTypography, layout, props }) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  const arabicRef = useRef<HTMLDivElement>(null);
  const translationRef = useRef<HTMLDivElement>(null);

  const where = `page ${pageIndex + 1} (ayah ${page.ayah})`;
  useOverflowGuard([
    { ref: arabicRef, field: 'arabicScale', what: `${where} Arabic`, maxHeight: layout.arabic.maxLines * layout.arabic.fontSize * layout.arabic.lineHeight },
    ...(layout.translation
      ? [{ ref: translationRef, field: 'translationScale', what: `${where} translation`, maxHeight: layout.translation.maxLines * layout.translation.fontSize * layout.translation.lineHeight }]
      : []),
  ]);

  // The library's look for the chosen animation, paced to the page: about
  // 1.8 s to bring in all the words however many there are. Highlight keeps
  // its own pace (it walks through words that are already shown), and a
  // typewriter finishes each word before the next begins.
  const base = TEXT_ANIMATION_PRESETS[props.textAnimation];
  const words = page.arabicWords.length;
  const staggerSec =
    base.type !== 'highlight' && base.staggerSec > 0 ? Math.min(base.staggerSec, Math.max(0.1, 1.8 / Math.max(1, words))) : base.staggerSec;
  const animation = { ...base, staggerSec, durationSec: base.type === 'typewriter' ? Math.min(base.durationSec, staggerSec) : base.durationSec };
  const revealEnd = base.type === 'highlight' ? fps : Math.round(textAnimationEndSec(animation, words) * fps);
  const blockIn = interpolate(frame, [0, Math.round(1 * fps)], [0, 1], { extrapolateLeft: 'clamp', extrapolateRight: 'clamp', easing: ease });
  const translationIn = interpolate(frame, [revealEnd * 0.6, revealEnd * 0.6 + 0.9 * fps], [0, 1], {
    extrapolateLeft: 'clamp',
    extrapolateRight: 'clamp',
    easing: ease,
  });

  const arabicStyle: React.CSSProperties = {
    width: layout.arabic.width,
    fontFamily: fontStack.quran,
    fontSize: layout.arabic.fontSize,
    lineHeight: layout.arabic.lineHeight,
    textAlign: 'center',
    textWrap: 'balance',
    color: props.textColor,
    textShadow: '0 1px 3px rgba(0,0,0,0.45)',
  };
  const endOfAyah =
    page.part === page.parts ? (
      <span style={{ color: props.accentColor, opacity: blockIn, whiteSpace: 'nowrap' }}>
        {' '}
        {'\u06DD'}
        {toArabicDigits(page.ayah)}
      </span>
    ) : null;

  const reference = passage.range.from === passage.range.to ? passage.label : `${passage.surah.number}:${page.ayah}`;

  return (
    <div
      style={{
        position: 'absolute',
        left: layout.region.left,
        top: layout.region.top,
        width: layout.region.width,
        height: layout.region.height,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      <div ref={arabicRef} style={arabicStyle}>
        <AnimatedText
          text={page.arabicWords.join(' ')}
          dir="rtl"
          lang="ar"
          animation={animation}
          frame={frame}
          highlightColor={props.accentColor}
          trailing={endOfAyah}
        />
      </div>
      {layout.translation ? (
        <>
          <div
            style={{
              height: layout.dividerHeight,
              display: 'flex',
              alignItems: 'center',
              gap: layout.dividerHeight * 0.35,
              opacity: translationIn * 0.85,
              color: props.accentColor,
            }}
          >
            <div style={{ width: layout.dividerHeight * 1.6 * translationIn, height: 1.5, background: `linear-gradient(90deg, transparent, ${props.accentColor})` }} />
            <span style={{ fontSize: layout.dividerHeight * 0.42, lineHeight: 1 }}>✦</span>
            <div style={{ width: layout.dividerHeight * 1.6 * translationIn, height: 1.5, background: `linear-gradient(270deg, transparent, ${props.accentColor})` }} />
          </div>
          <div
            ref={translationRef}
            lang={passage.translation}
            dir={translationTypography.dir}
            style={{
              width: layout.translation.width,
              fontFamily: translationTypography.fontFamily,
              fontStyle: translationTypography.fontStyle,
              fontWeight: 500,
              fontSize: layout.translation.fontSize,
              lineHeight: layout.translation.lineHeight,
              textAlign: 'center',
              textWrap: 'balance',
              color: props.textColor,
              opacity: translationIn * 0.92,
              transform: `translateY(${(1 - translationIn) * 12}px)`,
              textShadow: '0 1px 3px rgba(0,0,0,0.45)',
            }}
          >
            {page.translation}
          </div>
        </>
      ) : null}
      <div
        style={{
          marginTop: layout.label.height - layout.label.fontSize * 1.6,
          height: layout.label.fontSize * 1.6,
          display: 'flex',
          alignItems: 'center',
          gap: layout.label.fontSize * 0.7,
          fontSize: layout.label.fontSize,
          color: props.accentColor,
          opacity: translationIn * 0.8,
          whiteSpace: 'nowrap',
        }}
      >
        <span style={{ fontFamily: fontStack.arabic, fontSize: layout.label.fontSize * 1.25 }} dir="rtl" lang="ar">
          سورة {passage.surah.nameArabic}
        </span>
        <span style={{ opacity: 0.6 }}>·</span>
        <span style={{ fontFamily: fontStack.titling, letterSpacing: '0.14em' }}>
          {passage.surah.nameTransliterated} {reference}
        </span>
      </div>
    </div>
  );
};
