// URLs of the audio library's files: Remotion's webpack turns each .m4a
// import into one. Bundler-only; Node code and tests use ./catalog.
import desertWind from './assets/ambience-desert-wind.m4a';
import nightAir from './assets/ambience-night-air.m4a';
import reflectivePad from './assets/pad-reflective.m4a';
import serenePad from './assets/pad-serene.m4a';
import type { TrackId } from './catalog';

/** Every id must have its file here (a missing one is a type error). */
const SRC: Record<TrackId, string> = {
  'night-air': nightAir,
  'desert-wind': desertWind,
  'serene-pad': serenePad,
  'reflective-pad': reflectivePad,
};

export const trackSrc = (id: TrackId): string => SRC[id];
