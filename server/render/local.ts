// Local render backend: @remotion/renderer on this machine's Chromium. Opens
// one browser for the whole job, resolves the composition (which runs the
// template's calculateMetadata) and renders an H.264/AAC MP4 or a PNG still.
import { makeCancelSignal, openBrowser, renderMedia, renderStill, selectComposition } from '@remotion/renderer';

export interface RenderRequest {
  serveUrl: string;
  compositionId: string;
  inputProps: Record<string, unknown>;
  output: string;
  /** render this frame as a PNG instead of a video */
  still?: number | undefined;
  /** render only these frames (inclusive), e.g. for tests and benchmarks */
  frameRange?: [number, number] | undefined;
  /** 0..1 output scale, e.g. 0.25 for a quick check */
  scale?: number | undefined;
  browserExecutable: string | null;
  concurrency?: number | undefined;
  onProgress?: ((p: { renderedFrames: number; totalFrames: number; progress: number }) => void) | undefined;
  /** Aborting it stops a video render (Remotion's cancelSignal); renderLocal then rejects. */
  signal?: AbortSignal | undefined;
  /** A browser from openLocalBrowser() to render in (kept open); by default one is opened and closed for this render. */
  browser?: LocalBrowser | undefined;
}

export type LocalBrowser = Awaited<ReturnType<typeof openBrowser>>;

/** A Chromium with Noor's options, for callers that render many times (tests, stills): close it when done. */
export const openLocalBrowser = (browserExecutable: string | null): Promise<LocalBrowser> =>
  openBrowser('chrome', { browserExecutable, chromiumOptions: CHROMIUM_OPTIONS, logLevel: 'error' });

export interface RenderResult {
  output: string;
  width: number;
  height: number;
  fps: number;
  /** frames written (1 for a still) */
  frames: number;
  /** seconds of video (0 for a still) */
  durationSec: number;
  elapsedMs: number;
}

/** Software GL: measured fastest for canvas + text in headless Debian Chromium without a GPU. */
export const CHROMIUM_OPTIONS = { gl: 'swiftshader' as const, headless: true };

/**
 * How videos are encoded. x264 is the bottleneck on grainy frames, so the
 * preset is 'superfast' (~1.7× faster than 'medium' here) at CRF 22, which
 * keeps a 1080×1920 reel near 14 Mbit/s, inside every platform's upload
 * limits; the platforms re-encode uploads anyway.
 */
export const VIDEO_SETTINGS = {
  codec: 'h264',
  audioCodec: 'aac',
  pixelFormat: 'yuv420p',
  crf: 22,
  x264Preset: 'superfast',
  imageFormat: 'jpeg',
  jpegQuality: 92,
} as const;

export async function renderLocal(request: RenderRequest): Promise<RenderResult> {
  const started = performance.now();
  const browser = request.browser ?? (await openLocalBrowser(request.browserExecutable));
  try {
    const composition = await selectComposition({
      serveUrl: request.serveUrl,
      id: request.compositionId,
      inputProps: request.inputProps,
      puppeteerInstance: browser,
      browserExecutable: request.browserExecutable,
      chromiumOptions: CHROMIUM_OPTIONS,
      logLevel: 'error',
    });
    const scale = request.scale ?? 1;
    if (request.still !== undefined) {
      if (request.still < 0 || request.still >= composition.durationInFrames) {
        throw new RangeError(`--still: frame ${request.still} is outside 0..${composition.durationInFrames - 1}`);
      }
      await renderStill({
        composition,
        serveUrl: request.serveUrl,
        output: request.output,
        frame: request.still,
        inputProps: request.inputProps,
        puppeteerInstance: browser,
        imageFormat: 'png',
        scale,
        overwrite: true,
        chromiumOptions: CHROMIUM_OPTIONS,
        logLevel: 'error',
      });
      return {
        output: request.output,
        width: Math.round(composition.width * scale),
        height: Math.round(composition.height * scale),
        fps: composition.fps,
        frames: 1,
        durationSec: 0,
        elapsedMs: performance.now() - started,
      };
    }
    let frames = composition.durationInFrames;
    if (request.frameRange) frames = request.frameRange[1] - request.frameRange[0] + 1;
    const cancel = makeCancelSignal();
    const stop = () => cancel.cancel();
    if (request.signal?.aborted) stop();
    request.signal?.addEventListener('abort', stop, { once: true });
    await renderMedia({
      cancelSignal: cancel.cancelSignal,
      composition,
      serveUrl: request.serveUrl,
      ...VIDEO_SETTINGS,
      outputLocation: request.output,
      inputProps: request.inputProps,
      puppeteerInstance: browser,
      concurrency: request.concurrency ?? null,
      frameRange: request.frameRange ?? null,
      scale,
      overwrite: true,
      enforceAudioTrack: true,
      chromiumOptions: CHROMIUM_OPTIONS,
      logLevel: 'error',
      onProgress: ({ renderedFrames, progress }) =>
        request.onProgress?.({ renderedFrames, totalFrames: frames, progress }),
    }).finally(() => request.signal?.removeEventListener('abort', stop));
    return {
      output: request.output,
      width: Math.round(composition.width * scale),
      height: Math.round(composition.height * scale),
      fps: composition.fps,
      frames,
      durationSec: frames / composition.fps,
      elapsedMs: performance.now() - started,
    };
  } finally {
    // A browser that crashed mid-render cannot be closed again; the render's own error is the one to report.
    if (!request.browser) await browser.close({ silent: true }).catch(() => undefined);
  }
}
