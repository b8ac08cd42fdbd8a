// `noor lambda deploy` / `status` with a fake @remotion/lambda client: the
// exact deployFunction/deploySite parameters and the settings printed; no
// credentials, no region, bad flags and an AWS that never answers each fail
// fast with a clear message and before any AWS call.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DeployFunctionInput, DeploySiteInput } from '@remotion/lambda';
import { projectRoot } from '../../paths';
import type { LambdaDeployClient } from '../../render/backends';
import { lambdaDeployCommand, lambdaStatusCommand } from './lambda';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'noor-lambda-cli-'));
const noFile = path.join(tmp, 'missing-credentials');

function fakeClient() {
  const calls = { bucket: [] as unknown[], fn: [] as DeployFunctionInput[], site: [] as DeploySiteInput[] };
  const client: LambdaDeployClient = {
    getRegions: () => ['us-east-1', 'eu-central-1'],
    async getOrCreateBucket(input) {
      calls.bucket.push(input);
      return { bucketName: 'remotionlambda-eucentral1-abc', alreadyExisted: false };
    },
    async deployFunction(input) {
      calls.fn.push(input);
      return { functionName: 'remotion-render-4-0-527-mem3008mb-disk2048mb-300sec', alreadyExisted: false };
    },
    async deploySite(input) {
      calls.site.push(input);
      return { serveUrl: 'https://remotionlambda-eucentral1-abc.s3.eu-central-1.amazonaws.com/sites/noor/index.html', siteName: 'noor' };
    },
    async getFunctions() {
      return [{ functionName: 'remotion-render-4-0-527-mem3008mb-disk2048mb-300sec', memorySizeInMb: 3008, diskSizeInMb: 2048, timeoutInSeconds: 300, version: '4.0.527' }];
    },
  };
  return { client, calls };
}

const lambda = { region: 'eu-central-1', functionName: undefined, serveUrl: undefined, outputBucket: undefined, framesPerLambda: undefined, licenseKey: undefined };
const withKeys = { awsCredentials: 'REMOTION_AWS_ACCESS_KEY_ID + REMOTION_AWS_SECRET_ACCESS_KEY', lambda };

