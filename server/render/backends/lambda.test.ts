// LambdaRenderBackend against a fake @remotion/lambda client: the exact
// renderMediaOnLambda parameters, getRenderProgress polled until done with
// progress reported in order, the private output downloaded (or its failure
// named), Lambda's fatal error and a start failure
// turned into RenderErrors with Lambda's message, tolerated poll blips, the
// timeout, and bad jobs refused before anything is sent.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { DownloadMediaInput, GetRenderProgressInput, RenderMediaOnLambdaInput } from '@remotion/lambda';
import { LambdaRenderBackend, type LambdaRenderBackendOptions } from './lambda';
import type { LambdaRenderClient, LambdaRenderProgress } from './lambda-client';
import { RenderError } from './errors';
import type { RenderJob, RenderProgress } from './types';

const base: LambdaRenderProgress = {
  done: false,
  overallProgress: 0,
  framesRendered: 0,
  fatalErrorEncountered: false,
  outputFile: null,
  outKey: null,
  outBucket: null,
  outputSizeInBytes: null,
  errors: [],
  renderMetadata: { dimensions: { width: 1080, height: 1920 }, frameRange: [0, 299] },
};

/** The bytes the fake "S3" holds for a finished render. */
const OUTPUT = Buffer.from('fake mp4 bytes of the finished Lambda render');

/** Downloaded files, removed after the tests. */
const downloaded = new Set<string>();
afterAll(() => {
  for (const file of downloaded) rmSync(file, { force: true });
});

function fakeClient(script: (LambdaRenderProgress | Error)[], download: (input: DownloadMediaInput) => Promise<number> = async ({ outPath }) => {
  downloaded.add(outPath);
  writeFileSync(outPath, OUTPUT);
  return OUTPUT.length;
}) {
  const calls = { render: [] as RenderMediaOnLambdaInput[], progress: [] as GetRenderProgressInput[], download: [] as DownloadMediaInput[] };
  let i = 0;
  const client: LambdaRenderClient = {
    async downloadMedia(input) {
      calls.download.push(input);
      const sizeInBytes = await download(input);
      return { outputPath: input.outPath, sizeInBytes };
    },
    getRegions: () => ['us-east-1', 'eu-central-1'],
    async renderMediaOnLambda(input) {
      calls.render.push(input);
      return { renderId: 'lr-42', bucketName: 'remotionlambda-useast1-abc', cloudWatchLogs: 'https://console.aws.amazon.com/cloudwatch/lr-42' };
    },
    async getRenderProgress(input) {
      calls.progress.push(input);
      const next = script[Math.min(i++, script.length - 1)]!;
      if (next instanceof Error) throw next;
      return next;
    },
  };
  return { client, calls };
}

const job: RenderJob = {
  renderId: 'r-1',
  templateId: 'verse-reel',
  aspect: '9:16',
  inputProps: { reference: '1:1' },
  outputKey: 'renders/r-1.mp4',
};

const backend = (client: LambdaRenderClient, extra: Partial<LambdaRenderBackendOptions> = {}) =>
  new LambdaRenderBackend({
    client,
    region: 'us-east-1',
    functionName: 'remotion-render-4-0-527-mem2048mb-disk2048mb-240sec',
    serveUrl: 'https://remotionlambda-useast1-abc.s3.us-east-1.amazonaws.com/sites/noor/index.html',
    pollIntervalMs: 1,
    ...extra,
  });

const done: LambdaRenderProgress = {
  ...base,
  done: true,
  overallProgress: 1,
  framesRendered: 300,
  outputFile: 'https://remotionlambda-useast1-abc.s3.us-east-1.amazonaws.com/renders/r-1.mp4',
  outKey: 'renders/r-1.mp4',
  outBucket: 'remotionlambda-useast1-abc',
  outputSizeInBytes: OUTPUT.length,
};

