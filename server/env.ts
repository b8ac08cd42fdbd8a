// The one place that reads process.env. Everything else receives the parsed
// config as an argument, so tests and the CLI can pass their own.
import { z } from 'zod';
import { SECRET_KEY_FORMAT, decodeSecretKey } from './security/secret-key';
import type { PlatformsConfig } from './platforms/registry';
import type { StorageConfig } from './storage/config';

const APP_PLATFORMS = ['X', 'YOUTUBE', 'INSTAGRAM', 'TIKTOK'] as const;
const S3_SETTINGS = ['NOOR_S3_REGION', 'NOOR_S3_ENDPOINT', 'NOOR_S3_ACCESS_KEY_ID', 'NOOR_S3_SECRET_ACCESS_KEY', 'NOOR_S3_FORCE_PATH_STYLE'] as const;

const envSchema = z.object({
  NOOR_BROWSER_EXECUTABLE: z.string().min(1).optional(),
  NOOR_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  NOOR_CACHE_DIR: z.string().min(1).optional(),
  NOOR_FFMPEG: z.string().min(1).optional(),
  NOOR_FFPROBE: z.string().min(1).optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string').optional(),
  NOOR_DB_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  NOOR_SECRET_KEY: z
    .string()
    .transform((text, ctx) => {
      const key = decodeSecretKey(text);
      if (!key) ctx.addIssue({ code: 'custom', message: `must be ${SECRET_KEY_FORMAT}` });
      return key ?? z.NEVER;
    })
    .optional(),
  NOOR_STORAGE_DIR: z.string().min(1).optional(),
  NOOR_PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  NOOR_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens')
    .optional(),
  NOOR_S3_REGION: z.string().min(1).optional(),
  NOOR_S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).optional(),
  NOOR_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  NOOR_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  NOOR_S3_FORCE_PATH_STYLE: z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .transform((v) => v === 'true' || v === '1')
    .optional(),
  NOOR_RENDER_BACKEND: z.enum(['local', 'lambda'], { error: 'must be "local" or "lambda"' }).optional(),
  NOOR_LAMBDA_REGION: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as us-east-1').optional(),
  NOOR_LAMBDA_FUNCTION: z.string().min(1).optional(),
  NOOR_LAMBDA_SERVE_URL: z.url({ protocol: /^https?$/, error: 'must be the http(s) URL printed by noor lambda deploy' }).optional(),
  NOOR_LAMBDA_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens')
    .optional(),
  NOOR_LAMBDA_FRAMES_PER_LAMBDA: z.coerce.number().int().min(4).max(100_000).optional(),
  NOOR_REMOTION_LICENSE_KEY: z.string().min(1).optional(),
  NOOR_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).optional(),
  NOOR_RENDER_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).optional(),
  NOOR_X_CLIENT_ID: z.string().min(1).optional(),
  NOOR_X_CLIENT_SECRET: z.string().min(1).optional(),
  NOOR_YOUTUBE_CLIENT_ID: z.string().min(1).optional(),
  NOOR_YOUTUBE_CLIENT_SECRET: z.string().min(1).optional(),
  NOOR_INSTAGRAM_CLIENT_ID: z.string().min(1).optional(),
  NOOR_INSTAGRAM_CLIENT_SECRET: z.string().min(1).optional(),
  NOOR_TIKTOK_CLIENT_ID: z.string().min(1).optional(),
  NOOR_TIKTOK_CLIENT_SECRET: z.string().min(1).optional(),
  NOOR_LOCAL_PLATFORM_URL: z.url({ protocol: /^https?$/, error: 'must be the http(s) URL of a local test platform' }).optional(),
}).superRefine((env, ctx) => {
  const s3Set = S3_SETTINGS.filter((name) => env[name] !== undefined);
  if (!env.NOOR_S3_BUCKET && s3Set.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['NOOR_S3_BUCKET'], message: `required when ${s3Set.join(', ')} ${s3Set.length === 1 ? 'is' : 'are'} set` });
  }
  const pair = ['NOOR_S3_ACCESS_KEY_ID', 'NOOR_S3_SECRET_ACCESS_KEY'] as const;
  const pairs = [pair, ...APP_PLATFORMS.map((p) => [`NOOR_${p}_CLIENT_ID`, `NOOR_${p}_CLIENT_SECRET`] as const)];
  for (const [first, second] of pairs) {
    for (const [name, other] of [[first, second], [second, first]] as const) {
      if (env[name] === undefined && env[other] !== undefined) ctx.addIssue({ code: 'custom', path: [name], message: `required when ${other} is set` });
    }
  }
});

export interface LambdaEnv {
  /** AWS region of the deployed function and site. */
  region: string | undefined;
  /** Function name printed by `noor lambda deploy`. */
  functionName: string | undefined;
  /** Site URL printed by `noor lambda deploy`. */
  serveUrl: string | undefined;
  /** Bucket the finished videos are written to; Remotion's own bucket when unset. */
  outputBucket: string | undefined;
  /** Frames each Lambda renders; Remotion chooses when unset. */
  framesPerLambda: number | undefined;
  /** Remotion company licence key, sent with each Lambda render. */
  licenseKey: string | undefined;
}

