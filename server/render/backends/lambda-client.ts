// The slice of @remotion/lambda that Noor calls, as an interface so tests can
// inject a fake that records parameters. The real functions are loaded on
// first use only: importing @remotion/lambda pulls in the AWS SDK.
import type {
  AwsRegion,
  DeployFunctionInput,
  DeployFunctionOutput,
  DeploySiteInput,
  DownloadMediaInput,
  DownloadMediaOutput,
  EnhancedErrorInfo,
  FunctionInfo,
  GetRenderProgressInput,
  RenderMediaOnLambdaInput,
  RenderProgress,
} from '@remotion/lambda';

export type { AwsRegion };

/** What Noor reads from getRenderProgress. */
export type LambdaRenderProgress = Pick<
  RenderProgress,
  'done' | 'overallProgress' | 'framesRendered' | 'fatalErrorEncountered' | 'outputFile' | 'outKey' | 'outBucket' | 'outputSizeInBytes'
> & {
  errors: Pick<EnhancedErrorInfo, 'name' | 'message' | 'isFatal' | 'chunk' | 'frame' | 'explanation'>[];
  renderMetadata: { dimensions: { width: number; height: number }; frameRange?: [number, number] } | null;
};

export interface LambdaRenderClient {
  renderMediaOnLambda(input: RenderMediaOnLambdaInput): Promise<{ renderId: string; bucketName: string; cloudWatchLogs: string }>;
  getRenderProgress(input: GetRenderProgressInput): Promise<LambdaRenderProgress>;
  /** Downloads a finished render's output (private in S3) with the same AWS credentials. */
  downloadMedia(input: DownloadMediaInput): Promise<DownloadMediaOutput>;
  getRegions(): readonly AwsRegion[];
}

export interface LambdaDeployClient {
  getRegions(): readonly AwsRegion[];
  getOrCreateBucket(input: { region: AwsRegion }): Promise<{ bucketName: string; alreadyExisted: boolean }>;
  deployFunction(input: DeployFunctionInput): Promise<DeployFunctionOutput>;
  deploySite(input: DeploySiteInput): Promise<{ serveUrl: string; siteName: string }>;
  getFunctions(input: { region: AwsRegion; compatibleOnly: boolean }): Promise<Pick<FunctionInfo, 'functionName' | 'memorySizeInMb' | 'diskSizeInMb' | 'timeoutInSeconds' | 'version'>[]>;
}

export type LambdaClient = LambdaRenderClient & LambdaDeployClient;

export async function loadLambdaClient(): Promise<LambdaClient> {
  const lambda = await import('@remotion/lambda');
  return {
    getRegions: () => lambda.getRegions(),
    renderMediaOnLambda: (input) => lambda.renderMediaOnLambda(input),
    getRenderProgress: (input) => lambda.getRenderProgress(input),
    downloadMedia: (input) => lambda.downloadMedia(input),
    getOrCreateBucket: (input) => lambda.getOrCreateBucket(input),
    deployFunction: (input) => lambda.deployFunction(input),
    deploySite: (input) => lambda.deploySite(input),
    getFunctions: (input) => lambda.getFunctions(input),
  };
}

/** Narrows a configured region to one Remotion Lambda supports. */
export const isLambdaRegion = (client: Pick<LambdaRenderClient, 'getRegions'>, region: string): region is AwsRegion =>
  (client.getRegions() as readonly string[]).includes(region);
