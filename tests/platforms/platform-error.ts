// The PlatformError a platform call ended with, for tests that assert on its
// kind and details; a success or any other error fails the test.
import { PlatformError } from '../../server/platforms/adapter';

export async function platformError(promise: Promise<unknown>): Promise<PlatformError> {
  const outcome = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(outcome instanceof PlatformError)) throw new Error(`expected a PlatformError, got ${outcome === undefined ? 'success' : String(outcome)}`);
  return outcome;
}
