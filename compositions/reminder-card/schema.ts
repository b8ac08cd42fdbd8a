// ReminderCard props: a typed hadith, du'a, quote or reminder with its source,
// labelled by kind so it is never mistaken for Qur'an, plus the same look,
// text and sound props as VerseReel. Typed text is allowed here; typed
// Qur'an is not (see guard.ts). Node-safe, so the CLI validates with it too.
import { z } from 'zod';
import { zColor } from '@remotion/zod-types';
import { gradeSchema } from '../effects/grade';
import { SCENE_IDS } from '../backgrounds/scenes';
import { BACKGROUND_CHOICES } from '../audio/select';
import { TRACK_MOODS } from '../audio/catalog';
import { transitionSchema } from '../transitions/spec';
import { TEXT_ANIMATION_IDS } from '../text/animations';
import { quranicMarkProblem, quranSourceProblem } from './guard';

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

const tooLong = (limit: number) => (issue: { input?: unknown }) =>
  `is ${typeof issue.input === 'string' ? issue.input.length : 'too many'} characters; the limit is ${limit} (split it across two cards)`;

/** A typed string that must not carry Qur'anic marks. */
const typed = (limit: number) =>
  z
    .string()
    .max(limit, { error: tooLong(limit) })
    .superRefine((value, ctx) => {
      const problem = quranicMarkProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });

export const reminderCardSchema = z
  .object({
    kind: z.enum(CARD_KINDS).describe('What the text is, shown as a small label (Hadith, Quote, Du’a, Reminder): never Qur\'an'),
    text: typed(TEXT_MAX)
      .refine((value) => value.trim().length > 0, { error: 'is empty; type the hadith, du’a, quote or reminder' })
      .describe(`The hadith, du’a, quote or reminder as typed (up to ${TEXT_MAX} characters); set in a Latin serif and split into timed pages`),
    arabicText: typed(ARABIC_TEXT_MAX).describe(
      'Optional Arabic original (e.g. the hadith\'s matn), typed; "" for none. Qur\'anic text is refused: use verse-reel',
    ),
    showArabic: z.boolean().describe('Show arabicText above the text'),
    source: typed(SOURCE_MAX)
      .superRefine((value, ctx) => {
        const problem = quranSourceProblem(value);
        if (problem) ctx.addIssue({ code: 'custom', message: problem });
      })
      .describe('Where it is from, e.g. "Sahih al-Bukhari 6018"; required for a hadith'),
    narrator: typed(NARRATOR_MAX).describe('Optional, e.g. "Abu Hurairah (RA)" (a hadith shows "Narrated by …"); "" for none'),
    scene: z.enum(SCENE_IDS).describe('Procedural background and its grade'),
    gradeAdjust: gradeSchema.describe('Adjustments on top of the scene grade (0 = as designed)'),
    grain: z.number().min(0).max(1).step(0.05),
    vignette: z.number().min(0).max(1).step(0.05),
    textColor: zColor().nullable().describe('null: the scene\'s own ink'),
    accentColor: zColor().nullable().describe('Label, divider and source line; null: the scene\'s accent'),
    textAnimation: z.enum(TEXT_ANIMATION_IDS).describe('How the words appear (the Arabic right to left, then the text)'),
    pageTransition: transitionSchema.describe('How one page of text becomes the next'),
    pace: z.number().min(0.5).max(2).step(0.05).describe('Reading time multiplier'),
    backgroundAudio: z.enum(BACKGROUND_CHOICES).describe('"auto" picks by mood and the music setting; "none" is silence'),
    musicMood: z.enum(TRACK_MOODS).describe('The mood "auto" looks for'),
    noInstrumentalMusic: z.boolean().describe('Only non-instrumental ambience (or silence) is used'),
    musicVolume: z.number().min(0).max(1).step(0.05),
    showSafeZones: z.boolean().describe('Draw the platforms\' UI zones (for designing; never in a real render)'),
    seed: z.number().int().min(0).max(1_000_000),
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
  gradeAdjust: { exposure: 0, contrast: 0, saturation: 0, temperature: 0, tint: 0 },
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
