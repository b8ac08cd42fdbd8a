// ReminderCard props schema: the defaults, errors that name the field and the
// limit, the guard that keeps typed Qur'an off the card (marks, sources that
// name a verse, whole ayahs of the bundled text), and what the card shows.
import { describe, expect, it } from 'vitest';
import quranEn from 'quran-json/dist/quran_en.json';
import { SCENE_IDS } from '../backgrounds/scenes';
import { PRESETS } from '../presets';
import { reminderCard } from '.';
import { CARD_KINDS, KIND_LABELS, reminderCardDefaults, reminderCardSchema, TEXT_MAX } from './schema';
import { arabicSkeleton, buildAyahIndex, quranicMarkProblem, quranSourceProblem, typedAyahProblem } from '../quran/typed-text';
import { displayText } from './content';

const withProps = (over: Record<string, unknown>) => ({ ...reminderCardDefaults, ...over });
const issuesOf = (input: unknown) => {
  const result = reminderCardSchema.safeParse(input);
  expect(result.success).toBe(false);
  return result.error!.issues;
};
const pathsOf = (input: unknown) => issuesOf(input).map((i) => i.path.join('.'));

describe('reminderCardSchema', () => {
  it('parses the defaults unchanged', () => {
    const result = reminderCardSchema.safeParse(reminderCardDefaults);
    expect(result.success).toBe(true);
    expect(result.data).toEqual(reminderCardDefaults);
    expect(SCENE_IDS).toContain(reminderCardDefaults.scene);
  });

  it('accepts every kind, and a card with no Arabic, narrator or (for a non-hadith) source', () => {
    for (const kind of CARD_KINDS) {
      expect(reminderCardSchema.safeParse(withProps({ kind, source: kind === 'hadith' ? 'Sahih Muslim 2564' : '' })).success, kind).toBe(true);
    }
    expect(reminderCardSchema.safeParse(withProps({ kind: 'reminder', arabicText: '', narrator: '', source: '' })).success).toBe(true);
  });

  it('rejects text over the limit at ["text"], saying how long it is and the limit', () => {
    const issues = issuesOf(withProps({ text: 'a'.repeat(TEXT_MAX + 12) }));
    expect(issues.map((i) => i.path)).toEqual([['text']]);
    expect(issues[0]!.message).toContain(`${TEXT_MAX + 12} characters`);
    expect(issues[0]!.message).toContain(`the limit is ${TEXT_MAX}`);
    expect(reminderCardSchema.safeParse(withProps({ text: 'a'.repeat(TEXT_MAX) })).success).toBe(true);
  });

  it('rejects empty or blank text at ["text"]', () => {
    for (const text of ['', '   \n ']) {
      const issues = issuesOf(withProps({ text }));
      expect(issues.map((i) => i.path)).toEqual([['text']]);
      expect(issues[0]!.message).toMatch(/empty/);
    }
  });

  it('rejects over-long Arabic, source and narrator at their own paths', () => {
    expect(pathsOf(withProps({ arabicText: 'ب'.repeat(601) }))).toEqual(['arabicText']);
    expect(pathsOf(withProps({ source: 'x'.repeat(101) }))).toEqual(['source']);
    expect(pathsOf(withProps({ narrator: 'x'.repeat(81) }))).toEqual(['narrator']);
  });

  it('requires a source for a hadith, naming `source`', () => {
    const issues = issuesOf(withProps({ kind: 'hadith', source: ' ' }));
    expect(issues.map((i) => i.path)).toEqual([['source']]);
    expect(issues[0]!.message).toMatch(/a hadith needs its source/);
  });

  it('rejects an unknown kind, scene and out-of-range numbers at their paths, all at once', () => {
    expect(pathsOf(withProps({ kind: 'ayah', scene: 'volcano', grain: 2, pace: 9, seed: -1 })).sort()).toEqual([
      'grain',
      'kind',
      'pace',
      'scene',
      'seed',
    ]);
  });

  it('reports a nested grade or transition problem with its full path', () => {
    expect(pathsOf(withProps({ gradeAdjust: { ...reminderCardDefaults.gradeAdjust, tint: 3 } }))).toEqual(['gradeAdjust.tint']);
    expect(pathsOf(withProps({ pageTransition: { ...reminderCardDefaults.pageTransition, type: 'spin' } }))).toEqual(['pageTransition.type']);
  });

  it('rejects a colour that is not a colour, and takes null for the scene ink', () => {
    expect(pathsOf(withProps({ textColor: 'not-a-colour' }))).toEqual(['textColor']);
    expect(reminderCardSchema.safeParse(withProps({ textColor: null, accentColor: '#ff0000' })).success).toBe(true);
  });

  it('gives valid props for every style preset', () => {
    for (const preset of PRESETS) {
      expect(reminderCardSchema.safeParse({ ...reminderCardDefaults, ...reminderCard.presetProps(preset) }).success, preset.id).toBe(true);
    }
  });
});

