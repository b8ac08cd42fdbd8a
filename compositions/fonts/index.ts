// The fonts compositions use, bundled from @fontsource (no network): a
// Qur'anic naskh for the Arabic, a calm serif for translations and a
// titling face for labels. loadFonts() is idempotent and holds the render
// (delayRender inside @remotion/fonts) until every face is ready.
import { loadFont } from '@remotion/fonts';
import amiriQuran from '@fontsource/amiri-quran/files/amiri-quran-arabic-400-normal.woff2';
import amiriArabic from '@fontsource/amiri/files/amiri-arabic-400-normal.woff2';
import amiriArabicBold from '@fontsource/amiri/files/amiri-arabic-700-normal.woff2';
import cormorant from '@fontsource/cormorant-garamond/files/cormorant-garamond-latin-500-normal.woff2';
import cormorantItalic from '@fontsource/cormorant-garamond/files/cormorant-garamond-latin-500-italic.woff2';
import cormorantExt from '@fontsource/cormorant-garamond/files/cormorant-garamond-latin-ext-500-normal.woff2';
import cinzel from '@fontsource/cinzel/files/cinzel-latin-500-normal.woff2';

export const FONTS = {
  quran: 'Noor Amiri Quran',
  arabic: 'Noor Amiri',
  serif: 'Noor Cormorant',
  titling: 'Noor Cinzel',
} as const;

const LATIN = 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD';
const LATIN_EXT = 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF';

const faces = [
  { family: FONTS.quran, url: amiriQuran, weight: '400' },
  { family: FONTS.arabic, url: amiriArabic, weight: '400' },
  { family: FONTS.arabic, url: amiriArabicBold, weight: '700' },
  { family: FONTS.serif, url: cormorant, weight: '500', unicodeRange: LATIN },
  { family: FONTS.serif, url: cormorantExt, weight: '500', unicodeRange: LATIN_EXT },
  { family: FONTS.serif, url: cormorantItalic, weight: '500', style: 'italic', unicodeRange: LATIN },
  { family: FONTS.titling, url: cinzel, weight: '500' },
];

let loading: Promise<void> | null = null;

export function loadFonts(): Promise<void> {
  loading ??= Promise.all(faces.map((face) => loadFont(face))).then(() => undefined);
  return loading;
}

/** CSS font-family stacks with system fallbacks for scripts the bundled faces lack. */
export const fontStack = {
  quran: `"${FONTS.quran}", "${FONTS.arabic}", serif`,
  arabic: `"${FONTS.arabic}", serif`,
  serif: `"${FONTS.serif}", "Noto Serif", serif`,
  titling: `"${FONTS.titling}", "${FONTS.serif}", serif`,
};

export type TranslationScript = 'latin' | 'cyrillic' | 'urdu' | 'bengali' | 'han';

export interface Typography {
  fontFamily: string;
  fontStyle: 'italic' | 'normal';
  dir: 'ltr' | 'rtl';
  /** line height as a multiple of the font size */
  lineHeight: number;
}

/**
 * How a translation is set, by script: the bundled serif in italic for Latin
 * (and Cyrillic through Noto Serif), and Debian's Noto / WenQuanYi faces
 * (installed by scripts/setup.sh) upright for the others. Urdu's Nastaliq
 * is tall and right to left.
 */
export const TRANSLATION_TYPOGRAPHY: Record<TranslationScript, Typography> = {
  latin: { fontFamily: fontStack.serif, fontStyle: 'italic', dir: 'ltr', lineHeight: 1.38 },
  cyrillic: { fontFamily: fontStack.serif, fontStyle: 'italic', dir: 'ltr', lineHeight: 1.38 },
  urdu: { fontFamily: '"Noto Nastaliq Urdu", "Noto Naskh Arabic", serif', fontStyle: 'normal', dir: 'rtl', lineHeight: 2.1 },
  bengali: { fontFamily: '"Noto Serif Bengali", "Noto Sans Bengali", serif', fontStyle: 'normal', dir: 'ltr', lineHeight: 1.6 },
  han: { fontFamily: '"Noto Serif CJK SC", "WenQuanYi Zen Hei", sans-serif', fontStyle: 'normal', dir: 'ltr', lineHeight: 1.6 },
};
