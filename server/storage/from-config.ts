// Picks the storage the settings ask for: S3 when a bucket is configured, the
// local directory (default .noor/storage) otherwise. Makes no network calls; the
// S3 bucket is first checked on first use.
import path from 'node:path';
import { projectRoot } from '../paths';
import type { StorageConfig } from './config';
import { LocalStorage } from './local';
import { S3Storage } from './s3';
import type { Storage } from './storage';

export const defaultStorageDir = path.join(projectRoot, '.noor', 'storage');

export function storageFromConfig(config: StorageConfig): Storage {
  if (config.s3) return new S3Storage(config.s3);
  return new LocalStorage({ dir: config.dir ?? defaultStorageDir, publicBaseUrl: config.publicBaseUrl });
}
