// HijriCountdown: the scene's sky with a crescent moon (Ramadan, the Eids,
// the New Year), a large count of days easing down into place, the words
// ("days until Ramadan 1448"), the Hijri and Gregorian dates in a quiet
// line, and an optional reminder, all inside the text-safe region.
import React, { useMemo } from 'react';
import { AbsoluteFill, Easing, interpolate, useCurrentFrame, useVideoConfig } from 'remotion';
import { SCENES } from '../backgrounds/scenes';
import { drawScrim, drawSky } from '../backgrounds/sky';
import { CanvasLayer } from '../effects/CanvasLayer';
import { drawFilmFinish } from '../effects/finish';
import { combineGrades, gradeColor, gradeToMatrix, type ColorMatrix } from '../effects/grade';
import { AnimatedText, TEXT_ANIMATION_PRESETS } from '../text';
import { fontStack, loadFonts } from '../fonts';
import { BackgroundAudio } from '../audio/BackgroundAudio';
import { aspectOfSize } from '../layout/aspects';
import { safeAreaStyle, textSafeInsets } from '../layout/safe-zones';
import { SafeZoneOverlay } from '../layout/SafeZoneOverlay';
import { countdownLabel, formatGregorian, formatHijri, hasCrescent, nextOccurrence } from './hijri';
import type { HijriCountdownProps } from './schema';

// Holds the first frame until the bundled faces are ready (delayRender inside).
void loadFonts();

/** Share of the text-safe height above the text block that the crescent takes. */
const MOON_BAND = 0.3;

/** A lit disc minus an offset disc, with a soft glow around it. */
function drawCrescent(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number, color: string, grade: ColorMatrix, alpha: number): void {
  ctx.save();
  ctx.globalAlpha = alpha;
  const glow = ctx.createRadialGradient(cx, cy, r * 0.6, cx, cy, r * 3.2);
  glow.addColorStop(0, gradeColor(color, grade, 0.28));
  glow.addColorStop(1, gradeColor(color, grade, 0));
  ctx.fillStyle = glow;
  ctx.fillRect(cx - r * 3.2, cy - r * 3.2, r * 6.4, r * 6.4);
  // Draw the crescent on its own layer so the cut-out disc only removes the moon.
  const size = Math.ceil(r * 2.4);
  const layer = new OffscreenCanvas(size * 2, size * 2);
  const lctx = layer.getContext('2d');
  if (lctx) {
    lctx.fillStyle = gradeColor(color, grade);
    lctx.shadowColor = gradeColor(color, grade, 0.9);
    lctx.shadowBlur = r * 0.25;
    lctx.beginPath();
    lctx.arc(size, size, r, 0, Math.PI * 2);
    lctx.fill();
    lctx.shadowBlur = 0;
    lctx.globalCompositeOperation = 'destination-out';
    lctx.beginPath();
    lctx.arc(size + r * 0.42, size - r * 0.22, r * 0.9, 0, Math.PI * 2);
    lctx.fill();
    ctx.drawImage(layer, cx - size, cy - size);
  }
  ctx.restore();
}

