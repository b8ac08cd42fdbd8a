// backendFromConfig: local by default; Lambda when NOOR_RENDER_BACKEND=lambda,
// with an error naming the first missing or unsupported setting.
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../env';
import { backendFromConfig } from './from-config';
import { RenderConfigError } from './errors';
import { LambdaRenderBackend } from './lambda';
import type { LambdaRenderClient } from './lambda-client';
import { LocalRenderBackend } from './local';

const fake: LambdaRenderClient = {
  getRegions: () => ['us-east-1', 'eu-central-1'],
  renderMediaOnLambda: () => Promise.reject(new Error('not called')),
  getRenderProgress: () => Promise.reject(new Error('not called')),
  downloadMedia: () => Promise.reject(new Error('not called')),
};

const lambdaEnv = {
  NOOR_RENDER_BACKEND: 'lambda',
  NOOR_LAMBDA_REGION: 'eu-central-1',
  NOOR_LAMBDA_FUNCTION: 'remotion-render-4-0-527-mem2048mb-disk2048mb-240sec',
  NOOR_LAMBDA_SERVE_URL: 'https://remotionlambda-eucentral1-abc.s3.eu-central-1.amazonaws.com/sites/noor/index.html',
};

describe('backendFromConfig', () => {
  it('renders locally by default', async () => {
    expect(await backendFromConfig(readEnv({}))).toBeInstanceOf(LocalRenderBackend);
  });

  it('renders on Lambda when configured', async () => {
    const backend = await backendFromConfig(readEnv(lambdaEnv), { lambdaClient: fake });
    expect(backend).toBeInstanceOf(LambdaRenderBackend);
    expect(backend.name).toBe('lambda');
  });

  for (const missing of ['NOOR_LAMBDA_REGION', 'NOOR_LAMBDA_FUNCTION', 'NOOR_LAMBDA_SERVE_URL'] as const) {
    it(`names ${missing} when it is missing`, async () => {
      const env = readEnv({ ...lambdaEnv, [missing]: undefined });
      const error = await backendFromConfig(env, { lambdaClient: fake }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RenderConfigError);
      expect(error).toMatchObject({ setting: missing });
      expect((error as Error).message).toMatch(new RegExp(`^${missing}: not set; NOOR_RENDER_BACKEND=lambda needs`));
    });
  }

  it('names the region when Remotion Lambda does not run there', async () => {
    await expect(backendFromConfig(readEnv({ ...lambdaEnv, NOOR_LAMBDA_REGION: 'mx-central-1' }), { lambdaClient: fake })).rejects.toThrow(
      'NOOR_LAMBDA_REGION: "mx-central-1" is not a region Remotion Lambda supports (us-east-1, eu-central-1)',
    );
  });
});
