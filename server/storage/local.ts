// Storage in a local directory (default .noor/storage). A put streams into a
// temporary file beside the target, syncs it and renames it into place, so a
// crash or a failed read never leaves half a file under a key. Public URLs exist
// only when the directory is served somewhere public (publicBaseUrl, e.g. a tunnel).
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { hashingStream } from './hashing';
import { StorageError, checkKey, urlExpiry, type PublicUrlOptions, type PutOptions, type Storage, type StorageBody, type StoredObject } from './storage';

export interface LocalStorageOptions {
  dir: string;
  /** The URL the directory is served at; keys are appended to it. */
  publicBaseUrl?: string | undefined;
}

export class LocalStorage implements Storage {
  readonly kind = 'local';
  readonly dir: string;
  private readonly publicBaseUrl: string | undefined;

  constructor(options: LocalStorageOptions) {
    this.dir = path.resolve(options.dir);
    this.publicBaseUrl = options.publicBaseUrl?.replace(/\/+$/, '');
  }

  localPath(key: string): string {
    return path.join(this.dir, ...checkKey(key).split('/'));
  }

  async put(key: string, body: StorageBody, _options: PutOptions): Promise<StoredObject> {
    const target = this.localPath(key);
    await mkdir(path.dirname(target), { recursive: true });
    const source = typeof body === 'string' ? await openSource(body) : body;
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
    const hashing = hashingStream();
    try {
      // opened before streaming, so a failing source never leaves a temp file made after the cleanup
      const file = await open(temp, 'wx');
      await pipeline(source, hashing.stream, file.createWriteStream());
      const handle = await open(temp, 'r+');
      await handle.sync().finally(() => handle.close());
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      if (error instanceof StorageError) throw error;
      throw new StorageError('storage', 'failed', `storing "${key}" in ${this.dir} failed (check NOOR_STORAGE_DIR): ${(error as Error).message}`, { cause: error });
    }
    return { key, ...hashing.digest() };
  }

  async get(key: string): Promise<Readable> {
    const file = this.localPath(key);
    if (!(await isFile(file))) throw new StorageError('key', 'not_found', `key: no object "${key}" in ${this.dir}`);
    return createReadStream(file);
  }

  async exists(key: string): Promise<boolean> {
    return isFile(this.localPath(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.localPath(key), { force: true });
  }

  async publicUrl(key: string, options?: PublicUrlOptions): Promise<string | null> {
    urlExpiry(options);
    if (!this.publicBaseUrl) return null;
    if (!(await this.exists(key))) throw new StorageError('key', 'not_found', `key: no object "${key}" in ${this.dir} to share`);
    return `${this.publicBaseUrl}/${key.split('/').map(encodeURIComponent).join('/')}`;
  }
}

async function isFile(file: string): Promise<boolean> {
  const info = await stat(file).catch(() => null);
  return info?.isFile() ?? false;
}

/** A read stream of a local file, or a StorageError naming the file when it is missing or not a file. */
export async function openSource(file: string): Promise<Readable> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new StorageError('file', 'invalid_input', `file: ${file} ${info ? 'is not a file' : 'does not exist'}`);
  return createReadStream(file);
}
