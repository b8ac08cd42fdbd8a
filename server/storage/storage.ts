// The Storage seam: where rendered files and renditions live. One interface with
// a local-directory and an S3 implementation; callers never learn which. Every
// put is whole or nothing (no reader ever sees half a file), and every failure is
// a StorageError whose code callers branch on and whose message names the setting
// or argument to fix. This module holds the contract only.
import type { Readable } from 'node:stream';

/** A local file (its path) or a stream of the bytes to store. */
export type StorageBody = string | Readable;

export interface PutOptions {
  contentType: string;
}

/** What put wrote: its size and sha256 (hex), measured while writing. */
export interface StoredObject {
  key: string;
  bytes: number;
  sha256: string;
}

export interface PublicUrlOptions {
  /** How long a signed URL stays valid; 1 s to 7 days (S3's limit). Default 24 h. Local URLs do not expire. */
  expiresInSec?: number;
}

export interface Storage {
  readonly kind: 'local' | 's3';
  put(key: string, body: StorageBody, options: PutOptions): Promise<StoredObject>;
  /** The object's bytes; a StorageError with code not_found when there is none. */
  get(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Where the object is on this machine, for storages that keep files locally. */
  localPath?(key: string): string;
  /** A URL anyone can GET (Instagram and TikTok pull media from one), or null when this storage cannot hand one out. */
  publicUrl(key: string, options?: PublicUrlOptions): Promise<string | null>;
}

export type StorageErrorCode = 'invalid_key' | 'invalid_input' | 'not_found' | 'bucket_missing' | 'access_denied' | 'unreachable' | 'failed';

export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    /** The setting or argument to look at, e.g. "key", "NOOR_S3_BUCKET". */
    readonly field: string,
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const DEFAULT_URL_EXPIRY_SEC = 24 * 60 * 60;
const MAX_URL_EXPIRY_SEC = 7 * 24 * 60 * 60;

/** Checks a key is a relative, slash-separated path with no "." or ".." parts; throws a StorageError naming the problem. */
export function checkKey(key: string): string {
  const reason =
    key.length === 0
      ? 'is empty'
      : Buffer.byteLength(key) > 1024
        ? 'is longer than 1024 bytes'
        : /[\u0000-\u001f\u007f\\]/u.test(key)
          ? 'contains a control character or a backslash'
          : key.split('/').some((part) => part === '' || part === '.' || part === '..')
            ? 'must be a relative path of non-empty parts without "." or ".." (e.g. "renders/abc.mp4")'
            : null;
  if (reason) throw new StorageError('key', 'invalid_key', `key: "${key}" ${reason}`);
  return key;
}

/** The expiry to sign with: the default, or the caller's when it is a whole number of seconds S3 accepts. */
export function urlExpiry(options: PublicUrlOptions | undefined): number {
  const sec = options?.expiresInSec ?? DEFAULT_URL_EXPIRY_SEC;
  if (!Number.isInteger(sec) || sec < 1 || sec > MAX_URL_EXPIRY_SEC) {
    throw new StorageError('expiresInSec', 'invalid_input', `expiresInSec: ${sec} must be a whole number of seconds from 1 to ${MAX_URL_EXPIRY_SEC} (7 days)`);
  }
  return sec;
}
