// Builds the adapter for each platform whose app credentials are configured
// (NOOR_<PLATFORM>_CLIENT_ID and _SECRET, parsed by server/env.ts), or the
// local test platform for every platform in development. A platform without
// credentials has no adapter: its posts wait and `noor accounts connect`
// says which variables to set.
import type { Platform } from '../db';
import type { PlatformAdapter } from './adapter';
import { createInstagramAdapter } from './instagram';
import { createLocalPlatformAdapter } from './local';
import { createTikTokAdapter } from './tiktok';
import { createXAdapter } from './x';
import { createYouTubeAdapter } from './youtube';

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

export interface PlatformsConfig {
  apps: Partial<Record<Platform, AppCredentials>>;
  /** Development only: every platform posts to the local test platform at this URL. */
  localPlatformUrl?: string | undefined;
}

const FACTORIES: Record<Platform, (app: AppCredentials) => PlatformAdapter> = {
  x: createXAdapter,
  youtube: createYouTubeAdapter,
  instagram: createInstagramAdapter,
  tiktok: createTikTokAdapter,
};

/** One adapter per configured platform, made once. */
export function adaptersFromConfig(config: PlatformsConfig): (platform: Platform) => PlatformAdapter | undefined {
  const local = config.localPlatformUrl ? createLocalPlatformAdapter({ baseUrl: config.localPlatformUrl }) : undefined;
  const made = new Map<Platform, PlatformAdapter>();
  for (const [platform, app] of Object.entries(config.apps) as Array<[Platform, AppCredentials | undefined]>) {
    if (app) made.set(platform, FACTORIES[platform](app));
  }
  return (platform) => local ?? made.get(platform);
}
