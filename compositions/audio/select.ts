// Chooses the background track for a template from the catalog, honouring
// the "no instrumental music" setting: an instrumental choice then falls back
// to ambience, never to music. Pure and Node-safe.
import { getTrackInfo, isTrackId, trackInfosAllowed, TRACK_IDS, type CatalogTrack } from './catalog';

export const BACKGROUND_CHOICES = ['auto', 'none', ...TRACK_IDS] as const;

export function selectBackgroundTrack(choice: string, noInstrumentalMusic: boolean): CatalogTrack | null {
  if (choice === 'none') return null;
  const allowed = trackInfosAllowed(noInstrumentalMusic);
  if (choice === 'auto') return allowed.find((t) => noInstrumentalMusic || t.kind === 'instrumental') ?? null;
  if (!isTrackId(choice)) {
    throw new RangeError(`backgroundAudio: unknown track "${choice}"; use ${BACKGROUND_CHOICES.join(', ')}`);
  }
  const track = getTrackInfo(choice);
  return allowed.includes(track) ? track : (allowed[0] ?? null);
}
