// Chooses the background track for a template from the catalog, honouring
// the "no instrumental music" setting: an instrumental choice then falls back
// to ambience, never to music. Pure and Node-safe.
import { getTrackInfo, isTrackId, trackInfosAllowed, TRACK_IDS, type CatalogTrack, type TrackMood } from './catalog';

export const BACKGROUND_CHOICES = ['auto', 'none', ...TRACK_IDS] as const;

/**
 * `auto` prefers a track of `mood` among those allowed (music when allowed,
 * else ambience), then any allowed track of the preferred kind.
 */
export function selectBackgroundTrack(choice: string, noInstrumentalMusic: boolean, mood?: TrackMood): CatalogTrack | null {
  if (choice === 'none') return null;
  const allowed = trackInfosAllowed(noInstrumentalMusic);
  if (choice === 'auto') {
    const preferred = allowed.filter((t) => noInstrumentalMusic || t.kind === 'instrumental');
    return preferred.find((t) => t.mood === mood) ?? preferred[0] ?? null;
  }
  if (!isTrackId(choice)) {
    throw new RangeError(`backgroundAudio: unknown track "${choice}"; use ${BACKGROUND_CHOICES.join(', ')}`);
  }
  const track = getTrackInfo(choice);
  return allowed.includes(track) ? track : (allowed[0] ?? null);
}
