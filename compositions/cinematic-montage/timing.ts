// CinematicMontage timing: how long each shot lasts, from explicit durations
// or from beat times (every shot spans a whole number of beats), and where
// each shot starts once the transitions overlap them. Pure and Node-safe.

export interface BeatCut {
  /** beat times in seconds, ascending */
  beatsSec: readonly number[];
  /** beats in each shot */
  beatsPerShot: number;
}

export class MontageTimingError extends Error {
  override readonly name = 'MontageTimingError';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** Shot lengths in seconds: as given, or cut on the beat grid. */
export function shotSeconds(durationsSec: readonly number[], beats: BeatCut | null): number[] {
  if (!beats) return [...durationsSec];
  const { beatsSec, beatsPerShot } = beats;
  for (let i = 1; i < beatsSec.length; i++) {
    if (!(beatsSec[i]! > beatsSec[i - 1]!)) {
      throw new MontageTimingError(`cutTiming.beatsSec.${i}`, `beat times must rise (${beatsSec[i - 1]} then ${beatsSec[i]})`);
    }
  }
  const needed = durationsSec.length * beatsPerShot + 1;
  if (beatsSec.length < needed) {
    throw new MontageTimingError(
      'cutTiming.beatsSec',
      `${durationsSec.length} shots of ${beatsPerShot} beats need ${needed} beat times; ${beatsSec.length} given`,
    );
  }
  return durationsSec.map((_, i) => beatsSec[(i + 1) * beatsPerShot]! - beatsSec[i * beatsPerShot]!);
}

export interface ShotSpan {
  from: number;
  durationInFrames: number;
}

/**
 * Frames for each shot as a TransitionSeries lays them out: shot i+1 starts
 * `overlap` frames before shot i ends, so the cuts land on the shot
 * boundaries of `seconds` (on the beat) and the transitions straddle them.
 */
export function shotSpans(seconds: readonly number[], fps: number, overlap: number): ShotSpan[] {
  const spans: ShotSpan[] = [];
  let boundary = 0;
  seconds.forEach((s, i) => {
    const start = Math.round(boundary * fps);
    boundary += s;
    const end = Math.round(boundary * fps);
    const half = Math.floor(overlap / 2);
    const from = i === 0 ? 0 : start - half;
    const to = i === seconds.length - 1 ? end : end + (overlap - half);
    spans.push({ from, durationInFrames: to - from });
  });
  return spans;
}

/** Every shot must be at least as long as the transitions that eat into it, so it is seen on its own. */
export function checkTransitionFits(seconds: readonly number[], fps: number, overlap: number): void {
  seconds.forEach((s, i) => {
    const edges = (i > 0 ? 0.5 : 0) + (i < seconds.length - 1 ? 0.5 : 0);
    if (Math.round(s * fps) < overlap * edges) {
      throw new MontageTimingError(`shots.${i}.durationSec`, `${s} s is shorter than its transitions; lengthen it or shorten transition.durationSec`);
    }
  });
}
