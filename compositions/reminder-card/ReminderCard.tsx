// ReminderCard: a typed hadith, du'a, quote or reminder over a procedural
// cinematic sky, graded, with grain and vignette; a small label says what the
// text is (never Qur'an), the text comes in page by page (the Arabic right to
// left above it when shown), and the narrator and source sit beneath.
import React, { useRef } from 'react';
import { AbsoluteFill, Easing, interpolate, Sequence, useCurrentFrame, useVideoConfig } from 'remotion';
import { TransitionSeries } from '@remotion/transitions';
import { drawScrim, drawSky } from '../backgrounds/sky';
import { CanvasLayer } from '../effects/CanvasLayer';
import { drawFilmFinish } from '../effects/finish';
import { gradeColor, parseColor } from '../effects/grade';
import { BackgroundAudio } from '../audio/BackgroundAudio';
import { SafeZoneOverlay } from '../layout/SafeZoneOverlay';
import { fontStack } from '../fonts';
import { usePrepared, useOverflowGuard } from '../layout/hooks';
import { prepareReminderCard, SOURCE_LETTER_SPACING, type PreparedCard } from './prepare';
import { pageWeights } from './timeline';
import { INTRO_SEC, pageTimings } from '../layout/page-timing';
import { pageReveal } from './reveal';
import { CardPage, type CardInk } from './CardPage';
import type { ReminderCardProps } from './schema';
import { usePageLook } from '../layout/page-look';

const ease = Easing.bezier(0.33, 0, 0.2, 1);
const LABEL_LETTER_SPACING = 0.34;

/** A dark shadow under light ink, a soft light halo under dark ink. */
const shadowFor = (color: string): string => {
  const [r, g, b] = parseColor(color);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5 ? '0 1px 3px rgba(0,0,0,0.45)' : '0 0 12px rgba(255,250,240,0.55)';
};

/** What stays put while the pages change: the kind label above, the narrator and source below. */
const Chrome: React.FC<{ prepared: PreparedCard; ink: CardInk; labelIn: number; attributionIn: number }> = ({ prepared, ink, labelIn, attributionIn }) => {
  const { metrics, placement, content, attribution } = prepared;
  const narratorRef = useRef<HTMLDivElement>(null);
  const sourceRef = useRef<HTMLDivElement>(null);
  useOverflowGuard([
    { ref: narratorRef, field: 'narrator', what: 'narrator line', maxHeight: attribution.narrator * metrics.narrator.linePx },
    { ref: sourceRef, field: 'source', what: 'source line', maxHeight: attribution.source * metrics.source.linePx },
  ]);
  const left = metrics.region.left + (metrics.region.width - metrics.textWidth) / 2;
  const rule = (direction: string) => ({
    width: metrics.label.fontSize * 2.6 * labelIn,
    height: 1.25,
    background: `linear-gradient(${direction}, transparent, ${ink.accent})`,
  });
  return (
    <>
      <div
        style={{
          position: 'absolute',
          left,
          top: placement.labelTop,
          width: metrics.textWidth,
          height: metrics.label.height,
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          gap: metrics.label.fontSize * 0.9,
          color: ink.accent,
          opacity: labelIn * 0.95,
        }}
      >
        <div style={rule('90deg')} />
        <span
          style={{
            fontFamily: fontStack.titling,
            fontSize: metrics.label.fontSize,
            letterSpacing: `${LABEL_LETTER_SPACING}em`,
            marginRight: `-${LABEL_LETTER_SPACING}em`,
            textTransform: 'uppercase',
            whiteSpace: 'nowrap',
            lineHeight: 1,
          }}
        >
          {content.label}
        </span>
        <div style={rule('270deg')} />
      </div>
      {placement.attributionHeight > 0 ? (
        <div
          style={{
            position: 'absolute',
            left,
            top: placement.attributionTop,
            width: metrics.textWidth,
            display: 'flex',
            flexDirection: 'column',
            alignItems: 'center',
            gap: attribution.narrator > 0 && attribution.source > 0 ? metrics.source.fontSize * 0.5 : 0,
            opacity: attributionIn,
            transform: `translateY(${(1 - attributionIn) * 8}px)`,
            textAlign: 'center',
            textWrap: 'balance',
          }}
        >
          {content.narrator ? (
            <div
              ref={narratorRef}
              style={{
                width: '100%',
                fontFamily: fontStack.serif,
                fontStyle: 'italic',
                fontWeight: 500,
                fontSize: metrics.narrator.fontSize,
                lineHeight: metrics.narrator.linePx / metrics.narrator.fontSize,
                color: ink.text,
                opacity: 0.85,
                textShadow: ink.shadow,
              }}
            >
              {content.narrator}
            </div>
          ) : null}
          {content.source ? (
            <div
              ref={sourceRef}
              style={{
                width: '100%',
                fontFamily: fontStack.titling,
                fontSize: metrics.source.fontSize,
                lineHeight: metrics.source.linePx / metrics.source.fontSize,
                letterSpacing: SOURCE_LETTER_SPACING,
                color: ink.accent,
                textShadow: ink.shadow,
              }}
            >
              {content.source}
            </div>
          ) : null}
        </div>
      ) : null}
    </>
  );
};

