// HijriCountdown rendered from the main bundle in every aspect: the count and
// its words are drawn inside the text-safe region; and the CLI lists it.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { renderStillImage } from './helpers/still';
import { brightFraction, regionStats, type Region } from './helpers/media';
import { ASPECT_IDS, ASPECTS, type AspectId } from '../compositions/layout/aspects';
import { textSafeInsets } from '../compositions/layout/safe-zones';
import { hijriCountdownDefaults } from '../compositions/hijri-countdown/schema';

const serveUrl = inject('serveUrl');
const bin = path.resolve(__dirname, '../bin/noor.mjs');

/** The band the text block takes: the lower 70% of the text-safe region (the crescent sits above it). */
const textBand = (aspect: AspectId): Region => {
  const insets = textSafeInsets(aspect);
  const h = 1 - insets.top - insets.bottom;
  return { x: insets.left, y: insets.top + h * 0.3, w: 1 - insets.left - insets.right, h: h * 0.7 };
};

describe('HijriCountdown in every aspect', () => {
  it.each(ASPECT_IDS)('%s draws the count and its words in the text band', async (aspect) => {
    const image = await renderStillImage({
      serveUrl,
      compositionId: `HijriCountdown-${ASPECTS[aspect].slug}`,
      frame: 90,
      props: { ...hijriCountdownDefaults, grain: 0 },
      scale: 0.4,
    });
    const band = textBand(aspect);
    expect(brightFraction(image, band, 200)).toBeGreaterThan(0.01);
    expect(regionStats(image, band).lumaStd).toBeGreaterThan(15);
  });

  it('draws "Today is …" (no count) on the day itself', async () => {
    const image = await renderStillImage({
      serveUrl,
      compositionId: 'HijriCountdown-1x1',
      frame: 90,
      props: { ...hijriCountdownDefaults, event: 'eid-al-fitr', today: '2026-03-20', line: '', grain: 0 },
      scale: 0.4,
    });
    expect(brightFraction(image, textBand('1:1'), 200)).toBeGreaterThan(0.005);
  });
});

describe('noor templates', () => {
  it('lists at least four templates in four aspects each, HijriCountdown among them', () => {
    const r = spawnSync(process.execPath, [bin, 'templates', '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const templates = JSON.parse(r.stdout) as { id: string; aspects: unknown[] }[];
    expect(templates.length).toBeGreaterThanOrEqual(4);
    for (const t of templates) expect(t.aspects, t.id).toHaveLength(4);
    expect(templates.map((t) => t.id)).toContain('hijri-countdown');
  });
});
