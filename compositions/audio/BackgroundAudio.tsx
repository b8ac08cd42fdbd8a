// The bed under a template: the chosen (or automatic) track from the audio
// library, looped, faded in and out, lowered under a recitation. When the
// project says "no instrumental music" only non-instrumental ambience plays.
import React from 'react';
import { Audio, interpolate, useVideoConfig } from 'remotion';
import { selectBackgroundTrack } from './select';
import { trackSrc } from './tracks';
import type { TrackMood } from './catalog';

export interface BackgroundAudioProps {
  /** "auto", "none" or a track id */
  choice: string;
  noInstrumentalMusic: boolean;
  /** what "auto" looks for */
  mood: TrackMood;
  volume: number;
  /** a voice (recitation) is playing: sit far below it */
  ducked: boolean;
}

export const DUCKED_GAIN = 0.22;

export const BackgroundAudio: React.FC<BackgroundAudioProps> = ({ choice, noInstrumentalMusic, mood, volume, ducked }) => {
  const { fps, durationInFrames } = useVideoConfig();
  const track = selectBackgroundTrack(choice, noInstrumentalMusic, mood);
  if (!track || volume <= 0) return null;
  const gain = volume * (ducked ? DUCKED_GAIN : 1);
  const fadeIn = Math.round(2 * fps);
  const fadeOut = Math.round(2.5 * fps);
  return (
    <Audio
      src={trackSrc(track.id)}
      loop
      volume={(f) =>
        gain *
        interpolate(f, [0, fadeIn, durationInFrames - fadeOut, durationInFrames - 1], [0, 1, 1, 0], {
          extrapolateLeft: 'clamp',
          extrapolateRight: 'clamp',
        })
      }
    />
  );
};