describe('LambdaRenderBackend', () => {
  it('starts the render with the exact parameters and polls until done', async () => {
    const { client, calls } = fakeClient([
      { ...base, overallProgress: 0.1, framesRendered: 20 },
      { ...base, overallProgress: 0.55, framesRendered: 160 },
      { ...base, overallProgress: 0.9, framesRendered: 300 },
      done,
    ]);
    const events: RenderProgress[] = [];
    const output = await backend(client, { framesPerLambda: 40, licenseKey: 'rm_pub_x' }).render(job, { onProgress: (p) => events.push(p) });

    expect(calls.render).toEqual([
      {
        region: 'us-east-1',
        functionName: 'remotion-render-4-0-527-mem2048mb-disk2048mb-240sec',
        serveUrl: 'https://remotionlambda-useast1-abc.s3.us-east-1.amazonaws.com/sites/noor/index.html',
        composition: 'VerseReel-9x16',
        inputProps: { reference: '1:1' },
        codec: 'h264',
        audioCodec: 'aac',
        pixelFormat: 'yuv420p',
        crf: 22,
        x264Preset: 'superfast',
        imageFormat: 'jpeg',
        jpegQuality: 92,
        frameRange: undefined,
        scale: 1,
        framesPerLambda: 40,
        maxRetries: 1,
        privacy: 'private',
        outName: 'renders/r-1.mp4',
        downloadBehavior: { type: 'play-in-browser' },
        metadata: { 'noor-render-id': 'r-1' },
        licenseKey: 'rm_pub_x',
        overwrite: true,
      },
    ]);
    expect(calls.progress).toHaveLength(4);
    for (const call of calls.progress) {
      expect(call).toEqual({
        renderId: 'lr-42',
        bucketName: 'remotionlambda-useast1-abc',
        functionName: 'remotion-render-4-0-527-mem2048mb-disk2048mb-240sec',
        region: 'us-east-1',
      });
    }
    expect(events).toEqual([
      { progress: 0.1, renderedFrames: 20, totalFrames: 300 },
      { progress: 0.55, renderedFrames: 160, totalFrames: 300 },
      { progress: 0.9, renderedFrames: 300, totalFrames: 300 },
      { progress: 1, renderedFrames: 300, totalFrames: 300 },
    ]);
    // the private output is downloaded with Lambda's credentials into a temporary file
    expect(calls.download).toEqual([{ region: 'us-east-1', bucketName: 'remotionlambda-useast1-abc', renderId: 'lr-42', outPath: output.location.path }]);
    expect(readFileSync(output.location.path)).toEqual(OUTPUT);
    expect(output).toEqual({
      location: { kind: 'file', path: output.location.path, key: 'renders/r-1.mp4' },
      bytes: OUTPUT.length,
      durationSec: 10,
      width: 1080,
      height: 1920,
      backend: 'lambda',
    });
  });

  it('writes to the configured output bucket, with frame range and scale', async () => {
    const { client, calls } = fakeClient([{ ...done, renderMetadata: { dimensions: { width: 270, height: 480 }, frameRange: [30, 59] }, outBucket: 'noor-renders' }]);
    const output = await backend(client, { outputBucket: 'noor-renders' }).render({ ...job, frameRange: [30, 59], scale: 0.25 }, { onProgress: () => undefined });
    expect(calls.render[0]).toMatchObject({ outName: { bucketName: 'noor-renders', key: 'renders/r-1.mp4' }, frameRange: [30, 59], scale: 0.25 });
    expect(calls.render[0]!.framesPerLambda).toBeUndefined();
    expect(output).toMatchObject({ location: { kind: 'file', key: 'renders/r-1.mp4' }, durationSec: 1, width: 270, height: 480 });
  });

  it('fails naming the S3 object when downloading the output fails or comes up short, leaving no file', async () => {
    let outPath = '';
    const denied = fakeClient([done], async (input) => {
      outPath = input.outPath;
      writeFileSync(input.outPath, 'partial');
      throw new Error('AccessDenied: Access Denied');
    });
    const error = await backend(denied.client).render(job, { onProgress: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as RenderError).message).toBe('render r-1: Lambda render lr-42: downloading its output s3://remotionlambda-useast1-abc/renders/r-1.mp4 failed: AccessDenied: Access Denied');
    expect(existsSync(outPath)).toBe(false);

    const short = fakeClient([done], async (input) => {
      writeFileSync(input.outPath, OUTPUT.subarray(0, 10));
      return 10;
    });
    await expect(backend(short.client).render(job, { onProgress: () => undefined })).rejects.toThrow(
      `render r-1: Lambda render lr-42: downloading s3://remotionlambda-useast1-abc/renders/r-1.mp4 gave 10 bytes, not the ${OUTPUT.length} Lambda reported`,
    );
  });

  it('stops waiting when its signal aborts, as a cancelled RenderError', async () => {
    const { client, calls } = fakeClient([{ ...base, overallProgress: 0.2 }]);
    const controller = new AbortController();
    const rendering = backend(client).render(job, { onProgress: () => controller.abort(), signal: controller.signal });
    await expect(rendering).rejects.toMatchObject({ kind: 'cancelled', message: 'render r-1: stopped waiting for Lambda render lr-42 (it may still finish in S3; the render is made again later)' });
    expect(calls.progress).toHaveLength(1);
    expect(calls.download).toEqual([]);
  });

  it('turns a fatal Lambda error into a RenderError with Lambda\'s message, where it happened, and the logs', async () => {
    const { client, calls } = fakeClient([
      { ...base, overallProgress: 0.2 },
      {
        ...base,
        fatalErrorEncountered: true,
        errors: [
          { name: 'Error', message: 'Timeout while loading font', isFatal: false, chunk: 1, frame: null, explanation: null },
          {
            name: 'Error',
            message: 'delayRender() "Loading verse audio" was called but not cleared after 28000ms\n    at Object.<anonymous> (bundle.js:1:1)',
            isFatal: true,
            chunk: 3,
            frame: 121,
            explanation: 'See https://remotion.dev/docs/timeout',
          },
        ],
      },
    ]);
    const error = await backend(client).render(job, { onProgress: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect(error).toMatchObject({ kind: 'failed', backend: 'lambda' });
    expect((error as Error).message).toBe(
      'render r-1: Lambda render lr-42 failed: Error: delayRender() "Loading verse audio" was called but not cleared after 28000ms (chunk 3, frame 121). See https://remotion.dev/docs/timeout. Logs: https://console.aws.amazon.com/cloudwatch/lr-42',
    );
    expect(calls.progress).toHaveLength(2);
  });

  it('reports a failure to start (e.g. no such function) as a RenderError', async () => {
    const { client } = fakeClient([done]);
    client.renderMediaOnLambda = async () => {
      throw new Error('The function remotion-render-x does not exist in us-east-1');
    };
    await expect(backend(client).render(job, { onProgress: () => undefined })).rejects.toThrow(
      /^render r-1: starting the Lambda render failed: The function remotion-render-x does not exist in us-east-1$/,
    );
  });

  it('rides out two failed progress polls, fails on the third in a row', async () => {
    const blip = new Error('socket hang up');
    const ok = fakeClient([blip, blip, { ...base, overallProgress: 0.5 }, done]);
    await expect(backend(ok.client).render(job, { onProgress: () => undefined })).resolves.toMatchObject({ bytes: OUTPUT.length });
    const bad = fakeClient([blip, blip, blip, done]);
    await expect(backend(bad.client).render(job, { onProgress: () => undefined })).rejects.toThrow(/asking for its progress failed 3 times: socket hang up/);
  });

  it('times out a render that never finishes', async () => {
    const { client, calls } = fakeClient([{ ...base, overallProgress: 0.42 }]);
    const error = await backend(client, { timeoutMs: 50, pollIntervalMs: 5 }).render(job, { onProgress: () => undefined }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect(error).toMatchObject({ kind: 'timeout' });
    expect((error as Error).message).toMatch(/^render r-1: Lambda render lr-42 did not finish within 0\.05 s \(at 42%\)\. Logs: /);
    expect(calls.progress.length).toBeGreaterThan(1);
  });

  it('refuses a bad job before calling Lambda, naming the field', async () => {
    const { client, calls } = fakeClient([done]);
    const run = (bad: Partial<RenderJob>) => backend(client).render({ ...job, ...bad }, { onProgress: () => undefined });
    await expect(run({ templateId: 'nope' })).rejects.toThrow('render r-1: templateId: unknown template "nope"');
    await expect(run({ outputKey: '../etc/x.mp4' })).rejects.toThrow(/outputKey: "..\/etc\/x.mp4" must be a relative path/);
    await expect(run({ outputKey: 'renders/r-1.mov' })).rejects.toThrow(/outputKey: "renders\/r-1.mov" must end in .mp4/);
    await expect(run({ frameRange: [10, 5] })).rejects.toThrow(/frameRange: \[10, 5\]/);
    await expect(run({ scale: 0 })).rejects.toThrow(/scale: 0 must be in/);
    expect(calls.render).toHaveLength(0);
  });
});
