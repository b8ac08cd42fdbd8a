// bedGain: fades at both ends, ducks smoothly under a voice and recovers after it.
import { describe, expect, it } from 'vitest';
import { bedGain, type BedEnvelope } from './envelope';

const base: BedEnvelope = { durationInFrames: 300, fadeInFrames: 60, fadeOutFrames: 75, duck: null, duckGain: 0.2, rampFrames: 15 };

describe('bedGain', () => {
  it('fades in from silence and out to silence', () => {
    expect(bedGain(0, base)).toBe(0);
    expect(bedGain(30, base)).toBeCloseTo(0.5, 5);
    expect(bedGain(150, base)).toBe(1);
    expect(bedGain(299, base)).toBe(0);
  });

  it('ducks to duckGain while the voice plays and comes back after it', () => {
    const e = { ...base, duck: { from: 100, to: 200 } };
    expect(bedGain(80, e)).toBe(1);
    expect(bedGain(92, e)).toBeGreaterThan(0.2);
    expect(bedGain(92, e)).toBeLessThan(1);
    expect(bedGain(100, e)).toBeCloseTo(0.2, 5);
    expect(bedGain(150, e)).toBeCloseTo(0.2, 5);
    expect(bedGain(215, e)).toBe(1);
  });

  it('shortens the fades of a video shorter than them', () => {
    const short = { ...base, durationInFrames: 60 };
    expect(bedGain(0, short)).toBe(0);
    expect(bedGain(30, short)).toBe(1);
    expect(bedGain(59, short)).toBe(0);
  });

  it('never rises while ramping down into the duck', () => {
    const e = { ...base, duck: { from: 100, to: 200 } };
    for (let f = 85; f < 100; f++) expect(bedGain(f + 1, e)).toBeLessThanOrEqual(bedGain(f, e));
  });
});
