// loadPassage / TRANSLATIONS: text and translations compared with quran-json's raw files read independently via fs.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { VerseReferenceError, type VerseRange } from './reference';
import { getSurah, SURAHS } from './surahs';
import { loadPassage, TRANSLATION_IDS, TRANSLATIONS, type TranslationId } from './text';

type RawQuran = Array<{ id: number; verses: Array<{ id: number; text: string; translation?: string }> }>;

const require = createRequire(import.meta.url);
const rawCache = new Map<string, RawQuran>();
/** quran-json's own file, parsed here without going through the module under test. */
function raw(file: string): RawQuran {
  let data = rawCache.get(file);
  if (!data) {
    data = JSON.parse(readFileSync(require.resolve(`quran-json/dist/${file}`), 'utf8')) as RawQuran;
    rawCache.set(file, data);
  }
  return data;
}
const rawVerse = (file: string, surah: number, ayah: number) => {
  const verse = raw(file)[surah - 1]!.verses[ayah - 1]!;
  expect(verse.id).toBe(ayah);
  return verse;
};
const rawArabic = (surah: number, ayah: number) => rawVerse('quran.json', surah, ayah).text;
const rawTranslation = (id: TranslationId, surah: number, ayah: number) => rawVerse(`quran_${id}.json`, surah, ayah).translation!;

