// ReminderCard rendered for real from the main bundle: text in the safe
// region of every aspect, a ~500-character text laid out in every aspect
// (the page overflow guard fails the render otherwise), the kind label drawn
// in the accent colour, typed Qur'an and unbreakable words refused with
// errors naming the prop, and frames identical in any order.
import { describe, expect, inject, it } from 'vitest';
import { renderStillImage } from './helpers/still';
import { brightFraction, differingPixels, type Image, type Region } from './helpers/media';
import { ASPECT_IDS, ASPECTS } from '../compositions/layout/aspects';
import { textSafeInsets } from '../compositions/layout/safe-zones';
import { reminderCardDefaults, type ReminderCardProps } from '../compositions/reminder-card/schema';

const serveUrl = inject('serveUrl');

/** Frame 200 (6.7 s): the first page is fully in, with its attribution. */
const TEXT_FRAME = 200;

const idOf = (aspect: (typeof ASPECT_IDS)[number]) => `ReminderCard-${ASPECTS[aspect].slug}`;

const still = (compositionId: string, props: Partial<ReminderCardProps> = {}, frame = TEXT_FRAME, scale = 0.4): Promise<Image> =>
  renderStillImage({ serveUrl, compositionId, frame, props: { ...reminderCardDefaults, grain: 0, ...props }, scale });

const safeRegion = (aspect: (typeof ASPECT_IDS)[number]): Region => {
  const insets = textSafeInsets(aspect);
  return { x: insets.left, y: insets.top, w: 1 - insets.left - insets.right, h: 1 - insets.top - insets.bottom };
};

const LONG_TEXT =
  'When the night is long and the heart feels heavy, remember that every hardship is written with a wisdom you cannot yet see. ' +
  'Turn to Allah before you turn to people; speak to Him in the quiet hours, and let your tears be a prayer. ' +
  'Be gentle with yourself and with others, for mercy returns to the merciful. Guard your tongue, keep your promises, ' +
  'and give even when you have little. The world is a passing shade; what you send ahead is what remains. Begin again today, sincerely, and trust Him.';

describe('ReminderCard in every aspect', () => {
  it.each(ASPECT_IDS)('%s draws the default hadith inside the text-safe region, and nothing outside it', async (aspect) => {
    const image = await still(idOf(aspect));
    expect(brightFraction(image, safeRegion(aspect), 170)).toBeGreaterThan(0.01);
    if (aspect === '9:16') {
      // The bottom band where Reels draws its caption and buttons stays free of text.
      expect(brightFraction(image, { x: 0.05, y: 0.7, w: 0.9, h: 0.28 }, 170)).toBeLessThan(0.001);
    }
  });

  it.each(ASPECT_IDS)('%s lays out a ~500-character text (with and without Arabic) without overflow', async (aspect) => {
    expect(LONG_TEXT.length).toBeGreaterThan(480);
    expect(LONG_TEXT.length).toBeLessThanOrEqual(500);
    const plain = await still(idOf(aspect), { kind: 'reminder', text: LONG_TEXT, arabicText: '', narrator: '', source: '' }, TEXT_FRAME, 0.25);
    expect(brightFraction(plain, safeRegion(aspect), 170)).toBeGreaterThan(0.01);
    const withArabic = await still(idOf(aspect), { text: LONG_TEXT }, TEXT_FRAME, 0.25);
    expect(brightFraction(withArabic, safeRegion(aspect), 170)).toBeGreaterThan(0.01);
  });
});

describe('ReminderCard label', () => {
  it('draws the kind label in the accent colour above the text', async () => {
    // Same card but for the label word: only the label's band may differ, and it holds accent-red pixels.
    const props = { narrator: '', accentColor: '#ff0000', textColor: '#ffffff', grain: 0, vignette: 0 };
    const hadith = await still('ReminderCard-9x16', { ...props, kind: 'hadith' }, TEXT_FRAME, 0.5);
    const quote = await still('ReminderCard-9x16', { ...props, kind: 'quote' }, TEXT_FRAME, 0.5);
    const rows: number[] = [];
    for (let y = 0; y < hadith.height; y++) {
      for (let x = 0; x < hadith.width; x++) {
        const i = (y * hadith.width + x) * 4;
        if (Math.abs(hadith.data[i]! - quote.data[i]!) + Math.abs(hadith.data[i + 1]! - quote.data[i + 1]!) > 40) {
          rows.push(y);
          break;
        }
      }
    }
    expect(rows.length).toBeGreaterThan(3);
    const top = Math.min(...rows);
    const bottom = Math.max(...rows);
    // One thin band, in the upper part of the text-safe region.
    expect((bottom - top) / hadith.height).toBeLessThan(0.04);
    expect(top / hadith.height).toBeGreaterThan(textSafeInsets('9:16').top);
    expect(bottom / hadith.height).toBeLessThan(0.4);
    let red = 0;
    for (let y = top; y <= bottom; y++) {
      for (let x = 0; x < hadith.width; x++) {
        const i = (y * hadith.width + x) * 4;
        if (hadith.data[i]! > 180 && hadith.data[i + 1]! < 90 && hadith.data[i + 2]! < 90) red++;
      }
    }
    expect(red).toBeGreaterThan(30);
  });
});

describe('ReminderCard refuses what it must not draw', () => {
  it('fails the render when arabicText is a whole ayah typed in, naming the field and the reference', async () => {
    await expect(still('ReminderCard-1x1', { arabicText: 'قُلْ هُوَ اللَّهُ أَحَدٌ' }, 10, 0.2)).rejects.toThrow(
      /arabicText: Qur'anic text must come from a verse reference \(use verse-reel with reference=112:1\)/,
    );
  });

  it('fails the render when a word cannot fit the text box, naming `text`', async () => {
    await expect(still('ReminderCard-9x16', { text: `A link: ${'w'.repeat(80)}` }, 10, 0.2)).rejects.toThrow(/text: the word "w+”?" is wider/);
  });
});

describe('ReminderCard frames', () => {
  it('renders any frame identically, alone or in another order', async () => {
    const props = { grain: 0.5 };
    const first = await still('ReminderCard-4x5', props, 150, 0.3);
    await still('ReminderCard-4x5', props, 40, 0.3);
    const again = await still('ReminderCard-4x5', props, 150, 0.3);
    expect(differingPixels(first, again)).toBe(0);
  });
});
