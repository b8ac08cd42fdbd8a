// Video upload to X through twitter-api-v2's client on X's v2 media endpoints
// (the v1.1 upload.twitter.com endpoint is deprecated): INIT with total_bytes,
// video/mp4 and amplify_video → APPEND the file in order, chunk by chunk read
// from disk (segment_index 0…), re-sending a chunk whose answer was lost or
// failed with a 5xx (X keeps the last copy of a segment) → FINALIZE → STATUS.
// The library's own uploadMedia() is not used: it needs the whole file in
// memory, has no chunk retry, and stops waiting when check_after_secs is 0.
import { open } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import type { TwitterApi } from 'twitter-api-v2';
import { z } from 'zod';
import { PlatformError } from './adapter';
import { xAnswer, xApiError } from './x-errors';

const processingInfoSchema = z.object({
  state: z.enum(['pending', 'in_progress', 'failed', 'succeeded']),
  check_after_secs: z.number().nonnegative().optional(),
  progress_percent: z.number().optional(),
  error: z.object({ code: z.number().optional(), name: z.string().optional(), message: z.string().optional() }).optional(),
});
export type ProcessingInfo = z.infer<typeof processingInfoSchema>;

const mediaAnswerSchema = z.object({ data: z.object({ id: z.string().regex(/^\d{1,19}$/), processing_info: processingInfoSchema.optional() }) });

export interface UploadOptions {
  /** Bytes per APPEND (X: at most 5 MB). */
  chunkBytes: number;
  /** Tries per chunk when X's answer is lost or a 5xx. */
  chunkAttempts: number;
  /** Wait before re-sending a chunk, times the attempt number. */
  chunkRetryDelayMs: number;
}

/** Still being processed: poll STATUS again. No processing_info means ready. */
export const stillProcessing = (info: ProcessingInfo | undefined): boolean => info?.state === 'pending' || info?.state === 'in_progress';

/** The media object of an upload answer, checked. */
const mediaOf = (answer: unknown, what: string) => xAnswer(mediaAnswerSchema, answer, what).data;

/** Sends the file; returns X's media id and the processing state FINALIZE reported. */
export async function uploadVideo(client: TwitterApi, file: string, options: UploadOptions): Promise<{ mediaId: string; processing: ProcessingInfo | undefined }> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    throw new PlatformError('x', 'invalid', `X upload: cannot read the video file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}); render it again`, { code: 'media_unreadable' });
  });
  try {
    const { size } = await handle.stat();
    const init = mediaOf(
      await client.v2.post('media/upload/initialize', { media_type: 'video/mp4', total_bytes: size, media_category: 'amplify_video' }).catch((e: unknown) => {
        throw xApiError(e, 'X media upload INIT (POST /2/media/upload/initialize)');
      }),
      'X media upload INIT',
    );
    const buffer = Buffer.alloc(Math.min(options.chunkBytes, Math.max(size, 1)));
    for (let segment = 0, offset = 0; offset < size; segment++, offset += options.chunkBytes) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(options.chunkBytes, size - offset), offset);
      await appendChunk(client, init.id, segment, Buffer.from(buffer.subarray(0, bytesRead)), options);
    }
    const finalized = mediaOf(
      await client.v2.post(`media/upload/${init.id}/finalize`).catch((e: unknown) => {
        throw xApiError(e, 'X media upload FINALIZE (POST /2/media/upload/:id/finalize)');
      }),
      'X media upload FINALIZE',
    );
    return { mediaId: init.id, processing: finalized.processing_info };
  } finally {
    await handle.close();
  }
}

async function appendChunk(client: TwitterApi, mediaId: string, segment: number, media: Buffer, options: UploadOptions): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.v2.post(`media/upload/${mediaId}/append`, { segment_index: segment, media }, { forceBodyMode: 'form-data' });
      return;
    } catch (e) {
      const error = xApiError(e, `X media upload APPEND segment ${segment} (POST /2/media/upload/:id/append)`);
      if (error.kind !== 'transient' || attempt >= options.chunkAttempts) throw error;
      await sleep(options.chunkRetryDelayMs * attempt);
    }
  }
}

/** One STATUS poll. */
export async function mediaStatus(client: TwitterApi, mediaId: string): Promise<ProcessingInfo | undefined> {
  const answer = await client.v2.get('media/upload', { command: 'STATUS', media_id: mediaId }).catch((e: unknown) => {
    throw xApiError(e, 'X media STATUS (GET /2/media/upload)');
  });
  return mediaOf(answer, 'X media STATUS').processing_info;
}

/** Why X could not process the video, for the creator. */
export const processingFailure = (info: ProcessingInfo): string => {
  const { name, message } = info.error ?? {};
  return `X could not process the video: ${message ?? 'no reason given'}${name ? ` (${name})` : ''} — check the render is H.264/AAC MP4 within X's limits and publish again`;
};