/** Deterministic PRNG (mulberry32) so the "random" sample is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function expectMatchesRaw(reference: string | VerseRange, translation: TranslationId = 'en') {
  const passage = await loadPassage(reference, translation);
  const { surah, from, to } = passage.range;
  expect(passage.verses.map((v) => v.ayah)).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
  for (const verse of passage.verses) {
    expect(verse.surah).toBe(surah);
    expect(verse.arabic).toBe(rawArabic(surah, verse.ayah));
    expect(verse.translation).toBe(rawTranslation(translation, surah, verse.ayah));
  }
  return passage;
}

describe('raw quran-json data (sanity of the reference data itself)', () => {
  it('has 114 surahs and 6236 verses whose counts match SURAHS', () => {
    const quran = raw('quran.json');
    expect(quran).toHaveLength(114);
    expect(quran.reduce((n, s) => n + s.verses.length, 0)).toBe(6236);
    expect(quran.map((s) => s.verses.length)).toEqual(SURAHS.map((s) => s.ayahCount));
  });
});

describe('loadPassage', () => {
  it.each<[string, number, number[]]>([
    ['1:1', 1, [1]],
    ['2:255', 2, [255]],
    ['112:1-4', 112, [1, 2, 3, 4]],
    ['94:5-6', 94, [5, 6]],
    ['114:6', 114, [6]],
    ['2:282', 2, [282]],
    ['2:267-286', 2, Array.from({ length: 20 }, (_, i) => 267 + i)],
  ])('%s: Arabic and English equal the raw JSON', async (reference, surah, ayahs) => {
    const passage = await expectMatchesRaw(reference);
    expect(passage.label).toBe(reference);
    expect(passage.translation).toBe('en');
    expect(passage.surah).toBe(getSurah(surah));
    expect(passage.range).toEqual({ surah, from: ayahs[0], to: ayahs.at(-1) });
    expect(passage.verses).toHaveLength(ayahs.length);
    expect(passage.verses.map((v) => v.ayah)).toEqual(ayahs);
  });

  it('returns the known text of a few verses', async () => {
    const ikhlas = await loadPassage('112:1');
    // Escaped on purpose: the source stores shadda before fatha (not NFC), which editors may silently reorder.
    expect(ikhlas.verses[0]!.arabic).toBe(
      '\u0642\u064f\u0644\u06e1 \u0647\u064f\u0648\u064e \u0671\u0644\u0644\u0651\u064e\u0647\u064f \u0623\u064e\u062d\u064e\u062f\u064c',
    );
    expect(ikhlas.verses[0]!.translation).toMatch(/^Say, "He is Allah, \[who is\] One/);
    const fatihah = await loadPassage('1:1');
    expect(fatihah.verses[0]!.translation).toBe('In the name of Allah, the Entirely Merciful, the Especially Merciful');
  });

  it('returns the longest ayah (2:282) in full', async () => {
    const passage = await loadPassage('2:282');
    const lengths = raw('quran.json').flatMap((s) => s.verses.map((v) => v.text.length));
    expect(passage.verses[0]!.arabic.length).toBe(Math.max(...lengths));
    expect(passage.verses[0]!.arabic.length).toBeGreaterThan(1000);
  });

  it('labels named and Arabic references canonically and gives the same verses as the numeric form', async () => {
    const numeric = await loadPassage('2:255');
    for (const reference of ['Al-Baqarah 255', 'The Cow 255', 'البقرة ٢٥٥']) {
      const named = await loadPassage(reference);
      expect(named.label).toBe('2:255');
      expect(named.range).toEqual(numeric.range);
      expect(named.verses).toEqual(numeric.verses);
    }
    const sharh = await loadPassage('Ash-Sharh 5-6');
    expect(sharh.label).toBe('94:5-6');
    expect(sharh.surah.nameTransliterated).toBe('Ash-Sharh');
  });

  it('accepts a VerseRange object', async () => {
    const passage = await expectMatchesRaw({ surah: 94, from: 5, to: 6 });
    expect(passage.label).toBe('94:5-6');
    expect(passage.verses).toHaveLength(2);
  });

  it('loads French, equal to quran_fr.json and different from English, with the same Arabic', async () => {
    const fr = await expectMatchesRaw('94:5-6', 'fr');
    const en = await loadPassage('94:5-6', 'en');
    expect(fr.translation).toBe('fr');
    expect(fr.verses.map((v) => v.arabic)).toEqual(en.verses.map((v) => v.arabic));
    fr.verses.forEach((v, i) => expect(v.translation).not.toBe(en.verses[i]!.translation));
  });

  it('lists ten translations, each with a language and translator', () => {
    expect(TRANSLATION_IDS).toEqual(['en', 'fr', 'es', 'id', 'tr', 'ur', 'bn', 'ru', 'sv', 'zh']);
    expect(Object.keys(TRANSLATIONS)).toEqual(TRANSLATION_IDS);
    for (const id of TRANSLATION_IDS) {
      expect(TRANSLATIONS[id].language).not.toBe('');
      expect(TRANSLATIONS[id].translator).not.toBe('');
    }
  });

  it.each(TRANSLATION_IDS)('translation %s equals its raw file', async (id) => {
    const passage = await expectMatchesRaw('2:255-257', id);
    expect(passage.translation).toBe(id);
    for (const v of passage.verses) expect(v.translation.trim()).not.toBe('');
  }, 60_000);

  it.each(['xx', 'EN', '', 'constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'rejects the unknown translation %j with a clear RangeError',
    async (id) => {
      const attempt = loadPassage('1:1', id as TranslationId);
      await expect(attempt).rejects.toThrow(RangeError);
      await expect(loadPassage('1:1', id as TranslationId)).rejects.toThrow(
        `Unknown translation "${id}"; available: en, fr, es, id, tr, ur, bn, ru, sv, zh`,
      );
    },
  );

  it.each<[string, string]>([
    ['2:300', 'Al-Baqarah (surah 2) has 286 ayahs; ayah 300 does not exist'],
    ['115:1', 'There are 114 surahs; surah 115 does not exist'],
    ['abc', '"abc" is not a verse reference'],
    ['2:1-30', 'The range has 30 ayahs; a reel holds at most 20'],
  ])('rejects the bad reference %j with a VerseReferenceError', async (reference, message) => {
    const attempt = loadPassage(reference);
    await expect(attempt).rejects.toBeInstanceOf(VerseReferenceError);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toMatchObject({ input: reference });
  });

  it.each<[VerseRange, string]>([
    [{ surah: 2, from: 5, to: 3 }, 'runs backwards'],
    [{ surah: 2, from: 1, to: 40 }, 'at most 20'],
    [{ surah: 2, from: 300, to: 300 }, 'has 286 ayahs'],
    [{ surah: 115, from: 1, to: 1 }, 'There are 114 surahs'],
    [{ surah: 0, from: 1, to: 1 }, 'There are 114 surahs'],
    [{ surah: 2, from: 1.5, to: 2 }, 'is not a verse reference'],
  ])('checks a VerseRange object %j like a string', async (range, message) => {
    const attempt = loadPassage(range);
    await expect(attempt).rejects.toBeInstanceOf(VerseReferenceError);
    await expect(attempt).rejects.toThrow(message);
  });

  it('hands out fresh objects: mutating one passage does not change the next', async () => {
    const first = await loadPassage('1:1');
    const original = first.verses[0]!.arabic;
    first.verses[0]!.arabic = 'changed';
    first.verses.length = 0;
    const second = await loadPassage('1:1');
    expect(second.verses[0]!.arabic).toBe(original);
    expect(second.verses[0]!.arabic).toBe(rawArabic(1, 1));
  });

  it('matches the raw JSON for ~200 seeded pseudo-random references across the Qur\'an', async () => {
    const random = mulberry32(0x6236);
    const verseIndex = SURAHS.flatMap((s) => Array.from({ length: s.ayahCount }, (_, i) => [s.number, i + 1] as const));
    const references: string[] = [];
    for (let i = 0; i < 200; i++) {
      // Alternate: uniform over all ayahs (weights long surahs) and uniform over surahs (reaches short ones).
      const [surah, from] =
        i % 2 === 0
          ? verseIndex[Math.floor(random() * verseIndex.length)]!
          : ((n) => [n, 1 + Math.floor(random() * getSurah(n).ayahCount)] as const)(1 + Math.floor(random() * 114));
      const length = 1 + Math.floor(random() * 5);
      const to = Math.min(getSurah(surah).ayahCount, from + length - 1);
      references.push(from === to ? `${surah}:${from}` : `${surah}:${from}-${to}`);
    }
    expect(new Set(references).size).toBeGreaterThan(190);
    expect(new Set(references.map((r) => r.split(':')[0])).size).toBeGreaterThan(60);
    let verses = 0;
    for (const reference of references) {
      const passage = await expectMatchesRaw(reference);
      expect(passage.label).toBe(reference);
      verses += passage.verses.length;
    }
    expect(verses).toBeGreaterThan(200);
  }, 60_000);

  it('matches the raw JSON for every ayah of the Qur\'an (20-ayah chunks)', async () => {
    let verses = 0;
    for (const s of SURAHS) {
      for (let from = 1; from <= s.ayahCount; from += 20) {
        const passage = await expectMatchesRaw({ surah: s.number, from, to: Math.min(s.ayahCount, from + 19) });
        verses += passage.verses.length;
      }
    }
    expect(verses).toBe(6236);
  }, 120_000);
});

describe('canonical Arabic text', () => {
  it('is byte-identical to the raw JSON for every verse of a passage (no trimming or normalising)', async () => {
    const passage = await loadPassage('2:255-260');
    const encoder = new TextEncoder();
    let sensitiveToNormalisation = 0;
    for (const verse of passage.verses) {
      const expected = rawArabic(2, verse.ayah);
      expect(Buffer.from(encoder.encode(verse.arabic)).equals(Buffer.from(encoder.encode(expected)))).toBe(true);
      expect([...verse.arabic].map((c) => c.codePointAt(0))).toEqual([...expected].map((c) => c.codePointAt(0)));
      if (expected.normalize('NFC') !== expected || expected.normalize('NFKC') !== expected) sensitiveToNormalisation++;
    }
    // The check has teeth: these verses change under Unicode normalisation, so a normalising loader would fail it.
    expect(sensitiveToNormalisation).toBeGreaterThan(0);
  });
});
