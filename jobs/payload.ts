// Parses a job's payload with its zod schema; a bad payload throws an error
// naming the task and each field (graphile-worker records it on the job).
import type { z } from 'zod';

export class PayloadError extends Error {
  override readonly name = 'PayloadError';
}

export function parsePayload<S extends z.ZodType>(task: string, schema: S, payload: unknown): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'payload'}: ${issue.message}`);
  throw new PayloadError(`${task} payload: ${issues.join('; ')}`);
}
