// Qur'an data for compositions: surah metadata, reference parsing and the
// canonical text lookup. Nothing here accepts Qur'anic text as input.
export * from './surahs';
export * from './reference';
export * from './text';
