// VerseReel props schema: the defaults, reference/grain/scene validation with issue paths, and the guard that no prop accepts Qur'anic text.
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { SCENE_IDS } from '../backgrounds/scenes';
import { TRANSLATION_IDS } from '../quran';
import { verseReelDefaults, verseReelSchema } from './schema';

const withProps = (over: Record<string, unknown>) => ({ ...verseReelDefaults, ...over });
const issuesOf = (input: unknown) => {
  const result = verseReelSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues;
};

describe('verseReelSchema', () => {
  it('parses the defaults unchanged', () => {
    const result = verseReelSchema.safeParse(verseReelDefaults);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(verseReelDefaults);
  });

  it('uses a real scene and translation in the defaults', () => {
    expect(SCENE_IDS).toContain(verseReelDefaults.scene);
    expect(TRANSLATION_IDS).toContain(verseReelDefaults.translation);
  });

  it('accepts the reference forms it documents', () => {
    for (const reference of ['2:255', '94:5-6', 'Al-Baqarah 255', '114:6', '1:1-7']) {
      expect(verseReelSchema.safeParse(withProps({ reference })).success, reference).toBe(true);
    }
  });

  it('rejects 2:300 at ["reference"], saying how many ayahs Al-Baqarah has', () => {
    const issues = issuesOf(withProps({ reference: '2:300' }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toEqual(['reference']);
    expect(issues[0]!.message).toContain('Al-Baqarah (surah 2) has 286 ayahs');
    expect(issues[0]!.message).toContain('300');
  });

  it('rejects a missing surah and junk references at ["reference"]', () => {
    for (const reference of ['115:1', 'hello', '', '2:0']) {
      const issues = issuesOf(withProps({ reference }));
      expect(issues.map((i) => i.path), reference).toEqual([['reference']]);
    }
  });

  it('rejects grain 2 at ["grain"]', () => {
    const issues = issuesOf(withProps({ grain: 2 }));
    expect(issues.map((i) => i.path)).toEqual([['grain']]);
  });

  it('rejects a grain that is off the 0.05 step', () => {
    expect(issuesOf(withProps({ grain: 0.33 })).map((i) => i.path)).toEqual([['grain']]);
  });

  it('rejects an unknown scene at ["scene"]', () => {
    const issues = issuesOf(withProps({ scene: 'volcano' }));
    expect(issues.map((i) => i.path)).toEqual([['scene']]);
  });

  it('reports a nested grade problem with its full path', () => {
    const issues = issuesOf(withProps({ gradeAdjust: { ...verseReelDefaults.gradeAdjust, tint: 3 } }));
    expect(issues.map((i) => i.path)).toEqual([['gradeAdjust', 'tint']]);
  });

  it('reports every bad prop at once', () => {
    const issues = issuesOf(withProps({ grain: 2, scene: 'volcano', reference: '2:300', seed: -1 }));
    expect(issues.map((i) => i.path.join('.')).sort()).toEqual(['grain', 'reference', 'scene', 'seed']);
  });

  it('rejects a colour that is not a colour', () => {
    expect(issuesOf(withProps({ textColor: 'not-a-colour' })).map((i) => i.path)).toEqual([['textColor']]);
  });
});

describe('no prop accepts Qur\'anic text', () => {
  const keys = Object.keys(verseReelSchema.shape);
  const normalise = (k: string) => k.toLowerCase().replace(/[^a-z]/g, '');
  const FORBIDDEN = [
    'text', 'arabic', 'arabictext', 'verse', 'verses', 'versetext', 'ayah', 'ayahs', 'ayahtext', 'ayat', 'aya', 'quran', 'qurantext',
    'content', 'body', 'words', 'lines', 'uthmani', 'script', 'passage', 'passagetext', 'surahtext', 'caption', 'customtext',
  ];

  it('has no key named like the verse text', () => {
    for (const key of keys) {
      expect(FORBIDDEN, key).not.toContain(normalise(key));
      expect(key, key).not.toMatch(/(arabic|verse|ayah|aya|quran|uthmani|surah|passage).*text|text.*(arabic|verse|ayah|quran)/i);
    }
  });

  it('takes free strings only for the reference, the recitation file and the two colours', () => {
    // Any new free-text prop must be reviewed against "the Arabic comes from the reference only".
    const innerType = (type: z.ZodType): string => {
      const def = type._zod.def as { type: string; innerType?: z.ZodType };
      return def.type === 'nullable' || def.type === 'optional' ? innerType(def.innerType!) : def.type;
    };
    const freeStrings = keys.filter((k) => innerType(verseReelSchema.shape[k as keyof typeof verseReelSchema.shape]) === 'string');
    expect(freeStrings.sort()).toEqual(['accentColor', 'recitation', 'reference', 'textColor']);
  });

  it('does not accept Arabic text as the reference', () => {
    const issues = issuesOf(withProps({ reference: 'ٱللَّهُ لَآ إِلَٰهَ إِلَّا هُوَ ٱلۡحَيُّ ٱلۡقَيُّومُۚ' }));
    expect(issues.map((i) => i.path)).toEqual([['reference']]);
  });

  it('strips an extra `arabic` key (and friends) instead of passing it through', () => {
    const result = verseReelSchema.safeParse(withProps({ arabic: 'بِسۡمِ ٱللَّهِ', text: 'x', verseText: 'y' }));
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty('arabic');
    expect(result.data).not.toHaveProperty('text');
    expect(result.data).not.toHaveProperty('verseText');
    expect(result.data).toEqual(verseReelDefaults);
  });
});
