// Looks up the canonical Uthmani text and a bundled translation for a verse
// range. This is the only source of Qur'anic text shown on screen: callers
// pass a reference, never text. The JSON is loaded lazily (a separate chunk
// in the Remotion bundle) and cached.
import { getSurah, type SurahInfo } from './surahs';
import { parseVerseReference, formatVerseRange, type VerseRange } from './reference';

export const TRANSLATIONS = {
  en: { script: 'latin', language: 'English', translator: 'Saheeh International', load: () => import('quran-json/dist/quran_en.json') },
  fr: { script: 'latin', language: 'Français', translator: 'Muhammad Hamidullah', load: () => import('quran-json/dist/quran_fr.json') },
  es: { script: 'latin', language: 'Español', translator: 'Muhammad Isa García', load: () => import('quran-json/dist/quran_es.json') },
  id: { script: 'latin', language: 'Bahasa Indonesia', translator: 'Indonesian Islamic Affairs Ministry', load: () => import('quran-json/dist/quran_id.json') },
  tr: { script: 'latin', language: 'Türkçe', translator: 'Turkish Directorate of Religious Affairs', load: () => import('quran-json/dist/quran_tr.json') },
  ur: { script: 'urdu', language: 'اردو', translator: 'Abul A\'la Maududi', load: () => import('quran-json/dist/quran_ur.json') },
  bn: { script: 'bengali', language: 'বাংলা', translator: 'Muhiuddin Khan', load: () => import('quran-json/dist/quran_bn.json') },
  ru: { script: 'cyrillic', language: 'Русский', translator: 'Elmir Kuliev', load: () => import('quran-json/dist/quran_ru.json') },
  sv: { script: 'latin', language: 'Svenska', translator: 'Knut Bernström', load: () => import('quran-json/dist/quran_sv.json') },
  zh: { script: 'han', language: '中文', translator: 'Muhammad Makin', load: () => import('quran-json/dist/quran_zh.json') },
} as const;

export type TranslationId = keyof typeof TRANSLATIONS;
export const TRANSLATION_IDS = Object.keys(TRANSLATIONS) as [TranslationId, ...TranslationId[]];

export interface Verse {
  surah: number;
  ayah: number;
  arabic: string;
  translation: string;
}

export interface Passage {
  range: VerseRange;
  /** "2:255" or "94:5-6" */
  label: string;
  surah: SurahInfo;
  translation: TranslationId;
  verses: Verse[];
}

type SurahTexts = ReadonlyArray<{ id: number; verses: ReadonlyArray<{ id: number; text?: string; translation?: string }> }>;

const cache = new Map<string, Promise<SurahTexts>>();
const loadOnce = (key: string, load: () => Promise<{ default: SurahTexts }>): Promise<SurahTexts> => {
  let hit = cache.get(key);
  if (!hit) {
    hit = load().then((m) => m.default);
    cache.set(key, hit);
  }
  return hit;
};

const loadArabic = () => loadOnce('ar', () => import('quran-json/dist/quran.json'));

/** Resolves a reference (string or parsed range) to its canonical Arabic and translation. */
export async function loadPassage(reference: string | VerseRange, translation: TranslationId = 'en'): Promise<Passage> {
  // A range object is checked exactly like a string (no backwards, empty or oversized ranges).
  const range = parseVerseReference(typeof reference === 'string' ? reference : formatVerseRange(reference));
  // Own keys only: "constructor" or "__proto__" must not pass as a translation.
  const source = Object.hasOwn(TRANSLATIONS, translation) ? TRANSLATIONS[translation] : undefined;
  if (!source) throw new RangeError(`Unknown translation "${translation}"; available: ${TRANSLATION_IDS.join(', ')}`);
  const [arabic, translated] = await Promise.all([loadArabic(), loadOnce(translation, source.load)]);
  const surah = getSurah(range.surah);
  const verses: Verse[] = [];
  for (let ayah = range.from; ayah <= range.to; ayah++) {
    const text = arabic[range.surah - 1]?.verses[ayah - 1];
    const meaning = translated[range.surah - 1]?.verses[ayah - 1];
    if (!text?.text || text.id !== ayah || meaning?.translation === undefined) {
      throw new Error(`Bundled Qur'an data has no text for ${range.surah}:${ayah}`);
    }
    verses.push({ surah: range.surah, ayah, arabic: text.text, translation: meaning.translation });
  }
  return { range, label: formatVerseRange(range), surah, translation, verses };
}
