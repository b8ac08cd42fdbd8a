// The montage's sequence plan from its props: each shot's frames (from
// durations or beats, with the transitions straddling the cuts), the end
// card as a last scene shot, and how long the title stays. Pure and
// Node-safe; calculateMetadata and the component share it.
import { transitionFrames } from '../transitions/spec';
import { checkTransitionFits, shotSeconds, shotSpans } from './timing';
import type { CinematicMontageProps, Shot } from './schema';

export interface PlannedSequence {
  shot: Shot;
  durationInFrames: number;
  name: string;
  isEndCard: boolean;
}

export interface MontagePlan {
  sequences: PlannedSequence[];
  totalFrames: number;
  titleFrames: number;
}

export function montagePlan(props: CinematicMontageProps, fps: number): MontagePlan {
  const beats = props.cutTiming.mode === 'beats' ? props.cutTiming : null;
  const seconds = shotSeconds(
    props.shots.map((s) => s.durationSec),
    beats,
  );
  const shots: Shot[] = [...props.shots];
  if (props.endCard && props.endCardSec > 0) {
    shots.push({ kind: 'scene', scene: props.scene, durationSec: props.endCardSec });
    seconds.push(props.endCardSec);
  }
  const overlap = transitionFrames(props.transition, fps);
  checkTransitionFits(seconds, fps, overlap);
  const spans = shotSpans(seconds, fps, overlap);
  const sequences = spans.map((span, i) => ({
    shot: shots[i]!,
    durationInFrames: span.durationInFrames,
    name: i === props.shots.length ? 'End card' : `Shot ${i + 1} · ${shots[i]!.kind}`,
    isEndCard: i === props.shots.length,
  }));
  const totalFrames = Math.round(seconds.reduce((a, b) => a + b, 0) * fps);
  return { sequences, totalFrames, titleFrames: Math.min(totalFrames, Math.round(props.titleSec * fps)) };
}
