// Types for the bundled canonical text in the `quran-json` package (Uthmani
// script from the Noble Qur'an Encyclopedia, translations from Tanzil and
// QuranEnc, CC-BY-4.0). The JSON itself is never edited or copied into this repo.
declare module 'quran-json/dist/chapters/en/index.json' {
  const surahs: ReadonlyArray<{
    id: number;
    name: string;
    transliteration: string;
    translation: string;
    type: 'meccan' | 'medinan';
    total_verses: number;
  }>;
  export default surahs;
}

declare module 'quran-json/dist/quran.json' {
  const surahs: ReadonlyArray<{
    id: number;
    verses: ReadonlyArray<{ id: number; text: string }>;
  }>;
  export default surahs;
}

declare module 'quran-json/dist/quran_*.json' {
  const surahs: ReadonlyArray<{
    id: number;
    verses: ReadonlyArray<{ id: number; translation: string }>;
  }>;
  export default surahs;
}
