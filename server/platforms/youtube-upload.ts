// YouTube's resumable upload protocol (Data API v3 "Resumable uploads"):
// POST the video's JSON metadata with X-Upload-Content-Length/-Type to open a
// session (its URI comes back in Location), PUT the file in chunks that are
// multiples of 256 KiB with Content-Range, following each 308 Resume
// Incomplete's Range header, until a 200/201 carries the video resource.
// When a chunk is interrupted (a 5xx, a dropped connection, a timeout) the
// session is asked how much it holds (PUT with Content-Range: bytes */total)
// and the upload goes on from there, a bounded number of times. Requests go
// through the caller's `send`, which adds the account's token and turns any
// status it was not told to accept into a classified PlatformError.
import { open, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { PlatformError } from './adapter';

/** Google's chunk granularity: every chunk but the last is a multiple of this. */
export const CHUNK_GRANULARITY = 256 * 1024;

export interface UploadRequest {
  method: 'POST' | 'PUT';
  url: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

export interface UploadResponse {
  status: number;
  headers: Headers;
  data: unknown;
}

/** Sends one request; a status outside `accept` must reject with a PlatformError (network failures: transient). */
export type UploadSend = (request: UploadRequest, accept: readonly number[]) => Promise<UploadResponse>;

export interface ResumableUpload {
  /** e.g. https://www.googleapis.com/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status */
  startUrl: string;
  metadata: unknown;
  file: string;
  contentType: string;
  chunkBytes: number;
  /** How many interruptions one upload survives. */
  maxResumes: number;
  /** Wait before asking the session after the n-th interruption: n × this. */
  resumeDelayMs: number;
}

type Step = { done: true; resource: unknown } | { done: false; next: number } | { done: false; expired: true };

/** The byte after the last one the session holds, from a 308's "Range: bytes=0-N" (none yet: 0). */
function nextOffset(range: string | null): number {
  const match = /bytes=0-(\d+)/.exec(range ?? '');
  return match ? Number(match[1]) + 1 : 0;
}

function stepOf(response: UploadResponse): Step {
  if (response.status === 404) return { done: false, expired: true };
  if (response.status === 308) return { done: false, next: nextOffset(response.headers.get('range')) };
  return { done: true, resource: response.data };
}

/** Uploads the file through one resumable session and returns the video resource YouTube answers with. */
export async function uploadResumable(send: UploadSend, upload: ResumableUpload): Promise<unknown> {
  if (upload.chunkBytes <= 0 || upload.chunkBytes % CHUNK_GRANULARITY !== 0) {
    throw new PlatformError('youtube', 'invalid', `YouTube upload: the chunk size ${upload.chunkBytes} is not a multiple of 256 KiB`, { code: 'chunk_size' });
  }
  const total = (await stat(upload.file)).size;
  if (total === 0) throw new PlatformError('youtube', 'invalid', `YouTube upload: the video file is empty; render it again`, { code: 'empty_file' });

  const started = await send(
    {
      method: 'POST',
      url: upload.startUrl,
      headers: { 'content-type': 'application/json; charset=UTF-8', 'x-upload-content-length': String(total), 'x-upload-content-type': upload.contentType },
      body: JSON.stringify(upload.metadata),
    },
    [200, 201],
  );
  const session = started.headers.get('location');
  if (!session) throw new PlatformError('youtube', 'transient', 'YouTube upload: the upload session was opened without a Location; Noor will start again', { status: started.status, code: 'no_upload_session' });

  const file = await open(upload.file, 'r');
  try {
    const putChunk = async (offset: number): Promise<Step> => {
      const length = Math.min(upload.chunkBytes, total - offset);
      const chunk = Buffer.alloc(length);
      const { bytesRead } = await file.read(chunk, 0, length, offset);
      if (bytesRead !== length) throw new PlatformError('youtube', 'invalid', `YouTube upload: the video file changed while it was uploading`, { code: 'file_changed' });
      const range = `bytes ${offset}-${offset + length - 1}/${total}`;
      return stepOf(await send({ method: 'PUT', url: session, headers: { 'content-type': upload.contentType, 'content-range': range }, body: chunk }, [200, 201, 308, 404]));
    };
    const askSession = async (): Promise<Step> =>
      stepOf(await send({ method: 'PUT', url: session, headers: { 'content-range': `bytes */${total}` } }, [200, 201, 308, 404]));

    // After an interruption the session is asked ('ask') how much it holds before more bytes go.
    let offset: number | 'ask' = 0;
    let resumes = 0;
    const interrupted = async (error: PlatformError): Promise<void> => {
      if (resumes >= upload.maxResumes) throw error;
      resumes++;
      await sleep(upload.resumeDelayMs * resumes);
    };
    for (;;) {
      let step: Step;
      try {
        step = offset === 'ask' ? await askSession() : await putChunk(offset);
      } catch (error) {
        if (!(error instanceof PlatformError) || error.kind !== 'transient') throw error;
        await interrupted(error);
        offset = 'ask';
        continue;
      }
      if (step.done) return step.resource;
      if ('expired' in step) {
        throw new PlatformError('youtube', 'transient', 'YouTube upload: the upload session expired before the video was complete; Noor will upload it again', { status: 404, code: 'upload_session_expired' });
      }
      if (step.next >= total || (offset !== 'ask' && step.next <= offset)) {
        await interrupted(new PlatformError('youtube', 'transient', `YouTube upload: the session stopped taking bytes at ${step.next} of ${total}; Noor will upload it again`, { status: 308, code: 'upload_stalled' }));
        offset = 'ask';
        continue;
      }
      offset = step.next;
    }
  } finally {
    await file.close();
  }
}
