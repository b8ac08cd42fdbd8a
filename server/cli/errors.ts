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
