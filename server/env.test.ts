// readEnv: NOOR_* variables parsed into the config (unset fields undefined, ffmpeg from the PATH, NOOR_CONCURRENCY a positive integer, DATABASE_URL/NOOR_DB_PORT/NOOR_SECRET_KEY, the storage and Remotion Lambda settings validated, AWS credential sources named but never copied) with errors naming the variable.
import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

const noStorage = { dir: undefined, publicBaseUrl: undefined, s3: undefined };
const localRender = {
  renderBackend: 'local',
  lambda: { region: undefined, functionName: undefined, serveUrl: undefined, outputBucket: undefined, framesPerLambda: undefined, licenseKey: undefined },
  awsCredentials: undefined,
};
const noWorker = { worker: { concurrency: undefined, renderRetentionDays: undefined, localPlatformUrl: undefined }, platforms: { x: undefined, youtube: undefined, instagram: undefined, tiktok: undefined } };

describe('readEnv', () => {
  it('gives undefined fields for an empty environment', () => {
    expect(readEnv({})).toEqual({ browserExecutable: undefined, concurrency: undefined, cacheDir: undefined, ffmpeg: { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' }, databaseUrl: undefined, databasePort: undefined, secretKey: undefined, storage: noStorage, ...localRender, ...noWorker });
  });

  it('ignores unrelated variables', () => {
    expect(readEnv({ PATH: '/usr/bin', HOME: '/root' })).toEqual({ browserExecutable: undefined, concurrency: undefined, cacheDir: undefined, ffmpeg: { ffmpeg: 'ffmpeg', ffprobe: 'ffprobe' }, databaseUrl: undefined, databasePort: undefined, secretKey: undefined, storage: noStorage, ...localRender, ...noWorker });
  });

  it('reads each variable', () => {
    expect(
      readEnv({ NOOR_BROWSER_EXECUTABLE: '/usr/bin/chromium', NOOR_CONCURRENCY: '2', NOOR_CACHE_DIR: '/tmp/noor-cache', NOOR_FFMPEG: '/opt/ff/ffmpeg', NOOR_FFPROBE: '/opt/ff/ffprobe' }),
    ).toEqual({
      browserExecutable: '/usr/bin/chromium',
      concurrency: 2,
      cacheDir: '/tmp/noor-cache',
      ffmpeg: { ffmpeg: '/opt/ff/ffmpeg', ffprobe: '/opt/ff/ffprobe' },
      databaseUrl: undefined,
      databasePort: undefined,
      secretKey: undefined,
      storage: noStorage,
      ...localRender,
      ...noWorker,
    });
  });

  it('turns NOOR_CONCURRENCY "2" into the number 2', () => {
    const env = readEnv({ NOOR_CONCURRENCY: '2' });
    expect(env.concurrency).toBe(2);
    expect(typeof env.concurrency).toBe('number');
    expect(readEnv({ NOOR_CONCURRENCY: '64' }).concurrency).toBe(64);
  });

  for (const bad of ['0', 'abc', '-3', '1.5', '65']) {
    it(`throws naming NOOR_CONCURRENCY for "${bad}"`, () => {
      expect(() => readEnv({ NOOR_CONCURRENCY: bad })).toThrow(/^Invalid environment: NOOR_CONCURRENCY: /);
    });
  }

  it('reads the database and secret key variables', () => {
    const hex = 'ab'.repeat(32);
    const env = readEnv({ DATABASE_URL: 'postgres://noor@db.example:5432/noor', NOOR_DB_PORT: '6543', NOOR_SECRET_KEY: hex });
    expect(env.databaseUrl).toBe('postgres://noor@db.example:5432/noor');
    expect(env.databasePort).toBe(6543);
    expect(env.secretKey).toEqual(Buffer.from(hex, 'hex'));
    expect(readEnv({ NOOR_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).secretKey).toEqual(Buffer.alloc(32, 7));
  });

  it('rejects a DATABASE_URL that is not a postgres:// URL by name', () => {
    expect(() => readEnv({ DATABASE_URL: 'mysql://localhost/noor' })).toThrow(/^Invalid environment: DATABASE_URL: must be a postgres:\/\//);
  });

  for (const bad of ['0', '65536', 'port']) {
    it(`throws naming NOOR_DB_PORT for "${bad}"`, () => {
      expect(() => readEnv({ NOOR_DB_PORT: bad })).toThrow(/^Invalid environment: NOOR_DB_PORT: /);
    });
  }

  for (const bad of ['short', 'ab'.repeat(31), Buffer.alloc(16).toString('base64')]) {
    it(`rejects NOOR_SECRET_KEY "${bad}" without echoing it`, () => {
      expect(() => readEnv({ NOOR_SECRET_KEY: bad })).toThrow(/^Invalid environment: NOOR_SECRET_KEY: must be a 32-byte key as 64 hex digits or 44 base64/);
      expect(() => readEnv({ NOOR_SECRET_KEY: bad })).not.toThrow(bad);
    });
  }

  it('rejects an empty NOOR_BROWSER_EXECUTABLE by name', () => {
    expect(() => readEnv({ NOOR_BROWSER_EXECUTABLE: '' })).toThrow(/NOOR_BROWSER_EXECUTABLE/);
  });

  it('reads the local storage settings', () => {
    expect(readEnv({ NOOR_STORAGE_DIR: '/srv/noor', NOOR_PUBLIC_BASE_URL: 'https://noor.example.net/media' }).storage).toEqual({
      dir: '/srv/noor',
      publicBaseUrl: 'https://noor.example.net/media',
      s3: undefined,
    });
  });

  it('reads S3 settings, path-style by default with an endpoint', () => {
    const env = readEnv({
      NOOR_S3_BUCKET: 'noor-media',
      NOOR_S3_ENDPOINT: 'http://127.0.0.1:9000',
      NOOR_S3_ACCESS_KEY_ID: 'AKIA1',
      NOOR_S3_SECRET_ACCESS_KEY: 'secret',
    });
    expect(env.storage.s3).toEqual({
      bucket: 'noor-media',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'AKIA1', secretAccessKey: 'secret' },
    });
    const aws = readEnv({ NOOR_S3_BUCKET: 'noor-media', NOOR_S3_REGION: 'eu-west-1' }).storage.s3;
    expect(aws).toEqual({ bucket: 'noor-media', region: 'eu-west-1', endpoint: undefined, forcePathStyle: false, credentials: undefined });
    expect(readEnv({ NOOR_S3_BUCKET: 'noor-media', NOOR_S3_FORCE_PATH_STYLE: '1' }).storage.s3?.forcePathStyle).toBe(true);
  });

  it('names NOOR_S3_BUCKET when other S3 settings come without it', () => {
    expect(() => readEnv({ NOOR_S3_ENDPOINT: 'http://127.0.0.1:9000' })).toThrow(/^Invalid environment: NOOR_S3_BUCKET: required when NOOR_S3_ENDPOINT is set/);
  });

  it('names the missing half of the S3 key pair without echoing the other', () => {
    expect(() => readEnv({ NOOR_S3_BUCKET: 'noor-media', NOOR_S3_ACCESS_KEY_ID: 'AKIA1' })).toThrow(/^Invalid environment: NOOR_S3_SECRET_ACCESS_KEY: required when NOOR_S3_ACCESS_KEY_ID is set/);
    expect(() => readEnv({ NOOR_S3_BUCKET: 'noor-media', NOOR_S3_SECRET_ACCESS_KEY: 'hush-hush' })).toThrow(/^Invalid environment: NOOR_S3_ACCESS_KEY_ID: required when NOOR_S3_SECRET_ACCESS_KEY is set$/);
  });

  for (const [name, value] of [
    ['NOOR_S3_BUCKET', 'Noor_Media'],
    ['NOOR_S3_ENDPOINT', 'localhost:9000'],
    ['NOOR_PUBLIC_BASE_URL', 'ftp://noor.example.net'],
    ['NOOR_S3_FORCE_PATH_STYLE', 'yes'],
  ] as const) {
    it(`rejects ${name}="${value}" by name`, () => {
      expect(() => readEnv({ NOOR_S3_BUCKET: 'noor-media', [name]: value })).toThrow(new RegExp(`^Invalid environment: ${name}: `));
    });
  }
});

describe('readEnv: render backend and Remotion Lambda', () => {
  it('reads the Lambda settings', () => {
    const env = readEnv({
      NOOR_RENDER_BACKEND: 'lambda',
      NOOR_LAMBDA_REGION: 'eu-central-1',
      NOOR_LAMBDA_FUNCTION: 'remotion-render-4-0-527-mem2048mb-disk2048mb-240sec',
      NOOR_LAMBDA_SERVE_URL: 'https://remotionlambda-eucentral1-abc.s3.eu-central-1.amazonaws.com/sites/noor/index.html',
      NOOR_LAMBDA_BUCKET: 'noor-renders',
      NOOR_LAMBDA_FRAMES_PER_LAMBDA: '40',
      NOOR_REMOTION_LICENSE_KEY: 'rm_pub_test',
    });
    expect(env.renderBackend).toBe('lambda');
    expect(env.lambda).toEqual({
      region: 'eu-central-1',
      functionName: 'remotion-render-4-0-527-mem2048mb-disk2048mb-240sec',
      serveUrl: 'https://remotionlambda-eucentral1-abc.s3.eu-central-1.amazonaws.com/sites/noor/index.html',
      outputBucket: 'noor-renders',
      framesPerLambda: 40,
      licenseKey: 'rm_pub_test',
    });
  });

  for (const [name, value] of [
    ['NOOR_RENDER_BACKEND', 'cloud'],
    ['NOOR_LAMBDA_REGION', 'Frankfurt'],
    ['NOOR_LAMBDA_SERVE_URL', 'sites/noor'],
    ['NOOR_LAMBDA_BUCKET', 'Noor_Renders'],
    ['NOOR_LAMBDA_FRAMES_PER_LAMBDA', '2'],
  ] as const) {
    it(`rejects ${name}="${value}" by name`, () => {
      expect(() => readEnv({ [name]: value })).toThrow(new RegExp(`^Invalid environment: ${name}: `));
    });
  }

  it('names where AWS credentials come from, in Remotion\'s order, without their values', () => {
    expect(readEnv({ AWS_ACCESS_KEY_ID: 'AKIA1', AWS_SECRET_ACCESS_KEY: 's3cret' }).awsCredentials).toBe('AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY');
    expect(readEnv({ AWS_ACCESS_KEY_ID: 'AKIA1' }).awsCredentials).toBeUndefined();
    expect(readEnv({ AWS_PROFILE: 'noor', REMOTION_AWS_ACCESS_KEY_ID: 'AKIA2', REMOTION_AWS_SECRET_ACCESS_KEY: 's3cret' }).awsCredentials).toBe(
      'REMOTION_AWS_ACCESS_KEY_ID + REMOTION_AWS_SECRET_ACCESS_KEY',
    );
    expect(readEnv({ REMOTION_AWS_PROFILE: 'noor', AWS_PROFILE: 'other' }).awsCredentials).toBe('REMOTION_AWS_PROFILE');
    expect(JSON.stringify(readEnv({ AWS_ACCESS_KEY_ID: 'AKIA1', AWS_SECRET_ACCESS_KEY: 's3cret' }))).not.toContain('s3cret');
  });
});

describe('readEnv worker settings', () => {
  it('reads NOOR_WORKER_CONCURRENCY, NOOR_RENDER_RETENTION_DAYS and NOOR_LOCAL_PLATFORM_URL', () => {
    expect(readEnv({ NOOR_WORKER_CONCURRENCY: '8', NOOR_RENDER_RETENTION_DAYS: '7', NOOR_LOCAL_PLATFORM_URL: 'http://127.0.0.1:4010' }).worker).toEqual({
      concurrency: 8,
      renderRetentionDays: 7,
      localPlatformUrl: 'http://127.0.0.1:4010',
    });
  });

  for (const [name, bad] of [['NOOR_WORKER_CONCURRENCY', '0'], ['NOOR_RENDER_RETENTION_DAYS', 'week'], ['NOOR_LOCAL_PLATFORM_URL', 'ftp://x']] as const) {
    it(`throws naming ${name} for "${bad}"`, () => {
      expect(() => readEnv({ [name]: bad })).toThrow(new RegExp(`^Invalid environment: ${name}: `));
    });
  }
});

describe('readEnv platform apps', () => {
  it('reads each platform app as a client id and secret pair', () => {
    const env = readEnv({ NOOR_X_CLIENT_ID: 'x-id', NOOR_X_CLIENT_SECRET: 'x-secret', NOOR_TIKTOK_CLIENT_ID: 'tt-key', NOOR_TIKTOK_CLIENT_SECRET: 'tt-secret' });
    expect(env.platforms).toEqual({ x: { clientId: 'x-id', clientSecret: 'x-secret' }, youtube: undefined, instagram: undefined, tiktok: { clientId: 'tt-key', clientSecret: 'tt-secret' } });
  });

  it('names the missing half of a pair', () => {
    expect(() => readEnv({ NOOR_YOUTUBE_CLIENT_ID: 'id' })).toThrow(/^Invalid environment: NOOR_YOUTUBE_CLIENT_SECRET: required when NOOR_YOUTUBE_CLIENT_ID is set/);
    expect(() => readEnv({ NOOR_INSTAGRAM_CLIENT_SECRET: 's' })).toThrow(/^Invalid environment: NOOR_INSTAGRAM_CLIENT_ID: required when NOOR_INSTAGRAM_CLIENT_SECRET is set/);
  });
});
