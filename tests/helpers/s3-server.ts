// Starts s3rver (a local S3-compatible server) for a test: a temp directory, a
// free port on 127.0.0.1, the given buckets, and its fixed test credentials. It
// does not check presigned signatures, only that the access key exists.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { S3Settings } from '../../server/storage';

export interface LocalS3 {
  endpoint: string;
  /** Settings for one of the buckets, with the credentials s3rver knows. */
  settings: (bucket: string) => S3Settings;
  stop: () => Promise<void>;
}

export const S3RVER_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export async function startLocalS3(buckets: string[]): Promise<LocalS3> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'noor-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name })) });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    settings: (bucket) => ({ bucket, region: 'us-east-1', endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS }),
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
