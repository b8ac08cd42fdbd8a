// Montage timing: shot lengths from durations or beats, spans that put cuts on the boundaries, and clear errors.
import { describe, expect, it } from 'vitest';
import { checkTransitionFits, MontageTimingError, shotSeconds, shotSpans } from './timing';

describe('shotSeconds', () => {
  it('keeps explicit durations', () => {
    expect(shotSeconds([2, 3.5], null)).toEqual([2, 3.5]);
  });

  it('cuts on the beat grid', () => {
    const beatsSec = [0.1, 0.6, 1.1, 1.6, 2.1, 2.6, 3.1];
    expect(shotSeconds([9, 9, 9], { beatsSec, beatsPerShot: 2 }).map((s) => +s.toFixed(6))).toEqual([1, 1, 1]);
  });

  it('says how many beats are missing', () => {
    expect(() => shotSeconds([1, 1, 1], { beatsSec: [0, 1, 2, 3], beatsPerShot: 2 })).toThrow(
      'cutTiming.beatsSec: 3 shots of 2 beats need 7 beat times; 4 given',
    );
  });

  it('rejects beat times that do not rise, naming the index', () => {
    expect(() => shotSeconds([1], { beatsSec: [0, 2, 1], beatsPerShot: 1 })).toThrow(MontageTimingError);
    expect(() => shotSeconds([1], { beatsSec: [0, 2, 1], beatsPerShot: 1 })).toThrow(/cutTiming\.beatsSec\.2/);
  });
});

describe('shotSpans', () => {
  it('lays shots end to end without overlap for cuts', () => {
    expect(shotSpans([1, 2], 30, 0)).toEqual([
      { from: 0, durationInFrames: 30 },
      { from: 30, durationInFrames: 60 },
    ]);
  });

  it('straddles each boundary with the transition and keeps the total', () => {
    const spans = shotSpans([2, 2, 2], 30, 20);
    expect(spans[1]).toEqual({ from: 50, durationInFrames: 80 });
    // TransitionSeries total = sum of sequences − overlaps
    const total = spans.reduce((s, x) => s + x.durationInFrames, 0) - 20 * 2;
    expect(total).toBe(180);
    // the next shot starts `overlap` frames before the previous one ends
    expect(spans[1]!.from + 20).toBe(spans[0]!.from + spans[0]!.durationInFrames);
  });

  it('refuses transitions longer than a shot', () => {
    expect(() => checkTransitionFits([0.3, 3], 30, 30)).toThrow(/shots\.0\.durationSec: 0\.3 s is shorter than its transitions/);
    expect(() => checkTransitionFits([0.5, 3], 30, 30)).not.toThrow();
  });
});
