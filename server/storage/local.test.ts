// LocalStorage: put/get/exists/delete round trips from a file and a stream, sha256 and size of what
// was stored, whole-or-nothing writes (a failing stream leaves neither a file nor a temp file, nor
// harms what the key held), key checks, public URLs only with a base URL, content-addressed puts.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalStorage, StorageError, putFileByContent, storageFromConfig } from './index';

const root = mkdtempSync(path.join(os.tmpdir(), 'noor-local-storage-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function failingStream(first: string): Readable {
  let sent = false;
  return new Readable({
    read() {
      if (!sent) {
        sent = true;
        this.push(first);
      } else this.destroy(new Error('source went away'));
    },
  });
}

const storageError = (code: string, message: RegExp) => expect.objectContaining({ name: 'StorageError', code, message: expect.stringMatching(message) });

describe('LocalStorage', () => {
  const storage = new LocalStorage({ dir: path.join(root, 'store') });
  const source = path.join(root, 'source.bin');
  writeFileSync(source, 'the bytes of a video');

  it('stores a file and gives back its bytes, size and sha256', async () => {
    const stored = await storage.put('renders/a.mp4', source, { contentType: 'video/mp4' });
    expect(stored).toEqual({ key: 'renders/a.mp4', bytes: 20, sha256: sha('the bytes of a video') });
    expect(await storage.exists('renders/a.mp4')).toBe(true);
    expect(await text(await storage.get('renders/a.mp4'))).toBe('the bytes of a video');
    expect(storage.localPath('renders/a.mp4')).toBe(path.join(root, 'store', 'renders', 'a.mp4'));
    expect(readFileSync(storage.localPath('renders/a.mp4'), 'utf8')).toBe('the bytes of a video');
  });

  it('stores a stream and deletes it, deleting twice being fine', async () => {
    await storage.put('streams/b.txt', Readable.from(['one ', 'two']), { contentType: 'text/plain' });
    expect(await text(await storage.get('streams/b.txt'))).toBe('one two');
    await storage.delete('streams/b.txt');
    await storage.delete('streams/b.txt');
    expect(await storage.exists('streams/b.txt')).toBe(false);
    await expect(storage.get('streams/b.txt')).rejects.toEqual(storageError('not_found', /^key: no object "streams\/b.txt"/));
  });

  it('leaves no file and no temp file when the stream fails, and keeps what the key held', async () => {
    await expect(storage.put('broken/c.mp4', failingStream('half'), { contentType: 'video/mp4' })).rejects.toThrow(/source went away/);
    expect(await storage.exists('broken/c.mp4')).toBe(false);
    expect(readdirSync(path.join(root, 'store', 'broken'))).toEqual([]);

    await expect(storage.put('renders/a.mp4', failingStream('half'), { contentType: 'video/mp4' })).rejects.toBeInstanceOf(StorageError);
    expect(await text(await storage.get('renders/a.mp4'))).toBe('the bytes of a video');
    expect(readdirSync(path.join(root, 'store', 'renders'))).toEqual(['a.mp4']);
  });

  it('names the file when the source does not exist', async () => {
    await expect(storage.put('x/y.mp4', path.join(root, 'missing.mp4'), { contentType: 'video/mp4' })).rejects.toEqual(
      storageError('invalid_input', /^file: .*missing\.mp4 does not exist$/),
    );
  });

  for (const key of ['', '../escape.mp4', '/abs.mp4', 'a//b.mp4', 'a/./b.mp4', 'dir/', 'back\\slash.mp4']) {
    it(`rejects the key "${key}"`, async () => {
      await expect(storage.put(key, source, { contentType: 'video/mp4' })).rejects.toEqual(storageError('invalid_key', /^key: /));
      await expect(storage.exists(key)).rejects.toEqual(storageError('invalid_key', /^key: /));
    });
  }

  it('hands out no public URL without a base URL, and an encoded one with it', async () => {
    expect(await storage.publicUrl('renders/a.mp4')).toBeNull();
    const shared = new LocalStorage({ dir: path.join(root, 'store'), publicBaseUrl: 'https://tunnel.example.net/media/' });
    await shared.put('renders/with space.mp4', source, { contentType: 'video/mp4' });
    expect(await shared.publicUrl('renders/with space.mp4')).toBe('https://tunnel.example.net/media/renders/with%20space.mp4');
    await expect(shared.publicUrl('renders/nope.mp4')).rejects.toEqual(storageError('not_found', /^key: no object "renders\/nope.mp4"/));
    await expect(shared.publicUrl('renders/a.mp4', { expiresInSec: 0 })).rejects.toEqual(storageError('invalid_input', /^expiresInSec: 0 must be/));
  });

  it('stores by content once and reuses the key after', async () => {
    const first = await putFileByContent(storage, source, { prefix: 'media', ext: '.mp4', contentType: 'video/mp4' });
    expect(first).toEqual({ key: `media/${sha('the bytes of a video')}.mp4`, bytes: 20, sha256: sha('the bytes of a video'), reused: false });
    const again = await putFileByContent(storage, source, { prefix: 'media', ext: '.mp4', contentType: 'video/mp4' });
    expect(again).toEqual({ ...first, reused: true });
  });
});

describe('storageFromConfig', () => {
  it('picks the local directory without S3 settings', () => {
    const storage = storageFromConfig({ dir: path.join(root, 'picked'), publicBaseUrl: undefined, s3: undefined });
    expect(storage.kind).toBe('local');
    expect(storage.localPath?.('a/b.mp4')).toBe(path.join(root, 'picked', 'a', 'b.mp4'));
  });

  it('picks S3 when a bucket is set', () => {
    const s3 = { bucket: 'noor-media', region: 'us-east-1', endpoint: 'http://127.0.0.1:1', forcePathStyle: true, credentials: undefined };
    const storage = storageFromConfig({ dir: undefined, publicBaseUrl: undefined, s3 });
    expect(storage.kind).toBe('s3');
    expect(storage.localPath).toBeUndefined();
  });
});
