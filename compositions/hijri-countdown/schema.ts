// HijriCountdown props: the event, the day counted from (a prop, so a render
// is the same whenever it runs), an optional typed reminder line, and the
// shared look, sound and design fields. Node-safe: the CLI validates with it.
import { z } from 'zod';
import { typedText } from '../quran/typed-text';
import { designProps, lookDefaults, lookProps, soundProps } from '../template-props';
import { HIJRI_EVENTS, isoDateProblem } from './hijri';

export const hijriCountdownSchema = z.object({
  event: z.enum(HIJRI_EVENTS).describe('What to count down to (Umm al-Qura calendar; Jumu\u2019ah is the next Friday)'),
  today: z
    .string()
    .superRefine((value, ctx) => {
      const problem = isoDateProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .describe('The day counted from, YYYY-MM-DD (never the clock, so renders are repeatable)'),
  line: typedText(140).describe('A reminder under the date (optional; empty for none)'),
  ...lookProps,
  ...soundProps,
  ...designProps,
});

export type HijriCountdownProps = z.infer<typeof hijriCountdownSchema>;

export const hijriCountdownDefaults: HijriCountdownProps = {
  event: 'ramadan',
  today: '2026-11-25',
  line: 'Prepare your heart before the month arrives',
  scene: 'night',
  ...lookDefaults,
  grain: 0.25,
  vignette: 0.45,
  textColor: null,
  accentColor: null,
  textAnimation: 'blur-in',
  backgroundAudio: 'auto',
  musicMood: 'reflective',
  noInstrumentalMusic: true,
  musicVolume: 0.5,
  showSafeZones: false,
  seed: 7,
};

/** 8 s for the count alone, 10 s when there is a line to read. */
export const countdownSeconds = (props: Pick<HijriCountdownProps, 'line'>): number => (props.line.trim() ? 10 : 8);
