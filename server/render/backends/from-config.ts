// Chooses the render backend from the environment: local (default) or
// Remotion Lambda (NOOR_RENDER_BACKEND=lambda), failing with the name of
// the first setting that is missing or wrong, before any render starts.
import path from 'node:path';
import type { NoorEnv } from '../../env';
import { defaultCacheDir, projectRoot } from '../../paths';
import { findBrowserExecutable } from '../browser';
import { RenderConfigError } from './errors';
import { isLambdaRegion, loadLambdaClient, type LambdaRenderClient } from './lambda-client';
import { LambdaRenderBackend } from './lambda';
import { LocalRenderBackend } from './local';
import type { RenderBackend } from './types';

/** Local renders are written here (under their outputKey) until storage takes them. */
export const DEFAULT_LOCAL_RENDER_DIR = path.join(projectRoot, '.noor', 'renders');

export interface BackendOverrides {
  /** The Lambda client (tests pass a fake); @remotion/lambda by default. */
  lambdaClient?: LambdaRenderClient;
  /** Folder for local renders (default .noor/renders). */
  localOutputDir?: string;
}

const DEPLOY_HINT = 'run `noor lambda deploy` and copy the value it prints';

export async function backendFromConfig(
  env: Pick<NoorEnv, 'renderBackend' | 'lambda' | 'browserExecutable' | 'concurrency' | 'cacheDir'>,
  overrides: BackendOverrides = {},
): Promise<RenderBackend> {
  if (env.renderBackend === 'local') {
    return new LocalRenderBackend({
      outputDir: overrides.localOutputDir ?? DEFAULT_LOCAL_RENDER_DIR,
      browserExecutable: findBrowserExecutable(env.browserExecutable),
      concurrency: env.concurrency,
      bundleDir: path.join(env.cacheDir ?? defaultCacheDir, 'bundle'),
    });
  }
  const { region, functionName, serveUrl } = env.lambda;
  if (!region) throw new RenderConfigError('NOOR_LAMBDA_REGION', `not set; NOOR_RENDER_BACKEND=lambda needs the AWS region the function was deployed to (e.g. us-east-1)`);
  if (!functionName) throw new RenderConfigError('NOOR_LAMBDA_FUNCTION', `not set; NOOR_RENDER_BACKEND=lambda needs the function name: ${DEPLOY_HINT}`);
  if (!serveUrl) throw new RenderConfigError('NOOR_LAMBDA_SERVE_URL', `not set; NOOR_RENDER_BACKEND=lambda needs the site URL: ${DEPLOY_HINT}`);
  const client = overrides.lambdaClient ?? (await loadLambdaClient());
  if (!isLambdaRegion(client, region)) {
    throw new RenderConfigError('NOOR_LAMBDA_REGION', `"${region}" is not a region Remotion Lambda supports (${client.getRegions().join(', ')})`);
  }
  return new LambdaRenderBackend({
    client,
    region,
    functionName,
    serveUrl,
    outputBucket: env.lambda.outputBucket,
    framesPerLambda: env.lambda.framesPerLambda,
    licenseKey: env.lambda.licenseKey,
  });
}
