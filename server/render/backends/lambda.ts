// LambdaRenderBackend: starts a render on Remotion Lambda
// (renderMediaOnLambda) and polls getRenderProgress until the video is in S3
// or Lambda reports a fatal error, which becomes a RenderError carrying
// Lambda's own message. The output is private: it is downloaded (downloadMedia,
// Lambda's credentials) into a temporary file for storage to take in. Encodes like the local backend (VIDEO_SETTINGS).
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { VIDEO_SETTINGS } from '../local';
import { RenderError } from './errors';
import { checkJob } from './job';
import type { AwsRegion, LambdaRenderClient, LambdaRenderProgress } from './lambda-client';
import type { RenderBackend, RenderHooks, RenderJob, RenderOutput } from './types';

export interface LambdaRenderBackendOptions {
  client: LambdaRenderClient;
  region: AwsRegion;
  functionName: string;
  /** The site URL from `noor lambda deploy`. */
  serveUrl: string;
  /** Write the video to this bucket under job.outputKey; Remotion's own bucket when unset. */
  outputBucket?: string | undefined;
  framesPerLambda?: number | undefined;
  licenseKey?: string | undefined;
  /** How often to ask for progress (default 1 s). */
  pollIntervalMs?: number;
  /** Give up after this long (default 15 min, the longest a Lambda function may run). */
  timeoutMs?: number;
  /** Progress polls that may fail in a row (network blips) before the render is failed (default 3). */
  maxPollFailures?: number;
}

/** Retries of a failed chunk inside Lambda before the render fails. */
export const LAMBDA_MAX_RETRIES = 1;

const firstLines = (message: string) =>
  message
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n')
    .trim();

function describeFatal(progress: LambdaRenderProgress): string {
  const error = progress.errors.find((e) => e.isFatal) ?? progress.errors.at(-1);
  if (!error) return 'Lambda reported a fatal error without a message';
  const where = [error.chunk !== null ? `chunk ${error.chunk}` : null, error.frame !== null ? `frame ${error.frame}` : null].filter(Boolean).join(', ');
  return `${error.name}: ${firstLines(error.message)}${where ? ` (${where})` : ''}${error.explanation ? `. ${error.explanation}` : ''}`;
}

export class LambdaRenderBackend implements RenderBackend {
  readonly name = 'lambda' as const;

  constructor(private readonly options: LambdaRenderBackendOptions) {}

  async render(job: RenderJob, hooks: RenderHooks): Promise<RenderOutput> {
    const { template, compositionId } = checkJob(job, this.name);
    const { client, region, functionName, outputBucket } = this.options;
    const fail = (kind: 'failed' | 'timeout', reason: string, cause?: unknown) =>
      new RenderError(kind, this.name, `render ${job.renderId}: ${reason}`, { cause });

    const started = await client
      .renderMediaOnLambda({
        region,
        functionName,
        serveUrl: this.options.serveUrl,
        composition: compositionId,
        inputProps: job.inputProps,
        ...VIDEO_SETTINGS,
        frameRange: job.frameRange,
        scale: job.scale ?? 1,
        framesPerLambda: this.options.framesPerLambda,
        maxRetries: LAMBDA_MAX_RETRIES,
        privacy: 'private',
        outName: outputBucket ? { bucketName: outputBucket, key: job.outputKey } : job.outputKey,
        downloadBehavior: { type: 'play-in-browser' },
        metadata: { 'noor-render-id': job.renderId },
        licenseKey: this.options.licenseKey ?? null,
        overwrite: true,
      })
      .catch((error: unknown) => {
        throw fail('failed', `starting the Lambda render failed: ${error instanceof Error ? firstLines(error.message) : String(error)}`, error);
      });
    const lambdaRender = `Lambda render ${started.renderId}`;

    const timeoutMs = this.options.timeoutMs ?? 15 * 60_000;
    const deadline = performance.now() + timeoutMs;
    let lastProgress = 0;
    let pollFailures = 0;
    for (;;) {
      if (hooks.signal?.aborted) {
        throw new RenderError('cancelled', this.name, `render ${job.renderId}: stopped waiting for ${lambdaRender} (it may still finish in S3; the render is made again later)`);
      }
      let progress: LambdaRenderProgress;
      try {
        progress = await client.getRenderProgress({ renderId: started.renderId, bucketName: started.bucketName, functionName, region });
        pollFailures = 0;
      } catch (error) {
        pollFailures += 1;
        if (pollFailures >= (this.options.maxPollFailures ?? 3)) {
          throw fail('failed', `${lambdaRender}: asking for its progress failed ${pollFailures} times: ${error instanceof Error ? error.message : String(error)}`, error);
        }
        await sleep(this.options.pollIntervalMs ?? 1000);
        continue;
      }
      if (progress.fatalErrorEncountered) {
        throw fail('failed', `${lambdaRender} failed: ${describeFatal(progress)}. Logs: ${started.cloudWatchLogs}`);
      }
      const frameRange = progress.renderMetadata?.frameRange;
      const totalFrames = frameRange ? frameRange[1] - frameRange[0] + 1 : undefined;
      lastProgress = progress.done ? 1 : progress.overallProgress;
      hooks.onProgress({ progress: lastProgress, renderedFrames: progress.framesRendered, totalFrames });
      if (progress.done) {
        const { outBucket, outKey, outputFile, outputSizeInBytes, renderMetadata } = progress;
        if (!outBucket || !outKey || !outputFile || outputSizeInBytes === null || !renderMetadata || totalFrames === undefined) {
          throw fail('failed', `${lambdaRender} finished but did not report its output file, size and dimensions`);
        }
        const file = await this.download(started, `s3://${outBucket}/${outKey}`, outputSizeInBytes, job, fail);
        return {
          location: { kind: 'file', path: file, key: job.outputKey },
          bytes: outputSizeInBytes,
          durationSec: totalFrames / template.fps,
          width: Math.round(renderMetadata.dimensions.width),
          height: Math.round(renderMetadata.dimensions.height),
          backend: this.name,
        };
      }
      if (performance.now() >= deadline) {
        throw fail('timeout', `${lambdaRender} did not finish within ${timeoutMs / 1000} s (at ${Math.round(lastProgress * 100)}%). Logs: ${started.cloudWatchLogs}`);
      }
      await sleep(this.options.pollIntervalMs ?? 1000);
    }
  }

  /** The output is private in S3: downloaded with Lambda's own credentials into a temporary file, its size checked. */
  private async download(
    started: { renderId: string; bucketName: string },
    where: string,
    bytes: number,
    job: RenderJob,
    fail: (kind: 'failed', reason: string, cause?: unknown) => RenderError,
  ): Promise<string> {
    const file = path.join(os.tmpdir(), `noor-lambda-${job.renderId}-${randomBytes(4).toString('hex')}.mp4`);
    const lambdaRender = `Lambda render ${started.renderId}`;
    try {
      const { sizeInBytes } = await this.options.client.downloadMedia({ region: this.options.region, bucketName: started.bucketName, renderId: started.renderId, outPath: file });
      if (sizeInBytes !== bytes) throw fail('failed', `${lambdaRender}: downloading ${where} gave ${sizeInBytes} bytes, not the ${bytes} Lambda reported`);
      return file;
    } catch (error) {
      await rm(file, { force: true });
      if (error instanceof RenderError) throw error;
      throw fail('failed', `${lambdaRender}: downloading its output ${where} failed: ${error instanceof Error ? firstLines(error.message) : String(error)}`, error);
    }
  }
}
