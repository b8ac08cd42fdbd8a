// LocalRenderBackend: renders on this machine with @remotion/renderer
// (renderLocal) from a bundle made once per backend, into a local folder.
// It does not stage local media files: props name URLs or bundle files.
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { bundleCompositions } from '../bundle';
import { renderLocal } from '../local';
import { RenderError } from './errors';
import { checkJob } from './job';
import type { RenderBackend, RenderHooks, RenderJob, RenderOutput } from './types';

export interface LocalRenderBackendOptions {
  /** Finished videos go to outputDir/<job.outputKey>. */
  outputDir: string;
  /** Chromium to use (findBrowserExecutable); null lets Remotion download its own. */
  browserExecutable: string | null;
  concurrency?: number | undefined;
  /** A ready bundle to render from; otherwise one is bundled into bundleDir on first use. */
  serveUrl?: string | undefined;
  bundleDir?: string | undefined;
}

export class LocalRenderBackend implements RenderBackend {
  readonly name = 'local' as const;
  private serveUrl: Promise<string> | undefined;

  constructor(private readonly options: LocalRenderBackendOptions) {
    if (!options.serveUrl && !options.bundleDir) throw new TypeError('LocalRenderBackend: give serveUrl or bundleDir');
  }

  private bundle(): Promise<string> {
    const { serveUrl, bundleDir } = this.options;
    this.serveUrl ??= serveUrl ? Promise.resolve(serveUrl) : bundleCompositions({ outDir: bundleDir! });
    // A failed bundle is not cached: the next job tries again.
    this.serveUrl.catch(() => (this.serveUrl = undefined));
    return this.serveUrl;
  }

  async render(job: RenderJob, hooks: RenderHooks): Promise<RenderOutput> {
    const checked = checkJob(job, this.name);
    const output = path.join(this.options.outputDir, ...job.outputKey.split('/'));
    try {
      await mkdir(path.dirname(output), { recursive: true });
      const result = await renderLocal({
        serveUrl: await this.bundle(),
        compositionId: checked.compositionId,
        inputProps: job.inputProps,
        output,
        frameRange: job.frameRange,
        scale: job.scale,
        browserExecutable: this.options.browserExecutable,
        concurrency: this.options.concurrency,
        onProgress: (p) => hooks.onProgress(p),
        signal: hooks.signal,
      });
      return {
        location: { kind: 'file', path: output, key: job.outputKey },
        bytes: (await stat(output)).size,
        durationSec: result.durationSec,
        width: result.width,
        height: result.height,
        backend: this.name,
      };
    } catch (error) {
      if (hooks.signal?.aborted) throw new RenderError('cancelled', this.name, `render ${job.renderId}: stopped before it finished`, { cause: error });
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new RenderError('failed', this.name, `render ${job.renderId}: ${reason}`, { cause: error });
    }
  }
}
