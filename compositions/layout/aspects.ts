// The four aspect variants every template renders in, and their frame sizes.
// A template is one component; the aspect is chosen by the composition size.
export const ASPECTS = {
  '9:16': { width: 1080, height: 1920, slug: '9x16', label: 'Vertical (Reels, TikTok, Shorts)' },
  '1:1': { width: 1080, height: 1080, slug: '1x1', label: 'Square (feed)' },
  '4:5': { width: 1080, height: 1350, slug: '4x5', label: 'Portrait (feed)' },
  '16:9': { width: 1920, height: 1080, slug: '16x9', label: 'Landscape (YouTube, X)' },
} as const;

export type AspectId = keyof typeof ASPECTS;
export const ASPECT_IDS = Object.keys(ASPECTS) as [AspectId, ...AspectId[]];

/** The aspect whose frame size matches, e.g. from useVideoConfig(). */
export function aspectOfSize(width: number, height: number): AspectId {
  const ratio = width / height;
  let best: AspectId = '9:16';
  let bestDiff = Infinity;
  for (const id of ASPECT_IDS) {
    const diff = Math.abs(ASPECTS[id].width / ASPECTS[id].height - ratio);
    if (diff < bestDiff) {
      best = id;
      bestDiff = diff;
    }
  }
  return best;
}

export function parseAspect(value: string): AspectId {
  if ((ASPECT_IDS as string[]).includes(value)) return value as AspectId;
  const bySlug = ASPECT_IDS.find((id) => ASPECTS[id].slug === value);
  if (bySlug) return bySlug;
  throw new RangeError(`aspect: "${value}" is not one of ${ASPECT_IDS.join(', ')}`);
}

/** The aspect of a composition id such as "VerseReel-9x16" (see compositionId in registry.ts). */
export function aspectOfCompositionId(id: string): AspectId {
  const slug = id.slice(id.lastIndexOf('-') + 1);
  const aspect = ASPECT_IDS.find((a) => ASPECTS[a].slug === slug);
  if (!aspect) throw new RangeError(`Composition "${id}" does not end in an aspect (${ASPECT_IDS.map((a) => ASPECTS[a].slug).join(', ')})`);
  return aspect;
}