describe('noor lambda deploy', () => {
  it('deploys the function and the site with the given settings and prints what to configure', async () => {
    const { client, calls } = fakeClient();
    const lines: string[] = [];
    const result = await lambdaDeployCommand({ memory: '3008', timeout: '300' }, withKeys, (l) => lines.push(l), { client, credentialsFile: noFile });
    expect(calls.bucket).toEqual([{ region: 'eu-central-1' }]);
    expect(calls.fn).toEqual([{ region: 'eu-central-1', memorySizeInMb: 3008, timeoutInSeconds: 300, diskSizeInMb: 2048, createCloudWatchLogGroup: true }]);
    expect(calls.site).toEqual([
      {
        region: 'eu-central-1',
        bucketName: 'remotionlambda-eucentral1-abc',
        entryPoint: path.join(projectRoot, 'studio', 'index.ts'),
        siteName: 'noor',
        options: { rootDir: projectRoot, publicDir: path.join(projectRoot, 'public'), enableCaching: true },
      },
    ]);
    expect(result).toEqual({
      region: 'eu-central-1',
      bucketName: 'remotionlambda-eucentral1-abc',
      functionName: 'remotion-render-4-0-527-mem3008mb-disk2048mb-300sec',
      serveUrl: 'https://remotionlambda-eucentral1-abc.s3.eu-central-1.amazonaws.com/sites/noor/index.html',
    });
    expect(lines.slice(-4)).toEqual([
      'NOOR_RENDER_BACKEND=lambda',
      'NOOR_LAMBDA_REGION=eu-central-1',
      'NOOR_LAMBDA_FUNCTION=remotion-render-4-0-527-mem3008mb-disk2048mb-300sec',
      'NOOR_LAMBDA_SERVE_URL=https://remotionlambda-eucentral1-abc.s3.eu-central-1.amazonaws.com/sites/noor/index.html',
    ]);
  });

  it('fails at once without AWS credentials, pointing at the setup docs, and calls nothing', async () => {
    const { client, calls } = fakeClient();
    const started = performance.now();
    await expect(lambdaDeployCommand({}, { awsCredentials: undefined, lambda }, () => undefined, { client, credentialsFile: noFile })).rejects.toThrow(
      /^no AWS credentials: set REMOTION_AWS_ACCESS_KEY_ID and REMOTION_AWS_SECRET_ACCESS_KEY .* See https:\/\/www\.remotion\.dev\/docs\/lambda\/setup$/,
    );
    expect(performance.now() - started).toBeLessThan(1000);
    expect(calls.bucket.length + calls.fn.length + calls.site.length).toBe(0);
  });

  it('accepts a [default] profile in the shared credentials file', async () => {
    const file = path.join(tmp, 'credentials');
    writeFileSync(file, '[default]\naws_access_key_id = AKIAEXAMPLE\n');
    const { client, calls } = fakeClient();
    await lambdaDeployCommand({}, { awsCredentials: undefined, lambda }, () => undefined, { client, credentialsFile: file });
    expect(calls.fn).toHaveLength(1);
  });

  it('names the missing region and bad flags', async () => {
    const { client } = fakeClient();
    const run = (options: Parameters<typeof lambdaDeployCommand>[0], region?: string) =>
      lambdaDeployCommand(options, { ...withKeys, lambda: { ...lambda, region } }, () => undefined, { client, credentialsFile: noFile });
    await expect(run({})).rejects.toThrow(/^--region: not given and NOOR_LAMBDA_REGION is not set/);
    await expect(run({ region: 'mars-north-1' })).rejects.toThrow('--region: "mars-north-1" is not a region Remotion Lambda supports');
    await expect(run({ memory: '100' }, 'us-east-1')).rejects.toThrow('--memory: "100" must be a whole number from 512 to 10240');
    await expect(run({ timeout: '901' }, 'us-east-1')).rejects.toThrow('--timeout: "901" must be a whole number from 15 to 900');
    await expect(run({ siteName: 'My Site' }, 'us-east-1')).rejects.toThrow('--site-name: "My Site" may use lowercase letters');
  });

  it('gives up when AWS does not answer instead of hanging', async () => {
    const { client } = fakeClient();
    client.getOrCreateBucket = () => new Promise(() => undefined);
    await expect(lambdaDeployCommand({}, withKeys, () => undefined, { client, credentialsFile: noFile, awsTimeoutMs: 50 })).rejects.toThrow(
      'creating the Remotion bucket: AWS did not answer within 0.05 s',
    );
  });

  it('reports an AWS error with the step it happened in', async () => {
    const { client } = fakeClient();
    client.deployFunction = () => Promise.reject(new Error('User is not authorized to perform: iam:PassRole'));
    await expect(lambdaDeployCommand({}, withKeys, () => undefined, { client, credentialsFile: noFile })).rejects.toThrow(
      'deploying the function failed: User is not authorized to perform: iam:PassRole',
    );
  });
});

describe('noor lambda status', () => {
  it('lists the deployed functions and marks the configured one', async () => {
    const { client } = fakeClient();
    const lines: string[] = [];
    const env = { ...withKeys, lambda: { ...lambda, functionName: 'remotion-render-4-0-527-mem3008mb-disk2048mb-300sec' } };
    await lambdaStatusCommand({}, env, (l) => lines.push(l), { client, credentialsFile: noFile });
    expect(lines).toEqual([
      'Region: eu-central-1',
      'remotion-render-4-0-527-mem3008mb-disk2048mb-300sec  v4.0.527  3008 MB  2048 MB disk  300 s  ← NOOR_LAMBDA_FUNCTION',
      'Site: NOOR_LAMBDA_SERVE_URL is not set',
    ]);
  });
});
