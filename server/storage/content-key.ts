// Content-addressed keys: a file is stored under the sha256 of its bytes, so the
// same render or rendition is stored once and a key never points at changed
// content. putFileByContent skips the upload when the key already exists.
import { stat } from 'node:fs/promises';
import { sha256File } from './hashing';
import { StorageError, type Storage, type StoredObject } from './storage';

/** "<prefix>/<sha256><ext>", e.g. contentKey('renditions', 'ab12…', '.mp4'). */
export function contentKey(prefix: string, sha256: string, ext: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new StorageError('sha256', 'invalid_input', `sha256: "${sha256}" is not 64 lowercase hex digits`);
  return `${prefix.replace(/\/+$/, '')}/${sha256}${ext}`;
}

export interface PutByContentOptions {
  prefix: string;
  /** With the dot: ".mp4", ".jpg". */
  ext: string;
  contentType: string;
  /** Called with the key before the store is looked at or written (to lock the key, say). */
  onKey?: (key: string) => Promise<void>;
}

/** Stores a local file under its content key; reuses what is there when the key exists. */
export async function putFileByContent(storage: Storage, file: string, options: PutByContentOptions): Promise<StoredObject & { reused: boolean }> {
  const sha256 = await sha256File(file);
  const key = contentKey(options.prefix, sha256, options.ext);
  await options.onKey?.(key);
  if (await storage.exists(key)) {
    const { size } = await stat(file);
    return { key, bytes: size, sha256, reused: true };
  }
  const stored = await storage.put(key, file, { contentType: options.contentType });
  return { ...stored, reused: false };
}
