// Background-audio catalogue as plain data: which beds exist, what they are
// (ambience vs instrumental, mood, length, licence) and which file in
// ./assets holds each. No audio imports here, so Node code and tests can use
// it; ./tracks.ts adds the bundler URL (`src`) for use in compositions.
//
// Every file is synthesized by scripts/make-audio.sh (ffmpeg noise and sine
// generators only, no recordings), so all of them are CC0. Rerun that script
// to rebuild the files; keep this list in step with it.

export type TrackKind = 'ambience' | 'instrumental';

export const TRACK_MOODS = ['calm', 'hopeful', 'reflective', 'solemn'] as const;

export type TrackMood = (typeof TRACK_MOODS)[number];

export const TRACK_LICENCE = 'CC0-1.0 (synthesized by Noor, scripts/make-audio.sh)';

/** Sample rate of every asset. */
export const TRACK_SAMPLE_RATE = 48_000;

/** Channels of every asset (stereo). */
export const TRACK_CHANNELS = 2;

/**
 * Samples in one loop: 2813 AAC frames of 1024, so the AAC file holds no
 * padding and loops without a gap (see scripts/make-audio.sh). 60.0107 s.
 */
export const TRACK_LOOP_SAMPLES = 2_880_512;

export interface TrackInfo {
  /** Stable id used in props, e.g. 'night-air'. */
  id: string;
  /** File name in compositions/audio/assets. */
  file: string;
  title: string;
  /**
   * 'ambience' has no pitched tones, instruments or rhythm (wind, air, room
   * tone), so it is allowed when instrumental music is not wanted.
   */
  kind: TrackKind;
  mood: TrackMood;
  /** Beats per minute, or null for beds without a pulse. */
  tempoBpm: number | null;
  /** Length of one seamless loop, in seconds. */
  durationSec: number;
  licence: typeof TRACK_LICENCE;
  description: string;
}

const LOOP_SEC = TRACK_LOOP_SAMPLES / TRACK_SAMPLE_RATE;

export const TRACK_CATALOG = [
  {
    id: 'night-air',
    file: 'ambience-night-air.m4a',
    title: 'Night Air',
    kind: 'ambience',
    mood: 'calm',
    tempoBpm: null,
    durationSec: LOOP_SEC,
    licence: TRACK_LICENCE,
    description: 'Soft, dark moving air with slow swells and a faint low room tone. No tones or rhythm.',
  },
  {
    id: 'desert-wind',
    file: 'ambience-desert-wind.m4a',
    title: 'Desert Wind',
    kind: 'ambience',
    mood: 'solemn',
    tempoBpm: null,
    durationSec: LOOP_SEC,
    licence: TRACK_LICENCE,
    description: 'Brighter, gusty open wind with a light sand hiss on the gusts. No tones or rhythm.',
  },
  {
    id: 'serene-pad',
    file: 'pad-serene.m4a',
    title: 'Serene Pad',
    kind: 'instrumental',
    mood: 'hopeful',
    tempoBpm: null,
    durationSec: LOOP_SEC,
    licence: TRACK_LICENCE,
    description: 'Warm sustained D major pad (Dadd9 breathing into G/D), slow swells, no percussion.',
  },
  {
    id: 'reflective-pad',
    file: 'pad-reflective.m4a',
    title: 'Reflective Pad',
    kind: 'instrumental',
    mood: 'reflective',
    tempoBpm: null,
    durationSec: LOOP_SEC,
    licence: TRACK_LICENCE,
    description: 'Darker A minor pad (Am breathing into Dm/A), low and slow, no percussion.',
  },
] as const satisfies readonly TrackInfo[];

export type TrackId = (typeof TRACK_CATALOG)[number]['id'];

export const TRACK_IDS: readonly TrackId[] = TRACK_CATALOG.map((t) => t.id);

export function isTrackId(id: string): id is TrackId {
  return (TRACK_IDS as readonly string[]).includes(id);
}

export type CatalogTrack = (typeof TRACK_CATALOG)[number];

/** Catalogue entry by id; throws a RangeError naming every valid id if there is none. */
export function getTrackInfo(id: string): CatalogTrack {
  const track = TRACK_CATALOG.find((t) => t.id === id);
  if (!track) {
    const valid = TRACK_IDS.map((t) => `"${t}"`).join(', ');
    throw new RangeError(`Unknown background track "${id}"; valid track ids are ${valid}`);
  }
  return track;
}

/** The tracks usable under a "no instrumental music" setting: only ambience when true, all otherwise. */
export function trackInfosAllowed(noInstrumentalMusic: boolean): CatalogTrack[] {
  return TRACK_CATALOG.filter((t) => !noInstrumentalMusic || t.kind === 'ambience');
}
