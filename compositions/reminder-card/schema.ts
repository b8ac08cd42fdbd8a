// ReminderCard props: a typed hadith, du'a, quote or reminder with its source,
// labelled by kind so it is never mistaken for Qur'an, plus the same look,
// text and sound props as VerseReel. Typed text is allowed here; typed
// Qur'an is not (see quran/typed-text.ts). Node-safe, so the CLI validates with it too.
import { z } from 'zod';
import { quranSourceProblem, typedText } from '../quran/typed-text';
import { designProps, lookDefaults, lookProps, pagingProps, soundProps } from '../template-props';

export const CARD_KINDS = ['hadith', 'quote', 'dua', 'reminder'] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** The small label drawn above the text: it says what the text is, and that it is not Qur'an. */
export const KIND_LABELS: Record<CardKind, string> = {
  hadith: 'Hadith',
  quote: 'Quote',
  dua: 'Du’a',
  reminder: 'Reminder',
};

export const TEXT_MAX = 600;
export const ARABIC_TEXT_MAX = 600;
export const SOURCE_MAX = 100;
export const NARRATOR_MAX = 80;

export const reminderCardSchema = z
  .object({
    kind: z.enum(CARD_KINDS).describe('What the text is, shown as a small label (Hadith, Quote, Du’a, Reminder): never Qur\'an'),
    text: typedText(TEXT_MAX)
      .refine((value) => value.trim().length > 0, { error: 'is empty; type the hadith, du’a, quote or reminder' })
      .describe(`The hadith, du’a, quote or reminder as typed (up to ${TEXT_MAX} characters); set in a Latin serif and split into timed pages`),
    arabicText: typedText(ARABIC_TEXT_MAX).describe(
      'Optional Arabic original (e.g. the hadith\'s matn), typed; "" for none. Qur\'anic text is refused: use verse-reel',
    ),
    showArabic: z.boolean().describe('Show arabicText above the text'),
    source: typedText(SOURCE_MAX)
      .superRefine((value, ctx) => {
        const problem = quranSourceProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .describe('Where it is from, e.g. "Sahih al-Bukhari 6018"; required for a hadith'),
    narrator: typedText(NARRATOR_MAX).describe('Optional, e.g. "Abu Hurairah (RA)" (a hadith shows "Narrated by …"); "" for none'),
    ...lookProps,
    ...pagingProps,
    ...soundProps,
    ...designProps,
  })
  .superRefine((props, ctx) => {
    if (props.kind === 'hadith' && props.source.trim() === '') {
      ctx.addIssue({
        code: 'custom',
        path: ['source'],
        message: 'a hadith needs its source: the collection and number, e.g. "Sahih al-Bukhari 6018"',
      });
    }
  });

export type ReminderCardProps = z.infer<typeof reminderCardSchema>;

export const reminderCardDefaults: ReminderCardProps = {
  kind: 'hadith',
  text:
    'Whoever believes in Allah and the Last Day, let him not harm his neighbour; whoever believes in Allah and the Last Day, let him honour his guest; and whoever believes in Allah and the Last Day, let him speak good or remain silent.',
  arabicText:
    'مَنْ كَانَ يُؤْمِنُ بِاللَّهِ وَالْيَوْمِ الآخِرِ فَلَا يُؤْذِ جَارَهُ، وَمَنْ كَانَ يُؤْمِنُ بِاللَّهِ وَالْيَوْمِ الآخِرِ فَلْيُكْرِمْ ضَيْفَهُ، وَمَنْ كَانَ يُؤْمِنُ بِاللَّهِ وَالْيَوْمِ الآخِرِ فَلْيَقُلْ خَيْرًا أَوْ لِيَصْمُتْ',
  showArabic: true,
  source: 'Sahih al-Bukhari 6018',
  narrator: 'Abu Hurairah (RA)',
  scene: 'night',
  ...lookDefaults,
  grain: 0.35,
  vignette: 0.55,
  textColor: null,
  accentColor: null,
  textAnimation: 'rise',
  pageTransition: { type: 'dissolve', durationSec: 0.8, easing: 'ease-in-out', direction: 'from-right' },
  pace: 1,
  backgroundAudio: 'auto',
  musicMood: 'calm',
  noInstrumentalMusic: true,
  musicVolume: 0.5,
  showSafeZones: false,
  seed: 7,
};
