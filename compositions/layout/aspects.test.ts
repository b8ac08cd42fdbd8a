// Aspect variants (aspectOfSize, parseAspect, aspectOfCompositionId) and the text-safe insets built from the platform safe zones.
import { describe, expect, it } from 'vitest';
import { ASPECT_IDS, ASPECTS, aspectOfCompositionId, aspectOfSize, parseAspect, type AspectId } from './aspects';
import { PLATFORM_SAFE_ZONES, textSafeInsets, type Insets } from './safe-zones';

const SIDES: Array<keyof Insets> = ['top', 'right', 'bottom', 'left'];

describe('aspectOfSize', () => {
  it('recognises each aspect\'s own frame size', () => {
    expect(aspectOfSize(1080, 1920)).toBe('9:16');
    expect(aspectOfSize(1080, 1080)).toBe('1:1');
    expect(aspectOfSize(1080, 1350)).toBe('4:5');
    expect(aspectOfSize(1920, 1080)).toBe('16:9');
  });

  it('matches every entry of ASPECTS to itself', () => {
    for (const id of ASPECT_IDS) expect(aspectOfSize(ASPECTS[id].width, ASPECTS[id].height)).toBe(id);
  });

  it('picks the nearest ratio for scaled and off-size frames', () => {
    expect(aspectOfSize(720, 1280)).toBe('9:16');
    expect(aspectOfSize(540, 960)).toBe('9:16');
    expect(aspectOfSize(3840, 2160)).toBe('16:9');
    expect(aspectOfSize(500, 500)).toBe('1:1');
    expect(aspectOfSize(800, 1000)).toBe('4:5');
    expect(aspectOfSize(1000, 1080)).toBe('1:1');
  });

  it('lists exactly the four aspects with their frame sizes', () => {
    expect(ASPECT_IDS).toEqual(['9:16', '1:1', '4:5', '16:9']);
    expect(ASPECT_IDS.map((id) => [ASPECTS[id].width, ASPECTS[id].height, ASPECTS[id].slug])).toEqual([
      [1080, 1920, '9x16'],
      [1080, 1080, '1x1'],
      [1080, 1350, '4x5'],
      [1920, 1080, '16x9'],
    ]);
  });
});

describe('parseAspect', () => {
  it('accepts the id and the slug of each aspect', () => {
    expect(parseAspect('9:16')).toBe('9:16');
    expect(parseAspect('9x16')).toBe('9:16');
    expect(parseAspect('1x1')).toBe('1:1');
    expect(parseAspect('4:5')).toBe('4:5');
    expect(parseAspect('16x9')).toBe('16:9');
  });

  it('rejects an aspect that is not rendered, naming `aspect` and the valid ones', () => {
    expect(() => parseAspect('3:2')).toThrow(RangeError);
    expect(() => parseAspect('3:2')).toThrow(/^aspect: "3:2" is not one of 9:16, 1:1, 4:5, 16:9$/);
  });

  it('does not accept near misses', () => {
    for (const bad of ['16:9 ', '9/16', '9X16', '', '916']) expect(() => parseAspect(bad), bad).toThrow(/^aspect: /);
  });
});

describe('aspectOfCompositionId', () => {
  it('reads the aspect slug at the end of the id', () => {
    expect(aspectOfCompositionId('VerseReel-16x9')).toBe('16:9');
    expect(aspectOfCompositionId('VerseReel-9x16')).toBe('9:16');
    expect(aspectOfCompositionId('Some-Other-Template-4x5')).toBe('4:5');
  });

  it('throws naming the id and the valid slugs when there is no aspect', () => {
    expect(() => aspectOfCompositionId('VerseReel')).toThrow(RangeError);
    expect(() => aspectOfCompositionId('VerseReel-3x2')).toThrow('Composition "VerseReel-3x2" does not end in an aspect (9x16, 1x1, 4x5, 16x9)');
    expect(() => aspectOfCompositionId('VerseReel-16:9')).toThrow(/VerseReel-16:9/);
  });
});

describe('textSafeInsets', () => {
  it('is at least as strict as every 9:16 platform zone on each side', () => {
    const zones = Object.values(PLATFORM_SAFE_ZONES).filter((z) => z.aspect === '9:16');
    expect(zones.length).toBeGreaterThanOrEqual(3);
    const insets = textSafeInsets('9:16');
    for (const zone of zones) {
      for (const side of SIDES) expect(insets[side], side).toBeGreaterThanOrEqual(zone.insets[side]);
    }
  });

  it('is the union of the Reels, TikTok and Shorts zones for 9:16, symmetric left/right', () => {
    // top: Reels 14%; bottom: Reels 35%; sides: the widest of any side, Shorts' 12% right rail.
    expect(textSafeInsets('9:16')).toEqual({ top: 0.14, right: 0.12, bottom: 0.35, left: 0.12 });
  });

  for (const aspect of ASPECT_IDS) {
    it(`is symmetric, covers its platforms and leaves room for text in ${aspect}`, () => {
      const insets = textSafeInsets(aspect as AspectId);
      expect(insets.left).toBe(insets.right);
      for (const zone of Object.values(PLATFORM_SAFE_ZONES).filter((z) => z.aspect === aspect)) {
        for (const side of SIDES) expect(insets[side]).toBeGreaterThanOrEqual(zone.insets[side]);
      }
      for (const side of SIDES) expect(insets[side]).toBeGreaterThanOrEqual(0.05);
      expect(insets.top + insets.bottom).toBeLessThan(0.6);
      expect(insets.left + insets.right).toBeLessThan(0.5);
    });
  }
});