export const HijriCountdown: React.FC<HijriCountdownProps> = (props) => {
  const frame = useCurrentFrame();
  const { fps, durationInFrames, width, height } = useVideoConfig();
  const scene = SCENES[props.scene];
  const matrix = useMemo(() => gradeToMatrix(combineGrades(scene.grade, props.gradeAdjust)), [scene, props.gradeAdjust]);
  const occurrence = useMemo(() => nextOccurrence(props.event, props.today), [props.event, props.today]);
  const aspect = aspectOfSize(width, height);
  const insets = textSafeInsets(aspect);
  const unit = Math.min(width, height) / 1080;
  const ink = gradeColor(props.textColor ?? scene.ink.text, matrix);
  const accent = gradeColor(props.accentColor ?? scene.ink.accent, matrix);
  const crescent = hasCrescent(props.event);
  const safeH = 1 - insets.top - insets.bottom;
  const textTop = insets.top + (crescent ? safeH * MOON_BAND : 0);

  const clamp = { extrapolateLeft: 'clamp', extrapolateRight: 'clamp' } as const;
  const ease = Easing.bezier(0.22, 1, 0.36, 1);
  const n = occurrence.daysUntil;
  const shown = Math.round(interpolate(frame, [0, fps], [n + 3, n], { ...clamp, easing: ease }));
  const countIn = interpolate(frame, [0, 0.8 * fps], [0, 1], { ...clamp, easing: ease });
  const datesIn = interpolate(frame, [1.4 * fps, 2.4 * fps], [0, 1], clamp);
  const lineIn = interpolate(frame, [2.4 * fps, 3.4 * fps], [0, 1], clamp);
  const moonIn = interpolate(frame, [0, 1.5 * fps], [0, 1], clamp);
  const fade = interpolate(frame, [0, 0.5 * fps, durationInFrames - 1 - 0.6 * fps, durationInFrames - 1], [1, 0, 0, 1], clamp);

  const label = countdownLabel(props.event, occurrence);
  const dates = `${formatHijri(occurrence.hijri)} \u00b7 ${formatGregorian(occurrence.gregorian)}`;
  const t = frame / fps;

  return (
    <AbsoluteFill style={{ backgroundColor: '#000' }}>
      <CanvasLayer
        draw={(ctx, w, h) => {
          drawSky(ctx, w, h, scene, matrix, props.seed, { t, progress: frame / Math.max(1, durationInFrames - 1) });
          if (crescent) {
            const r = 0.075 * Math.min(w, h);
            const cy = (insets.top + safeH * MOON_BAND * 0.5) * h + Math.sin(t * 0.4) * 0.004 * h;
            // A sky whose glow is high (night) has its moon there; otherwise the crescent is centred above the text.
            const margin = (1.2 * r) / w;
            const x = scene.glow.y < textTop ? Math.min(1 - insets.right - margin, Math.max(insets.left + margin, scene.glow.x)) : 0.5;
            drawCrescent(ctx, x * w, cy, r, scene.glow.color, matrix, moonIn);
          }
          const cy = (textTop + (1 - insets.bottom - textTop) / 2) * h;
          const rx = (1 - insets.left - insets.right) * 0.7 * w;
          drawScrim(ctx, { cx: w / 2, cy, rx, ry: (1 - insets.bottom - textTop) * 0.55 * h }, scene.ink.scrim, matrix);
          drawFilmFinish(ctx, w, h, props, frame, fps);
        }}
      />
      <AbsoluteFill
        style={{
          ...safeAreaStyle(insets, textTop),
          color: ink,
        }}
      >
        {n > 0 ? (
          <div
            style={{
              fontFamily: fontStack.titling,
              fontSize: 250 * unit,
              lineHeight: 1,
              fontVariantNumeric: 'lining-nums tabular-nums',
              opacity: countIn,
              transform: `translateY(${(1 - countIn) * 40 * unit}px)`,
              textShadow: '0 4px 24px rgba(0,0,0,0.35)',
            }}
          >
            {shown}
          </div>
        ) : null}
        <AnimatedText
          text={label}
          dir="ltr"
          animation={TEXT_ANIMATION_PRESETS[props.textAnimation]}
          frame={n > 0 ? Math.max(0, frame - Math.round(0.5 * fps)) : frame}
          style={{
            marginTop: (n > 0 ? 18 : 0) * unit,
            fontFamily: fontStack.titling,
            fontSize: (n > 0 ? 54 : 80) * unit,
            lineHeight: 1.25,
            letterSpacing: '0.05em',
            textWrap: 'balance',
            textShadow: '0 2px 8px rgba(0,0,0,0.4)',
          }}
        />
        <div
          style={{
            marginTop: 30 * unit,
            fontFamily: fontStack.serif,
            fontSize: 34 * unit,
            letterSpacing: '0.04em',
            color: accent,
            opacity: datesIn * 0.9,
          }}
        >
          {dates}
        </div>
        {props.line.trim() ? (
          <div
            style={{
              marginTop: 40 * unit,
              fontFamily: fontStack.serif,
              fontStyle: 'italic',
              fontSize: 40 * unit,
              lineHeight: 1.35,
              textWrap: 'balance',
              opacity: lineIn * 0.95,
              transform: `translateY(${(1 - lineIn) * 12 * unit}px)`,
            }}
          >
            {props.line}
          </div>
        ) : null}
      </AbsoluteFill>
      {fade > 0 ? <AbsoluteFill style={{ backgroundColor: '#000', opacity: fade }} /> : null}
      <BackgroundAudio choice={props.backgroundAudio} noInstrumentalMusic={props.noInstrumentalMusic} mood={props.musicMood} volume={props.musicVolume} duck={null} />
      {props.showSafeZones ? <SafeZoneOverlay aspect={aspect} /> : null}
    </AbsoluteFill>
  );
};

export default HijriCountdown;
