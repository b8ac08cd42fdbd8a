// `noor lambda deploy` and `noor lambda status`: deploy Remotion's render
// function and Noor's site (studio/index.ts) to AWS Lambda, and list the
// deployed functions. Checks credentials and settings before any AWS call,
// so a machine without credentials gets one clear message, never a hang.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NoorEnv } from '../../env';
import { projectRoot } from '../../paths';
import { isLambdaRegion, loadLambdaClient, type AwsRegion, type LambdaDeployClient } from '../../render/backends';
import { CliError, cleanMessage, usageError } from '../errors';

export const LAMBDA_SETUP_DOCS = 'https://www.remotion.dev/docs/lambda/setup';

export interface LambdaDeployOptions {
  region?: string | undefined;
  memory?: string | undefined;
  timeout?: string | undefined;
  disk?: string | undefined;
  siteName?: string | undefined;
}

export interface LambdaDeps {
  /** @remotion/lambda by default; tests pass a fake. */
  client?: LambdaDeployClient;
  /** The shared AWS credentials file (default ~/.aws/credentials). */
  credentialsFile?: string;
  /** How long the first AWS call may take before giving up (default 30 s). */
  awsTimeoutMs?: number;
}

export interface LambdaDeployResult {
  region: AwsRegion;
  bucketName: string;
  functionName: string;
  serveUrl: string;
}

const hasDefaultProfile = (file: string): boolean => {
  try {
    return readFileSync(file, 'utf8').includes('[default]');
  } catch {
    return false;
  }
};

/** Fails unless credentials are set the ways Remotion reads them (variables, or a default profile). */
function requireCredentials(env: Pick<NoorEnv, 'awsCredentials'>, credentialsFile: string): void {
  if (env.awsCredentials || hasDefaultProfile(credentialsFile)) return;
  throw new CliError(
    `no AWS credentials: set REMOTION_AWS_ACCESS_KEY_ID and REMOTION_AWS_SECRET_ACCESS_KEY (or AWS_PROFILE, or a [default] profile in ${credentialsFile}) for a user with Remotion's Lambda policy. See ${LAMBDA_SETUP_DOCS}`,
  );
}

function integerFlag(value: string | undefined, flag: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw usageError(`--${flag}: "${value}" must be a whole number from ${min} to ${max}`);
  return n;
}

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CliError(`${what}: AWS did not answer within ${ms / 1000} s; check the network, the region and the credentials`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

const step = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${what} failed: ${cleanMessage(error)}`);
  }
};

/** Region from --region or NOOR_LAMBDA_REGION, credentials, then the client; in that order, so nothing loads AWS before it can work. */
async function prepare(region: string | undefined, env: Pick<NoorEnv, 'awsCredentials'>, deps: LambdaDeps) {
  if (!region) throw usageError('--region: not given and NOOR_LAMBDA_REGION is not set; name the AWS region to deploy to, e.g. --region us-east-1');
  requireCredentials(env, deps.credentialsFile ?? path.join(os.homedir(), '.aws', 'credentials'));
  const client = deps.client ?? (await loadLambdaClient());
  if (!isLambdaRegion(client, region)) throw new CliError(`--region: "${region}" is not a region Remotion Lambda supports (${client.getRegions().join(', ')})`);
  return { client, region };
}

export async function lambdaDeployCommand(
  options: LambdaDeployOptions,
  env: Pick<NoorEnv, 'awsCredentials' | 'lambda'>,
  out: (line: string) => void,
  deps: LambdaDeps = {},
): Promise<LambdaDeployResult> {
  const memorySizeInMb = integerFlag(options.memory, 'memory', 2048, 512, 10240);
  const timeoutInSeconds = integerFlag(options.timeout, 'timeout', 240, 15, 900);
  const diskSizeInMb = integerFlag(options.disk, 'disk', 2048, 512, 10240);
  const siteName = options.siteName ?? 'noor';
  if (!/^[a-z0-9-]{1,64}$/.test(siteName)) throw usageError(`--site-name: "${siteName}" may use lowercase letters, digits and hyphens only`);
  const { client, region } = await prepare(options.region ?? env.lambda.region, env, deps);

  const bucket = await step('creating the Remotion bucket', () =>
    withDeadline(client.getOrCreateBucket({ region }), deps.awsTimeoutMs ?? 30_000, 'creating the Remotion bucket'),
  );
  out(`Bucket:   ${bucket.bucketName}${bucket.alreadyExisted ? '' : ' (created)'}`);
  const fn = await step('deploying the function', () =>
    client.deployFunction({ region, memorySizeInMb, timeoutInSeconds, diskSizeInMb, createCloudWatchLogGroup: true }),
  );
  out(`Function: ${fn.functionName}${fn.alreadyExisted ? ' (already deployed)' : ' (deployed)'}`);
  out('Site:     bundling studio/index.ts and uploading…');
  const site = await step('deploying the site', () =>
    client.deploySite({
      region,
      bucketName: bucket.bucketName,
      entryPoint: path.join(projectRoot, 'studio', 'index.ts'),
      siteName,
      options: { rootDir: projectRoot, publicDir: path.join(projectRoot, 'public'), enableCaching: true },
    }),
  );
  out(`Site:     ${site.serveUrl}`);
  out('');
  out('Render on Lambda with these settings (e.g. in .env):');
  out('NOOR_RENDER_BACKEND=lambda');
  out(`NOOR_LAMBDA_REGION=${region}`);
  out(`NOOR_LAMBDA_FUNCTION=${fn.functionName}`);
  out(`NOOR_LAMBDA_SERVE_URL=${site.serveUrl}`);
  return { region, bucketName: bucket.bucketName, functionName: fn.functionName, serveUrl: site.serveUrl };
}

export async function lambdaStatusCommand(
  options: { region?: string | undefined },
  env: Pick<NoorEnv, 'awsCredentials' | 'lambda'>,
  out: (line: string) => void,
  deps: LambdaDeps = {},
): Promise<void> {
  const { client, region } = await prepare(options.region ?? env.lambda.region, env, deps);
  const functions = await step('listing the functions', () =>
    withDeadline(client.getFunctions({ region, compatibleOnly: false }), deps.awsTimeoutMs ?? 30_000, 'listing the functions'),
  );
  out(`Region: ${region}`);
  if (functions.length === 0) out('No Remotion functions deployed here; run `noor lambda deploy`.');
  for (const f of functions) {
    const configured = f.functionName === env.lambda.functionName ? '  ← NOOR_LAMBDA_FUNCTION' : '';
    out(`${f.functionName}  v${f.version ?? '?'}  ${f.memorySizeInMb} MB  ${f.diskSizeInMb} MB disk  ${f.timeoutInSeconds} s${configured}`);
  }
  if (env.lambda.functionName && !functions.some((f) => f.functionName === env.lambda.functionName)) {
    out(`NOOR_LAMBDA_FUNCTION=${env.lambda.functionName} is not deployed in ${region}.`);
  }
  out(`Site: ${env.lambda.serveUrl ?? 'NOOR_LAMBDA_SERVE_URL is not set'}`);
}
