// VerseReel: a Qur'an verse over a procedural cinematic sky, graded, with
// grain and vignette, the Arabic revealed word by word with its translation
// and reference, and ambience or music under an optional recitation.
// The text comes only from the bundled canonical data via props.reference.
import React from 'react';
import { AbsoluteFill, interpolate, Sequence, useCurrentFrame, useVideoConfig, Audio } from 'remotion';
import { drawScrim, drawSky } from '../backgrounds/sky';
import { drawGeometricPattern, geometricPatternDefaults } from '../backgrounds/geometric';
import { cloudsDefaults, drawClouds } from '../backgrounds/clouds';
import { bokehDefaults, drawBokeh } from '../backgrounds/bokeh';
import { CanvasLayer } from '../effects/CanvasLayer';
import { drawFilmFinish } from '../effects/finish';
import { gradeColor } from '../effects/grade';
import { BackgroundAudio } from '../audio/BackgroundAudio';
import { SafeZoneOverlay } from '../layout/SafeZoneOverlay';
import { mediaSrc } from './media';
import { prepareVerseReel } from './prepare';
import { usePrepared } from '../layout/hooks';
import { pageWeights } from './timeline';
import { INTRO_SEC, OUTRO_SEC, pageTimings } from '../layout/page-timing';
import { VersePage } from './VersePage';
import { TransitionSeries } from '@remotion/transitions';
import type { VerseReelProps } from './schema';
import { usePageLook } from '../layout/page-look';

export const VerseReel: React.FC<VerseReelProps> = (props) => {
  const frame = useCurrentFrame();
  const { width, height, fps, durationInFrames } = useVideoConfig();
  const prepared = usePrepared('Preparing verse text and layout', () => prepareVerseReel(props, width, height), [props, width, height]);
  const { scene, matrix, transition, overlap } = usePageLook(props.scene, props.gradeAdjust, props.pageTransition, fps);
  const timings = prepared
    ? pageTimings(pageWeights(prepared.pages, props.pace, props.recitation !== ''), fps, durationInFrames)
    : [];
  const fade = interpolate(
    frame,
    [0, Math.round(0.9 * fps), durationInFrames - Math.round(1.4 * fps), durationInFrames - 1],
    [1, 0, 0, 1],
    { extrapolateLeft: 'clamp', extrapolateRight: 'clamp' },
  );
  const textColors = {
    textColor: gradeColor(props.textColor ?? scene.ink.text, matrix),
    accentColor: gradeColor(props.accentColor ?? scene.ink.accent, matrix),
    textAnimation: props.textAnimation,
  };

  const draw = (ctx: CanvasRenderingContext2D, w: number, h: number) => {
    const t = frame / fps;
    drawSky(ctx, w, h, scene, matrix, props.seed, { t, progress: frame / Math.max(1, durationInFrames - 1) }, () => {
      if (props.atmosphere === 'clouds') drawClouds(ctx, w, h, { ...cloudsDefaults, color: scene.glow.color }, matrix, props.seed, t);
      if (props.atmosphere === 'bokeh') drawBokeh(ctx, w, h, bokehDefaults, matrix, props.seed, t);
      if (props.pattern !== 'none') {
        const pattern = { ...geometricPatternDefaults, kind: props.pattern, opacity: props.patternOpacity, color: scene.ink.accent };
        drawGeometricPattern(ctx, w, h, pattern, matrix, t);
      }
    });
    if (prepared) {
      const { region } = prepared.layout;
      const k = w / width;
      drawScrim(ctx, { cx: (region.left + region.width / 2) * k, cy: (region.top + region.height / 2) * k, rx: region.width * 0.75 * k, ry: region.height * 0.5 * k }, scene.ink.scrim, matrix);
    }
    drawFilmFinish(ctx, w, h, props, frame, fps);
  };

  return (
    <AbsoluteFill style={{ backgroundColor: '#000' }}>
      <CanvasLayer draw={draw} />
      {prepared ? (
        <Sequence from={timings[0]?.from ?? 0} layout="none" name="Pages">
          <TransitionSeries>
            {prepared.pages.map((page, i) => {
              const last = i === prepared.pages.length - 1;
              return (
                <React.Fragment key={i}>
                  <TransitionSeries.Sequence durationInFrames={timings[i]!.durationInFrames + (last ? 0 : overlap)} name={`Page ${i + 1} · ayah ${page.ayah}`}>
                    <VersePage
                      page={page}
                      pageIndex={i}
                      passage={prepared.passage}
                      translationTypography={prepared.translationTypography}
                      layout={prepared.layout}
                      props={textColors}
                    />
                  </TransitionSeries.Sequence>
                  {!last && transition ? <TransitionSeries.Transition presentation={transition.presentation} timing={transition.timing} /> : null}
                </React.Fragment>
              );
            })}
          </TransitionSeries>
        </Sequence>
      ) : null}
      {fade > 0 ? <AbsoluteFill style={{ backgroundColor: '#000', opacity: fade }} /> : null}
      <BackgroundAudio
        choice={props.backgroundAudio}
        noInstrumentalMusic={props.noInstrumentalMusic}
        mood={props.musicMood}
        volume={props.musicVolume}
        duck={props.recitation ? { from: Math.round(INTRO_SEC * fps), to: durationInFrames - Math.round(OUTRO_SEC * fps) } : null}
      />
      {props.recitation ? (
        <Sequence from={Math.round(INTRO_SEC * fps)} layout="none" name="Recitation">
          <Audio src={mediaSrc(props.recitation)} />
        </Sequence>
      ) : null}
      {props.showSafeZones && prepared ? <SafeZoneOverlay aspect={prepared.layout.aspect} /> : null}
    </AbsoluteFill>
  );
};

export default VerseReel;