describe('no typed Qur\'an', () => {
  const VERSE_REEL = /^Qur'anic text must come from a verse reference \(use verse-reel/;

  it('rejects the end-of-ayah sign U+06DD in arabicText and in text, naming the field', () => {
    const arabic = issuesOf(withProps({ arabicText: 'قُلْ هُوَ اللَّهُ أَحَدٌ ۝١' }));
    expect(arabic.map((i) => i.path)).toEqual([['arabicText']]);
    expect(arabic[0]!.message).toMatch(VERSE_REEL);
    expect(arabic[0]!.message).toContain('the end-of-ayah sign (U+06DD)');
    const text = issuesOf(withProps({ text: 'Say: He is Allah, the One ۝' }));
    expect(text.map((i) => i.path)).toEqual([['text']]);
    expect(text[0]!.message).toContain('U+06DD');
  });

  it('rejects every Qur\'anic annotation mark U+06D6–U+06ED, and nothing just outside that range', () => {
    for (let code = 0x06d6; code <= 0x06ed; code++) {
      const mark = String.fromCodePoint(code);
      expect(pathsOf(withProps({ arabicText: `بِسْمِ${mark} اللَّهِ` })), code.toString(16)).toEqual(['arabicText']);
      expect(quranicMarkProblem(`x${mark}`), code.toString(16)).toContain(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    for (const code of [0x06d5, 0x06ee, 0x0652, 0x0670, 0x060c]) {
      expect(quranicMarkProblem(`بِسْمِ${String.fromCodePoint(code)}`), code.toString(16)).toBeNull();
    }
  });

  it('rejects Uthmani text pasted from the bundled Qur\'an (it carries those marks)', () => {
    const uthmani = (quranEn[1]!.verses[254] as unknown as { text: string }).text; // 2:255
    expect(pathsOf(withProps({ arabicText: uthmani }))).toEqual(['arabicText']);
  });

  it('accepts the default hadith\'s Arabic, with its harakat and Arabic commas', () => {
    expect(quranicMarkProblem(reminderCardDefaults.arabicText)).toBeNull();
  });

  it('rejects a source that names a verse or surah, suggesting the reference for verse-reel', () => {
    for (const [source, reference] of [
      ['2:255', '2:255'],
      ['Quran 94:5-6', '94:5-6'],
      ["Qur'an, 13:28", '13:28'],
      ['Surah Al-Kahf 10', 'Al-Kahf 10'],
      ['The Holy Quran 112:1', '112:1'],
    ] as const) {
      const issues = issuesOf(withProps({ source }));
      expect(issues.map((i) => i.path), source).toEqual([['source']]);
      expect(issues[0]!.message, source).toContain(`use verse-reel with reference=${reference}`);
    }
    expect(pathsOf(withProps({ source: 'سورة الكهف' }))).toEqual(['source']);
    expect(pathsOf(withProps({ source: "The Qur'an" }))).toEqual(['source']);
  });

  it('accepts hadith collections, books and scholars as sources', () => {
    for (const source of ['Sahih al-Bukhari 6018', 'Sahih Muslim 2564', 'Jami` at-Tirmidhi 2516', 'Riyad as-Salihin 1', 'Ibn al-Qayyim, al-Fawa\'id', "Tafsir al-Qur'an al-'Azim", 'Imam al-Nawawi, 40 Hadith 13']) {
      expect(quranSourceProblem(source), source).toBeNull();
    }
  });

  describe('whole ayahs of the bundled text (checked before rendering)', () => {
    const index = buildAyahIndex(quranEn);

    it('recognises an ayah typed without the Uthmani marks (imla\'i), naming the ayah', () => {
      expect(typedAyahProblem('قُلْ هُوَ اللَّهُ أَحَدٌ', index)).toMatch(/reference=112:1\).*ayah 112:1/);
      expect(typedAyahProblem('إِنَّ مَعَ الْعُسْرِ يُسْرًا', index)).toContain('94:6');
      expect(typedAyahProblem('الحمد لله رب العالمين', index)).toContain('1:2');
    });

    it('recognises the bundled English translation of an ayah, with or without its [insertions]', () => {
      expect(typedAyahProblem('Indeed, with hardship [will be] ease.', index)).toContain('94:6');
      expect(typedAyahProblem('indeed with hardship will be ease', index)).toContain('94:6');
    });

    it('lets hadith, du\'a and short phrases through', () => {
      for (const text of [reminderCardDefaults.text, reminderCardDefaults.arabicText, 'سُبْحَانَ اللَّهِ وَبِحَمْدِهِ', 'الرحمن', 'Allah is with the patient']) {
        expect(typedAyahProblem(text, index), text).toBeNull();
      }
    });

    it('compares letters only: harakat, tatweel, alef wasla and the dagger alef do not matter', () => {
      expect(arabicSkeleton('ٱلۡعَٰلَمِينَ')).toBe(arabicSkeleton('العالمين'));
      expect(arabicSkeleton('مُوسَىٰ')).toBe('موسى');
      expect(arabicSkeleton('جَارَهُ، وَمَنْ')).toBe('جاره ومن');
    });
  });
});

describe('what the card shows', () => {
  it('labels each kind, never as Qur\'an', () => {
    expect(Object.values(KIND_LABELS)).toEqual(['Hadith', 'Quote', 'Du’a', 'Reminder']);
    for (const label of Object.values(KIND_LABELS)) expect(label).not.toMatch(/qur|surah|ayah|سورة|آية/i);
  });

  it('quotes a hadith or quote (unless already quoted), and says who narrated a hadith', () => {
    const hadith = displayText(reminderCardDefaults);
    expect(hadith.label).toBe('Hadith');
    expect(hadith.text).toMatch(/^“Whoever .* silent\.”$/);
    expect(hadith.narrator).toBe('Narrated by Abu Hurairah (RA)');
    expect(displayText({ ...reminderCardDefaults, narrator: 'Narrated by Aishah' }).narrator).toBe('Narrated by Aishah');
    expect(displayText({ ...reminderCardDefaults, kind: 'quote', text: '“Already quoted.”', narrator: 'Ibn al-Qayyim' })).toMatchObject({
      text: '“Already quoted.”',
      narrator: 'Ibn al-Qayyim',
    });
    expect(displayText({ ...reminderCardDefaults, kind: 'reminder', text: 'Be kind.' }).text).toBe('Be kind.');
  });

  it('drops the Arabic when showArabic is off, and tidies whitespace', () => {
    expect(displayText({ ...reminderCardDefaults, showArabic: false }).arabic).toBe('');
    expect(displayText({ ...reminderCardDefaults, kind: 'dua', text: ' O Allah,\n\nguide me ', source: '' })).toMatchObject({
      text: 'O Allah, guide me',
      source: '',
    });
  });
});
