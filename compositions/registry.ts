// The single list of templates. Studio (studio/Root.tsx), the web Player and
// the CLI all read it; adding a template means adding it here.
import { ASPECTS, type AspectId } from './layout/aspects';
import type { Template } from './template';
import { verseReel } from './verse-reel';
import { reminderCard } from './reminder-card';
import { cinematicMontage } from './cinematic-montage';
import { hijriCountdown } from './hijri-countdown';

export const TEMPLATES = [verseReel, reminderCard, cinematicMontage, hijriCountdown] as const satisfies readonly Template[];

export type TemplateId = (typeof TEMPLATES)[number]['id'];

export const compositionId = (template: Pick<Template, 'name'>, aspect: AspectId): string =>
  `${template.name}-${ASPECTS[aspect].slug}`;

const normalise = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Finds a template by id ("verse-reel") or name ("VerseReel"), case-insensitively. */
export function findTemplate(nameOrId: string): Template | undefined {
  const key = normalise(nameOrId);
  return (TEMPLATES as readonly Template[]).find((t) => normalise(t.id) === key || normalise(t.name) === key);
}