export interface NoorEnv {
  /** Chromium to render with; found automatically when unset. */
  browserExecutable: string | undefined;
  /** Browser tabs rendering in parallel; Remotion's default when unset. */
  concurrency: number | undefined;
  /** Where bundles and other reusable build output go (default .noor/cache). */
  cacheDir: string | undefined;
  /** ffmpeg and ffprobe for style analysis (Debian's, on the PATH, by default). */
  ffmpeg: { ffmpeg: string; ffprobe: string };
  /** Postgres to use; the embedded one in .noor/postgres when unset. */
  databaseUrl: string | undefined;
  /** Port of the embedded Postgres (default: one per checkout in 20329..20828, or the next free one); ignored with DATABASE_URL. */
  databasePort: number | undefined;
  /** 32-byte key encrypting tokens at rest; generated into .noor/secret.key when unset. */
  secretKey: Buffer | undefined;
  /** Where rendered files go: a local directory (default .noor/storage) or S3 when NOOR_S3_BUCKET is set. */
  storage: StorageConfig;
  /** Where renders run: this machine (default) or Remotion Lambda. */
  renderBackend: 'local' | 'lambda';
  lambda: LambdaEnv;
  /** Which variables hold AWS credentials (names only, never values); undefined when none are set. */
  awsCredentials: string | undefined;
  worker: WorkerEnv;
  platforms: PlatformApps;
}

export interface WorkerEnv {
  /** Jobs `noor worker` runs at once (default 4). */
  concurrency: number | undefined;
  /** Days finished renders are kept (default 30). */
  renderRetentionDays: number | undefined;
  /** Development only: post to the local test platform at this URL instead of the real platforms. */
  localPlatformUrl: string | undefined;
}

/** App credentials per platform (from NOOR_<PLATFORM>_CLIENT_ID/_SECRET); a platform without them has no adapter. */
export type PlatformApps = PlatformsConfig['apps'];

export function readEnv(source: NodeJS.ProcessEnv = process.env): NoorEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${issues}`);
  }
  return {
    browserExecutable: parsed.data.NOOR_BROWSER_EXECUTABLE,
    concurrency: parsed.data.NOOR_CONCURRENCY,
    cacheDir: parsed.data.NOOR_CACHE_DIR,
    ffmpeg: { ffmpeg: parsed.data.NOOR_FFMPEG ?? 'ffmpeg', ffprobe: parsed.data.NOOR_FFPROBE ?? 'ffprobe' },
    databaseUrl: parsed.data.DATABASE_URL,
    databasePort: parsed.data.NOOR_DB_PORT,
    secretKey: parsed.data.NOOR_SECRET_KEY,
    storage: storageConfig(parsed.data),
    renderBackend: parsed.data.NOOR_RENDER_BACKEND ?? 'local',
    lambda: {
      region: parsed.data.NOOR_LAMBDA_REGION,
      functionName: parsed.data.NOOR_LAMBDA_FUNCTION,
      serveUrl: parsed.data.NOOR_LAMBDA_SERVE_URL,
      outputBucket: parsed.data.NOOR_LAMBDA_BUCKET,
      framesPerLambda: parsed.data.NOOR_LAMBDA_FRAMES_PER_LAMBDA,
      licenseKey: parsed.data.NOOR_REMOTION_LICENSE_KEY,
    },
    awsCredentials: awsCredentialSource(source),
    worker: {
      concurrency: parsed.data.NOOR_WORKER_CONCURRENCY,
      renderRetentionDays: parsed.data.NOOR_RENDER_RETENTION_DAYS,
      localPlatformUrl: parsed.data.NOOR_LOCAL_PLATFORM_URL,
    },
    platforms: platformApps(parsed.data),
  };
}

/** Remotion's order of AWS credential sources, by variable name. */
function awsCredentialSource(source: NodeJS.ProcessEnv): string | undefined {
  const pair = (prefix: string) =>
    source[`${prefix}_ACCESS_KEY_ID`] && source[`${prefix}_SECRET_ACCESS_KEY`] ? `${prefix}_ACCESS_KEY_ID + ${prefix}_SECRET_ACCESS_KEY` : undefined;
  if (source.REMOTION_AWS_PROFILE) return 'REMOTION_AWS_PROFILE';
  return pair('REMOTION_AWS') ?? (source.AWS_PROFILE ? 'AWS_PROFILE' : undefined) ?? pair('AWS');
}

function platformApps(env: z.infer<typeof envSchema>): PlatformApps {
  const app = (id: string | undefined, secret: string | undefined) => (id && secret ? { clientId: id, clientSecret: secret } : undefined);
  return {
    x: app(env.NOOR_X_CLIENT_ID, env.NOOR_X_CLIENT_SECRET),
    youtube: app(env.NOOR_YOUTUBE_CLIENT_ID, env.NOOR_YOUTUBE_CLIENT_SECRET),
    instagram: app(env.NOOR_INSTAGRAM_CLIENT_ID, env.NOOR_INSTAGRAM_CLIENT_SECRET),
    tiktok: app(env.NOOR_TIKTOK_CLIENT_ID, env.NOOR_TIKTOK_CLIENT_SECRET),
  };
}

function storageConfig(env: z.infer<typeof envSchema>): StorageConfig {
  const bucket = env.NOOR_S3_BUCKET;
  const keyId = env.NOOR_S3_ACCESS_KEY_ID;
  const secret = env.NOOR_S3_SECRET_ACCESS_KEY;
  return {
    dir: env.NOOR_STORAGE_DIR,
    publicBaseUrl: env.NOOR_PUBLIC_BASE_URL,
    s3: bucket
      ? {
          bucket,
          region: env.NOOR_S3_REGION ?? 'us-east-1',
          endpoint: env.NOOR_S3_ENDPOINT,
          forcePathStyle: env.NOOR_S3_FORCE_PATH_STYLE ?? env.NOOR_S3_ENDPOINT !== undefined,
          credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
        }
      : undefined,
  };
}
