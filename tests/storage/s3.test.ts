// S3Storage against s3rver started here (temp dir, free port): a real MP4 stored from a file and
// read back byte for byte, a stream, a multipart upload, a presigned URL fetched with plain fetch,
// delete; and the errors a user meets: a missing bucket, rejected credentials, an unreachable
// endpoint, a missing key, a failed upload leaving nothing behind.
import { createHash } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Storage, sha256File } from '../../server/storage';
import { H264, makeClip } from '../analysis/clips';
import { startLocalS3, type LocalS3 } from '../helpers/s3-server';

let s3: LocalS3;
let video: string;

beforeAll(async () => {
  s3 = await startLocalS3(['noor-test']);
  video = await makeClip('storage-s3', ['-f', 'lavfi', '-i', 'testsrc2=s=320x180:r=30:d=1', '-f', 'lavfi', '-i', 'sine=f=440:d=1', ...H264, '-c:a', 'aac', '-shortest']);
});
afterAll(() => s3?.stop());

const sha = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const storageError = (code: string, message: RegExp) => expect.objectContaining({ name: 'StorageError', code, message: expect.stringMatching(message) });

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('S3Storage on s3rver', () => {
  it('round-trips a real MP4: put, exists, get, presigned GET, delete', async () => {
    const storage = new S3Storage(s3.settings('noor-test'));
    const bytes = readFileSync(video);
    const stored = await storage.put('renders/clip.mp4', video, { contentType: 'video/mp4' });
    expect(stored).toEqual({ key: 'renders/clip.mp4', bytes: bytes.length, sha256: await sha256File(video) });
    expect(await storage.exists('renders/clip.mp4')).toBe(true);
    expect(sha(await buffer(await storage.get('renders/clip.mp4')))).toBe(stored.sha256);

    const url = await storage.publicUrl('renders/clip.mp4', { expiresInSec: 600 });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/noor-test\/renders\/clip\.mp4\?.*X-Amz-Expires=600/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(sha(Buffer.from(await response.arrayBuffer()))).toBe(stored.sha256);

    await storage.delete('renders/clip.mp4');
    await storage.delete('renders/clip.mp4');
    expect(await storage.exists('renders/clip.mp4')).toBe(false);
    await expect(storage.get('renders/clip.mp4')).rejects.toEqual(storageError('not_found', /^key: no object "renders\/clip.mp4" in S3 bucket "noor-test"/));
    await expect(storage.publicUrl('renders/clip.mp4')).rejects.toEqual(storageError('not_found', /^key: no object/));
  });

  it('stores a stream, and a file larger than one part as a multipart upload', async () => {
    const storage = new S3Storage(s3.settings('noor-test'), { partSizeBytes: 5 * 1024 * 1024 });
    await storage.put('notes/a.txt', Readable.from([Buffer.from('salaam '), Buffer.from('alaikum')]), { contentType: 'text/plain' });
    expect((await buffer(await storage.get('notes/a.txt'))).toString()).toBe('salaam alaikum');

    const big = randomBytes(11 * 1024 * 1024);
    const stored = await storage.put('big/eleven.bin', Readable.from([big]), { contentType: 'application/octet-stream' });
    expect(stored).toEqual({ key: 'big/eleven.bin', bytes: big.length, sha256: sha(big) });
    expect(sha(await buffer(await storage.get('big/eleven.bin')))).toBe(sha(big));
  });

  it('leaves no object when the source fails mid-upload', async () => {
    const storage = new S3Storage(s3.settings('noor-test'));
    let sent = false;
    const failing = new Readable({
      read() {
        if (sent) this.destroy(new Error('source went away'));
        else {
          sent = true;
          this.push(Buffer.alloc(1024, 1));
        }
      },
    });
    await expect(storage.put('broken/half.mp4', failing, { contentType: 'video/mp4' })).rejects.toThrow(/source went away/);
    expect(await storage.exists('broken/half.mp4')).toBe(false);
  });

  it('names NOOR_S3_BUCKET when the bucket does not exist', async () => {
    const storage = new S3Storage(s3.settings('no-such-bucket'));
    const missing = storageError('bucket_missing', /^S3: bucket "no-such-bucket" does not exist \(check NOOR_S3_BUCKET and NOOR_S3_ENDPOINT\)$/);
    await expect(storage.put('renders/clip.mp4', video, { contentType: 'video/mp4' })).rejects.toEqual(missing);
    await expect(storage.exists('renders/clip.mp4')).rejects.toEqual(missing);
    await expect(storage.get('renders/clip.mp4')).rejects.toEqual(missing);
  });

  it('names the credentials when S3 rejects them', async () => {
    const storage = new S3Storage({ ...s3.settings('noor-test'), credentials: { accessKeyId: 'NOT-A-KEY', secretAccessKey: 'nope' } });
    await expect(storage.put('renders/clip.mp4', video, { contentType: 'video/mp4' })).rejects.toEqual(
      storageError('access_denied', /^S3: access denied \(InvalidAccessKeyId\) to bucket "noor-test" while storing "renders\/clip.mp4" \(check NOOR_S3_ACCESS_KEY_ID and NOOR_S3_SECRET_ACCESS_KEY/),
    );
  });

  it('names NOOR_S3_ENDPOINT when nothing answers there', async () => {
    const endpoint = `http://127.0.0.1:${await closedPort()}`;
    const storage = new S3Storage({ ...s3.settings('noor-test'), endpoint });
    await expect(storage.exists('renders/clip.mp4')).rejects.toEqual(
      storageError('unreachable', new RegExp(`^S3: cannot reach ${endpoint.replace(/\./g, '\\.')} while checking the bucket \\(ECONNREFUSED; check NOOR_S3_ENDPOINT`)),
    );
  });
});
