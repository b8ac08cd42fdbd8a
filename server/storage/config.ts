// The storage settings as env.ts parses them (NOOR_STORAGE_DIR, NOOR_PUBLIC_BASE_URL,
// NOOR_S3_*). Plain data: building a Storage from them is storageFromConfig's job.

export interface S3Settings {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, R2, s3rver); AWS when unset. */
  endpoint: string | undefined;
  /** Bucket in the path (http://host/bucket/key) instead of the host name; the default with an endpoint. */
  forcePathStyle: boolean;
  /** The SDK's default chain (instance role, AWS_PROFILE…) when unset. */
  credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
}

export interface StorageConfig {
  /** The local storage directory (default .noor/storage); unused with S3. */
  dir: string | undefined;
  /** Where the local directory is served from (e.g. a tunnel), so local files get public URLs. */
  publicBaseUrl: string | undefined;
  s3: S3Settings | undefined;
}
