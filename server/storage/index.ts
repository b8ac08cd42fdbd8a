// Storage for rendered files and renditions: the interface, the local and S3
// implementations, content-addressed keys, and the pick from config.
export type { S3Settings, StorageConfig } from './config';
export { contentKey, putFileByContent, type PutByContentOptions } from './content-key';
export { defaultStorageDir, storageFromConfig } from './from-config';
export { sha256File } from './hashing';
export { LocalStorage, type LocalStorageOptions } from './local';
export { S3Storage, type S3StorageOptions } from './s3';
export {
  StorageError,
  type PublicUrlOptions,
  type PutOptions,
  type Storage,
  type StorageBody,
  type StorageErrorCode,
  type StoredObject,
} from './storage';
