// Render backends behind one interface (types.ts): local (@remotion/renderer)
// and Remotion Lambda, chosen by backendFromConfig.
export type { RenderBackend, RenderBackendName, RenderHooks, RenderJob, RenderLocation, RenderOutput, RenderProgress } from './types';
export { RenderConfigError, RenderError, type RenderErrorKind } from './errors';
export { checkJob } from './job';
export { LocalRenderBackend, type LocalRenderBackendOptions } from './local';
export { LambdaRenderBackend, LAMBDA_MAX_RETRIES, type LambdaRenderBackendOptions } from './lambda';
export { isLambdaRegion, loadLambdaClient, type AwsRegion, type LambdaClient, type LambdaDeployClient, type LambdaRenderClient, type LambdaRenderProgress } from './lambda-client';
export { backendFromConfig, DEFAULT_LOCAL_RENDER_DIR, type BackendOverrides } from './from-config';