export const ReminderCard: React.FC<ReminderCardProps> = (props) => {
  const frame = useCurrentFrame();
  const { width, height, fps, durationInFrames } = useVideoConfig();
  const prepared = usePrepared('Preparing card text and layout', () => prepareReminderCard(props, width, height), [props, width, height]);
  const { scene, matrix, transition, overlap } = usePageLook(props.scene, props.gradeAdjust, props.pageTransition, fps);
  const pages = prepared?.pages ?? [];
  const timings = pageTimings(pageWeights(pages, props.pace), fps, durationInFrames);
  const reveals = pages.map((p) => pageReveal(props.textAnimation, p.arabic ? p.arabic.split(' ').length : 0, p.words.length, props.pace));

  const textColor = gradeColor(props.textColor ?? scene.ink.text, matrix);
  const ink: CardInk = { text: textColor, accent: gradeColor(props.accentColor ?? scene.ink.accent, matrix), shadow: shadowFor(textColor) };

  const firstFrom = Math.round(INTRO_SEC * fps);
  const labelIn = interpolate(frame, [Math.round(0.3 * fps), firstFrom + Math.round(0.5 * fps)], [0, 1], {
    extrapolateLeft: 'clamp',
    extrapolateRight: 'clamp',
    easing: ease,
  });
  const attributionStart = firstFrom + Math.round((reveals[0]?.endSec ?? 0) * 0.7 * fps);
  const attributionIn = interpolate(frame, [attributionStart, attributionStart + Math.round(1 * fps)], [0, 1], {
    extrapolateLeft: 'clamp',
    extrapolateRight: 'clamp',
    easing: ease,
  });
  const fade = interpolate(
    frame,
    [0, Math.round(0.9 * fps), durationInFrames - Math.round(1.4 * fps), durationInFrames - 1],
    [1, 0, 0, 1],
    { extrapolateLeft: 'clamp', extrapolateRight: 'clamp' },
  );

  const draw = (ctx: CanvasRenderingContext2D, w: number, h: number) => {
    drawSky(ctx, w, h, scene, matrix, props.seed, { t: frame / fps, progress: frame / Math.max(1, durationInFrames - 1) });
    if (prepared) {
      const { region, textWidth } = prepared.metrics;
      const { labelTop, attributionTop, attributionHeight } = prepared.placement;
      const bottom = attributionHeight > 0 ? attributionTop + attributionHeight : prepared.placement.textTop + prepared.placement.textHeight;
      const k = w / width;
      drawScrim(
        ctx,
        { cx: (region.left + region.width / 2) * k, cy: ((labelTop + bottom) / 2) * k, rx: textWidth * 0.9 * k, ry: (bottom - labelTop) * 0.95 * k },
        scene.ink.scrim,
        matrix,
      );
    }
    drawFilmFinish(ctx, w, h, props, frame, fps);
  };

  return (
    <AbsoluteFill style={{ backgroundColor: '#000' }}>
      <CanvasLayer draw={draw} />
      {prepared ? (
        <>
          <Chrome prepared={prepared} ink={ink} labelIn={labelIn} attributionIn={attributionIn} />
          <Sequence from={firstFrom} layout="none" name="Pages">
            <TransitionSeries>
              {pages.map((page, i) => {
                const last = i === pages.length - 1;
                return (
                  <React.Fragment key={i}>
                    <TransitionSeries.Sequence durationInFrames={timings[i]!.durationInFrames + (last ? 0 : overlap)} name={`Page ${i + 1}`}>
                      <CardPage page={page} pageIndex={i} metrics={prepared.metrics} placement={prepared.placement} reveal={reveals[i]!} ink={ink} delayFrames={i === 0 ? 0 : Math.round(overlap * 0.6)} />
                    </TransitionSeries.Sequence>
                    {!last && transition ? <TransitionSeries.Transition presentation={transition.presentation} timing={transition.timing} /> : null}
                  </React.Fragment>
                );
              })}
            </TransitionSeries>
          </Sequence>
        </>
      ) : null}
      {fade > 0 ? <AbsoluteFill style={{ backgroundColor: '#000', opacity: fade }} /> : null}
      <BackgroundAudio choice={props.backgroundAudio} noInstrumentalMusic={props.noInstrumentalMusic} mood={props.musicMood} volume={props.musicVolume} duck={null} />
      {props.showSafeZones && prepared ? <SafeZoneOverlay aspect={prepared.metrics.aspect} /> : null}
    </AbsoluteFill>
  );
};

export default ReminderCard;
