// LocalRenderBackend really rendering: it bundles the compositions itself
// (warm webpack cache), renders five frames of ReminderCard 9:16 at quarter
// scale with Chromium, reports progress in order up to 1, and returns an
// H.264 MP4 whose size, dimensions and duration match what ffprobe reads;
// aborting its signal stops a render half-way.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalRenderBackend, RenderError, type RenderProgress } from '../../server/render/backends';
import { findBrowserExecutable } from '../../server/render/browser';
import { defaultCacheDir } from '../../server/paths';
import { ffprobe } from '../helpers/media';

describe('LocalRenderBackend', () => {
  it('renders a few frames of a template into the output folder with progress', async () => {
    const outputDir = mkdtempSync(path.join(os.tmpdir(), 'noor-local-backend-'));
    const backend = new LocalRenderBackend({
      outputDir,
      browserExecutable: findBrowserExecutable(undefined),
      concurrency: 1,
      bundleDir: path.join(defaultCacheDir, 'test-bundle'),
    });
    const events: RenderProgress[] = [];
    const job = { renderId: 'r-local', templateId: 'reminder-card', aspect: '9:16' as const, inputProps: {}, outputKey: 'renders/r-local.mp4', frameRange: [0, 4] as [number, number], scale: 0.25 };
    const output = await backend.render(job, { onProgress: (p) => events.push(p) });

    const file = path.join(outputDir, 'renders', 'r-local.mp4');
    expect(output).toMatchObject({ location: { kind: 'file', path: file, key: 'renders/r-local.mp4' }, width: 270, height: 480, backend: 'local' });
    expect(output.durationSec).toBeCloseTo(5 / 30);
    const probe = ffprobe(file);
    const video = probe.streams.find((s) => s.codec_type === 'video')!;
    expect(video).toMatchObject({ codec_name: 'h264', width: 270, height: 480 });
    expect(output.bytes).toBeGreaterThan(1000);

    expect(events.length).toBeGreaterThan(0);
    expect(events.at(-1)).toMatchObject({ progress: 1, totalFrames: 5 });
    const values = events.map((e) => e.progress);
    expect([...values].sort((a, b) => a - b)).toEqual(values);

    // Aborting the signal stops a render half-way: a cancelled RenderError, well before the 60 frames are done.
    const controller = new AbortController();
    const stopped = backend.render(
      { ...job, renderId: 'r-stop', outputKey: 'renders/r-stop.mp4', frameRange: [0, 59] },
      { onProgress: (p) => (p.renderedFrames ?? 0) > 0 && controller.abort(), signal: controller.signal },
    );
    await expect(stopped).rejects.toMatchObject({ name: 'RenderError', kind: 'cancelled', message: 'render r-stop: stopped before it finished' });

    // A bad job fails before the browser starts, naming the field.
    await expect(backend.render({ ...job, aspect: '16:9', templateId: 'verse-reel', outputKey: 'x.webm' }, { onProgress: () => undefined })).rejects.toThrow(RenderError);
  });
});
