// The guard that keeps typed Qur'an out of typed text (cards, titles).
// Qur'anic text shown on screen always comes from the bundled canonical text
// by reference (verse-reel); typed text is hadith, du'a, quotes, reminders.
// Schemas use the synchronous checks through `typedText`: text pasted from a mushaf (its
// end-of-ayah sign and Qur'anic annotation marks) and sources that name a
// verse. Before rendering, ReminderCard's prepare.ts also matches the typed text against
// every ayah of the bundled text and its English translation (the index is
// built here from data passed in). Pure and Node-safe; loads nothing itself.
import { z } from 'zod';
import { parseVerseReference } from './reference';

/** U+06D6–U+06ED: small high ligatures, waqf signs, U+06DD end of ayah, U+06DE rub el hizb, sajdah, small high/low letters. */
const QURANIC_MARK = /[\u06D6-\u06ED]/u;

const hex = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

const MARK_NAMES: Record<string, string> = {
  '\u06DD': 'the end-of-ayah sign',
  '\u06DE': 'the rub el hizb sign',
  '\u06E9': 'the sajdah sign',
};

const verseReelHint = (reference?: string) =>
  `Qur'anic text must come from a verse reference (use verse-reel${reference ? ` with reference=${reference}` : ''}), never typed`;

/** Why `text` may not be shown as typed text, or null when it may. */
export function quranicMarkProblem(text: string): string | null {
  const match = QURANIC_MARK.exec(text);
  if (!match) return null;
  const char = match[0];
  const name = MARK_NAMES[char] ?? 'a Qur\'anic annotation mark';
  return `${verseReelHint()}; this contains ${name} (${hex(char)}) at character ${match.index + 1}`;
}

const QURAN_PREFIX = /^\s*(?:the\s+)?(?:holy\s+|noble\s+)?(?:qur['’ʾ]?[aā]n|koran|s[uū]rah?|سورة|القرآن(?:\s+الكريم)?)(?=$|[\s,:.\d])[\s,:.]*/iu;

/** Why `source` may not be used (it names a Qur'an verse or surah), or null when it may. */
export function quranSourceProblem(source: string): string | null {
  const trimmed = source.trim();
  if (!trimmed) return null;
  if (trimmed.includes('سورة')) return `${verseReelHint()}; this names a surah ("سورة")`;
  const rest = trimmed.replace(QURAN_PREFIX, '');
  if (rest === '') return `${verseReelHint()}; this names the Qur'an as the source`;
  try {
    parseVerseReference(rest);
  } catch {
    return null;
  }
  return `${verseReelHint(rest)}; "${trimmed}" names a Qur'an verse`;
}

const HARAKAT_AND_MARKS = /[\u0610-\u061A\u064B-\u065F\u0640\u06D6-\u06ED\u08D3-\u08FF]/gu;
const PUNCTUATION = /[.,:;!?،؛؟«»"“”'‘’()[\]{}\-–—…]/gu;

/**
 * The letters of Arabic text without harakat, Qur'anic marks, tatweel or
 * punctuation, with alef wasla and the dagger alef read as alef: the same
 * skeleton for the Uthmani text and for a typed (imla'i) copy of it.
 */
export function arabicSkeleton(text: string): string {
  return text
    .replace(/\u0649\u0670/gu, '\u0649')
    .replace(/[\u0670\u0671]/gu, '\u0627')
    .replace(HARAKAT_AND_MARKS, '')
    .replace(PUNCTUATION, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Lower-case words of Latin text without punctuation; `[…]` insertions (Saheeh International's) kept or dropped. */
export function latinSkeleton(text: string, dropInsertions = false): string {
  return (dropInsertions ? text.replace(/\[[^\]]*\]/gu, ' ') : text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Ayahs shorter than this are single words or names ("الرحمن") or short phrases that typed text may share. */
const MIN_MATCH_WORDS = 3;
const MIN_TRANSLATION_MATCH_WORDS = 4;

export type AyahIndex = ReadonlyMap<string, string>;

/**
 * Skeleton → "surah:ayah" for every ayah of the bundled text long enough to
 * tell apart, from its Arabic and (when given) its bundled translation.
 */
export function buildAyahIndex(
  surahs: ReadonlyArray<{ id: number; verses: ReadonlyArray<{ id: number; text?: string; translation?: string }> }>,
): AyahIndex {
  const index = new Map<string, string>();
  const add = (key: string, words: number, min: number, reference: string) => {
    if (words >= min && !index.has(key)) index.set(key, reference);
  };
  for (const surah of surahs) {
    for (const verse of surah.verses) {
      const reference = `${surah.id}:${verse.id}`;
      const arabic = arabicSkeleton(verse.text ?? '');
      add(`ar ${arabic}`, arabic.split(' ').length, MIN_MATCH_WORDS, reference);
      for (const latin of [latinSkeleton(verse.translation ?? ''), latinSkeleton(verse.translation ?? '', true)]) {
        add(`tr ${latin}`, latin.split(' ').length, MIN_TRANSLATION_MATCH_WORDS, reference);
      }
    }
  }
  return index;
}

/** Why typed `text` may not be shown (it is a whole ayah of the Qur'an, or its bundled translation), or null when it may. */
export function typedAyahProblem(text: string, index: AyahIndex): string | null {
  const arabic = index.get(`ar ${arabicSkeleton(text)}`);
  if (arabic) return `${verseReelHint(arabic)}; this is ayah ${arabic} of the Qur'an`;
  const translation = index.get(`tr ${latinSkeleton(text)}`) ?? index.get(`tr ${latinSkeleton(text, true)}`);
  if (translation) return `${verseReelHint(translation)}; this is the translation of ayah ${translation}`;
  return null;
}

const tooLong = (limit: number) => (issue: { input?: unknown }) =>
  `is ${typeof issue.input === 'string' ? issue.input.length : 'too many'} characters; the limit is ${limit}`;

/** A zod string for typed text: at most `limit` characters and never carrying Qur'anic marks. */
export const typedText = (limit: number) =>
  z
    .string()
    .max(limit, { error: tooLong(limit) })
    .superRefine((value, ctx) => {
      const problem = quranicMarkProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
