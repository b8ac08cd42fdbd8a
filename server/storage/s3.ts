// Storage in an S3 bucket (AWS or any S3-compatible server). Uploads go through
// lib-storage, which sends one PUT for small files and a multipart upload for
// large ones; S3 shows an object only once it is complete, and a failed
// multipart upload is aborted, so no half file is ever visible. Public URLs are
// presigned GETs. Errors name the setting to check (see s3-errors.ts).
import { DeleteObjectCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { Readable } from 'node:stream';
import type { S3Settings } from './config';
import { hashingStream } from './hashing';
import { openSource } from './local';
import { s3Error, type S3Where } from './s3-errors';
import { StorageError, checkKey, urlExpiry, type PublicUrlOptions, type PutOptions, type Storage, type StorageBody, type StoredObject } from './storage';

export interface S3StorageOptions {
  /** Bytes per multipart part (at least 5 MiB); files up to this size go up in one PUT. Default 16 MiB. */
  partSizeBytes?: number;
  /** A client to use instead of one built from the settings. */
  client?: S3Client;
}

const MIN_PART_BYTES = 5 * 1024 * 1024;

export class S3Storage implements Storage {
  readonly kind = 's3';
  readonly client: S3Client;
  private readonly partSize: number;
  private bucketChecked: Promise<void> | undefined;

  constructor(
    readonly settings: S3Settings,
    options: S3StorageOptions = {},
  ) {
    this.partSize = options.partSizeBytes ?? 16 * 1024 * 1024;
    if (!Number.isInteger(this.partSize) || this.partSize < MIN_PART_BYTES) {
      throw new StorageError('partSizeBytes', 'invalid_input', `partSizeBytes: ${this.partSize} is below S3's 5 MiB minimum part size`);
    }
    this.client =
      options.client ??
      new S3Client({
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        credentials: settings.credentials,
        // S3-compatible servers often lack the newer default checksums; send them only where S3 requires them.
        ...(settings.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } : {}),
      });
  }

  async put(key: string, body: StorageBody, options: PutOptions): Promise<StoredObject> {
    checkKey(key);
    await this.checkBucket();
    const source = typeof body === 'string' ? await openSource(body) : body;
    const hashing = hashingStream();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.settings.bucket, Key: key, Body: source.pipe(hashing.stream), ContentType: options.contentType },
      partSize: this.partSize,
      queueSize: 2,
      leavePartsOnError: false,
    });
    source.once('error', (error) => hashing.stream.destroy(error));
    await upload.done().catch((error: unknown) => {
      throw s3Error(error, this.where(`storing "${key}"`));
    });
    return { key, ...hashing.digest() };
  }

  async get(key: string): Promise<Readable> {
    checkKey(key);
    await this.checkBucket();
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key })).catch((error: unknown) => {
      throw s3Error(error, this.where(`reading "${key}"`, key));
    });
    if (!(out.Body instanceof Readable)) throw new StorageError('storage', 'failed', `S3: reading "${key}" gave no body`);
    return out.Body;
  }

  async exists(key: string): Promise<boolean> {
    checkKey(key);
    await this.checkBucket();
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      return true;
    } catch (error) {
      const mapped = s3Error(error, this.where(`checking "${key}"`, key));
      if (mapped.code === 'not_found') return false;
      throw mapped;
    }
  }

  async delete(key: string): Promise<void> {
    checkKey(key);
    await this.checkBucket();
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key })).catch((error: unknown) => {
      throw s3Error(error, this.where(`deleting "${key}"`, key));
    });
  }

  async publicUrl(key: string, options?: PublicUrlOptions): Promise<string> {
    const expiresIn = urlExpiry(options);
    if (!(await this.exists(key))) throw new StorageError('key', 'not_found', `key: no object "${key}" in S3 bucket "${this.settings.bucket}" to share`);
    return getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }), { expiresIn });
  }

  /**
   * Once per instance: the bucket exists and is reachable. A 403 here is let
   * through, since credentials may use objects without being allowed to HEAD the
   * bucket; the object call then reports it.
   */
  private checkBucket(): Promise<void> {
    this.bucketChecked ??= this.client
      .send(new HeadBucketCommand({ Bucket: this.settings.bucket }))
      .then(
        () => undefined,
        (error: unknown) => {
          const mapped = s3Error(error, this.where('checking the bucket'));
          if (mapped.code !== 'access_denied') throw mapped;
        },
      )
      .catch((error: unknown) => {
        this.bucketChecked = undefined;
        throw error;
      });
    return this.bucketChecked;
  }

  private where(doing: string, key?: string): S3Where {
    return { bucket: this.settings.bucket, endpoint: this.settings.endpoint, doing, ...(key !== undefined ? { key } : {}) };
  }
}
