// Errors of the render backends: RenderError for a render that could not be
// done (bad job, failed, timed out, cancelled), RenderConfigError for settings that are
// missing or wrong. Messages name the field or setting and the reason.
import type { RenderBackendName } from './types';

/** cancelled: the caller's signal stopped it (a worker shutting down); the render is made again later. */
export type RenderErrorKind = 'invalid_job' | 'failed' | 'timeout' | 'cancelled';

export class RenderError extends Error {
  override readonly name = 'RenderError';
  constructor(
    readonly kind: RenderErrorKind,
    readonly backend: RenderBackendName,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export class RenderConfigError extends Error {
  override readonly name = 'RenderConfigError';
  constructor(
    /** The environment variable (or option) at fault, e.g. NOOR_LAMBDA_REGION. */
    readonly setting: string,
    reason: string,
  ) {
    super(`${setting}: ${reason}`);
  }
}
