// What a ReminderCard shows, in words: the kind label, the text (in quotation
// marks for a hadith or quote), the Arabic when shown, and the attribution
// lines. Pure and Node-safe; no layout here.
import { KIND_LABELS, type ReminderCardProps } from './schema';

export interface CardContent {
  label: string;
  text: string;
  /** '' when no Arabic is shown */
  arabic: string;
  /** '' when there is none */
  narrator: string;
  source: string;
}

const OPENING_QUOTE = /^["'“‘«]/u;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function displayText(props: Pick<ReminderCardProps, 'kind' | 'text' | 'arabicText' | 'showArabic' | 'narrator' | 'source'>): CardContent {
  const text = squash(props.text);
  const quoted = (props.kind === 'hadith' || props.kind === 'quote') && !OPENING_QUOTE.test(text);
  const narrator = squash(props.narrator);
  return {
    label: KIND_LABELS[props.kind],
    text: quoted ? `“${text}”` : text,
    arabic: props.showArabic ? squash(props.arabicText) : '',
    narrator: narrator && props.kind === 'hadith' && !/^narrat/i.test(narrator) ? `Narrated by ${narrator}` : narrator,
    source: squash(props.source),
  };
}

/** How many lines each attribution line takes, given a counter for each style (0 when empty). */
export function attributionLines(
  content: Pick<CardContent, 'narrator' | 'source'>,
  count: { narrator: (line: string) => number; source: (line: string) => number },
): { narrator: number; source: number } {
  return {
    narrator: content.narrator ? count.narrator(content.narrator) : 0,
    source: content.source ? count.source(content.source) : 0,
  };
}
