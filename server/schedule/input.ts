// Validation of scheduling input: one error type whose message names each bad
// field ("location.lat: must be between -90 and 90"), and the zod parse that
// raises it. Knows nothing about time or prayer; it only reports.
import type { z } from 'zod';

export interface ScheduleInputIssue {
  /** the field, written as in the input: "location.lat", "slots[0].at" */
  field: string;
  message: string;
}

export class ScheduleInputError extends Error {
  override readonly name = 'ScheduleInputError';
  constructor(readonly issues: readonly ScheduleInputIssue[]) {
    super(issues.map((issue) => (issue.field ? `${issue.field}: ${issue.message}` : issue.message)).join('; '));
  }
}

const fieldName = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${String(key)}` : String(key)), '');

/** The parsed value, or a ScheduleInputError listing every bad field. */
export function parseScheduleInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new ScheduleInputError(result.error.issues.map((issue) => ({ field: fieldName(issue.path), message: issue.message })));
}
