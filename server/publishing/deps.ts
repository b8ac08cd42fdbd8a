// What publishing is given (never reads env or globals): the database, the
// token box, an adapter per platform, the media source, the retry/poll policy,
// and a clock and random source tests can pin.
import type { Platform } from '../db';
import type { PlatformAdapter } from '../platforms/adapter';
import type { TokenDeps } from './account-tokens';
import type { MediaSource } from './media';
import type { PublishingPolicy } from './policy';

export interface PublishingDeps extends TokenDeps {
  /** The adapter for a platform, or undefined when this worker has none configured. */
  adapterFor(platform: Platform): PlatformAdapter | undefined;
  media: MediaSource;
  policy: PublishingPolicy;
  now(): Date;
  random(): number;
}

/** This worker cannot publish to the platform at all; the job is retried (the target stays scheduled) until one is configured. */
export class NoAdapterError extends Error {
  override readonly name = 'NoAdapterError';
  constructor(readonly platform: Platform) {
    super(`platform: this worker has no adapter for ${platform}; the target stays scheduled until one is configured`);
  }
}

export function adapterOrThrow(deps: PublishingDeps, platform: Platform): PlatformAdapter {
  const adapter = deps.adapterFor(platform);
  if (!adapter) throw new NoAdapterError(platform);
  return adapter;
}
