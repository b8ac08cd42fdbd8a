// One shot of a montage: a procedural scene (canvas), or an image under a
// Ken Burns move, or a video clip, the media graded with the montage's
// colour matrix. Frame-driven through its <TransitionSeries.Sequence>.
import React from 'react';
import { OffthreadVideo, useCurrentFrame, useVideoConfig } from 'remotion';
import { SCENES } from '../backgrounds/scenes';
import { drawSky } from '../backgrounds/sky';
import { CanvasLayer } from '../effects/CanvasLayer';
import { ColorGrade } from '../effects/ColorGrade';
import { KenBurns } from '../effects/KenBurns';
import { kenBurnsDefaults, type KenBurnsParams } from '../effects/ken-burns';
import type { ColorMatrix } from '../effects/grade';
import { mediaSrc } from '../verse-reel/media';
import type { Shot as ShotSpec } from './schema';

const MOTIONS: Record<'push-in' | 'pull-out' | 'pan-left' | 'pan-right' | 'still', Partial<KenBurnsParams>> = {
  'push-in': { zoomFrom: 1, zoomTo: 1.15, panFrom: { x: 0, y: 0 }, panTo: { x: 0, y: 0 } },
  'pull-out': { zoomFrom: 1.15, zoomTo: 1, panFrom: { x: 0, y: 0 }, panTo: { x: 0, y: 0 } },
  'pan-left': { zoomFrom: 1.12, zoomTo: 1.12, panFrom: { x: 0.8, y: 0 }, panTo: { x: -0.8, y: 0 } },
  'pan-right': { zoomFrom: 1.12, zoomTo: 1.12, panFrom: { x: -0.8, y: 0 }, panTo: { x: 0.8, y: 0 } },
  still: { zoomFrom: 1, zoomTo: 1, panFrom: { x: 0, y: 0 }, panTo: { x: 0, y: 0 } },
};

export const Shot: React.FC<{ shot: ShotSpec; matrix: ColorMatrix; seed: number; durationInFrames: number }> = ({
  shot,
  matrix,
  seed,
  durationInFrames,
}) => {
  const frame = useCurrentFrame();
  const { fps } = useVideoConfig();
  switch (shot.kind) {
    case 'scene':
      return (
        <CanvasLayer
          draw={(ctx, w, h) =>
            drawSky(ctx, w, h, SCENES[shot.scene], matrix, seed, { t: frame / fps, progress: frame / Math.max(1, durationInFrames - 1) })
          }
        />
      );
    case 'image':
      return (
        <ColorGrade matrix={matrix}>
          <KenBurns src={mediaSrc(shot.src)} {...kenBurnsDefaults} {...MOTIONS[shot.motion]} fit={shot.fit} />
        </ColorGrade>
      );
    case 'video':
      return (
        <ColorGrade matrix={matrix}>
          <OffthreadVideo
            src={mediaSrc(shot.src)}
            muted
            trimBefore={Math.round(shot.startSec * fps)}
            style={{ width: '100%', height: '100%', objectFit: shot.fit, backgroundColor: '#000' }}
          />
        </ColorGrade>
      );
  }
};
