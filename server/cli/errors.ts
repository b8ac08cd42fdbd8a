// Errors the CLI reports as a clear message (no stack trace) with an exit code.
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(`${message}\nRun "noor help" for usage.`, 2);

/** Strips stack frames from errors raised inside the browser so the reason reads first. */
export function cleanMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')
    .filter((line) => !/^\s+at /.test(line))
    .join('\n')
    .replace(/^Error: /, '')
    .trim();
}
