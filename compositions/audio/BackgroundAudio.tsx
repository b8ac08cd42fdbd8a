// The bed under a template: the chosen (or automatic) track from the audio
// library, looped, faded in and out, ducked smoothly while a recitation plays. When the
// project says "no instrumental music" only non-instrumental ambience plays.
import React from 'react';
import { Audio, useVideoConfig } from 'remotion';
import { bedGain } from './envelope';
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
  /** frames during which a voice (recitation) plays: the bed sits far below it */
  duck: { from: number; to: number } | null;
}

export const DUCKED_GAIN = 0.22;

export const BackgroundAudio: React.FC<BackgroundAudioProps> = ({ choice, noInstrumentalMusic, mood, volume, duck }) => {
  const { fps, durationInFrames } = useVideoConfig();
  const track = selectBackgroundTrack(choice, noInstrumentalMusic, mood);
  if (!track || volume <= 0) return null;
  const envelope = {
    durationInFrames,
    fadeInFrames: Math.round(2 * fps),
    fadeOutFrames: Math.round(2.5 * fps),
    duck,
    duckGain: DUCKED_GAIN,
    rampFrames: Math.round(0.6 * fps),
  };
  return (
    <Audio
      src={trackSrc(track.id)}
      loop
      volume={(f) => volume * bedGain(f, envelope)}
    />
  );
};
