// The one error renditions throw: which input or setting is at fault, why, and
// (when the output still breaks a platform rule) every violation found.
import { AnalysisError } from '../analyze/ffmpeg';
import type { Violation } from '../platforms/validate';

export class RenditionError extends Error {
  override readonly name = 'RenditionError';
  constructor(
    readonly field: string,
    reason: string,
    readonly violations: Violation[] = [],
    options?: { cause?: unknown },
  ) {
    super(`${field}: ${reason}`, options);
  }
}

/** A failed ffmpeg/ffprobe run as a RenditionError: a missing tool or a timeout names its setting, anything else `field` with the tail of stderr. */
export function runFailure(error: unknown, field: string, what: string): RenditionError {
  if (error instanceof RenditionError) return error;
  if (error instanceof AnalysisError) {
    const reason = error.message.slice(error.field.length + 2);
    return new RenditionError(error.field === 'timeout' ? 'timeoutMs' : error.field, reason, [], { cause: error });
  }
  const stderr = (error as { stderr?: string }).stderr?.trim().split('\n').slice(-3).join(' | ');
  return new RenditionError(field, `${what} (${stderr || (error as Error).message})`, [], { cause: error });
}
