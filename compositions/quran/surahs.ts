// Surah metadata (number, Arabic and transliterated names, English meaning,
// ayah count) from the bundled quran-json index. Small and synchronous, so
// reference parsing and prop validation never wait on the full text.
import index from 'quran-json/dist/chapters/en/index.json';

export interface SurahInfo {
  number: number;
  nameArabic: string;
  nameTransliterated: string;
  nameEnglish: string;
  revelation: 'meccan' | 'medinan';
  ayahCount: number;
}

export const SURAHS: readonly SurahInfo[] = index.map((s) => ({
  number: s.id,
  nameArabic: s.name,
  nameTransliterated: s.transliteration,
  nameEnglish: s.translation,
  revelation: s.type,
  ayahCount: s.total_verses,
}));

export const SURAH_COUNT = SURAHS.length;

export function getSurah(number: number): SurahInfo {
  const surah = SURAHS[number - 1];
  if (!surah) {
    throw new RangeError(`There are ${SURAH_COUNT} surahs; ${number} does not exist`);
  }
  return surah;
}

/** Other names a surah is widely known by, beyond quran-json's transliteration. */
const ALIASES: Record<number, string[]> = {
  3: ['Al Imran', 'Aal-e-Imran', 'Imran'],
  9: ['Bara\'ah', 'Taubah'],
  17: ['Bani Isra\'il', 'Isra'],
  40: ['Al-Mu\'min'],
  47: ['Al-Qital'],
  76: ['Ad-Dahr'],
  94: ['Al-Inshirah', 'Alam Nashrah'],
  112: ['At-Tawhid'],
};

const ARTICLES = ['aal', 'ali', 'adh', 'ash', 'al', 'an', 'ar', 'as', 'at', 'ad', 'az', 'the', '\u0627\u0644'];

/** Lower-case letters (and digits) only, without marks or a "Surah" prefix. */
const letters = (name: string): string =>
  name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670]/g, '')
    .replace(/^\s*(surah|surat|sura|\u0633\u0648\u0631\u0629)\s+/, '')
    // Digits are kept so a stray number ("Al-Baqarah 3:7") can never vanish and
    // silently resolve to a different verse; no surah name contains a digit.
    .replace(/[^a-z0-9\u0621-\u064a\u0660-\u0669\u06f0-\u06f9]/g, '');

/** Spelled the way transliterations vary least: ee→i, w→u, y→i, doubled letters once, no final h. */
const phonetic = (key: string): string =>
  key
    .replace(/\u0649/g, '\u064a')
    .replace(/[\u0623\u0625\u0622]/g, '\u0627')
    .replace(/ee/g, 'i')
    .replace(/oo|ou|w/g, 'u')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1')
    .replace(/h$/, '');

/** The name's key and, where it starts with an article ("Al-", "An-", "The", "ال"), the key without it. */
const keyVariants = (name: string): string[] => {
  const full = letters(name);
  const bare = ARTICLES.filter((a) => full.startsWith(a) && full.length - a.length >= 2).map((a) => full.slice(a.length));
  return [full, ...bare].map(phonetic).filter(Boolean);
};

const byName = new Map<string, SurahInfo | null>();
const addKey = (key: string, surah: SurahInfo) => {
  const existing = byName.get(key);
  // A key two surahs share (after dropping articles) is ambiguous: it matches neither.
  byName.set(key, existing === undefined || existing === surah ? surah : null);
};
for (const s of SURAHS) {
  for (const name of [s.nameTransliterated, s.nameEnglish, s.nameArabic, ...(ALIASES[s.number] ?? [])]) {
    for (const key of keyVariants(name)) addKey(key, s);
  }
}

/** Finds a surah by a transliterated, English or Arabic name ("Al-Baqarah", "Baqara", "The Cow", "Cow", "البقرة", "بقرة"). */
export function findSurahByName(name: string): SurahInfo | undefined {
  for (const key of keyVariants(name)) {
    const hit = byName.get(key);
    if (hit) return hit;
  }
  return undefined;
}
