// CinematicMontage: shots (procedural scenes, images with a Ken Burns move,
// video clips) cut by durations or on the beat and joined by a transition,
// a title over the opening, an end card, one grade over everything, grain,
// vignette, optional letterbox, and the sound bed.
import React, { useMemo } from 'react';
import { AbsoluteFill, interpolate, Sequence, useCurrentFrame, useVideoConfig } from 'remotion';
import { TransitionSeries } from '@remotion/transitions';
import { SCENES } from '../backgrounds/scenes';
import { CanvasLayer } from '../effects/CanvasLayer';
import { drawFilmFinish } from '../effects/finish';
import { SplitTone } from '../effects/SplitTone';
import { drawLightLeak, lightLeakDefaults } from '../effects/light-leak';
import { combineGrades, gradeColor, gradeToMatrix } from '../effects/grade';
import { Letterbox } from '../effects/Letterbox';
import { AnimatedText, TEXT_ANIMATION_PRESETS } from '../text';
import { fontStack, loadFonts } from '../fonts';
import { makeTransition } from '../transitions';
import { BackgroundAudio } from '../audio/BackgroundAudio';
import { aspectOfSize } from '../layout/aspects';
import { safeAreaStyle, textSafeInsets } from '../layout/safe-zones';
import { SafeZoneOverlay } from '../layout/SafeZoneOverlay';
import { montagePlan } from './plan';
import { Shot } from './Shot';
import type { CinematicMontageProps } from './schema';

// Holds the first frame until the bundled faces are ready (delayRender inside).
void loadFonts();

const isArabic = (text: string) => /[\u0600-\u06FF]/.test(text);

const Card: React.FC<{ text: string; subtitle: string; color: string; props: CinematicMontageProps; outFrame: number | null }> = ({
  text,
  subtitle,
  color,
  props,
  outFrame,
}) => {
  const frame = useCurrentFrame();
  const { width, height, fps } = useVideoConfig();
  const insets = textSafeInsets(aspectOfSize(width, height));
  const unit = Math.min(width, height) / 1080;
  const fadeOut = outFrame === null ? 1 : interpolate(frame, [outFrame - 0.6 * fps, outFrame], [1, 0], { extrapolateLeft: 'clamp', extrapolateRight: 'clamp' });
  const subtitleIn = interpolate(frame, [0.8 * fps, 1.8 * fps], [0, 1], { extrapolateLeft: 'clamp', extrapolateRight: 'clamp' });
  return (
    <AbsoluteFill
      style={{
        ...safeAreaStyle(insets),
        opacity: fadeOut,
        background: `radial-gradient(ellipse 60% 35% at 50% 50%, rgba(0,0,0,0.35), rgba(0,0,0,0))`,
      }}
    >
      <AnimatedText
        text={text}
        dir={isArabic(text) ? 'rtl' : 'ltr'}
        animation={TEXT_ANIMATION_PRESETS[props.textAnimation]}
        frame={frame}
        style={{
          fontFamily: isArabic(text) ? fontStack.arabic : fontStack.titling,
          fontSize: 74 * unit,
          lineHeight: 1.3,
          letterSpacing: isArabic(text) ? undefined : '0.06em',
          color,
          textWrap: 'balance',
          textShadow: '0 2px 8px rgba(0,0,0,0.4)',
        }}
      />
      {subtitle ? (
        <div style={{ marginTop: 28 * unit, fontFamily: fontStack.serif, fontStyle: 'italic', fontSize: 40 * unit, color, opacity: subtitleIn * 0.9, textWrap: 'balance' }}>
          {subtitle}
        </div>
      ) : null}
    </AbsoluteFill>
  );
};

export const CinematicMontage: React.FC<CinematicMontageProps> = (props) => {
  const frame = useCurrentFrame();
  const { fps, durationInFrames, width, height } = useVideoConfig();
  const scene = SCENES[props.scene];
  const matrix = useMemo(() => gradeToMatrix(combineGrades({ exposure: 0, contrast: 0, saturation: 0, temperature: 0, tint: 0 }, props.gradeAdjust)), [props.gradeAdjust]);
  const plan = montagePlan(props, fps);
  const transition = makeTransition(props.transition, fps);
  const ink = gradeColor(props.textColor ?? scene.ink.text, matrix);
  const edge = Math.min(0.6 * fps, (durationInFrames - 1) / 3);
  const fade = interpolate(frame, [0, edge, durationInFrames - 1 - edge, durationInFrames - 1], [1, 0, 0, 1], {
    extrapolateLeft: 'clamp',
    extrapolateRight: 'clamp',
  });

  return (
    <AbsoluteFill style={{ backgroundColor: '#000' }}>
      <TransitionSeries>
        {plan.sequences.map((sequence, i) => (
          <React.Fragment key={i}>
            <TransitionSeries.Sequence durationInFrames={sequence.durationInFrames} name={sequence.name}>
              <Shot shot={sequence.shot} matrix={matrix} seed={props.seed + i} durationInFrames={sequence.durationInFrames} />
              {sequence.isEndCard && props.endCard ? <Card text={props.endCard} subtitle="" color={ink} props={props} outFrame={null} /> : null}
            </TransitionSeries.Sequence>
            {i < plan.sequences.length - 1 && transition ? (
              <TransitionSeries.Transition presentation={transition.presentation} timing={transition.timing} />
            ) : null}
          </React.Fragment>
        ))}
      </TransitionSeries>
      <SplitTone params={props.splitTone} />
      {props.title ? (
        <Sequence durationInFrames={plan.titleFrames} layout="none" name="Title">
          <Card text={props.title} subtitle={props.subtitle} color={ink} props={props} outFrame={plan.titleFrames} />
        </Sequence>
      ) : null}
      <CanvasLayer
        draw={(ctx, w, h) => {
          if (props.lightLeak > 0) drawLightLeak(ctx, w, h, { ...lightLeakDefaults, intensity: props.lightLeak }, matrix, props.seed, frame / fps);
          drawFilmFinish(ctx, w, h, props, frame, fps, { overlay: true });
        }}
      />
      {props.letterbox ? <Letterbox ratio={props.letterbox} color="#000000" animateInSec={0} /> : null}
      {fade > 0 ? <AbsoluteFill style={{ backgroundColor: '#000', opacity: fade }} /> : null}
      <BackgroundAudio choice={props.backgroundAudio} noInstrumentalMusic={props.noInstrumentalMusic} mood={props.musicMood} volume={props.musicVolume} duck={null} />
      {props.showSafeZones ? <SafeZoneOverlay aspect={aspectOfSize(width, height)} /> : null}
    </AbsoluteFill>
  );
};

export default CinematicMontage;
