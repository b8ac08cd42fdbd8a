// The RenderBackend seam: one render job in, one finished video out, with
// progress along the way. Backends know nothing of the database (trackRender
// records a job) nor of storage beyond where they write their output.
import type { AspectId } from '../../../compositions/layout/aspects';

export type RenderBackendName = 'local' | 'lambda';

export interface RenderJob {
  /** The renders row this job belongs to; used in messages and Lambda metadata. */
  renderId: string;
  /** A template id from compositions/registry.ts, e.g. "verse-reel". */
  templateId: string;
  aspect: AspectId;
  /** Props already resolved and validated against the template's schema; media as URLs or staged names. */
  inputProps: Record<string, unknown>;
  /** Where the MP4 goes, relative: under the local output folder, or the key in the output bucket. */
  outputKey: string;
  /** Only these frames (inclusive), e.g. for previews and tests. */
  frameRange?: [number, number] | undefined;
  /** 0..2 output scale; 1 when unset. */
  scale?: number | undefined;
}

export interface RenderProgress {
  /** 0..1 */
  progress: number;
  renderedFrames?: number | undefined;
  totalFrames?: number | undefined;
}

export interface RenderHooks {
  onProgress(p: RenderProgress): void;
  /** Aborted when the render must stop (the worker is shutting down): the backend throws RenderError 'cancelled'. */
  signal?: AbortSignal | undefined;
}

/** Where a finished render is: a local file (the Lambda backend downloads its output); `key` is the job's outputKey. */
export interface RenderLocation {
  kind: 'file';
  path: string;
  key: string;
}

export interface RenderOutput {
  location: RenderLocation;
  bytes: number;
  durationSec: number;
  width: number;
  height: number;
  backend: RenderBackendName;
}

export interface RenderBackend {
  readonly name: RenderBackendName;
  render(job: RenderJob, hooks: RenderHooks): Promise<RenderOutput>;
}
