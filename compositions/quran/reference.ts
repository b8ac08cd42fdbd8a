// Parses verse references ("2:255", "94:5-6", "Al-Baqarah 255", "البقرة ٢٥٥")
// into a checked { surah, from, to } range. Every failure is a
// VerseReferenceError that says exactly what is wrong; it never guesses.
import { findSurahByName, getSurah, SURAH_COUNT, type SurahInfo } from './surahs';

export interface VerseRange {
  surah: number;
  from: number;
  to: number;
}

export const MAX_AYAHS_PER_REFERENCE = 20;

export class VerseReferenceError extends Error {
  override readonly name = 'VerseReferenceError';
  constructor(
    readonly input: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

const EXAMPLES = 'use surah:ayah such as "2:255", a range such as "94:5-6", or a name such as "Al-Baqarah 255"';

const toAsciiDigits = (s: string): string =>
  s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));

const NUMERIC = /^(\d{1,3})\s*:\s*(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?$/;
const NAMED = /^(.*?)[\s:]+(\d{1,3})(?:\s*[-–]\s*(\d{1,3}))?$/;

export function parseVerseReference(input: string): VerseRange {
  const text = toAsciiDigits(input.trim());
  if (!text) throw new VerseReferenceError(input, `The verse reference is empty; ${EXAMPLES}`);

  let surah: SurahInfo;
  let fromText: string;
  let toText: string | undefined;
  const numeric = NUMERIC.exec(text);
  if (numeric) {
    const number = Number(numeric[1]);
    if (number < 1 || number > SURAH_COUNT) {
      throw new VerseReferenceError(input, `There are ${SURAH_COUNT} surahs; surah ${number} does not exist`);
    }
    surah = getSurah(number);
    fromText = numeric[2]!;
    toText = numeric[3];
  } else {
    const named = NAMED.exec(text);
    if (!named) throw new VerseReferenceError(input, `"${input}" is not a verse reference; ${EXAMPLES}`);
    const found = findSurahByName(named[1]!);
    if (!found) {
      throw new VerseReferenceError(input, `"${named[1]!.trim()}" is not the name of a surah; ${EXAMPLES}`);
    }
    surah = found;
    fromText = named[2]!;
    toText = named[3];
  }

  const from = Number(fromText);
  const to = toText === undefined ? from : Number(toText);
  for (const ayah of [from, to]) {
    if (ayah < 1 || ayah > surah.ayahCount) {
      throw new VerseReferenceError(
        input,
        `${surah.nameTransliterated} (surah ${surah.number}) has ${surah.ayahCount} ayahs; ayah ${ayah} does not exist`,
      );
    }
  }
  if (to < from) {
    throw new VerseReferenceError(input, `The range ${from}-${to} runs backwards; write the first ayah first`);
  }
  if (to - from + 1 > MAX_AYAHS_PER_REFERENCE) {
    throw new VerseReferenceError(
      input,
      `The range has ${to - from + 1} ayahs; a reel holds at most ${MAX_AYAHS_PER_REFERENCE}`,
    );
  }
  return { surah: surah.number, from, to };
}

/** The canonical label of a range: "2:255" or "94:5-6". */
export function formatVerseRange({ surah, from, to }: VerseRange): string {
  return from === to ? `${surah}:${from}` : `${surah}:${from}-${to}`;
}
