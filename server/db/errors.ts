// Turns driver errors into one readable reason. Node reports a refused
// connection to "localhost" as an AggregateError with an empty message.
export function errorReason(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorReason(error.errors[0]);
  if (error instanceof Error) return error.message || (error as NodeJS.ErrnoException).code || error.name;
  return String(error);
}
